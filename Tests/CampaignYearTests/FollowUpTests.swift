// SPDX-License-Identifier: GPL-3.0-or-later
import CampaignYear
import Foundation
import FundingRules
import ScenarioModel
import Testing

/// Follow-up amounts computed by hand (SCENARIO-FORMAT.md, "What followup computes").
///
/// P1, one small organisation (3 ESSMS, so equipment is funded), decision engaged, ended 31/10/2025:
/// - A upgrade, quote 8 000 €: 5 000 + 8 000 = 13 000 €, first half 6 500 €; 1 000 € of equipment
///   spent → granted 6 000 €, under the first half: 500 € to recover, nothing due;
/// - B acquisition: 7 000 + 14 000 = 21 000 €, first half 10 500 €; its rates exactly on the
///   targets (36 / 40 = 90 %, MSS 70 %, DMP 0.70): met, 10 500 € due;
/// - C upgrade: 5 000 €, first half 2 500 €; its report of 30/11/2025 misses (30 / 40 = 75 %), the
///   perfect one of 31/01/2026 is after as_of and ignored: 2 500 € withheld, targets-not-met.
/// P2, engaged: D never reported (2 500 € withheld, no-report); E met but the project is not
/// declared ended and E has no statement of expenses (2 500 €, not-ended then not-certified).
@Suite struct FollowUpTests {
    static let pjm = "340"

    static func tables(_ f: YearFixture, categoryE: String = "500") throws {
        let n = YearFixture.finess
        let ej1 = n(900_001), ej2 = n(900_002)
        try f.write("register.csv", """
            finess,ej,name,category,departement
            \(n(1)),\(ej1),A,500,29
            \(n(2)),\(ej1),B,500,29
            \(n(3)),\(ej1),C,500,29
            \(n(4)),\(ej2),D,500,29
            \(n(5)),\(ej2),E,\(categoryE),29
            \(n(6)),\(ej2),F,500,29
            """)
        try f.write("projects.csv", """
            id,porteur,software,referencing,deposited,decision
            P1,\(ej1),Logiciel,segur-v1-ms,2024-03-01,engaged
            P2,\(ej2),Logiciel,segur-v1-ms,2024-03-01,engaged
            P3,\(ej2),Logiciel,segur-v1-ms,2024-03-01,
            """)
        try f.write("members.csv", """
            project,finess,mode,equipment_quote
            P1,\(n(1)),upgrade,8000
            P1,\(n(2)),acquisition,
            P1,\(n(3)),upgrade,
            P2,\(n(4)),upgrade,
            P2,\(n(5)),upgrade,
            P3,\(n(6)),upgrade,
            """)
        try f.write("indicators.csv", """
            project,finess,period_end,file_active,active_records,with_personalised_project,with_agenda_event,mss_rate,dmp_rate,project_ended
            P1,\(n(1)),2025-11-30,40,40,40,40,80 %,0.8,
            P1,\(n(2)),2025-11-30,40,36,36,36,70 %,0.70,2025-10-31
            P1,\(n(3)),2025-11-30,40,30,30,30,80 %,0.8,
            P1,\(n(3)),2026-01-31,40,40,40,40,100 %,1,
            P2,\(n(5)),2025-11-30,40,40,40,40,,,
            """)
        try f.write("expenses.csv", """
            project,finess,equipment_spent,certified
            P1,\(n(1)),1000,oui
            P1,\(n(2)),,oui
            P1,\(n(3)),,oui
            P2,\(n(4)),,oui
            """)
    }

    static let followupBlock = "followup: { indicators: indicators.csv, expenses: expenses.csv, as_of: 2025-12-31 }"

