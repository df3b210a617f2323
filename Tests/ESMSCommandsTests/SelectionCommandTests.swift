// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// `esms frontier`, `esms tradeoff` and the analyses of `esms select`, run as a user runs them.
@Suite struct SelectionCommandTests {
    static let mini = "Tests/ESMSCommandsTests/Fixtures/mini/scenario.yaml"

    func esms(_ args: String...) throws -> CommandResult { try CommandRunner.run(args) }

    func object(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func frontierJSONHasAPointPerStep() throws {
        let r = try esms("frontier", Self.mini, "--from", "50%", "--to", "150%", "--steps", "5", "--json")
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try object(r.stdout)
        #expect(doc["scenario"] as? String == "mini-bretagne")
        let points = try #require(doc["points"] as? [[String: Any]])
        #expect(points.count == 5)
        for key in ["budget", "percent", "status", "used", "finess", "acquisition", "score", "selected"] {
            #expect(points.allSatisfy { $0[key] != nil }, "missing \(key)")
        }
        #expect(points.map { $0["percent"] as? Double } == [50, 75, 100, 125, 150])
        #expect(points[2]["budget"] as? Double == 330_000)
        let finess = points.compactMap { $0["finess"] as? Int }
        #expect(finess == finess.sorted())
        // Same input, same bytes.
        let again = try esms("frontier", Self.mini, "--from", "50%", "--to", "150%", "--steps", "5", "--json")
        #expect(again.stdout == r.stdout)
    }

    @Test func frontierTextAndAbsoluteLevels() throws {
        let r = try esms("frontier", Self.mini, "--from", "300000", "--to", "420 000", "--steps", "3")
        #expect(r.status == 0)
        #expect(r.stdout.contains("Frontière de l'enveloppe"), "\(r.stdout)")
        #expect(r.stdout.contains("+EHP-1"))
        let bad = try esms("frontier", Self.mini, "--from", "lots")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--from lots"))
        // "50" is not read silently as 50 €: a usage error that says how to write either.
        let forgotten = try esms("frontier", Self.mini, "--from", "50")
        #expect(forgotten.status == 2 && forgotten.stderr.contains("écrivez 50% pour un pourcentage"))
        let euros = try esms("frontier", Self.mini, "--from", "500€", "--to", "420 000", "--steps", "2")
        #expect(euros.status == 0, "\(euros.stderr)")
    }

    @Test func tradeoffJSONHasTheCurve() throws {
        let r = try esms("tradeoff", Self.mini, "--json", "--points", "5")
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try object(r.stdout)
        for key in ["scenario", "status", "available", "complete", "points"] { #expect(doc[key] != nil, "missing \(key)") }
        let points = try #require(doc["points"] as? [[String: Any]])
        #expect(!points.isEmpty)
        #expect(points.first?["origin"] as? String == "finess-first")
        #expect(points.first?["finess"] as? Int == 17)
        for key in ["finess", "acquisition", "used", "essms_per_extra_acquisition", "selected"] {
            #expect(points.allSatisfy { $0[key] != nil }, "missing \(key)")
        }
        let again = try esms("tradeoff", Self.mini, "--json", "--points", "5")
        #expect(again.stdout == r.stdout)
    }

    @Test func selectGivesTheNextInLine() throws {
        let r = try esms("select", Self.mini, "--json", "--explain-limit", "0")
        #expect(r.status == 0)
        let doc = try object(r.stdout)
        let next = try #require(doc["next_in_line"] as? [[String: Any]])
        #expect(next.first?["growth"] as? Double == 89_166.67)
        #expect(next.first?["entering"] as? [String] == ["EHP-1"])
        #expect(next.first?["leaving"] as? [String] == ["PH-3"])
        let text = try esms("select", Self.mini, "--explain-limit", "0", "--lang", "en")
        #expect(text.stdout.contains("Next in line"))
        // French by default: the same table, the same figures with a decimal comma.
        let french = try esms("select", Self.mini, "--explain-limit", "0")
        #expect(french.stdout.contains("Suivants sur la liste si l'enveloppe augmente"), "\(french.stdout)")
        #expect(french.stdout.contains("+89 166,67") || french.stdout.contains("+89\u{202F}166,67"), "\(french.stdout)")
        #expect(french.stdout.contains("Statut : optimale"))
        #expect(!french.stdout.contains("Next in line") && !french.stdout.contains("Status:"))
        let bad = try esms("select", Self.mini, "--lang", "de")
        #expect(bad.status == 2 && bad.stderr.contains("--lang vaut fr ou en"))
    }

    /// `--explain ID` re-solves the projects named whatever `--explain-limit`: with a limit of 0
    /// they are the only ones, and their figures are those of the run that explains every project.
    @Test func explainNamesTheProjectsToReSolve() throws {
        let bretagne = "Scenarios/bretagne-2024/scenario.yaml"
        let full = try object(try esms("select", bretagne, "--json", "--next-in-line", "0").stdout)
        let all = try #require(full["projects"] as? [[String: Any]])
        let displaced = try #require(all.first { $0["code"] as? String == "displaced" })
        let selected = try #require(all.first { $0["code"] as? String == "selected" && $0["removal"] != nil })
        let ids = [displaced["id"] as! String, selected["id"] as! String]
        let r = try esms("select", bretagne, "--json", "--next-in-line", "0", "--explain-limit", "0",
                         "--explain", ids[0], "--explain", ids[1])
        #expect(r.status == 0, "\(r.stderr)")
        let explained = try #require(try object(r.stdout)["projects"] as? [[String: Any]])
        for entry in explained {
            let id = entry["id"] as! String
            let before = try #require(all.first { $0["id"] as? String == id })
            if ids.contains(id) {
                #expect(NSDictionary(dictionary: entry).isEqual(to: before), "\(id): \(entry) against \(before)")
            } else if before["code"] as? String == "displaced" {
                #expect(entry["code"] as? String == "not-computed", "\(id)")
            } else if before["code"] as? String == "selected" {
                #expect(entry["removal"] == nil, "\(id)")
            }
        }
        // The text says how many were left without a re-solve, and how to ask for one: every
        // project the full run re-solved but the two asked for.
        let reSolved = all.filter { ["displaced", "forcing-infeasible"].contains($0["code"] as? String) || $0["removal"] != nil }.count
        let text = try esms("select", bretagne, "--next-in-line", "0", "--explain-limit", "0", "--explain", ids[0], "--explain", ids[1])
        #expect(text.stdout.contains("Projets non recalculés (au-delà de --explain-limit) : \(reSolved - 2) ;"), "\(reSolved)")
        let capped = try esms("select", Self.mini, "--explain-limit", "0", "--next-in-line", "0")
        #expect(capped.stdout.contains("Projets non recalculés (au-delà de --explain-limit) : 3 ; --explain ID explique un projet"), "\(capped.stdout)")
        let asked = try esms("select", Self.mini, "--explain-limit", "0", "--next-in-line", "0", "--explain", "PH-3", "--lang", "en")
        #expect(asked.stdout.contains("Projects not re-solved (beyond --explain-limit): 2;"), "\(asked.stdout)")
        #expect(!(try esms("select", Self.mini, "--next-in-line", "0").stdout.contains("non recalculés")))
        let unknown = try esms("select", Self.mini, "--explain", "NOPE-1")
        #expect(unknown.status == 2 && unknown.stderr.contains("--explain NOPE-1 : aucun projet 'NOPE-1' dans le scénario"), "\(unknown.stderr)")
        #expect(unknown.stdout.isEmpty)
    }

    /// The mini scenario with hard balance: the engaged project alone breaks it.
    @Test func selectExplainsAnInfeasibleHardBalance() throws {
        let file = try Fixture.editedScenario("Tests/ESMSCommandsTests/Fixtures/mini") { $0.replacingOccurrences(of: "mode: soft", with: "mode: hard") }
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let path = file.path
        let r = try esms("select", path, "--json")
        #expect(r.status == 1)
        let doc = try object(r.stdout)
        #expect(doc["status"] as? String == "infeasible")
        let report = try #require(doc["infeasibility"] as? [String: Any])
        #expect(report["cause"] as? String == "balance")
        let keys = try #require(report["keys"] as? [[String: Any]])
        #expect(keys.contains { $0["balance"] as? String == "sector" && $0["key"] as? String == "AUTRE"
            && $0["no_fundable_candidate"] as? Bool == true })
        #expect(keys.allSatisfy { $0["needed_tolerance"] != nil })
        #expect(report["cut_short"] as? Bool == false)
        let text = try esms("select", path, "--lang", "en")
        #expect(text.status == 1)
        #expect(text.stdout.contains("Why no selection is possible"))
        let french = try esms("select", path)
        #expect(french.status == 1)
        #expect(french.stdout.contains("Pourquoi aucune sélection n'est possible"), "\(french.stdout)")
        #expect(french.stdout.contains("aucun candidat finançable"), "\(french.stdout)")
        #expect(text.stderr.contains("no fundable candidate for AUTRE"))
        #expect(french.stderr.contains("équilibre sectoriel : aucun candidat finançable pour AUTRE"), "\(french.stderr)")
        // The frontier says which envelopes are infeasible and points to select's diagnosis
        // instead of running it at every envelope.
        let frontier = try esms("frontier", path, "--steps", "3")
        #expect(frontier.status == 0)
        #expect(frontier.stdout.contains("impossible"), "\(frontier.stdout)")
        #expect(frontier.stderr.contains("enveloppes infaisables : "), "\(frontier.stderr)")
        #expect(frontier.stderr.contains("'esms select' en diagnostique la cause"), "\(frontier.stderr)")
    }
}

