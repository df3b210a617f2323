// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Testing
import TestSupport

/// Amounts of RULES.md §2, computed by hand.
@Suite struct AmountTests {
    static let committee = Day(year: 2024, month: 6, day: 14)!

    func engine(_ register: Register, _ configure: (inout RuleSet) -> Void = { _ in }) -> FundingEngine {
        var rules = RuleSet.campaign2024
        configure(&rules)
        return FundingEngine(rules: rules, register: register, context: .regional(region: "53", committee: Self.committee))
    }

    @Test func sixtyAcquisitionsTakeTheVolumeRateFromRankFifty() {
        let (register, ogs) = Fixture.register([("29", 60, "500")])
        let a = engine(register).assess(Fixture.project("P", ogs[0].establishments))
        // 49 × (7 000 + 14 000) + 11 × (2 000 + 3 000)
        #expect(a.amount.total == Money(euros: 1_084_000))
        #expect(a.amount.usage == Money(euros: 49 * 7_000 + 11 * 2_000))
        #expect(a.amount.software == Money(euros: 49 * 14_000 + 11 * 3_000))
        #expect(a.funded.filter(\.fullRate).count == 49)
        #expect(a.eligible)
    }

    func mixed(_ policy: Policies.MixedRankOrder) -> ProjectAssessment {
        let (register, ogs) = Fixture.register([("29", 30, "500"), ("29", 25, "500")])
        var p = Fixture.project("P", ogs[0].establishments + ogs[1].establishments)
        for i in 30..<55 { p.members[i].mode = .upgrade }
        // Interleave the table order: ranks must not depend on it.
        p.members = zip(p.members.prefix(25), p.members.suffix(25)).flatMap { [$0, $1] } + p.members[25..<30]
        return engine(register) { $0.policies.mixedRankOrder = policy }.assess(p)
    }

    @Test func mixedGrappeAcquisitionFirst() {
        // 30 × 21 000 + 19 × 5 000 + 6 × 2 000
        #expect(mixed(.acquisitionFirst).amount.total == Money(euros: 737_000))
    }

    @Test func mixedGrappeUpgradeFirst() {
        // 25 × 5 000 + 24 × 21 000 + 6 × 5 000
        #expect(mixed(.upgradeFirst).amount.total == Money(euros: 659_000))
    }

    @Test func mixedGrappeProportional() {
        // 49 full-rate ranks shared 30/55: round(26.73) = 27 acquisitions, 22 upgrades.
        // 27 × 21 000 + 3 × 5 000 + 22 × 5 000 + 3 × 2 000
        let a = mixed(.proportional)
        #expect(a.amount.total == Money(euros: 698_000))
        #expect(a.funded.filter { $0.fullRate && $0.mode == .acquisition }.count == 27)
    }

    @Test func proportionalRoundsHalfUpForAcquisitions() {
        // 98 ESSMS, 49 full slots, 49 acquisitions: 24.5 → 25 acquisitions at full rate.
        let modes = Array(repeating: Mode.acquisition, count: 49) + Array(repeating: Mode.upgrade, count: 49)
        let ranks = FundingEngine.ranks(modes: modes, policy: .proportional, fullRateSlots: 49)
        #expect(zip(modes, ranks).filter { $0.0 == .acquisition && $0.1 <= 49 }.count == 25)
        #expect(Set(ranks).count == 98)
    }

    @Test func saadProrataRoundsEachAmountHalfUp() {
        let (register, ogs) = Fixture.register([("29", 1, "460")])
        var p = Fixture.project("P", ogs[0].establishments)
        p.members[0].saadEligibleHours = Quantity(raw: 1_000_0000)
        p.members[0].saadTotalHours = Quantity(raw: 1_500_0000)
        let a = engine(register).assess(p)
        // 7 000 × 2/3 = 4 666.666… → 4 666.67; 14 000 × 2/3 = 9 333.333… → 9 333.33
        #expect(a.amount.usage == Money(cents: 466_667))
        #expect(a.amount.software == Money(cents: 933_333))
        #expect(a.amount.total == Money(cents: 1_400_000))
    }

    @Test func halfCentRoundsUp() {
        #expect(Money(cents: 700_000).prorated(1, over: 64) == Money(cents: 10_938))  // 10 937.5
        #expect(Money(cents: 700_000).prorated(3, over: 64) == Money(cents: 32_813))  // 32 812.5
        #expect(Money(cents: 100).prorated(1, over: 3) == Money(cents: 33))
    }

