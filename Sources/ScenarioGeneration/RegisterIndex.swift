// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

/// The register arranged for building grappes: ESSMS by region and by organisation, every list
/// sorted by FINESS so that generation never depends on dictionary order.
struct RegisterIndex {
    let register: Register
    let rules: RuleSet
    /// Region code → its ESSMS, sorted by FINESS.
    let byRegion: [String: [Establishment]]
    /// OG (FINESS juridique) → its ESSMS over the whole register, sorted by FINESS.
    let byOG: [FINESS: [Establishment]]
    /// OGs running ESSMS in more than one region, sorted.
    let multiRegionOGs: [FINESS]

    init(register: Register, rules: RuleSet) {
        self.register = register
        self.rules = rules
        let sorted = register.establishments.sorted { $0.finess < $1.finess }
        var byRegion: [String: [Establishment]] = [:]
        var byOG: [FINESS: [Establishment]] = [:]
        for e in sorted {
            byRegion[e.region, default: []].append(e)
            byOG[e.ej, default: []].append(e)
        }
        self.byRegion = byRegion
        self.byOG = byOG
        multiRegionOGs = byOG.keys.sorted().filter { ej in
            let list = byOG[ej]!
            return list.contains { $0.region != list[0].region }
        }
    }

    /// Whether an OG is small for an ESSMS of `region`: fewer ESSMS in the whole register than
    /// the region's threshold (15, or 8 in Corse and overseas).
    func isSmall(_ ej: FINESS, region: String) -> Bool {
        (register.ogSize[ej] ?? 0) < rules.smallOrganisationThreshold(region: region)
    }

    /// Names that say a hospital runs the ESSMS ("EHPAD CH DINAN", "SSIAD DU CENTRE HOSPITALIER…").
    static func isHospitalRun(_ e: Establishment) -> Bool {
        let words = e.name.uppercased().split { !$0.isLetter && $0 != "." }
        return words.contains { ["CH", "CHU", "CHI", "CHR", "C.H", "C.H.", "HOSPITALIER", "HOPITAL", "HÔPITAL"].contains(String($0)) }
    }
}
