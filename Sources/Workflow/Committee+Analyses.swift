// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

/// What the committee report adds to the selection: the envelope frontier and the ESSMS–
/// acquisition trade-off.
public struct CommitteeAnalyses: Sendable {
    public var frontier: [FrontierPoint]?
    public var tradeoff: TradeoffCurve?
}

extension Committee {
    /// The selection re-solved at `steps` envelopes evenly spaced from `from` to `to` (`esms
    /// frontier`); `progress` hears the envelopes done and how many there are.
    public func frontier(from: EnvelopeLevel, to: EnvelopeLevel, steps: Int, selector: Selector,
                         progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws(Selector.Failure) -> [FrontierPoint] {
        let budgets = EnvelopeLevel.budgets(available: problem.available, from: from, to: to, steps: steps)
        return try Frontier(selector: selector).compute(problem, budgets: budgets, progress: progress)
    }

    /// The non-dominated selections between funded ESSMS and acquisitions in `points` solves at
    /// most (`esms tradeoff`); `progress` hears the solves done and the most there can be.
    public func tradeoff(points: Int, selector: Selector,
                         progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws(Selector.Failure) -> TradeoffCurve {
        try Tradeoff(selector: selector, points: points).compute(problem, progress: progress)
    }

    /// The frontier over `frontierSteps` envelopes from 50 % to 150 % of the available one, and
    /// the trade-off in `tradeoffPoints` points (0: left out). Left out when the selection is
    /// undecided or failed (they would be undecided again at most envelopes: the diagnosis says
    /// why); the trade-off also when there is no selection.
    public func analyses(after run: SelectionRun, settings: SolveSettings, frontierSteps: Int, tradeoffPoints: Int)
        throws(Selector.Failure) -> CommitteeAnalyses
    {
        var out = CommitteeAnalyses()
        let status = run.result.status
        if frontierSteps > 0 && status != .timeLimit && status != .solverError {
            out.frontier = try frontier(from: .share(millionths: 500_000), to: .share(millionths: 1_500_000), steps: frontierSteps,
                                        selector: settings.selector)
        }
        if tradeoffPoints > 0 && run.solved {
            out.tradeoff = try tradeoff(points: tradeoffPoints, selector: settings.selector)
        }
        return out
    }
}
