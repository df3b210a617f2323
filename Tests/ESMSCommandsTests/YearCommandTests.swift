// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// `esms campaign` and `esms followup`, run as a user runs them, on the shipped Bretagne campaign.
@Suite struct YearCommandTests {
    static let campaign = "Scenarios/bretagne-2024-campagne/campaign.yaml"

    func esms(_ args: String...) throws -> CommandResult { try CommandRunner.run(args) }

    func object(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func cents(_ x: Any?) -> Int64? { (x as? NSNumber).map { Int64(($0.doubleValue * 100).rounded()) } }

    @Test func theBretagneCampaignRunsItsThreeCommitteesInOrder() throws {
        let r = try esms("campaign", Self.campaign, "--json")
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try object(r.stdout)
        #expect(doc["campaign"] as? String == "bretagne-2024-campagne")
        let committees = try #require(doc["committees"] as? [[String: Any]])
        #expect(committees.map { $0["id"] as? String } == ["avril", "juin", "septembre"])
        for c in committees {
            for key in ["id", "date", "status", "selected", "used", "left", "carried_over"] { #expect(c[key] != nil, "missing \(key)") }
        }
        #expect(committees[2]["status"] as? String == "skipped")
        let selected = committees.flatMap { ($0["selected"] as? [String]) ?? [] }
        #expect(Set(selected).count == selected.count && !selected.isEmpty)
        let totals = try #require(doc["totals"] as? [String: Any])
        #expect(totals["selected"] as? Int == selected.count)
        #expect(Self.cents(totals["used"]) == committees.compactMap { Self.cents($0["used"]) }.reduce(0, +))
        #expect(Self.cents(totals["left"]) == Self.cents(committees.last?["left"]))
        // June takes the April carry-overs deposited until 31 May; the June deposits go to September.
        let april = try #require(committees[0]["carried_over"] as? [String])
        let june = try #require(committees[1]["selected"] as? [String])
        #expect(june.allSatisfy(april.contains))
        // The text: French by default, English on request, the same committees.
        let fr = try esms("campaign", Self.campaign)
        #expect(fr.status == 0)
        #expect(fr.stdout.contains("Comité avril") && fr.stdout.contains("Comité septembre") && fr.stdout.contains("sans objet"), "\(fr.stdout)")
        #expect(fr.stdout.contains("Année : \(selected.count) projets retenus par les comités"), "\(fr.stdout)")
        let en = try esms("campaign", Self.campaign, "--lang", "en")
        #expect(en.stdout.contains("Committee avril") && en.stdout.contains("Year: \(selected.count) projects selected"), "\(en.stdout)")
    }

    @Test func theFollowupAddsUpAndWritesTheAccountantsCSV() throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("esms-payments-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        let r = try esms("followup", Self.campaign, "--json", "--csv", csv.path)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try object(r.stdout)
        #expect(doc["as_of"] as? String == "2025-12-31")
        let totals = try #require(doc["totals"] as? [String: Any])
        for key in ["granted", "first_half", "second_half_due", "withheld", "to_recover", "essms_meeting_targets", "active_dui"] {
            #expect(totals[key] != nil, "missing \(key)")
        }
        let projects = try #require(doc["projects"] as? [[String: Any]])
        let essms = projects.flatMap { ($0["essms"] as? [[String: Any]]) ?? [] }
        let reasons = Set(essms.compactMap { $0["reason"] as? String })
        #expect(reasons == ["targets-not-met", "no-report", "not-ended", "not-certified"])
        #expect((Self.cents(totals["to_recover"]) ?? 0) > 0)
        // Granted = first halves + due + withheld − to recover, to the cent.
        let g = Self.cents(totals["granted"])!, f = Self.cents(totals["first_half"])!, due = Self.cents(totals["second_half_due"])!
        let w = Self.cents(totals["withheld"])!, rec = Self.cents(totals["to_recover"])!
        #expect(g == f + due + w - rec)
        let bytes = try [UInt8](Data(contentsOf: csv))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("operation;projet;porteur;finess"))
        #expect(text.contains("reversement;") && text.contains("paiement;"))
        let fr = try esms("followup", Self.campaign)
        #expect(fr.status == 0)
        #expect(fr.stdout.contains("Suivi de") && fr.stdout.contains("À reverser"), "\(fr.stdout)")
        // The reasons in words for a person; the JSON and the CSV keep the codes.
        #expect(fr.stdout.contains("Retenu par motif : pas de remontée ") && fr.stdout.contains(", dépenses non certifiées "), "\(fr.stdout)")
        let en = try esms("followup", Self.campaign, "--lang", "en")
        #expect(en.stdout.contains("Follow-up of") && en.stdout.contains("To recover"), "\(en.stdout)")
        #expect(en.stdout.contains("Withheld by reason: no report "), "\(en.stdout)")
    }

    @Test func aCampaignFileWithErrorsIsLocated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-campaign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("campaign.yaml")
        try """
        id: c
        scenario: scenario.yaml
        committees:
          - { id: juin, date: 2024-06-14, deposits_until: 2024-06-30 }
          - { id: avril, date: 2024-04-12 }
        """.write(to: file, atomically: true, encoding: .utf8)
        let r = try esms("campaign", file.path)
        #expect(r.status == 1)
        #expect(r.stderr.contains("campaign.yaml:4:") && r.stderr.contains("la date limite de dépôt est postérieure à la date du comité"))
    }
}

