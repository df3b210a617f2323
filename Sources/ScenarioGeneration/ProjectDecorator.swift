// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

/// The campaign's dates as the generator uses them.
struct CampaignCalendar {
    let rules: RuleSet
    let national: Bool
    /// Regional: the committee; national: the redeployment date (15 October).
    let decisionDay: Day
    /// National: the engagement deadline (31 December).
    let deadline: Day

    var year: Int { rules.campaignYear }
    var opens: Day { rules.regionalWindow.opens }
    /// Last day a regular candidate is filed.
    var lastDeposit: Day { national ? rules.regionalWindow.closes : decisionDay.adding(days: -7) }
    /// The committee's deposit cut-off from the call text [000 §8]: the April committee takes the
    /// deposits until end of March, June until end of May; a committee from September on those
    /// until the regional window closes (15 September).
    var depositsUntil: Day {
        if decisionDay.month >= 9 { return min(rules.regionalWindow.closes, decisionDay) }
        return Day(year: decisionDay.year, month: decisionDay.month, day: 1)!.adding(days: -1)
    }
    /// Engaged projects were selected at an earlier committee (early April).
    var earlierCommittee: Day { Day(year: year, month: 4, day: 5)! }

    /// A day in `a...b`, skewed towards the end when `late` (files arrive before deadlines).
    func day(_ a: Day, _ b: Day, late: Bool = false, _ rng: inout SplitMix64) -> Day {
        let span = max(0, b.ordinal - a.ordinal)
        let u = late ? rng.unit().squareRoot() : rng.unit()
        return a.adding(days: min(span, Int(Double(span + 1) * u)))
    }
}

/// Draws everything about a project that the draft does not fix: modes, software, hours,
/// quotes, scores, dates, title.
struct ProjectDecorator {
    let index: RegisterIndex
    let calendar: CampaignCalendar

    enum ModeProfile { case acquisition, upgrade, mixed(Double) }

    func project(_ d: Draft, decision: Decision, rng: inout SplitMix64) -> Project {
        let profile = modeProfile(d, &rng)
        let product = software(d, &rng)
        var members: [Member] = []
        for e in d.members {
            let mode: Mode
            switch profile {
            case .acquisition: mode = .acquisition
            case .upgrade: mode = .upgrade
            case .mixed(let p): mode = rng.chance(p) ? .acquisition : .upgrade
            }
            members.append(member(e, mode: mode, &rng))
        }
        let quality = min(1, rng.unit() + (d.kind == .volume || d.kind == .nationalDesk || d.kind == .ght ? 0.15 : 0))
        let maturity = max(0, min(100, Int((100 * (0.15 + 0.65 * quality + rng.double(-0.12...0.12))).rounded())))
        var p = Project(id: "", title: "", porteur: d.porteur, software: product.name, referencing: product.referencing,
                        ght: d.kind == .ght, deposited: deposit(d, decision: decision, &rng),
                        scores: scores(d, quality: quality, maturity: maturity, product: product, &rng),
                        plannedMonths: plannedMonths(members, &rng), decision: decision,
                        region: calendar.national ? d.desk : nil, siMaturity: maturity, members: members)
        p.amoaRequested = amoa(d, &rng)
        if p.members.count >= 2 && rng.chance(0.03) {
            // An ESSMS of a national network, with the network's written agreement.
            let i = rng.int(0...(p.members.count - 1))
            p.members[i].nationalEntity = true
            p.nationalEntityAgreement = true
        }
        if d.kind == .joining { p.joinsAgreement = true }
        if calendar.national { p.ready = ready(after: p.deposited, &rng) }
        p.title = title(d, members: members, software: product.name, &rng)
        return p
    }

    private func modeProfile(_ d: Draft, _ rng: inout SplitMix64) -> ModeProfile {
        switch d.kind {
        case .ght: return .acquisition
        case .nationalDesk: return rng.chance(0.75) ? .upgrade : .mixed(0.3)
        case .ahiPjm: return rng.chance(0.7) ? .acquisition : .upgrade
        case .joining: return rng.chance(0.5) ? .acquisition : .upgrade
        case .volume: return .mixed(rng.double(0.1...0.35))
        default:
            let r = rng.unit()
            if d.members.count == 1 { return r < 0.35 ? .acquisition : .upgrade }
            return r < 0.22 ? .acquisition : r < 0.76 ? .upgrade : .mixed(rng.double(0.25...0.6))
        }
    }