    static func run(policy: String = "per-essms", rules: String = "2024", categoryE: String = "500") throws
        -> (FollowupResult, Diagnostics)
    {
        let f = try YearFixture()
        defer { f.remove() }
        try tables(f, categoryE: categoryE)
        let committee = rules == "2024" ? "2024-06-14" : "2025-06-14"
        try f.write("scenario.yaml", YearFixture.scenario(rules: rules, committee: committee,
                                                          extra: "policies: { second_tranche: \(policy) }\n" + followupBlock))
        let (scenario, ruleSet) = try f.load().get()
        let funded = ["P1", "P2"]
        let assessments = FundingEngine(scenario: scenario, rules: ruleSet).assess(scenario.projects)
        return FollowUp(rules: ruleSet).compute(scenario: scenario, assessments: assessments, funded: funded,
                                                reports: try #require(scenario.followup))
    }

    func essms(_ r: FollowupResult, _ project: String, _ k: Int) throws -> FollowupESSMS {
        let p = try #require(r.projects.first { $0.id == project })
        return try #require(p.essms.first { $0.finess.text == YearFixture.finess(k) })
    }

    @Test func cappingBelowTheFirstHalfLeavesAnAmountToRecover() throws {
        let (r, _) = try Self.run()
        let a = try essms(r, "P1", 1)
        #expect(a.grantedAtSignature == Money(euros: 13_000))
        #expect(a.granted == Money(euros: 6_000))
        #expect(a.firstHalf == Money(euros: 6_500))
        #expect(a.toRecover == Money(euros: 500))
        #expect(a.secondHalfDue == .zero && a.withheld == .zero)
        #expect(r.totals.toRecover == Money(euros: 500))
    }

    @Test func aRateExactlyOnItsTargetMeetsIt() throws {
        let (r, _) = try Self.run()
        let b = try essms(r, "P1", 2)
        #expect(b.met[.activeRecords] == true && b.met[.mss] == true && b.met[.dmp] == true)
        #expect(b.allMet && b.reason == nil)
        #expect(b.secondHalfDue == Money(euros: 10_500))
    }

    @Test func aReportAfterAsOfIsIgnored() throws {
        let (r, _) = try Self.run()
        let c = try essms(r, "P1", 3)
        #expect(c.report?.periodEnd == Day(year: 2025, month: 11, day: 30))
        #expect(c.ignoredReports == 1)
        #expect(c.met[.activeRecords] == false && !c.allMet)
        #expect(c.reason == .targetsNotMet && c.withheld == Money(euros: 2_500))
    }

    @Test func aMissingReportAndAProjectNotEnded() throws {
        let (r, d) = try Self.run()
        let p2 = try #require(r.projects.first { $0.id == "P2" })
        #expect(!p2.ended)
        let dd = try essms(r, "P2", 4), e = try essms(r, "P2", 5)
        #expect(dd.reasons == [.noReport, .notEnded] && dd.withheld == Money(euros: 2_500))
        // E's empty MSS/DMP rates under the 2024 rules: not exempt, a warning, the targets not met.
        #expect(e.reasons == [.targetsNotMet, .notEnded, .notCertified])
        #expect(d.items.filter { $0.code == "rate-missing" }.count == 2 && !d.hasErrors)
        #expect(r.totals == {
            var t = FollowupTotals()
            for p in r.projects { t.add(p.totals) }
            return t
        }())
        #expect(r.totals.granted == Money(euros: 6_000 + 21_000 + 5_000 + 5_000 + 5_000))
        #expect(r.totals.firstHalf == Money(euros: 6_500 + 10_500 + 2_500 + 2_500 + 2_500))
        #expect(r.totals.secondHalfDue == Money(euros: 10_500))
        #expect(r.totals.withheld == Money(euros: 2_500 * 3))
        #expect(r.totals.essmsMeetingTargets == 2 && r.totals.activeDUI == 40 + 36 + 30 + 40)
    }

    @Test func allOrNothingWithholdsTheWholeProject() throws {
        let (r, _) = try Self.run(policy: "all-or-nothing")
        let b = try essms(r, "P1", 2)
        #expect(b.allMet && b.withheldByPolicy && b.reason == .targetsNotMet)
        #expect(b.secondHalfDue == .zero && b.withheld == Money(euros: 10_500))
        let p1 = try #require(r.projects.first { $0.id == "P1" }).totals
        #expect(p1.secondHalfDue == .zero && p1.withheld == Money(euros: 13_000) && p1.toRecover == Money(euros: 500))
    }

    @Test func pjmIsExemptFromMSSAndDMPFrom2025() throws {
        let (r, d) = try Self.run(rules: "2025", categoryE: Self.pjm)
        let e = try essms(r, "P2", 5)
        #expect(e.exempt == [.mss, .dmp] && e.allMet)
        #expect(e.reasons == [.notEnded, .notCertified])
        #expect(!d.items.contains { $0.code == "rate-missing" })
    }

    @Test func oddCentsGiveTheExtraCentToTheFirstHalf() {
        #expect(Money(cents: 100_001).firstHalf == Money(cents: 50_001))
        #expect(Money(cents: 100_000).firstHalf == Money(cents: 50_000))
    }
}
