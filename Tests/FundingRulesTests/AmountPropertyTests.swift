// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Testing
import TestSupport

/// Properties of the amounts on seeded random projects.
@Suite struct AmountPropertyTests {
    typealias Generator = SeededGenerator

    static let (register, ogs) = Fixture.register([("29", 70, "460"), ("22", 5, "500"), ("56", 9, "183")])

    func randomProject(_ g: inout Generator, size: Int) -> Project {
        let pool = Self.ogs.flatMap(\.establishments)
        var p = Fixture.project("P", Array(pool.prefix(size)))
        p.amoaRequested = Money(cents: Int64(g.int(20_000_000)))
        for i in p.members.indices {
            p.members[i].mode = g.int(3) == 0 ? .upgrade : .acquisition
            if g.int(4) == 0 { p.members[i].equipmentQuote = Money(cents: Int64(g.int(2_000_000))) }
            if g.int(3) == 0 {
                let total = Int64(1 + g.int(50_000_000))
                p.members[i].saadTotalHours = Quantity(raw: total)
                p.members[i].saadEligibleHours = Quantity(raw: Int64(g.int(Int(total) + 1)))
            }
        }
        return p
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func amountsAreNonNegativeAndWithinTheCaps(seed: UInt64) {
        var g = Generator(seed: seed)
        for policy in Policies.MixedRankOrder.allCases {
            var rules = RuleSet.campaign2024
            rules.policies.mixedRankOrder = policy
            let engine = FundingEngine(rules: rules, register: Self.register,
                                       context: .regional(region: "53", committee: Day(year: 2024, month: 6, day: 14)!))
            for _ in 0..<40 {
                let p = randomProject(&g, size: 1 + g.int(84))
                let a = engine.assess(p)
                for f in a.funded {
                    #expect(f.amount.usage >= .zero && f.amount.usage <= Money(euros: 7_000), "seed \(seed)")
                    #expect(f.amount.software >= .zero && f.amount.software <= Money(euros: 14_000), "seed \(seed)")
                    #expect(f.amount.equipment >= .zero && f.amount.equipment <= Money(euros: 10_000), "seed \(seed)")
                    if f.mode == .upgrade { #expect(f.amount.software == .zero, "seed \(seed)") }
                    if !f.fullRate { #expect(f.amount.usage <= Money(euros: 2_000), "seed \(seed)") }
                }
                #expect(a.amount.amoa <= Money(euros: 100_000) && a.amount.amoa <= p.amoaRequested, "seed \(seed)")
                #expect(a.funded.filter(\.fullRate).count <= 49, "seed \(seed)")
                #expect(a.amount.total == a.funded.reduce(Money.zero) { $0 + $1.amount.total }, "seed \(seed)")
            }
        }
    }

    /// Monotone under `acquisition-first` (any modes), and under every policy for single-mode
    /// projects, while no member is prorated and no AMOA is at stake. The rules themselves break
    /// it otherwise: a prorated SAAD or (upgrade-first) an upgrade that takes a full-rate rank
    /// pushes an acquisition to the volume rate, and an ESSMS of a larger OG can cost the
    /// grappe its AMOA under `all-small` — see the two tests below.
    @Test(arguments: [11, 12, 13, 14])
    func addingAnESSMSNeverLowersTheGrant(seed: UInt64) {
        var g = Generator(seed: seed)
        for policy in Policies.MixedRankOrder.allCases {
            var rules = RuleSet.campaign2024
            rules.policies.mixedRankOrder = policy
            let engine = FundingEngine(rules: rules, register: Self.register,
                                       context: .regional(region: "53", committee: Day(year: 2024, month: 6, day: 14)!))
            var full = randomProject(&g, size: 84)
            full.amoaRequested = .zero
            let singleMode: Mode = g.int(2) == 0 ? .acquisition : .upgrade
            for i in full.members.indices {
                full.members[i].saadEligibleHours = nil
                full.members[i].saadTotalHours = nil
                if policy != .acquisitionFirst { full.members[i].mode = singleMode }
            }
            var previous = Money.zero
            for n in 1...84 {
                var p = full
                p.members = Array(full.members.prefix(n))
                let total = engine.assess(p).amount.total
                #expect(total >= previous, "seed \(seed), policy \(policy), \(n) ESSMS")
                previous = total
            }
        }
    }

    @Test func prorataCanLowerTheGrant() {
        // 49 full acquisitions, then a SAAD with 1 % eligible hours listed first takes rank 1:
        // the 49th acquisition drops to the volume rate (21 000 → 5 000) for 210 € gained.
        let es = Self.ogs[0].establishments
        var p = Fixture.project("P", Array(es.prefix(49)))
        let engine = FundingEngine(rules: .campaign2024, register: Self.register,
                                   context: .regional(region: "53", committee: Day(year: 2024, month: 6, day: 14)!))
        let before = engine.assess(p).amount.total
        var saad = Member(finess: es[49].finess, mode: .acquisition)
        saad.saadEligibleHours = Quantity(raw: 10_000)
        saad.saadTotalHours = Quantity(raw: 1_000_000)
        p.members.insert(saad, at: 0)
        let after = engine.assess(p).amount.total
        #expect(before == Money(euros: 49 * 21_000))
        #expect(after == before - Money(euros: 16_000) + Money(euros: 210))
    }

    @Test func upgradeFirstCanLowerTheGrant() {
        // 49 acquisitions, then one upgrade: under upgrade-first it takes rank 1 and the 49th
        // acquisition drops to the volume rate: + 5 000 − 16 000.
        let es = Self.ogs[0].establishments
        var p = Fixture.project("P", Array(es.prefix(50)))
        p.members[49].mode = .upgrade
        var rules = RuleSet.campaign2024
        rules.policies.mixedRankOrder = .upgradeFirst
        let engine = FundingEngine(rules: rules, register: Self.register,
                                   context: .regional(region: "53", committee: Day(year: 2024, month: 6, day: 14)!))
        var first49 = p
        first49.members.removeLast()
        #expect(engine.assess(p).amount.total == engine.assess(first49).amount.total - Money(euros: 11_000))
    }
}
