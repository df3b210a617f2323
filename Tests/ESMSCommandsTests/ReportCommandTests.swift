// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ReportRendering
import Testing
import TestSupport

/// `esms report` end to end on the small fixture scenario: its files, byte-identical re-runs
/// under SOURCE_DATE_EPOCH, the language option, and the refusal to overwrite an input.
@Suite struct ReportCommandTests {
    static let mini = "Tests/ESMSCommandsTests/Fixtures/mini/scenario.yaml"

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("esms-report-\(UUID().uuidString)")
    }

    @Test func writesItsFilesReproducibly() throws {
        let a = Self.temporaryFolder(), b = Self.temporaryFolder()
        defer { for d in [a, b] { try? FileManager.default.removeItem(at: d) } }
        for dir in [a, b] {
            let r = try CommandRunner.run(["report", Self.mini, "-o", dir.path, "--frontier-steps", "3", "--tradeoff-points", "3"],
                                          environment: ["SOURCE_DATE_EPOCH": "1718352000"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("fichiers écrits dans \(dir.path)/ : "))
        }
        #expect(Report.fileNames.contains("decisions.xlsx"))
        // Every file of the report but the annex's details, which stay inside it below 400 projects.
        #expect(!FileManager.default.fileExists(atPath: a.appendingPathComponent(HTMLReport.detailsFile).path))
        for name in Report.fileNames where name != HTMLReport.detailsFile {
            let x = try Data(contentsOf: a.appendingPathComponent(name)), y = try Data(contentsOf: b.appendingPathComponent(name))
            #expect(x == y, "\(name) differs between two runs with the same SOURCE_DATE_EPOCH")
        }
        let audit = try String(contentsOf: a.appendingPathComponent("audit.json"), encoding: .utf8)
        #expect(audit.contains("\"time\": \"2024-06-14T08:00:00Z\""))
        #expect(audit.contains("\"role\": \"register\""))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: a.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    /// The procès-verbal traces the committee's pins with what they cost, and leaves blanks for the meeting.
    @Test func theProcesVerbalTracesThePinsAndTheirCost() throws {
        let dir = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CommandRunner.run(["report", Self.mini, "-o", dir.path, "--exclude", "PH-3", "--frontier-steps", "3", "--tradeoff-points", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        let pv = try String(contentsOf: dir.appendingPathComponent("pv.md"), encoding: .utf8)
        #expect(pv.contains("## Choix du comité"))
        #expect(pv.contains("Projets écartés par décision du comité : PH-3"))
        #expect(pv.contains("Par rapport à la sélection sans ces choix"))
        #expect(pv.contains("ces choix coûtent"), "\(pv)")
        #expect(pv.contains("Sans ces choix, seraient retenus : PH-3"), "\(pv)")
        let odt = try OpenDocumentContents(Array(Data(contentsOf: dir.appendingPathComponent("pv.odt"))))
        #expect(odt.lines == MarkdownText.lines(pv), "pv.odt holds pv.md's text, the committee's choices too")
        for blank in ["[lieu]", "[nom, fonction]", "Quorum : [atteint / non atteint]", "[n] voix pour", "## Conditions de versement"] {
            #expect(pv.contains(blank), "\(blank)")
        }
        let plain = try CommandRunner.run(["report", Self.mini, "-o", dir.path, "--frontier-steps", "3", "--tradeoff-points", "3"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!(try String(contentsOf: dir.appendingPathComponent("pv.md"), encoding: .utf8)).contains("Choix du comité"))
    }

    /// The year in the report: the campaign's committees, the follow-up and the usage model
    /// calibrated on it, with its chart; twice the same bytes.
    @Test func theCampaignFollowupAndCalibrationAreInTheReport() throws {
        let a = Self.temporaryFolder(), b = Self.temporaryFolder()
        defer { for d in [a, b] { try? FileManager.default.removeItem(at: d) } }
        for dir in [a, b] {
            let r = try CommandRunner.run(["report", "Scenarios/bretagne-2024-campagne/scenario.yaml", "--campaign",
                                           "Scenarios/bretagne-2024-campagne/campaign.yaml", "-o", dir.path, "--explain-limit", "0",
                                           "--frontier-steps", "0", "--tradeoff-points", "0", "--draws", "500", "--sensitivity-draws", "0"],
                                          environment: ["SOURCE_DATE_EPOCH": "1718352000"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let html = try String(contentsOf: a.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("id=\"suivi\""))
        #expect(html.contains("Calibration du modèle d&#39;usage sur les indicateurs déclarés"))
        #expect(html.contains("Atteinte déclarée et prédite par le modèle calibré"))
        #expect(html.contains("sigma.project") && html.contains("usage_rate.dmp"))
        for name in ["index.html", "results.json"] {
            #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)), "\(name)")
        }
    }

    /// The note puts the scenario's variants beside the base, each run on the same draws, and
    /// results.json keeps whatif's document; not with pins (the variants are without them).
    @Test func theNoteSetsTheVariantsSideBySide() throws {
        let dir = Self.temporaryFolder(), pinned = Self.temporaryFolder()
        defer { for d in [dir, pinned] { try? FileManager.default.removeItem(at: d) } }
        let options = ["--frontier-steps", "0", "--tradeoff-points", "0", "--draws", "300", "--sensitivity-draws", "0", "--quiet"]
        let r = try CommandRunner.run(["report", Self.mini, "-o", dir.path] + options)
        #expect(r.status == 0, "\(r.stderr)")
        let note = try String(contentsOf: dir.appendingPathComponent("note.html"), encoding: .utf8)
        #expect(note.contains("<h3>Variantes du scénario</h3>"))
        for v in ["scénario de base", "enveloppe-moins-10", "enveloppe notifiée : 360\u{202F}000\u{00A0}€", "rang-volume-11"] { #expect(note.contains(v), "\(v)") }
        let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("results.json"))) as? [String: Any])
        let whatif = try #require(results["whatif"] as? [String: Any])
        let rows = try #require(whatif["rows"] as? [[String: Any]])
        #expect(rows.map { $0["variant"] as? String } == ["base", "enveloppe-moins-10", "rang-volume-11"])
        #expect(whatif["draws"] as? Int == 300)
        let p = try CommandRunner.run(["report", Self.mini, "-o", pinned.path, "--exclude", "AHI-4"] + options)
        #expect(p.status == 0, "\(p.stderr)")
        let pinnedNote = try String(contentsOf: pinned.appendingPathComponent("note.html"), encoding: .utf8)
        #expect(!pinnedNote.contains("Variantes du scénario"))
    }

    /// `--explain ID` re-solves the projects named past `--explain-limit`, and the audit record keeps them.
    @Test func explainsTheProjectsNamed() throws {
        let dir = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let options = ["--frontier-steps", "0", "--tradeoff-points", "0", "--no-simulation", "--explain-limit", "0"]
        let r = try CommandRunner.run(["report", Self.mini, "-o", dir.path, "--explain", "PH-3"] + options)
        #expect(r.status == 0, "\(r.stderr)")
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("results.json"))) as? [String: Any]
        let projects = try #require((results?["select"] as? [String: Any])?["projects"] as? [[String: Any]])
        let removed = projects.filter { $0["removal"] != nil }.map { $0["id"] as? String }
        #expect(removed == ["PH-3"], "\(projects)")
        let audit = try String(contentsOf: dir.appendingPathComponent("audit.json"), encoding: .utf8)
        #expect(audit.contains("\"explain\": [\"PH-3\"]"), "\(audit)")
        let unknown = try CommandRunner.run(["report", Self.mini, "-o", Self.temporaryFolder().path, "--explain", "NOPE-1"] + options)
        #expect(unknown.status == 2 && unknown.stderr.contains("--explain NOPE-1 : aucun projet 'NOPE-1' dans le scénario"), "\(unknown.stderr)")
    }

    @Test func englishOnRequest() throws {
        let dir = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CommandRunner.run(["report", Self.mini, "-o", dir.path, "--lang", "en", "--frontier-steps", "0", "--tradeoff-points", "0"])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"en\">") && html.contains("Decision summary"))
        #expect(!html.contains("id=\"enveloppe\""), "no frontier section when none was computed")
        let workbook = try XLSXContents(Array(Data(contentsOf: dir.appendingPathComponent("decisions.xlsx"))))
        #expect(workbook.sheets.map(\.name) == ["Decisions", "ESSMS", "Balance", "Envelope"])
        #expect(workbook.sheets[0].header.first == "project")
    }

    @Test func refusesAFolderWhereItWouldOverwriteAnInput() throws {
        let dir = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = Fixture.repositoryRoot.appendingPathComponent("Tests/ESMSCommandsTests/Fixtures/mini")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["register.csv", "members.csv"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        // The projects table is named like a report file.
        try FileManager.default.copyItem(at: source.appendingPathComponent("projects.csv"), to: dir.appendingPathComponent("decisions.csv"))
        let yaml = try String(contentsOf: source.appendingPathComponent("scenario.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "projects: projects.csv", with: "projects: decisions.csv")
        try yaml.write(to: dir.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: dir.appendingPathComponent("decisions.csv"))
        let r = try CommandRunner.run(["report", dir.appendingPathComponent("scenario.yaml").path, "-o", dir.path])
        #expect(r.status == 3)
        #expect(r.stderr.contains("refus d'écrire le rapport dans"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("decisions.csv")) == before)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("index.html").path), "nothing is written")
    }

    @Test(arguments: [["--lang", "de"], ["--frontier-steps", "1"], ["--tradeoff-points", "500"]])
    func badOptionsAreUsageErrors(options: [String]) throws {
        let r = try CommandRunner.run(["report", Self.mini, "-o", Self.temporaryFolder().path] + options)
        #expect(r.status == 2, "\(r.stderr)")
    }

    @Test func badSourceDateEpochIsAUsageError() throws {
        let r = try CommandRunner.run(["report", Self.mini, "-o", Self.temporaryFolder().path], environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("SOURCE_DATE_EPOCH"))
    }
}
