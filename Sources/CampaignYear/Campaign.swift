// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Selection

/// The committees of a year, in sequence (SCENARIO-FORMAT.md, "Campaign"). Committee k is the
/// scenario's selection with the date and cut-off of k, in which every project selected by
/// committees 1…k−1 is `engaged`; its candidates are the admissible projects deposited up to its
/// cut-off that no earlier committee selected. The scenario's own `engaged` projects (decided
/// before the campaign) stay engaged from the first committee on, and its `rejected` ones stay
/// out. Each committee's `reserve` replaces the scenario's `envelope.reserve`.
public struct Campaign: Sendable {
    public var spec: CampaignSpec
    public var scenario: Scenario
    public var rules: RuleSet

    public init(spec: CampaignSpec, scenario: Scenario, rules: RuleSet) {
        self.spec = spec
        self.scenario = scenario
        self.rules = rules
    }

    public enum Failure: Error, Sendable {
        case selection(committee: String, Selector.Failure)
        /// The committee's choices name a project it cannot take or leave (unknown, not a
        /// candidate of that committee).
        case pins(committee: String, SelectionProblem.BuildError)
    }

    /// Projects of the scenario engaged before the campaign.
    public var engagedBefore: [String] { scenario.projects.filter { $0.decision == .engaged }.map(\.id) }

    /// The scenario as `committee` sees it, the projects of `engaged` marked engaged.
    public func scenario(for committee: CampaignSpec.Committee, engaged: Set<String>) -> Scenario {
        var s = scenario
        s.spec.committee = committee.date
        s.spec.depositsUntil = committee.depositsUntil
        s.spec.envelope.reserve = committee.reserve
        for i in s.projects.indices where engaged.contains(s.projects[i].id) { s.projects[i].decision = .engaged }
        return s
    }

    /// Runs the committees in order with `selector`.
    public func run(selector: Selector) throws(Failure) -> CampaignResult {
        var engaged = Set(engagedBefore)
        var outcomes: [CommitteeOutcome] = []
        for c in spec.committees {
            let s = scenario(for: c, engaged: engaged)
            let assessments = FundingEngine(scenario: s, rules: rules).assess(s.projects)
            let problem: SelectionProblem
            do {
                problem = try Self.problem(s, assessments, committee: c)
            } catch {
                throw .pins(committee: c.id, error)
            }
            let carried = zip(s.projects, assessments).filter { p, a in
                p.decision == .candidate && a.eligible && a.afterCutoff
            }.map { $0.0.id }
            var outcome = CommitteeOutcome(committee: c, problem: problem, carriedOver: carried)
            if c.onlyIfEnvelopeLeft, let why = Self.nothingToSpend(problem) {
                outcome.status = .skipped
                outcome.sentence = why
            } else {
                let result: SelectionResult
                do {
                    result = try selector.solve(problem)
                } catch {
                    throw .selection(committee: c.id, error)
                }
                outcome.record(result, problem)
            }
            engaged.formUnion(outcome.selected)
            outcomes.append(outcome)
        }
        return CampaignResult(campaign: spec, engagedBefore: engagedBefore, committees: outcomes)
    }

    /// Why a committee held only if the envelope is not consumed does not meet: nothing left, or
    /// less than the cheapest candidate costs. Nil: it meets.
    static func nothingToSpend(_ p: SelectionProblem) -> String? {
        let left = p.available
        if left <= .zero {
            return "skipped: the envelope is consumed (\(left.frenchString) left after the earlier committees and the reserve)"
        }
        guard let cheapest = p.candidates.map(\.amount).min() else {
            return "skipped: no admissible application is waiting (\(left.frenchString) left)"
        }
        if cheapest > left {
            return "skipped: the envelope is consumed — \(left.frenchString) left, less than the cheapest of the \(p.candidates.count) waiting applications (\(cheapest.frenchString))"
        }
        return nil
    }

    /// The committee's selection problem, with its choices file's pins. Projects the file names
    /// that an earlier committee of the campaign selected are engaged by now: they are left out
    /// of the pins (the page exported every candidate of that committee's own report).
    static func problem(_ s: Scenario, _ assessments: [ProjectAssessment],
                        committee c: CampaignSpec.Committee) throws(SelectionProblem.BuildError) -> SelectionProblem {
        let engaged = Set(s.projects.filter { $0.decision == .engaged }.map(\.id))
        return try SelectionProblem.build(scenario: s, assessments: assessments,
                                          force: c.force.filter { !engaged.contains($0) }, exclude: c.exclude.filter { !engaged.contains($0) })
    }
}