    private func software(_ d: Draft, _ rng: inout SplitMix64) -> SoftwareCatalogue.Product {
        switch d.kind {
        case .ght: return SoftwareCatalogue.hospital
        case .ahiPjm: return rng.chance(0.6) ? SoftwareCatalogue.pick(SoftwareCatalogue.unreferenced, &rng)
                                              : SoftwareCatalogue.pick(SoftwareCatalogue.referenced, &rng)
        default:
            let domicile = d.members.filter { $0.sector == .domicile }.count * 2 > d.members.count
            if rng.chance(0.08) { return SoftwareCatalogue.pick(SoftwareCatalogue.inProgress, &rng) }
            if domicile && rng.chance(0.6) { return SoftwareCatalogue.pick(SoftwareCatalogue.domicile, &rng) }
            return SoftwareCatalogue.pick(SoftwareCatalogue.referenced, &rng)
        }
    }

    private func member(_ e: Establishment, mode: Mode, _ rng: inout SplitMix64) -> Member {
        var m = Member(finess: e.finess, mode: mode)
        let small = index.isSmall(e.ej, region: e.region)
        // Equipment quotes: small organisations (the aid is theirs); a few large ones ask anyway.
        if (small && rng.chance(mode == .acquisition ? 0.6 : 0.2)) || (!small && rng.chance(0.015)) {
            let euros = mode == .acquisition ? rng.int(2_000...12_500) : rng.int(1_000...6_000)
            let cents = rng.chance(0.5) ? 0 : rng.int(0...99)
            m.equipmentQuote = Money(cents: Int64(euros) * 100 + Int64(cents))
        }
        // SAAD: hours of year N-1, eligible (APA, PCH, other medico-social) within the total.
        if e.category == "460" {
            let u = rng.unit()
            let total = 4_000 + Int(116_000 * u * u)
            let eligible = rng.chance(0.35) ? total : Int((Double(total) * rng.double(0.55...0.98)).rounded())
            m.saadTotalHours = Quantity(raw: Int64(total) * 10_000)
            m.saadEligibleHours = Quantity(raw: Int64(eligible) * 10_000)
        }
        let cutoff = calendar.rules.sonsValidationCutoff
        switch mode {
        case .upgrade:
            // The editor's Ségur upgrade (SONS): ordered, often validated after the cutoff.
            if rng.chance(0.8) {
                m.sonsOrder = true
                if rng.chance(0.6) {
                    m.sonsValidated = calendar.day(cutoff.adding(days: 10), calendar.opens.adding(days: 90), &rng)
                }
            }
        case .acquisition:
            // Leaving a solution whose SONS order was cancelled in time.
            if rng.chance(0.04) {
                m.sonsOrder = true
                m.sonsCancelled = calendar.day(Day(year: calendar.year - 1, month: 10, day: 1)!,
                                               Day(year: calendar.year, month: 1, day: 31)!, &rng)
            }
        }
        return m
    }

    private func scores(_ d: Draft, quality q: Double, maturity: Int, product: SoftwareCatalogue.Product,
                        _ rng: inout SplitMix64) -> [Int?] {
        ScoreCriterion.allCases.map { c -> Int? in
            var x = 3 * q + rng.double(-0.9...0.9)
            switch c {
            case .mutualisation:
                switch d.kind {
                case .smallGrappe, .volume, .ght, .ahiPjm: x += 0.8
                case .soloSmall, .joining: x -= 1.2
                default: x -= 0.3
                }
            case .interop: if product.referencing == .segurMedicoSocial { x += 0.2 }
            case .maturite: x = 0.5 * x + 0.5 * 3 * Double(maturity) / 100
            case .plateforme: x -= 0.4
            default: break
            }
            return max(0, min(3, Int(x.rounded())))
        }
    }

    private func plannedMonths(_ members: [Member], _ rng: inout SplitMix64) -> Int {
        if members.contains(where: { $0.mode == .acquisition }) {
            return rng.chance(0.88) ? rng.int(9...18) : rng.int(19...30)
        }
        return rng.chance(0.9) ? rng.int(3...9) : rng.int(10...14)
    }

    private func amoa(_ d: Draft, _ rng: inout SplitMix64) -> Money {
        let allSmall = d.members.allSatisfy { index.isSmall($0.ej, region: $0.region) }
        let p: Double
        switch d.kind {
        case .smallGrappe: p = allSmall ? 0.5 : 0.1
        case .soloSmall: p = allSmall ? 0.2 : 0
        case .ahiPjm: p = allSmall ? 0.4 : 0.05
        case .ownOrganisation: p = 0.04
        default: p = 0
        }
        guard rng.chance(p) else { return .zero }
        let perESSMS = rng.int(4...10) * 500
        return Money(euros: Int64(max(8_000, d.members.count * perESSMS)))
    }

