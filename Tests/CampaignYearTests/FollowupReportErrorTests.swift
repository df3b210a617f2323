// SPDX-License-Identifier: GPL-3.0-or-later
import CampaignYear
import FundingRules
import ScenarioModel
import Testing

/// Bad reports: every problem located (file, line, column, expected, found), all at once.
@Suite struct FollowupReportErrorTests {
    @Test func everyBadRowIsLocatedAtOnce() throws {
        let f = try YearFixture()
        defer { f.remove() }
        try FollowUpTests.tables(f)
        let n = YearFixture.finess
        try f.write("indicators.csv", """
            project,finess,period_end,file_active,active_records,with_personalised_project,with_agenda_event,mss_rate,dmp_rate
            P9,\(n(1)),2025-11-30,40,40,40,40,80 %,0.8
            P1,\(n(4)),2025-11-30,40,40,40,40,80 %,0.8
            P1,\(n(1)),2025-11-30,40,41,40,40,80 %,0.8
            P1,\(n(2)),2025-11-30,40,36,37,36,80 %,0.8
            P1,\(n(3)),2025-11-30,40,36,36,36,82,0.8
            P2,\(n(5)),2025-11-30,0,0,0,0,80 %,0.8
            P2,\(n(4)),2025-11-30,40,36,36,36,80 %,0.8
            P2,\(n(4)),2025-11-30,40,36,36,36,80 %,0.8
            """)
        try f.write("scenario.yaml", YearFixture.scenario(extra: FollowUpTests.followupBlock))
        let d = try #require(f.load().failureDiagnostics)
        let errors = d.items.filter { $0.severity == .error }
        func at(_ line: Int, _ code: String) -> Diagnostic? {
            errors.first { $0.location.line == line && $0.code == code }
        }
        #expect(at(2, "unknown-project")?.found == "'P9'")
        #expect(at(3, "not-a-member") != nil)
        #expect(at(4, "counts-inconsistent")?.location.keyPath == "active_records")
        #expect(at(5, "counts-inconsistent")?.location.keyPath == "with_personalised_project")
        #expect(at(6, "invalid-rate")?.message.contains("above 100 %") == true)
        #expect(at(7, "invalid-count")?.location.keyPath == "file_active")
        #expect(at(9, "duplicate-report")?.found == "a second row (first on line 8)")
        #expect(errors.count == 7)
        #expect(errors.allSatisfy { $0.location.file.hasSuffix("indicators.csv") && $0.location.column != nil && $0.expected != nil })
    }

    @Test func anESSMSNotFundedInItsProjectIsAnError() throws {
        let f = try YearFixture()
        defer { f.remove() }
        try FollowUpTests.tables(f)
        try f.write("scenario.yaml", YearFixture.scenario(extra: FollowUpTests.followupBlock))
        let (scenario, rules) = try f.load().get()
        let assessments = FundingEngine(scenario: scenario, rules: rules).assess(scenario.projects)
        // P2 is not counted as funded here: its reports are errors at their row.
        let (_, d) = FollowUp(rules: rules).compute(scenario: scenario, assessments: assessments, funded: ["P1"],
                                                    reports: try #require(scenario.followup))
        let errors = d.items.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["project-not-funded", "project-not-funded"])
        #expect(errors.map { $0.location.line } == [6, 5])
    }
}

extension Result where Failure == ScenarioError {
    var failureDiagnostics: Diagnostics? {
        if case .failure(let e) = self { return e.diagnostics }
        return nil
    }
}
