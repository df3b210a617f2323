// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection
import Testing
import TestSupport

@Suite struct EnvelopeSplitTests {
    /// Hand-worked: 1 001 € over 4 regions, Corse (94) at a 100 € floor, the other 901 € shared
    /// 2 : 1 : 3. Quotas 300.33, 150.17, 450.5 → floors 300, 150, 450 (900); the euro left goes
    /// to the largest remainder (84: 0.5).
    @Test func handMadeFourRegions() throws {
        let shares = try EnvelopeSplit.split(total: Money(euros: 1001), floor: Money(euros: 100), floorRegions: ["94"],
                                             counts: ["11": 2, "53": 1, "84": 3, "94": 7], regions: ["11", "53", "84", "94"])
        #expect(shares.map(\.region) == ["11", "53", "84", "94"])
        #expect(shares.map(\.envelope) == [300, 150, 451, 100].map { Money(euros: $0) })
        #expect(shares.map(\.atFloor) == [false, false, false, true])
        #expect(shares.map(\.essms) == [2, 1, 3, 7])
    }

    /// Ties between equal remainders go to the region listed first.
    @Test func tiesGoToTheFirstRegion() throws {
        let shares = try EnvelopeSplit.split(total: Money(euros: 10), floor: .zero, floorRegions: [],
                                             counts: ["11": 1, "53": 1, "84": 1], regions: ["11", "53", "84"])
        #expect(shares.map(\.envelope) == [4, 3, 3].map { Money(euros: $0) })
    }

    /// The 2024 split on the 2024 table's own proportions: the parts always sum to the total.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
    func sumsExactlyToTheTotal(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        var counts: [String: Int] = [:]
        for r in Geography.regions { counts[r.code] = g.int(6000) }
        let total = Int64(1 + g.int(100_000_000))
        let floor = Int64(g.int(Int(total / 6) + 1))
        let shares = try EnvelopeSplit.split(total: Money(euros: total), floor: Money(euros: floor), counts: counts,
                                             withOfficial2024: true)
        #expect(shares.reduce(Money.zero) { $0 + $1.envelope } == Money(euros: total), "seed \(seed)")
        #expect(shares.allSatisfy { $0.envelope.cents % 100 == 0 }, "seed \(seed)")
        // Each part is within one euro of its exact quota.
        let shared = shares.filter { !$0.atFloor }
        let weight = Double(shared.reduce(0) { $0 + $1.essms })
        let rest = Double(total - floor * 6)
        for s in shared where weight > 0 {
            #expect(abs(Double(s.envelope.cents) / 100 - rest * Double(s.essms) / weight) < 1, "seed \(seed), region \(s.region)")
        }
    }

    /// The official 2024 split from the shipped register's counts (data/README.md §4): Bretagne
    /// 2 427 ESSMS → 3 880 073 €, official 3 972 526 €.
    @Test func bretagneOnTheShippedCounts() throws {
        let counts = ["11": 5523, "24": 1834, "27": 2644, "28": 2609, "32": 3788, "44": 3531, "52": 2843, "53": 2427,
                      "75": 4194, "76": 4331, "84": 5712, "93": 3411]
        let shares = try EnvelopeSplit.split(total: Money(euros: 71_500_000), floor: Money(euros: 500_000), counts: counts,
                                             withOfficial2024: true)
        let bretagne = try #require(shares.first { $0.region == "53" })
        #expect(bretagne.envelope == Money(euros: 3_880_073))
        #expect(bretagne.official2024 == Money(euros: 3_972_526))
        #expect(shares.reduce(Money.zero) { $0 + $1.envelope } == Money(euros: 71_500_000))
    }

    @Test func refusals() {
        #expect(throws: EnvelopeSplit.Failure.floorsExceedTotal(floors: Money(euros: 600), total: Money(euros: 500))) {
            try EnvelopeSplit.split(total: Money(euros: 500), floor: Money(euros: 100), counts: [:])
        }
        #expect(throws: EnvelopeSplit.Failure.unknownRegion("99")) {
            try EnvelopeSplit.split(total: Money(euros: 500), floor: .zero, floorRegions: ["99"], counts: [:])
        }
        #expect(throws: EnvelopeSplit.Failure.notWholeEuros("total 10.5 €")) {
            try EnvelopeSplit.split(total: Money(cents: 1050), floor: .zero, counts: ["53": 1])
        }
        #expect(EnvelopeSplit.largestRemainder(7, weights: [0, 0]) == [4, 3])
    }
}
