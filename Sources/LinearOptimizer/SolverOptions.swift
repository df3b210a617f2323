// SPDX-License-Identifier: GPL-3.0-or-later

/// Everything that controls a solve. Every value is checked before GLPK sees it.
public struct SolverOptions: Sendable, Hashable {
    /// Wall-clock limit in seconds for the whole solve (all strategies); nil for none.
    /// GLPK overruns it a little (3 s became 3.8 s on 5 000 binaries).
    public var timeLimit: Double?
    /// Stop when |incumbent - bound| / (|incumbent| + eps) <= relativeGap; in [0, 1).
    public var relativeGap: Double
    /// Strategies tried in order: with a time limit, each but the last runs for its
    /// `timeShare` of the remaining time, and the best solution found so far is
    /// injected into the next one. Without a time limit only the first one runs.
    /// Default: `tunedDepthFirst`, measured best when a greedy heuristic is given.
    public var strategies: [SearchStrategy]
    /// Stop as soon as the bound, rounded to this step, meets the incumbent.
    public var granularity: ObjectiveGranularity
    /// A value within this distance of an integer counts as integral (`tol_int`), in (0, 0.5).
    public var integralityTolerance: Double
    /// Tolerance used to compare objective values (`tol_obj`), in (0, 1).
    public var objectiveTolerance: Double
    /// With a heuristic closure: call it at the root and then at every n-th node (n >= 1).
    public var heuristicInterval: Int
    /// Stop (status `feasible` or `timeLimitNoSolution`) after this many branch-and-bound nodes.
    public var nodeLimit: Int?
    /// Stop (status `timeLimitNoSolution`) when this many nodes are open and no solution has
    /// been found yet; once one is, the search goes on (to `nodeLimit` or the time limit). A
    /// count of nodes: where it stops is the same on every machine.
    public var firstSolutionNodeLimit: Int?
    /// A bound on the optimum known from outside the search (the optimum of a model this one
    /// only restricts): the search stops as soon as its incumbent reaches it, and a start
    /// solution that reaches it is returned without a search. It must be true: a bound the
    /// optimum exceeds would return a solution that is not optimal.
    public var knownBound: Double?
    /// With a start solution: fix, before the search, the binaries whose reduced cost at the LP
    /// optimum shows they cannot move in any solution better than the start (where the start
    /// agrees with the LP). Exact; it changes which of several optimal solutions is returned, so
    /// it is asked for where that does not matter (explanation re-solves, least-cost solves).
    public var reducedCostFixing = false
    /// The search on the columns reduced-cost fixing leaves free is made by
    /// `DenseBranchAndBound` first (GLPK's when it gives no answer). Off: GLPK's only.
    public var denseSearch = true
    /// A session's solve returns the reduced costs of its LP relaxation's optimum
    /// (`SolveResult.rootReducedCosts`), for the solves of later stages to fix columns with.
    public var reportsReducedCosts = false
    /// Tests only: the first n runs of each strategy make GLPK fail an internal check on purpose
    /// (through the guard), so that the recovery is exercised.
    var provokedInternalFailures = 0

    public init(
        timeLimit: Double? = nil, relativeGap: Double = 0, strategies: [SearchStrategy] = [.tunedDepthFirst],
        granularity: ObjectiveGranularity = .automatic, integralityTolerance: Double = 1e-5,
        objectiveTolerance: Double = 1e-7, heuristicInterval: Int = 20, nodeLimit: Int? = nil
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.strategies = strategies
        self.granularity = granularity
        self.integralityTolerance = integralityTolerance
        self.objectiveTolerance = objectiveTolerance
        self.heuristicInterval = heuristicInterval
        self.nodeLimit = nodeLimit
    }

    /// GLPK exactly as `glp_init_iocp` leaves it, with no granularity stop.
    public static let glpkDefaults = SolverOptions(strategies: [.glpkDefaults], granularity: .none)

    /// Checks every option; the message names the option, the value and the accepted range.
    public func validate() throws(LinearOptimizerError) {
        if let limit = timeLimit {
            guard limit.isFinite, limit >= 0, limit * 1000 < Double(Int32.max) else {
                throw LinearOptimizerError(.invalidOption, "The time limit is \(limit) s; give a finite number of seconds between 0 and \(Int32.max / 1000), or none.")
            }
        }
        guard relativeGap.isFinite, relativeGap >= 0, relativeGap < 1 else {
            throw LinearOptimizerError(.invalidOption, "The relative gap is \(relativeGap); give a number in [0, 1), e.g. 1e-4.")
        }
        guard !strategies.isEmpty else {
            throw LinearOptimizerError(.invalidOption, "No search strategy was given; give at least one, e.g. SearchStrategy.tuned.")
        }
        for strategy in strategies { try strategy.validate() }
        if case .step(let g) = granularity {
            guard g.isFinite, g > 0 else {
                throw LinearOptimizerError(.invalidOption, "The objective granularity is \(g); give a positive finite step, or .automatic or .none.")
            }
        }
        guard integralityTolerance.isFinite, integralityTolerance > 0, integralityTolerance < 0.5 else {
            throw LinearOptimizerError(.invalidOption, "The integrality tolerance is \(integralityTolerance); give a number in (0, 0.5), e.g. 1e-5.")
        }
        guard objectiveTolerance.isFinite, objectiveTolerance > 0, objectiveTolerance < 1 else {
            throw LinearOptimizerError(.invalidOption, "The objective tolerance is \(objectiveTolerance); give a number in (0, 1), e.g. 1e-7.")
        }
        guard heuristicInterval >= 1 else {
            throw LinearOptimizerError(.invalidOption, "The heuristic interval is \(heuristicInterval); give a number of nodes >= 1.")
        }
        if let bound = knownBound, !bound.isFinite {
            throw LinearOptimizerError(.invalidOption, "The known bound is \(bound); give a finite objective value, or none.")
        }
        if let limit = nodeLimit, limit < 1 {
            throw LinearOptimizerError(.invalidOption, "The node limit is \(limit); give a number of nodes >= 1, or none.")
        }
        if let limit = firstSolutionNodeLimit, limit < 1 {
            throw LinearOptimizerError(.invalidOption, "The node limit for a first solution is \(limit); give a number of nodes >= 1, or none.")
        }
    }
}