    @Test func equipmentForSmallOrganisationsCappedAtQuoteAndTenThousand() {
        let (register, ogs) = Fixture.register([("29", 3, "500"), ("29", 15, "500")])
        var p = Fixture.project("P", ogs[0].establishments + Array(ogs[1].establishments.prefix(1)))
        p.members[0].equipmentQuote = Money(euros: 12_000)
        p.members[1].equipmentQuote = Money(cents: 812_345)
        p.members[3].equipmentQuote = Money(euros: 9_000)  // OG of 15 ESSMS: not small
        let a = engine(register).assess(p)
        #expect(a.funded[0].amount.equipment == Money(euros: 10_000))
        #expect(a.funded[1].amount.equipment == Money(cents: 812_345))
        #expect(a.funded[2].amount.equipment == .zero)
        #expect(a.funded[3].amount.equipment == .zero)
        #expect(!a.funded[3].smallOrganisation)
        #expect(a.issues.contains { $0.code == "equipment-not-small" })
    }

    @Test func smallThresholdIsEightOverseasAndInCorse() {
        // 10 ESSMS: small in Bretagne (< 15), not small in La Réunion or Corse (≥ 8).
        let (register, ogs) = Fixture.register([("29", 10, "500"), ("974", 10, "500"), ("2A", 10, "500"), ("974", 7, "500")])
        let e = engine(register)
        #expect(e.assess(Fixture.project("A", ogs[0].establishments)).funded.allSatisfy { $0.smallOrganisation })
        #expect(e.assess(Fixture.project("B", ogs[1].establishments)).funded.allSatisfy { !$0.smallOrganisation })
        #expect(e.assess(Fixture.project("C", ogs[2].establishments)).funded.allSatisfy { !$0.smallOrganisation })
        #expect(e.assess(Fixture.project("D", ogs[3].establishments)).funded.allSatisfy { $0.smallOrganisation })
    }

    @Test func organisationSizeCountsTheWholeRegister() {
        // The OG runs 20 ESSMS but files only 5: it is not small.
        let (register, ogs) = Fixture.register([("29", 20, "500")])
        let a = engine(register).assess(Fixture.project("P", Array(ogs[0].establishments.prefix(5))))
        #expect(a.funded.allSatisfy { !$0.smallOrganisation })
    }

    @Test func amoaCappedAndSpreadToTheCent() {
        let (register, ogs) = Fixture.register([("29", 4, "500"), ("29", 3, "500")])
        var p = Fixture.project("P", ogs[0].establishments + ogs[1].establishments)
        p.amoaRequested = Money(euros: 150_000)
        let a = engine(register).assess(p)
        #expect(a.amoaGranted)
        #expect(a.amount.amoa == Money(euros: 100_000))
        // 10 000 000 cents over 7 ESSMS: 1 428 571 each, the first 3 get one more cent.
        #expect(a.funded.map(\.amount.amoa.cents) == [1_428_572, 1_428_572, 1_428_572, 1_428_571, 1_428_571, 1_428_571, 1_428_571])
        p.amoaRequested = Money(cents: 4_000_001)
        #expect(engine(register).assess(p).amount.amoa == Money(cents: 4_000_001))
    }

    @Test func amoaPolicyAllSmallOrAnySmall() {
        let (register, ogs) = Fixture.register([("29", 4, "500"), ("29", 20, "500")])
        var p = Fixture.project("P", ogs[0].establishments + Array(ogs[1].establishments.prefix(2)))
        p.amoaRequested = Money(euros: 50_000)
        let strict = engine(register).assess(p)
        #expect(!strict.amoaGranted && strict.amount.amoa == .zero)
        #expect(strict.issues.contains { $0.code == "amoa-not-small" })
        let lenient = engine(register) { $0.policies.amoaRequires = .anySmall }.assess(p)
        #expect(lenient.amoaGranted && lenient.amount.amoa == Money(euros: 50_000))
    }

    @Test func excludedESSMSTakeNoRank() {
        let (register, ogs) = Fixture.register([("29", 51, "500")])
        var p = Fixture.project("P", ogs[0].establishments)
        p.members[0].priorFunding = true
        p.members[1].otherEUFunds = true
        let a = engine(register).assess(p)
        // 49 ESSMS left: all at the full rate.
        #expect(a.finessCount == 49)
        #expect(a.amount.total == Money(euros: 49 * 21_000))
        #expect(a.excluded.map(\.reason) == [.priorFunding, .otherEUFunds])
    }
}
