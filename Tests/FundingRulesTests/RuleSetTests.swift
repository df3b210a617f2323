// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Testing
import TestSupport

@Suite struct RuleSetTests {
    func load(_ yaml: String, _ d: inout Diagnostics) -> RuleSet? {
        guard let node = ConfigNode.parse(yaml: yaml, file: "rules.yaml", diagnostics: &d) else { return nil }
        return RuleSet.fromFile(node, file: "rules.yaml", diagnostics: &d)
    }

    @Test func builtInSetsDifferWhereTheDocumentsSay() {
        let a = RuleSet.campaign2024, b = RuleSet.campaign2025
        #expect(a.sonsCancellationDeadline == nil && b.sonsCancellationDeadline == Day(year: 2025, month: 4, day: 17))
        #expect(!a.pjmExemptFromMSSanteAndDMP && b.pjmExemptFromMSSanteAndDMP)
        #expect(a.sonsValidationCutoff == Day(year: 2023, month: 3, day: 31))
        #expect(b.sonsValidationCutoff == Day(year: 2024, month: 3, day: 31))
        #expect(b.regionalWindow.closes == Day(year: 2025, month: 9, day: 15))
        #expect(a.rates == b.rates)
        #expect(RuleSet.builtin("2023") == nil)
    }

    @Test func aRulesFileOverridesAnyValue() throws {
        var d = Diagnostics()
        let r = try #require(load("""
            base: 2024
            name: essai
            rates: { acquisition_usage: 7500, upgrade_usage_volume: 1500.50 }
            volume_rank: 40
            small_organisation_threshold: 20
            equipment_cap: 8000
            windows:
              regional: { closes: 2024-10-15 }
            sons_cancellation_deadline: 2024-06-30
            usage_targets: { mssante: 60% }
            policies: { mixed_rank_order: proportional, minimum_size: { value: 10, hard: true } }
            """, &d))
        #expect(d.items.isEmpty, "\(d.items.map(\.rendered))")
        #expect(r.name == "essai")
        #expect(r.rates.acquisitionUsage == Money(euros: 7_500))
        #expect(r.rates.upgradeUsageVolume == Money(cents: 150_050))
        #expect(r.rates.acquisitionSoftware == Money(euros: 14_000))  // untouched
        #expect(r.volumeRank == 40 && r.smallOrganisationThreshold == 20 && r.equipmentCap == Money(euros: 8_000))
        #expect(r.regionalWindow.closes == Day(year: 2024, month: 10, day: 15))
        #expect(r.regionalWindow.opens == Day(year: 2024, month: 1, day: 15))
        #expect(r.sonsCancellationDeadline == Day(year: 2024, month: 6, day: 30))
        #expect(r.usageTargets.mssante == 0.6)
        #expect(r.policies.mixedRankOrder == .proportional)
        #expect(r.policies.minimumSize == Policies.MinimumSize(value: 10, hard: true))
    }

    @Test func aRulesFileVolumeRankChangesTheAmounts() throws {
        var d = Diagnostics()
        let r = try #require(load("base: 2024\nvolume_rank: 11\n", &d))
        let (register, ogs) = Fixture.register([("29", 12, "500")])
        let a = FundingEngine(rules: r, register: register, context: .regional(region: "53", committee: Day(year: 2024, month: 6, day: 14)!))
            .assess(Fixture.project("P", ogs[0].establishments))
        // Ranks 1–10 at 21 000, 11–12 at 5 000.
        #expect(a.amount.total == Money(euros: 10 * 21_000 + 2 * 5_000))
    }

    @Test func everyBadValueIsLocated() {
        var d = Diagnostics()
        _ = load("""
            base: 2024
            rates: { acquisition_usage: -7000 }
            volume_rank: zero
            windows:
              regional: { opens: 2024-10-01, closes: 2024-09-15 }
            policies: { mixed_rank_order: random, amoa_requires: every }
            usage_target: { mssante: 0.6 }
            """, &d)
        #expect(d.sorted.map(\.code) == ["config-amount", "config-integer", "rules-window", "config-choice", "config-choice",
                                         "config-unknown-key"])
        #expect(d.sorted.map { $0.location.line ?? 0 } == [2, 3, 5, 6, 6, 7])
        var e = Diagnostics()
        _ = load("base: 2030\n", &e)
        #expect(e.items.map(\.code) == ["rules-base"])
    }

    @Test func scenarioPoliciesOverrideTheRuleSet() throws {
        var d = Diagnostics()
        let yaml = """
            id: p
            rules: 2025
            region: "53"
            committee: 2025-06-13
            envelope: { notified: 1000 }
            register: r.csv
            projects: p.csv
            members: m.csv
            policies: { second_tranche: all-or-nothing, minimum_size: 8, amoa_requires: any-small }
            """
        let node = try #require(ConfigNode.parse(yaml: yaml, file: "s.yaml", diagnostics: &d))
        let spec = try #require(ScenarioSpec.decode(node, file: "s.yaml", diagnostics: &d))
        let rules = try #require(RuleSet.resolve(for: spec, scenarioFile: "s.yaml", diagnostics: &d))
        #expect(d.items.isEmpty)
        #expect(rules.name == "2025")
        #expect(rules.policies.secondTranche == .allOrNothing)
        #expect(rules.policies.amoaRequires == .anySmall)
        #expect(rules.policies.minimumSize == Policies.MinimumSize(value: 8, hard: false))
        #expect(rules.policies.mixedRankOrder == .acquisitionFirst)
    }
}
