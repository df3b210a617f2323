// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import ReportRendering
import ScenarioModel
import Selection

/// `esms envelopes`: the CNSA split of the national credits between regions.
struct EnvelopesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "envelopes",
        abstract: "Split a national total between regions pro rata of their ESSMS, Corse and overseas at a floor.",
        discussion: """
        Each floor region (default: Corse 94 and the overseas regions 01, 02, 03, 04, 06) gets the \
        floor; the other regions share the rest pro rata of their ESSMS in the register, rounded to \
        the euro by largest remainder (ties: the lower region code), so that the parts sum exactly to \
        the total (RULES.md §7). With the 2024 rule set (the default) the official 2024 table is \
        shown beside the computed one, with the difference per region. The register's date is \
        stated: the shipped register is the FINESS extract of 8 January 2021, the 2024 table was \
        computed on a more recent one.

        Exit codes: 0 success, 1 the register has errors, 2 usage.
        """)

    @Option(help: ArgumentHelp("The FINESS register (CSV of the scenario contract).", valueName: "file"))
    var register = "Scenarios/data/finess-essms.csv"

    @Option(help: ArgumentHelp("The total to split, in whole euros (e.g. 71500000).", valueName: "euros"))
    var total: String

    @Option(help: ArgumentHelp("The amount of each floor region, in whole euros.", valueName: "euros"))
    var floor: String = "500000"

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Regions at the floor (INSEE codes, space- or comma-separated; none: ''). Default: 94 01 02 03 04 06.",
                               valueName: "code"))
    var floorRegions: [String] = EnvelopeSplit.defaultFloorRegions

    @Option(help: ArgumentHelp("Rule set: 2024 shows the official 2024 table beside the split; 2025 does not.", valueName: "year"))
    var rules = "2024"

    @Option(help: ArgumentHelp("Date of the register's extract, stated in the output (default: 2021-01-08 for the shipped register).",
                               valueName: "date"))
    var registerDate: String?

    @OptionGroup var languageOption: LanguageOption

    @Flag(help: "Print one JSON document on stdout; human text goes to stderr.")
    var json = false

    func validate() throws {
        guard ["2024", "2025"].contains(rules) else { throw Output.usage(.fr("--rules vaut 2024 ou 2025, reçu '\(rules)'", en: "--rules must be 2024 or 2025, got '\(rules)'")) }
        _ = try euros(total, "--total")
        _ = try euros(floor, "--floor")
        for code in codes where Geography.regionsByCode[code] == nil {
            throw Output.usage(.fr("--floor-regions : '\(code)' n'est pas un code INSEE de région (par exemple 94 Corse, 01 Guadeloupe)",
                                   en: "--floor-regions: '\(code)' is not an INSEE region code (e.g. 94 Corse, 01 Guadeloupe)"))
        }
    }

    var codes: [String] {
        var out: [String] = []
        for item in floorRegions {
            for part in item.split(whereSeparator: { $0 == "," || $0 == " " }) {
                let code = String(part)
                out.append(code.count == 1 ? "0" + code : code)
            }
        }
        return out
    }

    func euros(_ text: String, _ option: String) throws -> Money {
        guard case .success(let m) = Money.parse(text.replacingOccurrences(of: " ", with: ""), decimalComma: false),
              m.cents >= 0, m.cents % 100 == 0 else {
            throw Output.usage(.fr("\(option) est un nombre entier d'euros, par exemple 71500000 ; reçu '\(text)'",
                                   en: "\(option) must be a whole number of euros, e.g. 71500000; got '\(text)'"))
        }
        return m
    }

    func run() throws {
        let url = URL(fileURLWithPath: register).standardizedFileURL.resolvingSymlinksInPath()
        let reg = try RegisterFile.load(register, hint: .fr("donnez le répertoire FINESS avec --register (le chemin par défaut est relatif à la racine du dépôt)",
                                                             en: "give the FINESS register with --register (the default is relative to the repository root)"))
        let totalMoney = try euros(total, "--total"), floorMoney = try euros(floor, "--floor")
        let shipped = url.lastPathComponent == "finess-essms.csv" && url.deletingLastPathComponent().lastPathComponent == "data"
        let date = registerDate ?? (shipped ? "2021-01-08" : nil)
        let shares: [EnvelopeShare]
        do {
            shares = try EnvelopeSplit.split(total: totalMoney, floor: floorMoney, floorRegions: codes,
                                             counts: reg.counts(by: { $0.region }), withOfficial2024: rules == "2024")
        } catch {
            Output.fail(Self.describe(error))
            throw ExitStatus.usage
        }
        if json {
            try Output.out(EnvelopeDocument.json(shares, total: totalMoney, floor: floorMoney, register: register,
                                             registerDate: date, registerESSMS: reg.count).rendered())
        } else {
            try Output.out(EnvelopeDocument.text(shares, total: totalMoney, floor: floorMoney, register: register,
                                             registerDate: date, registerESSMS: reg.count, language: languageOption.language))
        }
    }

    static func describe(_ error: EnvelopeSplit.Failure) -> Phrase {
        switch error {
        case .notWholeEuros(let what): return .fr("\(what) n'est pas un nombre entier d'euros", en: "\(what) is not a whole number of euros")
        case .floorsExceedTotal(let floors, let total):
            return .fr("les planchers à eux seuls (\(floors.frenchString)) dépassent le total (\(total.frenchString))\nconseil : baissez --floor ou augmentez --total",
                       en: "the floors alone (\(floors.frenchString)) exceed the total (\(total.frenchString))\nhelp: lower --floor or raise --total")
        case .unknownRegion(let r): return .fr("'\(r)' n'est pas l'une des 18 régions", en: "'\(r)' is not one of the 18 regions")
        case .noESSMS:
            return .fr("aucun ESSMS dans le répertoire pour les régions qui se partagent le prorata\nconseil : vérifiez la colonne région du répertoire",
                       en: "no ESSMS in the register for the regions sharing the prorata\nhelp: check the register's region column")
        case .overflow: return .fr("le total est trop grand pour être réparti exactement", en: "the total is too large to split exactly")
        }
    }
}