    private func deposit(_ d: Draft, decision: Decision, _ rng: inout SplitMix64) -> Day {
        let r = calendar.rules
        if decision == .engaged { return calendar.day(calendar.opens, calendar.earlierCommittee.adding(days: -14), &rng) }
        switch d.kind {
        case .nationalDesk:
            return calendar.day(r.nationalCallWindow.opens, r.nationalCallWindow.closes, late: true, &rng)
        case .multiRegional:
            return calendar.day(r.multiRegionalWindow.opens, min(r.multiRegionalWindow.closes, calendar.lastDeposit), late: true, &rng)
        case .joining:
            return calendar.day(calendar.earlierCommittee.adding(days: 3), calendar.lastDeposit, &rng)
        default:
            return calendar.day(calendar.opens, calendar.lastDeposit, late: true, &rng)
        }
    }

    /// National scope: the earliest engagement date; most before the deadline, some after.
    private func ready(after deposited: Day, _ rng: inout SplitMix64) -> Day {
        if rng.chance(0.12) {
            return calendar.day(calendar.deadline.adding(days: 6), calendar.deadline.adding(days: 90), &rng)
        }
        let d = deposited.adding(days: rng.int(20...100))
        return d <= calendar.deadline.adding(days: -10) ? d : calendar.day(calendar.decisionDay.adding(days: 15),
                                                                            calendar.deadline.adding(days: -10), &rng)
    }

    // MARK: - Titles

    private func title(_ d: Draft, members: [Member], software: String, _ rng: inout SplitMix64) -> String {
        let acquisitions = members.filter { $0.mode == .acquisition }.count
        let theme: String
        if acquisitions == members.count {
            theme = rng.pick(["Dossier usager commun", "Acquisition d'un DUI partagé", "Nouveau DUI référencé Ségur",
                              "Déploiement de \(software)"])!
        } else if acquisitions == 0 {
            theme = rng.pick(["Mise à niveau Ségur du DUI", "Montée de version Ségur", "Passage à la version Ségur de \(software)"])!
        } else {
            theme = rng.pick(["DUI commun et montée de version", "Convergence vers un DUI partagé", "Dossier usager commun"])!
        }
        let of = FrenchNames.ofDepartement(d.departement)
        let n = d.members.count
        switch d.kind {
        case .smallGrappe, .volume:
            return "Grappe \(grappeSubject(d.members)) \(of) — \(theme)"
        case .ownOrganisation:
            return "OG \(d.porteur.text) — \(theme) (\(n) ESSMS, \(FrenchNames.departement(d.departement)))"
        case .soloSmall:
            return "\(FrenchNames.displayName(d.members[0].name)) — \(theme)"
        case .nationalDesk:
            let regions = Set(d.members.map(\.region)).count
            return "OG \(d.porteur.text) — DUI national (\(n) ESSMS dans \(regions) régions)"
        case .multiRegional:
            let names = Array(Set(d.members.map(\.region))).sorted().compactMap { Geography.regionsByCode[$0]?.name }
            return "OG \(d.porteur.text) — \(theme) (interrégional : \(names.joined(separator: " / ")))"
        case .ght:
            return "GHT \(of) — DPI étendu aux ESSMS des hôpitaux"
        case .ahiPjm:
            let pjm = d.members.filter { $0.sector == .pjm }.count * 2 > n
            return "Grappe \(pjm ? "PJM" : "AHI") \(of) — Dossier social partagé"
        case .joining:
            return "\(FrenchNames.displayName(d.members[0].name)) — Rattachement à une grappe financée"
        }
    }

    /// "EHPAD", "personnes âgées", "médico-sociale", "PA-PH"…
    private func grappeSubject(_ members: [Establishment]) -> String {
        var byCategory: [String: Int] = [:], bySector: [Sector: Int] = [:]
        for e in members {
            byCategory[e.category, default: 0] += 1
            bySector[e.sector, default: 0] += 1
        }
        let n = members.count
        if let top = byCategory.keys.sorted().max(by: { byCategory[$0]! < byCategory[$1]! }),
           byCategory[top]! * 10 >= n * 6, let name = FrenchNames.categoryShortNames[top] {
            return name
        }
        let sectors = bySector.keys.sorted { (bySector[$0]!, $1) > (bySector[$1]!, $0) }
        if bySector[sectors[0]]! * 10 >= n * 6 { return FrenchNames.sectorPhrase(sectors[0]) }
        if sectors.count >= 2, (bySector[sectors[0]]! + bySector[sectors[1]]!) * 10 >= n * 8 {
            return "\(FrenchNames.sectorPhrase(sectors[0])) et \(FrenchNames.sectorPhrase(sectors[1]))"
        }
        return "médico-sociale"
    }
}