/// Issue 13: a hard balance that no selection meets exactly (tolerance 0), which GLPK cannot
/// prove infeasible: `select` ends undecided (status `time-limit`, exit 4), says so on stderr,
/// and gives the diagnosis, marked not proven; the text shows no empty selection as if chosen.
@Suite struct UndecidedSelectCommandTests {
    @Test func anUndecidedHardBalanceExitsFourWithItsDiagnosis() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-undecided-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let source = Fixture.repositoryRoot.appendingPathComponent("Scenarios/bretagne-2024")
        for f in ["projects.csv", "members.csv"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        let register = Fixture.repositoryRoot.appendingPathComponent("Scenarios/data/finess-essms.csv").path
        let yaml = try String(contentsOf: source.appendingPathComponent("scenario.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "register: ../data/finess-essms.csv", with: "register: \"\(register)\"")
            .replacingOccurrences(of: "territory: { basis: essms, tolerance: 0.20, mode: soft }",
                                  with: "territory: { basis: essms, tolerance: 0, mode: hard }")
        #expect(yaml.contains("tolerance: 0, mode: hard"))
        try yaml.write(to: dir.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("scenario.yaml").path
        let r = try CommandRunner.run(["select", path, "--json", "--time-limit", "1", "--next-in-line", "0"])
        #expect(r.status == 4, "\(r.stderr)")
        #expect(r.stderr.contains("aucune n'a été prouvée impossible"), "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["status"] as? String == "time-limit")
        #expect((doc["selected"] as? [Any])?.isEmpty == true)
        let report = try #require(doc["infeasibility"] as? [String: Any])
        #expect(report["proven_infeasible"] as? Bool == false)
        let text = try CommandRunner.run(["select", path, "--time-limit", "1", "--next-in-line", "0", "--lang", "en"])
        #expect(text.status == 4)
        #expect(text.stdout.contains("No selection"), "\(text.stdout)")
        #expect(!text.stdout.contains("Selected: 0 projects"))
        #expect(text.stdout.contains("Why no selection was found"), "\(text.stdout)")
        let french = try CommandRunner.run(["select", path, "--time-limit", "1", "--next-in-line", "0"])
        #expect(french.status == 4)
        #expect(french.stdout.contains("Aucune sélection"), "\(french.stdout)")
        #expect(french.stdout.contains("non prouvée impossible"), "\(french.stdout)")
    }
}
