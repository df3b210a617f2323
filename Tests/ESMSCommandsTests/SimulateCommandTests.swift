// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// `esms simulate` and `esms whatif`, run as a user runs them.
@Suite struct SimulateCommandTests {
    static let mini = "Tests/ESMSCommandsTests/Fixtures/mini/scenario.yaml"

    func esms(_ args: String...) throws -> CommandResult { try CommandRunner.run(args) }

    func object(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func simulateJSONIsTheContractAndIdenticalOnAnyNumberOfThreads() throws {
        let r = try esms("simulate", Self.mini, "--json", "--draws", "3000", "--seed", "5", "--threads", "1",
                         "--sensitivity-draws", "200")
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try object(r.stdout)
        #expect(doc["scenario"] as? String == "mini-bretagne")
        #expect(doc["draws"] as? Int == 3000)
        #expect(doc["seed"] as? Int == 5)
        for key in ["essms_attaining", "second_tranche_paid", "second_tranche_unpaid", "active_dui"] {
            let s = try #require(doc[key] as? [String: Any], "missing \(key)")
            for k in ["mean", "standard_error", "p5", "p50", "p95", "histogram"] { #expect(s[k] != nil, "missing \(key).\(k)") }
        }
        let projects = try #require(doc["projects"] as? [[String: Any]])
        #expect(!projects.isEmpty)
        #expect(projects.allSatisfy { ($0["p_attain"] as? Double).map { (0...1).contains($0) } ?? false })
        let selection = try #require(doc["selection"] as? [String: Any])
        #expect((selection["projects"] as? [String])?.count == projects.count)
        #expect(((doc["sensitivity"] as? [String: Any])?["bars"] as? [Any])?.isEmpty == false)
        #expect(r.stderr.isEmpty || !r.stderr.contains("simulating"), "no progress when piped")
        let two = try esms("simulate", Self.mini, "--json", "--draws", "3000", "--seed", "5", "--threads", "2",
                           "--sensitivity-draws", "200")
        #expect(two.stdout == r.stdout)
        let three = try esms("simulate", Self.mini, "--json", "--draws", "3000", "--seed", "5", "--threads", "3",
                             "--sensitivity-draws", "200")
        #expect(three.stdout == r.stdout)
    }

    @Test func simulateSeedDefaultsToTheScenarioAndTextRenders() throws {
        let r = try esms("simulate", Self.mini, "--sensitivity-draws", "0", "--target-active-dui", "100")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1\u{202F}000 tirages, graine 7"), "\(r.stdout)")
        #expect(r.stdout.contains("tranche 2 versée"))
        #expect(r.stdout.contains("P(DUI actifs ≥ 100)"))
        #expect(!r.stdout.contains("Sensibilité"))
        let en = try esms("simulate", Self.mini, "--sensitivity-draws", "0", "--target-active-dui", "100", "--lang", "en")
        #expect(en.stdout.contains("1\u{202F}000 draws, seed 7"))
        #expect(en.stdout.contains("tranche 2 paid"))
        #expect(en.stdout.contains("P(active DUI ≥ 100)"))
    }

    /// [003] "410 000 DUI actifs", "29 000 ESMS financés": programme totals. A regional run gives its
    /// contribution and no probability against an invented regional share, unless a target is given.
    @Test func regionalRunShowsItsContributionToTheNationalTargets() throws {
        let r = try esms("simulate", Self.mini, "--json", "--draws", "500", "--sensitivity-draws", "0")
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try object(r.stdout)
        let target = try #require(doc["target_active_dui"] as? [String: Any])
        #expect(target["target"] is NSNull && target["probability"] is NSNull)
        let national = try #require(doc["national_targets"] as? [String: Any])
        #expect(national["scope"] as? String == "regional")
        #expect(national["active_dui_target"] as? Int == 410_000 && national["funded_essms_target"] as? Int == 29_000)
        let expected = try #require((doc["active_dui"] as? [String: Any])?["mean"] as? Double)
        let share = try #require(national["share_of_active_dui_target"] as? Double)
        #expect(abs(share - expected / 410_000) < 1e-6)
        let funded = (national["simulated_essms"] as? Int ?? 0) + (national["engaged_essms"] as? Int ?? 0)
        #expect(abs((national["share_of_funded_essms_target"] as? Double ?? 0) - Double(funded) / 29_000) < 1e-6)
        let text = try esms("simulate", Self.mini, "--draws", "500", "--sensitivity-draws", "0")
        #expect(!text.stdout.contains("P(DUI actifs"))
        #expect(text.stdout.contains("Contribution aux objectifs nationaux (totaux du programme [003], pas des objectifs régionaux)"))
    }

    @Test func simulateRejectsBadOptions() throws {
        let r = try esms("simulate", Self.mini, "--draws", "0")
        #expect(r.status == 2)
        #expect(r.stderr.contains("--draws"))
        let t = try esms("simulate", Self.mini, "--tolerance", "2")
        #expect(t.status == 2)
    }

    @Test func whatifComparesTheBaseAndEveryVariant() throws {
        let r = try esms("whatif", Self.mini, "--json", "--draws", "500")
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try object(r.stdout)
        let rows = try #require(doc["rows"] as? [[String: Any]])
        #expect(rows.map { $0["variant"] as? String } == ["base", "enveloppe-moins-10", "rang-volume-11"])
        for key in ["finess", "acquisition", "used", "expected_second_tranche_paid", "expected_active_dui", "delta"] {
            #expect(rows.allSatisfy { $0[key] != nil }, "missing \(key)")
        }
        let delta = try #require(rows[1]["delta"] as? [String: Any])
        #expect((delta["used"] as? Double ?? 1) <= 0)
        let text = try esms("whatif", Self.mini, "--draws", "500")
        #expect(text.status == 0)
        #expect(text.stdout.contains("enveloppe-moins-10 — enveloppe notifiée : 360\u{202F}000\u{00A0}€"), "\(text.stdout)")
    }
}
