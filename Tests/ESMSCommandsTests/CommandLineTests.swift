// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// The `esms` binary run as a user runs it: output, messages and exit codes.
@Suite struct CommandLineTests {
    static let fixtures = "Tests/ESMSCommandsTests/Fixtures"

    func esms(_ args: String...) throws -> CommandResult { try CommandRunner.run(args) }

    @Test func fundJSONMatchesTheGoldenFile() throws {
        let r = try esms("fund", "\(Self.fixtures)/mini/scenario.yaml", "--json")
        #expect(r.status == 0)
        let golden = Fixture.repositoryRoot.appendingPathComponent("\(Self.fixtures)/mini/fund.golden.json")
        if let diff = Golden.check(r.stdout, golden) { Issue.record(Comment(rawValue: diff)) }
        // Machine output only on stdout.
        #expect(r.stdout.hasPrefix("{"))
    }

    @Test func fundTextShowsEveryProjectAndTheTotals() throws {
        let r = try esms("fund", "\(Self.fixtures)/mini/scenario.yaml")
        #expect(r.status == 0)
        #expect(r.stdout.contains("EHP-1") && r.stdout.contains("345\u{202F}500"))
        #expect(r.stdout.contains("10\u{202F}666,67"))
        // French by default, the codes in words.
        #expect(r.stdout.contains("5 projets recevables sur 6"), "\(r.stdout)")
        #expect(r.stdout.contains("1 déjà financé par ESMS numérique pour un DUI"), "\(r.stdout)")
        let en = try esms("fund", "\(Self.fixtures)/mini/scenario.yaml", "--lang", "en")
        #expect(en.stdout.contains("5 of 6 projects eligible"))
        #expect(en.stdout.contains("1 prior-funding, 1 sons-validated-early, 1 comfort-only"))
    }

