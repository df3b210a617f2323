// SPDX-License-Identifier: GPL-3.0-or-later

/// Solves a `LinearModel` with GLPK's branch-and-cut (`glp_intopt`).
///
/// The only user of GLPK in the project. Each call validates the model and the options
/// in Swift, then builds, solves, reads and deletes the GLPK problem within that one
/// synchronous call, under a process-wide lock, with GLPK's terminal output off. Calls
/// from several threads are safe: they run one after the other.
public struct GLPKSolver: Sendable {
    public init() {}

    /// GLPK's version string, e.g. "5.0".
    public static var glpkVersion: String { GLPKEnvironment.version }

    /// Solves `model`.
    ///
    /// - Parameters:
    ///   - start: an optional full assignment (by variable position) handed to GLPK as its
    ///     first incumbent after a check in Swift; continuous values are recomputed.
    ///   - heuristic: an optional closure called from the search with the LP relaxation of
    ///     the current node; its solutions are checked, completed and injected.
    /// - Throws: `LinearOptimizerError` when the model, an option or the start solution is
    ///   malformed (GLPK is then never called). Infeasibility, limits and solver failures
    ///   are statuses of the result, not errors.
    public func solve(
        _ model: LinearModel, options: SolverOptions = SolverOptions(),
        start: [Double]? = nil, heuristic: IncumbentHeuristic? = nil
    ) throws(LinearOptimizerError) -> SolveResult {
        try Self.check(model, options: options, start: start)
        let prepared = try PreparedModel(model)
        let clock = ContinuousClock()
        let began = clock.now
        let granularity = options.granularity.resolve(for: model)
        if prepared.columnCount == 0 {
            return Self.solveWithoutVariables(prepared, options: options, start: start)
        }
        let (outcome, attempts) = try GLPKEnvironment.run { () throws(LinearOptimizerError) in
            Self.runStrategies(prepared, options: options, start: start, heuristic: heuristic,
                               granularity: granularity, clock: clock, began: began)
        }
        return Self.result(outcome, attempts, options: options, start: start, heuristic: heuristic,
                           granularity: granularity, seconds: Self.seconds(began.duration(to: clock.now)))
    }

    /// Checks the options and a start solution against `model` before GLPK sees them.
    static func check(_ model: LinearModel, options: SolverOptions, start: [Double]?) throws(LinearOptimizerError) {
        try options.validate()
        if let start {
            guard start.count == model.variables.count else {
                throw LinearOptimizerError(.invalidStartSolution, "The start solution has \(start.count) values but the model has \(model.variables.count) variables; give one value per variable, in order.")
            }
            if let index = start.firstIndex(where: { !$0.isFinite }) {
                throw LinearOptimizerError(.invalidStartSolution, "The start solution gives \(start[index]) to variable '\(model.variables[index].name)'; every value must be a finite number.")
            }
        }
    }

    /// The result of a solve from its outcome and the attempts made.
    static func result(_ outcome: AttemptOutcome, _ attempts: [Attempt], options: SolverOptions, start: [Double]?,
                       heuristic: IncumbentHeuristic?, granularity: Double?, seconds: Double) -> SolveResult {
        var used = options
        if !outcome.presolveUsed, start != nil || heuristic != nil {
            used.strategies = used.strategies.map { var s = $0; s.presolve = false; return s }
        }
        return SolveResult(
            status: outcome.status, sentence: outcome.sentence, objectiveValue: outcome.objective,
            values: outcome.values, bestBound: outcome.bestBound,
            gap: Self.relativeGap(outcome.objective, outcome.bestBound), nodeCount: outcome.nodeCount,
            seconds: seconds, options: used, granularity: granularity,
            provenByGranularity: outcome.provenByGranularity,
            startSolution: start == nil ? .notGiven : outcome.startOutcome,
            heuristicSolutionsAccepted: attempts.reduce(0) { $0 + $1.heuristicAccepted },
            attempts: attempts.map(\.report))
    }

    struct Attempt {
        var report: AttemptReport
        var heuristicAccepted: Int
    }

