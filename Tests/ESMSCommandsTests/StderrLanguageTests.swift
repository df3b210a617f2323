// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// The commands' own messages on stderr (errors, warnings, notes, the files written, usage
/// errors) are French by default and English with `--lang en`, with the same exit status.
@Suite struct StderrLanguageTests {
    static let mini = "Tests/ESMSCommandsTests/Fixtures/mini/scenario.yaml"

    /// Runs `arguments` in French (default) and with `--lang en`; both end with `status`.
    func both(_ arguments: [String], status: Int32) throws -> (fr: CommandResult, en: CommandResult) {
        let fr = try CommandRunner.run(arguments)
        let en = try CommandRunner.run(arguments + ["--lang", "en"])
        #expect(fr.status == status, "\(arguments): \(fr.stderr)")
        #expect(en.status == status, "\(arguments) --lang en: \(en.stderr)")
        return (fr, en)
    }

    /// A copy of the mini scenario with `replacements` made in its scenario.yaml; its path.
    func variant(of replacements: [(String, String)], in dir: URL) throws -> String {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let root = Fixture.repositoryRoot.appendingPathComponent(Self.mini).deletingLastPathComponent()
        var yaml = try String(contentsOf: root.appendingPathComponent("scenario.yaml"), encoding: .utf8)
        for (a, b) in replacements {
            #expect(yaml.contains(a), "\(a)")
            yaml = yaml.replacingOccurrences(of: a, with: b)
        }
        for table in ["register", "projects", "members"] {
            yaml = yaml.replacingOccurrences(of: "\(table): \(table).csv", with: "\(table): \(root.path)/\(table).csv")
        }
        let path = dir.appendingPathComponent("scenario.yaml")
        try yaml.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("esms-\(name)-\(UUID().uuidString)")
    }

    @Test func aForgottenPercentIsAUsageErrorInBothLanguages() throws {
        let r = try both(["frontier", Self.mini, "--from", "50"], status: 2)
        #expect(r.fr.stderr.contains("erreur : --from 50 : une enveloppe de 50\u{00A0}€"), "\(r.fr.stderr)")
        #expect(r.fr.stderr.contains("écrivez 50% pour un pourcentage"), "\(r.fr.stderr)")
        #expect(!r.fr.stderr.contains("Error:") && !r.fr.stderr.contains("write 50%"), "\(r.fr.stderr)")
        #expect(r.en.stderr.contains("Error: --from 50: an envelope of"), "\(r.en.stderr)")
        #expect(r.en.stderr.contains("write 50% for a percentage"), "\(r.en.stderr)")
    }

    @Test func numericOptionsSayTheirRangeInBothLanguages() throws {
        let r = try both(["select", Self.mini, "--next-in-line", "11"], status: 2)
        #expect(r.fr.stderr.contains("--next-in-line prend un nombre entier de 0 à 10, reçu 11"), "\(r.fr.stderr)")
        #expect(r.en.stderr.contains("--next-in-line takes a whole number from 0 to 10, got 11"), "\(r.en.stderr)")
        let negative = try both(["simulate", Self.mini, "--seed", "-1"], status: 2)
        #expect(negative.fr.stderr.contains("jamais un nombre négatif"), "\(negative.fr.stderr)")
        #expect(negative.en.stderr.contains("never a negative number"), "\(negative.en.stderr)")
        let pins = try both(["select", Self.mini, "--force", "NOPE"], status: 2)
        #expect(pins.fr.stderr.contains("erreur : --force NOPE : aucun projet 'NOPE' dans le scénario"), "\(pins.fr.stderr)")
        #expect(pins.en.stderr.contains("error: --force NOPE: no project 'NOPE' in the scenario"), "\(pins.en.stderr)")
    }

    @Test func anInfeasibleSelectionSaysWhyInBothLanguages() throws {
        let dir = temporary("infeasible-lang")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try variant(of: [("territory: { basis: essms, tolerance: 0.20, mode: soft }",
                                     "territory: { basis: essms, tolerance: 0, mode: hard }")], in: dir)
        let r = try both(["select", path, "--json", "--explain-limit", "0", "--next-in-line", "0", "--time-limit", "20"], status: 1)
        #expect(r.fr.stderr.contains("erreur : aucune sélection ne respecte les contraintes impératives du scénario"), "\(r.fr.stderr)")
        #expect(!r.fr.stderr.contains("error:") && !r.fr.stderr.contains("balance:"), "\(r.fr.stderr)")
        #expect(r.en.stderr.contains("error: no selection satisfies the scenario's hard constraints"), "\(r.en.stderr)")
        // The JSON document is the same in both languages.
        #expect(r.fr.stdout == r.en.stdout)
        // The report is written (exit 0) and says it has no selection.
        let out = dir.appendingPathComponent("report").path
        let report = try both(["report", path, "-o", out, "--no-simulation", "--frontier-steps", "0", "--tradeoff-points", "0",
                               "--explain-limit", "0", "--time-limit", "20"], status: 0)
        #expect(report.fr.stderr.contains("fichiers écrits dans \(out)/ : "), "\(report.fr.stderr)")
        #expect(report.fr.stderr.contains("note : le rapport n'a pas de sélection : impossible"), "\(report.fr.stderr)")
        #expect(report.en.stderr.contains("wrote \(out)/: "), "\(report.en.stderr)")
        #expect(report.en.stderr.contains("note: the report has no selection: infeasible"), "\(report.en.stderr)")
    }

    @Test func anOverspentEnvelopeIsWarnedInBothLanguages() throws {
        let dir = temporary("overspent-lang")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try variant(of: [("engaged: 50000", "engaged: 450000")], in: dir)
        // Nothing fits in a negative envelope: infeasible, exit 1, after the warning.
        let r = try both(["select", path, "--explain-limit", "0", "--next-in-line", "0"], status: 1)
        #expect(r.fr.stderr.contains("avertissement : l'enveloppe est dépassée avant ce comité"), "\(r.fr.stderr)")
        #expect(r.en.stderr.contains("warning: the envelope is overspent before this committee"), "\(r.en.stderr)")
        // The JSON's warnings are the same in both languages.
        #expect(r.fr.stderr.contains("erreur : aucune sélection ne respecte"), "\(r.fr.stderr)")
        // The diagnosis names the cause: the envelope, not forced projects (there are none).
        let all = r.fr.stdout + r.fr.stderr, allEnglish = r.en.stdout + r.en.stderr
        #expect(all.contains("l'enveloppe est déjà dépassée avant ce comité"), "\(all)")
        #expect(allEnglish.contains("the envelope is already overspent before this committee"), "\(allEnglish)")
        #expect(!allEnglish.contains("forced projects ()"))
        let json = try both(["select", path, "--json", "--explain-limit", "0", "--next-in-line", "0"], status: 1)
        #expect(json.fr.stdout == json.en.stdout)
    }

    @Test func filesWrittenAreSaidInBothLanguages() throws {
        let dir = temporary("fund-csv-lang")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let csv = dir.appendingPathComponent("fund.csv").path
        let r = try both(["fund", Self.mini, "--csv", csv], status: 0)
        #expect(r.fr.stderr.contains("écrit : \(csv)"), "\(r.fr.stderr)")
        #expect(r.en.stderr.contains("wrote \(csv)"), "\(r.en.stderr)")
    }
}