    @Test func fundWritesAnExcelCSVAtomically() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-csv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("fund.csv").path
        let r = try esms("fund", "\(Self.fixtures)/mini/scenario.yaml", "--csv", path)
        #expect(r.status == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        // The columns of decisions.csv, amounts with their two decimals, words instead of codes.
        #expect(text.hasPrefix("projet;titre;porteur;departement;region;recevable;guichet;essms;acquisitions;mises_a_niveau;"
            + "essms_exclus;score;usage;logiciel;equipement;amoa;montant;motifs;detail_essms_exclus\r\n"))
        #expect(text.contains(";oui;régional;3;0;3;1;"), "\(text)")
        #expect(text.contains(";10666,67;0,00;0,00;0,00;10666,67;référencement Ségur en cours, en dessous de la taille minimale;"
            + "220004873 : évolution de confort uniquement\r\n"), "\(text)")
        #expect(text.contains("EHP-1;Grappe EHPAD du Finistère, dossier commun;"))
        #expect(text.contains(";290001114;29;Bretagne;oui;régional;11;11;0;1;13;"))
        #expect(text.contains(";77000,00;154000,00;14500,00;100000,00;345500,00;en dessous de la taille minimale;"))
        let en = try esms("fund", "\(Self.fixtures)/mini/scenario.yaml", "--csv", path, "--lang", "en")
        #expect(en.status == 0)
        let english = String(decoding: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))).dropFirst(3), as: UTF8.self)
        #expect(english.hasPrefix("project;title;porteur;departement;region;eligible;desk;"))
        #expect(english.contains(";yes;regional;3;0;3;1;"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func fundRefusesToOverwriteAnInput() throws {
        let input = "\(Self.fixtures)/mini/projects.csv"
        let before = try Data(contentsOf: Fixture.repositoryRoot.appendingPathComponent(input))
        let r = try esms("fund", "\(Self.fixtures)/mini/scenario.yaml", "--csv", input)
        #expect(r.status == 3)
        #expect(r.stderr.contains("c'est une entrée de cette exécution"))
        #expect(try Data(contentsOf: Fixture.repositoryRoot.appendingPathComponent(input)) == before)
    }

    @Test func validateAcceptsAGoodScenario() throws {
        let r = try esms("validate", "\(Self.fixtures)/mini/scenario.yaml")
        #expect(r.status == 0)
        #expect(r.stderr.contains("valid"))
    }

    /// A variant may change a rule value of a built-in rule set (`rules.volume_rank`).
    @Test func aVariantChangesARuleValue() throws {
        let r = try esms("fund", "\(Self.fixtures)/mini/scenario.yaml", "--variant", "rang-volume-11", "--json")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"rules\": \"2024 (modified)\""))
        // EHP-1: 11 acquisitions, ranks 1–10 at 21 000 €, rank 11 at 5 000 €, + 14 500 € equipment + 100 000 € AMOA.
        #expect(r.stdout.contains("\"total\": 329500"))
        let base = try esms("fund", "\(Self.fixtures)/mini/scenario.yaml", "--json")
        #expect(base.stdout.contains("\"total\": 345500") && base.stdout.contains("\"rules\": \"2024\""))
    }

    @Test func aVariantOverridesTheScenario() throws {
        let r = try esms("validate", "\(Self.fixtures)/mini/scenario.yaml", "--variant", "enveloppe-moins-10")
        #expect(r.status == 0)
        let bad = try esms("validate", "\(Self.fixtures)/mini/scenario.yaml", "--variant", "nope")
        #expect(bad.status == 1 && bad.stderr.contains("aucune variante 'nope'"))
    }

    /// Every problem of the broken scenario, each at its file, line and column, in one run.
    @Test func everyProblemIsReportedAtOnceWithItsLocation() throws {
        let r = try esms("validate", "\(Self.fixtures)/broken/scenario.yaml", "--lang", "en")
        #expect(r.status == 1)
        let expected = [
            "broken/members.csv:3:3 (finess): error: FINESS 220000350 appears twice in project 'A'",
            "broken/members.csv:4:3 (finess): error: FINESS 290000314 is not in the register",
            "broken/members.csv:4:13 (mode): error: unknown 'mode' value (expected one of acquisition, upgrade; found 'achat')",
            "broken/members.csv:5:21 (saad_eligible_hours): error: SAAD eligible hours exceed the total hours",
            "broken/members.csv:6:3 (finess): error: FINESS 350000014 is not in the register",
            "broken/projects.csv:2:55 (amoa_requested): error: 'amoa_requested' is not an amount",
            "broken/projects.csv:2:64 (region): error: unknown region code",
            "broken/projects.csv:3:1 (id): error: project id 'A' is used twice",
            "broken/projects.csv:4:46 (referencing): error: unknown 'referencing' value",
            "broken/projects.csv:4:66 (amoa_requested): error: 'amoa_requested' is a negative amount",
            "broken/projects.csv:5:48 (deposited): error: 'deposited' is not a date",
            "broken/register.csv:6:1 (finess): error: invalid FINESS number 290000315",
        ]
        Self.expectInOrder(expected, in: r.stderr)
        #expect(r.stderr.contains("its last digit would be 4"))
        #expect(r.stderr.contains("12 errors, 0 warnings"))
        #expect(!r.stderr.contains("DecodingError"))
    }

    /// The same problems in French, the default: same locations, same order, same exit code.
    @Test func theProblemsAreInFrenchByDefault() throws {
        let r = try esms("validate", "\(Self.fixtures)/broken/scenario.yaml")
        let en = try esms("validate", "\(Self.fixtures)/broken/scenario.yaml", "--lang", "en")
        #expect(r.status == 1 && en.status == 1)
        Self.expectInOrder([
            "broken/members.csv:3:3 (finess) : erreur : le FINESS 220000350 figure deux fois dans le projet 'A'",
            "broken/members.csv:4:13 (mode) : erreur : valeur de 'mode' inconnue (attendu : l'une des valeurs acquisition, upgrade ; trouvé : 'achat')",
            "broken/members.csv:5:21 (saad_eligible_hours) : erreur : les heures SAAD éligibles dépassent le total des heures",
            "    conseil : les heures éligibles font partie du total des heures",
            "broken/projects.csv:2:55 (amoa_requested) : erreur : 'amoa_requested' n'est pas un montant",
            "broken/projects.csv:4:66 (amoa_requested) : erreur : 'amoa_requested' est un montant négatif "
                + "(attendu : un montant en euros, 0 ou plus, au plus 2 décimales, au plus 10\u{202F}000\u{202F}000\u{202F}000\u{00A0}€ ; trouvé : '-500')",
            "broken/projects.csv:5:48 (deposited) : erreur : 'deposited' n'est pas une date (attendu : une date écrite AAAA-MM-JJ ou JJ/MM/AAAA",
            "broken/register.csv:6:1 (finess) : erreur : numéro FINESS invalide 290000315",
            "son dernier chiffre serait 4",
            "12 erreurs, 0 avertissement",
        ], in: r.stderr)
        // Line by line, the same locations in the same order as in English.
        let located = { (s: String) in
            s.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != " " }).trimmingCharacters(in: [":"]) }
        }
        #expect(located(r.stderr) == located(en.stderr))
        #expect(!r.stderr.contains(": error:") && !r.stderr.contains("hint:"))
    }

    /// Each line found after the previous one.
    static func expectInOrder(_ lines: [String], in text: String) {
        var position = text.startIndex
        for line in lines {
            guard let found = text.range(of: line, range: position..<text.endIndex) else {
                Issue.record("missing or out of order: \(line)\n--- stderr:\n\(text)")
                continue
            }
            position = found.upperBound
        }
    }

    @Test(arguments: [
        ("yaml-error", "yaml-error/scenario.yaml:7:2: error: YAML syntax error"),
        ("missing-file", "missing-file/scenario.yaml:7:11 (projects): error: the projects table 'projets.csv' cannot be read"),
        ("missing-column", "missing-column/projects.csv:1: error: the required column 'referencing' is missing"),
        ("mixed-separators", "mixed-separators/projects.csv:3:1: error: this line uses another separator than the header"),
        ("empty-tables", "empty-tables/members.csv:1: error: the table is empty"),
        ("empty-tables", "empty-tables/projects.csv:1: error: the table has a header but no rows"),
    ])
    func fileLevelProblemsAreLocated(fixture: String, message: String) throws {
        for command in ["validate", "fund"] {
            let r = try esms(command, "\(Self.fixtures)/\(fixture)/scenario.yaml", "--json", "--lang", "en")
            #expect(r.status == 1, "\(command) \(fixture)")
            #expect(r.stderr.contains(message), "\(command) \(fixture): \(r.stderr)")
        }
    }

    @Test func validateJSONListsDiagnostics() throws {
        let r = try esms("validate", "\(Self.fixtures)/mixed-separators/scenario.yaml", "--json")
        #expect(r.status == 1)
        #expect(r.stdout.contains("\"valid\": false"))
        #expect(r.stdout.contains("\"code\": \"csv-field-count\""))
        #expect(r.stdout.contains("\"line\": 3"))
    }

    /// `--json` carries the messages in the command's language, the codes and locations unchanged.
    @Test func validateJSONSpeaksTheLanguageOfTheCommand() throws {
        let file = "\(Self.fixtures)/mixed-separators/scenario.yaml"
        let fr = try esms("validate", file, "--json"), en = try esms("validate", file, "--json", "--lang", "en")
        #expect(fr.status == 1 && en.status == 1)
        func diagnostics(_ r: CommandResult) throws -> [[String: Any]] {
            let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            return doc?["diagnostics"] as? [[String: Any]] ?? []
        }
        let (f, e) = (try diagnostics(fr), try diagnostics(en))
        #expect(!f.isEmpty && f.count == e.count)
        for (a, b) in zip(f, e) {
            #expect(a["code"] as? String == b["code"] as? String && a["line"] as? Int == b["line"] as? Int)
            #expect(a["message"] as? String != b["message"] as? String)
        }
        #expect(f.first?["message"] as? String == "cette ligne utilise un autre séparateur que l'en-tête")
        #expect(e.first?["message"] as? String == "this line uses another separator than the header")
        #expect(fr.stdout.contains("\"language\": \"fr\"") && en.stdout.contains("\"language\": \"en\""))
    }

    @Test func missingScenarioAndUsageErrors() throws {
        let missing = try esms("fund", "nowhere/scenario.yaml")
        #expect(missing.status == 1 && missing.stderr.contains("aucun fichier de ce nom"))
        let missingEN = try esms("fund", "nowhere/scenario.yaml", "--lang", "en")
        #expect(missingEN.status == 1 && missingEN.stderr.contains("no such file"))
        let usage = try esms("fund")
        #expect(usage.status == 2 && usage.stderr.contains("Missing expected argument"))
        let unknown = try esms("fund", "x.yaml", "--frobnicate")
        #expect(unknown.status == 2)
        let help = try esms("fund", "--help")
        #expect(help.status == 0 && help.stdout.contains("SAAD prorata"))
        let root = try esms("--help")
        #expect(root.stdout.contains("EXIT CODES"))
    }
}

