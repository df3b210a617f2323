// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Selection
import Simulation

/// A national scenario ready for the CNSA's 15 October redeployment: projects assessed, the
/// regions' accounts and the national call; runs a policy, or compares them, and estimates the
/// active DUI of what a policy funds. Prints nothing, never exits.
public struct NationalRedeployment: Sendable {
    public let scenario: Scenario
    public let rules: RuleSet
    public let assessments: [ProjectAssessment]
    public let problem: RedeploymentProblem

    public init(scenario: Scenario, rules: RuleSet) {
        self.scenario = scenario
        self.rules = rules
        assessments = FundingEngine(scenario: scenario, rules: rules).assess(scenario.projects)
        problem = RedeploymentProblem.build(scenario: scenario, assessments: assessments)
    }

    /// Regions whose unengaged AE is negative: they release nothing.
    public var overspentRegions: [RegionAccount] { problem.accounts.filter { $0.unengaged < .zero } }

    /// The scenario's policy (`redeployment_policy`), pooled when it names none.
    public var scenarioPolicy: RedeploymentPolicy {
        scenario.spec.redeploymentPolicy.flatMap(RedeploymentPolicy.init(rawValue:)) ?? .pooled
    }

    public func run(_ policy: RedeploymentPolicy, selector: Selector = Selector()) throws(Selector.Failure) -> RedeploymentResult {
        try Redeployer(selector: selector).run(problem, policy: policy)
    }

    /// Every policy (`Redeployer.compare`); `progress` hears each one before it is run.
    public func compare(selector: Selector = Selector(),
                        progress: ((_ policy: RedeploymentPolicy, _ done: Int, _ total: Int) -> Void)? = nil)
        throws(Selector.Failure) -> [RedeploymentResult] {
        try Redeployer(selector: selector).compare(problem, progress: progress)
    }

    /// The simulation of what `result` funds (its selection and the engaged projects): how many
    /// projects, and the expected active DUI by the scenario's simulation model. Nil when the
    /// policy has no selection.
    public func activeDUI(of result: RedeploymentResult, parameters: SimulationParameters,
                          threads: Int) -> (projects: Int, report: SimulationReport)? {
        guard result.status.hasSelection else { return nil }
        let projects = result.selected + problem.engaged.map(\.id)
        let input = SimulationInput(ids: projects, projects: scenario.projects, assessments: assessments,
                                    register: scenario.register, rules: rules)
        let model = AttainmentModel(input, parameters: parameters)
        let run = MonteCarlo.run(model, draws: parameters.draws, seed: parameters.seed, threads: threads,
                                 tolerance: nil, batch: parameters.batch, progress: nil)
        return (projects.count, SimulationReport(model: model, run: run, target: Int64(NationalIndicators.activeDUI)))
    }
}