/// `esms calibrate` as a user runs it: the shipped campaign's follow-up fitted, the file written,
/// then loaded by a scenario whose simulation says which parameters come from data.
@Suite struct CalibrateCommandTests {
    static let campaign = "Scenarios/bretagne-2024-campagne/campaign.yaml"

    @Test func theCampaignsFollowupIsCalibratedAndTheFileLoads() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("esms-calibration-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CommandRunner.run(["calibrate", Self.campaign, "--json", "-o", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let parameters = try #require(doc["parameters"] as? [[String: Any]])
        #expect(parameters.map { $0["key"] as? String } == ["usage_rate.active_records", "usage_rate.personalised_project",
                                                            "usage_rate.agenda_event", "usage_rate.mssante", "usage_rate.dmp"]
                + ["active_records", "personalised_project", "agenda_event", "mssante", "dmp"].map { "usage_rate_by_sector.DOMICILE.\($0)" } + ["sigma.project", "sigma.essms", "sigma.indicator"])
        // DOMICILE's rates differ from the common rate (likelihood ratio 6.9, p 0.008); the sectors
        // with fewer than 30 reporting ESSMS keep the common rate.
        let sectors = try #require(doc["sectors"] as? [[String: Any]])
        let decisions = Dictionary(uniqueKeysWithValues: sectors.map { ($0["sector"] as? String ?? "", $0["decision"] as? String ?? "") })
        #expect(decisions == ["PA": "not-significant", "PH": "not-significant", "DOMICILE": "own-rate", "AHI": "too-few",
                              "PJM": "too-few", "PE": "not-significant", "AUTRE": "too-few"])
        #expect((doc["censored"] as? [String: Any])?["at_100"] as? Int == 128)
        for p in parameters {
            let estimate = try #require(p["estimate"] as? Double), low = try #require(p["low"] as? Double), high = try #require(p["high"] as? Double)
            #expect(low <= estimate && estimate <= high, "\(p)")
        }
        #expect(doc["converged"] as? Bool == true)
        #expect((doc["by_indicator"] as? [Any])?.count == 5 && !((doc["by_sector"] as? [Any]) ?? []).isEmpty)
        let yaml = try String(contentsOf: file, encoding: .utf8)
        #expect(yaml.contains("usage_rate:") && yaml.contains("usage_rate_by_sector:\n  DOMICILE:") && yaml.contains("sigma:"))
        // A scenario loads it; its simulation says which parameters come from data.
        let register = Fixture.repositoryRoot.appendingPathComponent("Scenarios/data/finess-essms.csv").path
        let scenario = try Fixture.editedScenario("Scenarios/bretagne-2024", files: ["projects.csv", "members.csv"]) {
            $0.replacingOccurrences(of: "register: ../data/finess-essms.csv", with: "register: \"\(register)\"")
                .replacingOccurrences(of: "simulation: { draws: 10000,", with: "simulation: { calibration: \"\(file.path)\", draws: 500,")
        }
        defer { try? FileManager.default.removeItem(at: scenario.deletingLastPathComponent()) }
        let sim = try CommandRunner.run(["simulate", scenario.path, "--json", "--sensitivity-draws", "0"])
        #expect(sim.status == 0, "\(sim.stderr)")
        let simDoc = try #require(try JSONSerialization.jsonObject(with: Data(sim.stdout.utf8)) as? [String: Any])
        let used = try #require(simDoc["parameters"] as? [String: Any])
        #expect((used["from_data"] as? [String])?.count == 13, "\(used)")
        let sigmaProject = try #require(parameters.first { $0["key"] as? String == "sigma.project" }?["estimate"] as? Double)
        #expect(abs((used["sigma.project"] as? Double ?? 0) - sigmaProject) < 1e-4)
        let text = try CommandRunner.run(["simulate", scenario.path, "--sensitivity-draws", "0"])
        #expect(text.stdout.contains("Paramètres issus des données") && text.stdout.contains("usage_rate_by_sector.DOMICILE, sigma.project"),
                "\(text.stdout)")
        let english = try CommandRunner.run(["calibrate", Self.campaign, "--lang", "en"])
        #expect(english.stdout.contains("DOMICILE") && english.stdout.contains("own rate") && english.stdout.contains("common rate (too few data)"))
        let plain = try CommandRunner.run(["simulate", "Scenarios/bretagne-2024/scenario.yaml", "--draws", "500", "--sensitivity-draws", "0"])
        #expect(plain.stdout.contains("Tous les paramètres du modèle sont des hypothèses"))
        // A calibration file that is not there is a located error.
        let missing = try Fixture.editedScenario("Scenarios/bretagne-2024", files: ["projects.csv", "members.csv"]) {
            $0.replacingOccurrences(of: "register: ../data/finess-essms.csv", with: "register: \"\(register)\"")
                .replacingOccurrences(of: "simulation: { draws: 10000,", with: "simulation: { calibration: nowhere.yaml, draws: 500,")
        }
        defer { try? FileManager.default.removeItem(at: missing.deletingLastPathComponent()) }
        let bad = try CommandRunner.run(["simulate", missing.path])
        #expect(bad.status == 1 && bad.stderr.contains("le fichier de calibrage ne peut pas être lu"), "\(bad.stderr)")
    }
}