/// `esms select` end to end.
@Suite struct SelectCommandLineTests {
    static let mini = "Tests/ESMSCommandsTests/Fixtures/mini/scenario.yaml"

    @Test func selectJSONMatchesTheGoldenFile() throws {
        let r = try CommandRunner.run(["select", Self.mini, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let golden = Fixture.repositoryRoot.appendingPathComponent("Tests/ESMSCommandsTests/Fixtures/mini/select.golden.json")
        if let diff = Golden.check(r.stdout, golden) { Issue.record(Comment(rawValue: diff)) }
        #expect(r.stdout.contains("\"status\": \"optimal\""))
        #expect(r.stdout.contains("\"selected\": [\"SAAD-2\", \"PH-3\", \"AHI-4\"]"))
    }

    @Test func pinsChangeTheSelection() throws {
        let r = try CommandRunner.run(["select", Self.mini, "--json", "--exclude", "PH-3", "--force", "EHP-1"])
        // EHP-1 (345 500 €) is over the 330 000 € available: forcing it makes the model infeasible.
        #expect(r.status == 1)
        #expect(r.stdout.contains("\"status\": \"infeasible\""))
        let ok = try CommandRunner.run(["select", Self.mini, "--json", "--exclude", "PH-3"])
        #expect(ok.status == 0 && ok.stdout.contains("\"selected\": [\"SAAD-2\", \"AHI-4\"]"))
        let bad = try CommandRunner.run(["select", Self.mini, "--force", "BAD-5"])
        #expect(bad.status == 2 && bad.stderr.contains("n'est pas recevable"))
        let unknown = try CommandRunner.run(["select", Self.mini, "--exclude", "NOPE"])
        #expect(unknown.status == 2 && unknown.stderr.contains("aucun projet 'NOPE'"))
    }

    /// The exported model, re-solved by glpsol, gives the same optimum as the last stage.
    @Test(arguments: ["lp", "mps"])
    func exportedModelIsReSolvedByGlpsol(format: String) throws {
        let glpsol = "/usr/bin/glpsol"
        guard FileManager.default.isExecutableFile(atPath: glpsol) else {
            print("skipped: glpsol is not installed (Debian package glpk-utils)")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("model.\(format)").path
        let r = try CommandRunner.run(["select", Self.mini, "--json", "--export-model", model])
        #expect(r.status == 0)
        let text = try String(contentsOfFile: model, encoding: .utf8)
        #expect(text.contains("x_EHP_1") || text.contains("x_EHP-1"))
        #expect(text.contains("budget"))
        // glpsol writes its solution to a file we create first (it would unlink another path).
        let solution = dir.appendingPathComponent("solution.txt")
        FileManager.default.createFile(atPath: solution.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: glpsol)
        p.arguments = [format == "lp" ? "--lp" : "--freemps", model, "-o", solution.path]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let out = try String(contentsOf: solution, encoding: .utf8)
        let objective = out.split(separator: "\n").first { $0.hasPrefix("Objective:") }.map(String.init) ?? ""
        // The last stage minimises the soft-balance slack: a minimisation, written as is in both formats.
        let value = Double(objective.split(separator: "=").last?.split(separator: " ").first ?? "") ?? .nan
        let stage = try #require(r.stdout.range(of: "\"term\": \"balance\""))
        let after = r.stdout[stage.upperBound...]
        let valueLine = after.split(separator: "\n").first { $0.contains("\"value\"") } ?? ""
        let expected = Double(valueLine.split(separator: ":").last?.trimmingCharacters(in: CharacterSet(charactersIn: " ,")) ?? "") ?? .nan
        #expect(abs(value - expected) <= 1e-6 * max(1, abs(expected)), "glpsol: \(objective), esms: \(valueLine)")
    }
}
