// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

/// The results of a simulation for a reader: the summaries the `simulate` document carries.
public struct SimulationReport: Sendable {
    public struct ProjectLine: Sendable {
        public var id: String
        public var essms: Int
        /// Probability that every ESSMS of the project reaches its targets.
        public var pAttain: Double
        /// Mean share of its ESSMS reaching their targets, and of its ESSMS deployed in time.
        public var shareAttaining: Double
        public var shareDeployed: Double
        /// Tranche-2 cents at stake; expected paid and unpaid (to the cent, half-up).
        public var tranche2: Int64
        public var expectedPaid: Int64
        public var expectedUnpaid: Int64
    }

    public var draws: Int
    public var seed: UInt64
    public var essms: Int
    public var tranche2Total: Int64
    public var attaining: Summary
    public var paid: Summary
    public var unpaid: Summary
    public var activeDUI: Summary
    public var deployed: Summary
    /// The active-DUI target the probability is computed for: one given by the user, or the
    /// programme's 410 000 in a national run; nil in a regional run (the 410 000 are a national
    /// total [003], not a regional target).
    public var target: Int64?
    public var pTarget: Double?
    public var converged: Bool?
    public var projects: [ProjectLine]

    public init(model: AttainmentModel, run: SimulationRun, target: Int64?) {
        draws = run.draws
        seed = run.seed
        essms = model.essmsCount
        let total = model.tranche2Total
        tranche2Total = total
        attaining = Summary(run.attaining)
        paid = Summary(run.paid)
        unpaid = Summary(run.paid.map { total - $0 })
        activeDUI = Summary(run.activeDUI)
        deployed = Summary(run.deployed)
        self.target = target
        pTarget = target.map { Summary.probability(run.activeDUI, atLeast: $0) }
        converged = run.converged
        let n = Int64(Swift.max(1, run.draws))
        projects = model.projectIDs.indices.map { p in
            let size = model.projectStart[p + 1] - model.projectStart[p]
            let denominator = Double(Swift.max(1, size)) * Double(n)
            let paidSum = run.projectPaid[p]
            let expected = (paidSum + n / 2) / n  // half-up, paidSum ≥ 0
            return ProjectLine(id: model.projectIDs[p], essms: size,
                               pAttain: Double(run.projectAllAttain[p]) / Double(n),
                               shareAttaining: Double(run.projectAttaining[p]) / denominator,
                               shareDeployed: Double(run.projectDeployed[p]) / denominator,
                               tranche2: model.projectTranche2[p], expectedPaid: expected,
                               expectedUnpaid: model.projectTranche2[p] - expected)
        }
    }

    /// The default active-DUI target: the programme's national total in a national run; none in
    /// a regional run, which shows its contribution to the national totals instead [003].
    public static func defaultTarget(scenario: Scenario, rules: RuleSet) -> Int64? {
        scenario.spec.scope == .national ? Int64(rules.nationalActiveDUITarget) : nil
    }
}
