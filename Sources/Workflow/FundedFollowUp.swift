// SPDX-License-Identifier: GPL-3.0-or-later
import CampaignYear
import FundingRules
import ScenarioModel
import Selection

/// The follow-up of a scenario's funded projects: the engaged ones plus a campaign's selections
/// or a committee's; `followup`, `calibrate` and the report all start here.
public enum FundedFollowUp {
    /// The follow-up, with every problem of the reports in `diagnostics`; nil and an error when
    /// the scenario has no followup block (`file` locates it).
    public static func compute(scenario: Scenario, rules: RuleSet, campaign: CampaignResult?, selection: [String]?,
                               file: String) -> (result: FollowupResult?, diagnostics: Diagnostics) {
        guard let reports = scenario.followup else {
            var d = Diagnostics()
            d.error("followup-missing", at: SourceLocation(file: file, keyPath: "followup"), .fr("le scénario n'a pas de bloc followup", en: "the scenario has no followup block"),
                    expected: .verbatim("followup: { indicators: indicators.csv, expenses: expenses.csv, as_of: 2025-12-31 }"),
                    hint: .fr("voir Scenarios/README.md, « Follow-up of funded projects »", en: "see Scenarios/README.md, 'Follow-up of funded projects'"))
            return (nil, d)
        }
        let engaged = scenario.projects.filter { $0.decision == .engaged }.map(\.id)
        var committees: [String: String] = [:]
        let extra: [String]
        let basis: String
        if let campaign {
            extra = campaign.selected
            for c in campaign.committees { for id in c.selected { committees[id] = c.committee.id } }
            basis = "engaged before the campaign \(campaign.campaign.id) (\(engaged.count)) and selected by its committees (\(extra.count))"
        } else if let selection {
            extra = selection
            basis = "engaged (\(engaged.count)) and selected by 'esms select' (\(selection.count))"
        } else {
            extra = []
            basis = "engaged (\(engaged.count))"
        }
        let funded = Set(engaged + extra)
        // Funded projects are engaged: a project joining one of their grappes is admissible.
        var s = scenario
        for i in s.projects.indices where funded.contains(s.projects[i].id) { s.projects[i].decision = .engaged }
        let ids = s.projects.map(\.id).filter(funded.contains)
        let assessments = FundingEngine(scenario: s, rules: rules).assess(s.projects.filter { funded.contains($0.id) })
        let (result, d) = FollowUp(rules: rules).compute(scenario: s, assessments: assessments, funded: ids,
                                                         committees: committees, reports: reports, fundedBasis: basis)
        return (result, d)
    }

    /// The committee's selection as `esms select` solves it (no pins, no explanation): the
    /// projects the follow-up of a scenario funds beside the engaged ones. Its result too, which
    /// says why when there is no selection (then `selected` is empty).
    public static func selection(scenario: Scenario, rules: RuleSet,
                                 timeLimit: Double?) throws -> (result: SelectionResult, selected: [String]) {
        let committee = try Committee(scenario: scenario, rules: rules)
        let result = try Selector(timeLimit: timeLimit).solve(committee.problem)
        return (result, result.status.hasSelection ? result.selectedIDs(committee.problem) : [])
    }
}