    /// Runs the strategies in order (see `SolverOptions.strategies`).
    static func runStrategies(
        _ prepared: PreparedModel, options: SolverOptions, start: [Double]?,
        heuristic: IncumbentHeuristic?, granularity: Double?, clock: ContinuousClock, began: ContinuousClock.Instant
    ) -> (AttemptOutcome, [Attempt]) {
        let maximize = prepared.model.sense == .maximize
        var best: AttemptOutcome?
        var tightestBound: Double?
        var attempts: [Attempt] = []
        var carried = start
        var firstStartOutcome: StartSolutionOutcome?
        for (k, strategy) in options.strategies.enumerated() {
            let isLast = k == options.strategies.count - 1 || options.timeLimit == nil
            var milliseconds: Int32?
            if let limit = options.timeLimit {
                let remaining = limit - seconds(began.duration(to: clock.now))
                if remaining <= 0, k > 0 { break }
                let share = isLast ? 1 : strategy.timeShare
                milliseconds = Int32(clamping: Int64(Swift.max(0, remaining * share * 1000)))
            }
            let attemptBegan = clock.now
            var outcome = runAttempt(prepared, strategy: strategy, options: options, milliseconds: milliseconds,
                                     start: carried, heuristic: heuristic, granularity: granularity)
            if firstStartOutcome == nil { firstStartOutcome = outcome.startOutcome }
            attempts.append(Attempt(
                report: AttemptReport(strategy: strategy, status: outcome.status, objectiveValue: outcome.objective,
                                      bestBound: outcome.bestBound, seconds: seconds(attemptBegan.duration(to: clock.now))),
                heuristicAccepted: outcome.heuristicAccepted))
            if let bound = outcome.bestBound {
                tightestBound = tightestBound.map { maximize ? Swift.min($0, bound) : Swift.max($0, bound) } ?? bound
            }
            switch outcome.status {
            case .optimal, .infeasible, .unbounded, .solverError:
                outcome.startOutcome = firstStartOutcome ?? outcome.startOutcome
                return (outcome, attempts)
            case .feasible, .timeLimitNoSolution:
                break
            }
            if let current = best, let old = current.objective {
                if let new = outcome.objective, maximize ? new > old : new < old { best = outcome }
            } else if outcome.objective != nil || best == nil {
                best = outcome
            }
            if isLast || !outcome.stoppedByTime { break }
            if let values = best?.values, !values.isEmpty { carried = values }
        }
        guard var result = best else {
            return (AttemptOutcome(status: .solverError(code: 0, sentence: "No search strategy ran."),
                                   sentence: "No search strategy ran."), attempts)
        }
        result.startOutcome = firstStartOutcome ?? result.startOutcome
        result.bestBound = tightestBound
        if let objective = result.objective, let bound = tightestBound, let step = granularity,
           SearchMonitor.latticeProves(bound: bound, incumbent: objective, step: step,
                                       offset: prepared.model.objectiveConstant, maximize: maximize) {
            result.status = .optimal
            result.sentence = "The best bound of the runs, rounded to the objective granularity, meets the best solution: it is optimal."
            result.provenByGranularity = true
            result.bestBound = objective
        }
        return (result, attempts)
    }

    /// A model without variables: every row has activity 0; no GLPK call is needed.
    static func solveWithoutVariables(_ prepared: PreparedModel, options: SolverOptions, start: [Double]?) -> SolveResult {
        let violated = prepared.model.rows.first { row in
            let (lower, upper) = row.bounds.interval
            return lower > 1e-9 || upper < -1e-9
        }
        let constant = prepared.model.objectiveConstant
        let status: SolveStatus = violated == nil ? .optimal : .infeasible
        let sentence = violated.map { "The model has no variables and row '\($0.name)' cannot hold with activity 0." }
            ?? "The model has no variables: its only solution is empty, with the objective constant as value."
        return SolveResult(
            status: status, sentence: sentence, objectiveValue: violated == nil ? constant : nil, values: [],
            bestBound: violated == nil ? constant : nil, gap: violated == nil ? 0 : nil, nodeCount: nil, seconds: 0,
            options: options, granularity: nil, provenByGranularity: false,
            startSolution: start == nil ? .notGiven : .accepted, heuristicSolutionsAccepted: 0, attempts: [])
    }

    static func relativeGap(_ objective: Double?, _ bound: Double?) -> Double? {
        guard let objective, let bound else { return nil }
        return abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
