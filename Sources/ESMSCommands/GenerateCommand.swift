// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import FundingRules
import ReportRendering
import ScenarioGeneration
import ScenarioModel

/// `esms generate`: a synthetic candidate pipeline over the real register.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a realistic synthetic candidate pipeline over the real register.",
        discussion: """
        Writes a scenario folder (scenario.yaml, projects.csv, members.csv, and regions.csv with \
        --national) whose establishments are the real ESSMS of the register and whose projects are \
        invented, to try the rules, the selection and the redeployment on a pipeline that looks real.

        Grappes follow organisations (FINESS juridique) and départements: a large OG files for its \
        own ESSMS; small OGs (fewer than 15 ESSMS in the whole register, 8 in Corse and overseas) \
        are pooled into grappes of 8–40 ESSMS with small OGs of the same or the neighbouring \
        département, or file alone (below the recommended size). A few grappes have 50 ESSMS or \
        more (volume rates), a few span two regions, one has 50 or more in several regions (the \
        national desk, which a regional committee must reject).

        Projects get acquisitions and upgrades, SAAD hours, equipment quotes and AMOA requests for \
        small OGs, the six scores, planned months, IS maturity and a Ségur referencing status \
        (a GHT with a hospital DPI, AHI/PJM grappes without referencing). Some ESSMS are in two \
        projects, some projects were engaged at an earlier committee or rejected, and a few are \
        ineligible on purpose, one case of each rule: other EU funds, prior funding, SONS \
        validated too early, SONS order not cancelled (2025 rules), comfort-only SAAD, national \
        desk, deposit outside the window or after the committee, national entity or joined \
        grappe without agreement.

        The same arguments give the same files, byte for byte: every draw comes from a generator \
        seeded with --seed. scenario.yaml names the register by a path relative to the output \
        folder; esms refuses to write into the folder that holds the register. \
        Scenarios/README.md gives the commands behind the shipped scenarios.

        EXAMPLES
          esms generate --region 53 --projects 150 --seed 20240614 -o my-bretagne
          esms generate --national --projects 2500 --seed 20241015 -o my-national
        """)

    @Option(help: ArgumentHelp("INSEE code of the region whose committee receives the pipeline (e.g. 53 Bretagne).",
                               valueName: "code"))
    var region: String?

    @Flag(help: "Generate the national redeployment of 15 October instead: every ARS desk and the national call.")
    var national = false

    @Option(help: ArgumentHelp("Number of candidate projects (10–20000).", valueName: "n"))
    var projects: Int

    @Option(help: ArgumentHelp("Seed of the generator: the same seed gives the same files.", valueName: "seed"))
    var seed: UInt64

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The scenario folder to write (created if needed).",
                                                                     valueName: "dir"))
    var output: String

    @Option(help: ArgumentHelp("The national FINESS register to draw establishments from.", valueName: "file"))
    var register = "Scenarios/data/finess-essms.csv"

    @Option(help: ArgumentHelp("Committee date of a regional pipeline (default: the Friday on or before 14 June of the campaign year).",
                               valueName: "date"))
    var committee: String?

    @Option(help: ArgumentHelp("Rule set the scenario names; dates follow its campaign year.", valueName: "2024|2025"))
    var rules = "2024"

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        if national == (region != nil) {
            throw Output.usage(.fr("donnez soit --region CODE, soit --national", en: "give either --region CODE or --national"))
        }
        if national && committee != nil {
            throw Output.usage(.fr("--committee vaut pour un vivier régional ; le national est daté du 15 octobre",
                                   en: "--committee is for a regional pipeline; the national one is dated 15 October"))
        }
        if let committee, Day.parse(committee) == nil {
            throw Output.usage(.fr("--committee '\(committee)' n'est pas une date (attendu : AAAA-MM-JJ ou JJ/MM/AAAA)",
                                   en: "--committee '\(committee)' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)"))
        }
        if RuleSet.builtin(rules) == nil {
            throw Output.usage(.fr("--rules '\(rules)' n'est pas un jeu de règles intégré (attendu : \(RuleSet.builtinNames.joined(separator: " ou ")))",
                                   en: "--rules '\(rules)' is not a built-in rule set (expected \(RuleSet.builtinNames.joined(separator: " or ")))"))
        }
        try NumericOptions.projects.check(projects)
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let registerURL = URL(fileURLWithPath: register).standardizedFileURL.resolvingSymlinksInPath()
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
        if registerURL.deletingLastPathComponent().path == outputURL.path {
            Output.fail(.fr("refus d'écrire dans \(output) : ce dossier contient le répertoire \(register)\n"
                                + "conseil : écrivez le scénario dans un dossier à lui, par exemple -o \(output)/mon-scenario",
                            en: "refusing to write into \(output): it holds the register \(register)\n"
                                + "help: write the scenario into a folder of its own, e.g. -o \(output)/my-scenario"))
            throw ExitStatus.outputFailed
        }
        let reg = try RegisterFile.load(register, hint: .fr("donnez le répertoire FINESS national avec --register (le chemin par défaut est relatif à la racine du dépôt)",
                                                             en: "give the national FINESS register with --register (the default is relative to the repository root)"))
        let request = GenerationRequest(
            scope: national ? .national : .regional(region: region!), projects: projects, seed: seed,
            rules: RuleSet.builtin(rules)!, committee: committee.flatMap(Day.parse),
            registerReference: Self.relativePath(from: outputURL, to: registerURL))
        let generated: GeneratedScenario
        do {
            generated = try ScenarioGenerator(register: reg).generate(request)
        } catch {
            Output.fail(.verbatim("\(error)"))
            throw ExitStatus.usage
        }
        for file in generated.files {
            do {
                try Output.writeAtomically(Data(file.contents.utf8), to: outputURL.appendingPathComponent(file.name).path,
                               inputs: [registerURL.path])
            } catch {
                Output.fail(.verbatim("\(error)"))
                throw ExitStatus.outputFailed
            }
        }
        let elapsed = clock.now - start
        let members = generated.projects.reduce(0) { $0 + $1.members.count }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let (n, conflicts) = (generated.projects.count, generated.conflicts.count)
        let f = ReportFormat(.fr)
        let files = generated.files.map(\.name).joined(separator: ", ")
        Output.say(.fr("fichiers écrits dans \(output) : \(files) — \(f.terminalInteger(n)) projets, \(f.terminalInteger(members)) membres, "
                           + "\(f.terminalInteger(conflicts)) ESSMS dans deux projets (\(f.terminalDecimal(seconds, digits: 2)) s)",
                       en: "wrote \(output): \(files) — \(n) projects, \(members) members, \(conflicts) ESSMS in two projects"
                           + " (\(String(format: "%.2f", seconds)) s)"))
        if n < projects {
            Output.note(.fr("les ESSMS libres du répertoire sont épuisés : \(f.terminalInteger(n)) projets au lieu de \(f.terminalInteger(projects))",
                            en: "the register's free ESSMS ran out: \(n) projects instead of \(projects)"))
        }
        let planted = PlantedCase.allCases.compactMap { c in generated.planted[c].map { "\(c.rawValue) \($0.count)" } }
        Output.say(.fr("cas plantés : ", en: "planted: ") + .verbatim(planted.joined(separator: ", ")))
    }

    /// `to` relative to the folder `from` ("../data/finess-essms.csv").
    static func relativePath(from dir: URL, to file: URL) -> String {
        let a = dir.pathComponents, b = file.pathComponents
        var common = 0
        while common < a.count, common < b.count - 1, a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: a.count - common)
        return (up + b[common...]).joined(separator: "/")
    }
}
