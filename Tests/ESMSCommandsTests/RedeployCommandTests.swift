// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// `esms redeploy` and `esms envelopes`, run as a user runs them, on the shipped national scenario.
@Suite struct RedeployCommandTests {
    static let national = "Scenarios/national-2024-redeploiement/scenario.yaml"
    static let mini = "Tests/ESMSCommandsTests/Fixtures/mini/scenario.yaml"

    func esms(_ args: String...) throws -> CommandResult { try CommandRunner.run(args) }

    func object(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Euros in the document (exact decimals) as cents; JSONSerialization reads them as Double.
    static func cents(_ x: Any?) -> Int64? { (x as? NSNumber).map { Int64(($0.doubleValue * 100).rounded()) } }

    @Test func pooledJSONCarriesTheSelectKeysAndTheRegions() throws {
        let r = try esms("redeploy", Self.national, "--json")
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try object(r.stdout)
        #expect(doc["policy"] as? String == "pooled")
        #expect(doc["status"] as? String == "optimal")
        for key in ["scenario", "status", "selected", "objective", "budget", "regions", "national_call", "national", "balance"] {
            #expect(doc[key] != nil, "missing \(key)")
        }
        let regions = try #require(doc["regions"] as? [[String: Any]])
        #expect(regions.count == 18)
        let budget = try #require(doc["budget"] as? [String: Any])
        // The pool is the sum of the regions' unengaged AE; released − received = left unengaged.
        let unengaged = regions.compactMap { Self.cents($0["unengaged"]) }.filter { $0 > 0 }.reduce(0, +)
        #expect(Self.cents(budget["available"]) == unengaged)
        let released = regions.compactMap { Self.cents($0["released"]) }.reduce(0, +)
        let received = regions.compactMap { Self.cents($0["received"]) }.reduce(0, +)
        #expect(released - received == Self.cents(budget["left"]))
        let selected = try #require(doc["selected"] as? [String])
        let perRegion = regions.flatMap { ($0["projects"] as? [String]) ?? [] }
        let call = try #require(doc["national_call"] as? [String: Any])
        #expect(Set(selected) == Set(perRegion + ((call["projects"] as? [String]) ?? [])))
        #expect(Self.cents(call["used"])! <= Self.cents(call["available"])!)
    }

    @Test func compareRunsTheThreePolicies() throws {
        let r = try esms("redeploy", Self.national, "--compare", "--json")
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try object(r.stdout)
        let policies = try #require(doc["policies"] as? [[String: Any]])
        #expect(policies.compactMap { $0["policy"] as? String } == ["pooled", "own-first", "prorata-essms"])
        let finess = policies.compactMap { ($0["objective"] as? [String: Any])?["finess"] as? Int }
        #expect(finess.count == 3 && finess[0] >= finess[1] && finess[0] >= finess[2])
        #expect((doc["only"] as? [String: Any])?.keys.sorted() == ["own-first", "pooled", "prorata-essms"])
        let text = try esms("redeploy", Self.national, "--compare")
        #expect(text.status == 0)
        #expect(text.stdout.contains("Ce que chaque politique finance et pas les autres"), "\(text.stdout)")
        // Same input, same bytes.
        #expect(try esms("redeploy", Self.national, "--compare", "--json").stdout == r.stdout)
    }

    @Test func refusals() throws {
        let regional = try esms("redeploy", Self.mini)
        #expect(regional.status == 1)
        #expect(regional.stderr.contains("demande un scénario national"))
        let badPolicy = try esms("redeploy", Self.national, "--policy", "everyone")
        #expect(badPolicy.status == 2)
        #expect(badPolicy.stderr.contains("pooled, own-first ou prorata-essms"))
        let floors = try esms("envelopes", "--total", "1000000", "--floor", "500000")
        #expect(floors.status == 2)
        #expect(floors.stderr.contains("dépassent le total"))
    }

    @Test func envelopesSplitTheTotalExactly() throws {
        let r = try esms("envelopes", "--register", "Scenarios/data/finess-essms.csv", "--total", "71500000", "--json")
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try object(r.stdout)
        let regions = try #require(doc["regions"] as? [[String: Any]])
        #expect(regions.count == 18)
        #expect(regions.compactMap { Self.cents($0["envelope"]) }.reduce(0, +) == 7_150_000_000)
        let bretagne = try #require(regions.first { $0["region"] as? String == "53" })
        #expect(bretagne["essms"] as? Int == 2427)
        #expect(Self.cents(bretagne["envelope"]) == 388_007_300)
        #expect(Self.cents(bretagne["official_2024"]) == 397_252_600)
        #expect((doc["register"] as? [String: Any])?["date"] as? String == "2021-01-08")
        let text = try esms("envelopes", "--total", "71500000", "--rules", "2025")
        #expect(text.status == 0)
        #expect(!text.stdout.contains("officiel 2024") && !text.stdout.contains("official 2024"))
        #expect(text.stdout.contains("2021-01-08"))
        #expect(text.stdout.contains("Répartition de"), "\(text.stdout)")
        let with2024 = try esms("envelopes", "--total", "71500000", "--rules", "2024")
        #expect(with2024.stdout.contains("officiel 2024 (€)"), "\(with2024.stdout)")
        let en = try esms("envelopes", "--total", "71500000", "--rules", "2024", "--lang", "en")
        #expect(en.stdout.contains("official 2024 (€)") && en.stdout.contains("Split of"))
    }
}
