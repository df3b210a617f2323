// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK

/// A GLPK problem loaded and scaled once, solved again after each change of bounds or
/// objective (see `MIPSession`). Every solve starts from the same basis, the optimum of the
/// model's first LP relaxation, so that its answer does not depend on the solves made before
/// it (GLPK breaks ties and orders its search from the basis it starts with). Lives inside the
/// one `GLPKEnvironment.run` call of `GLPKSolver.withSession`, on its thread.
///
/// Against loading the model for each solve (`GLPKSolver.solve`), this saves the model's
/// construction, its scaling and its LP relaxation from scratch: the dual simplex starts from a
/// basis a few pivots away. A run with several strategies, or one that GLPK fails with an
/// internal error, is made the usual way on a new problem (with its re-runs, `Recovery`); after
/// such an error the problem is loaded again for the next solve.
final class GLPKSession: MIPSession {
    /// The model as it stands, shared with `completion`.
    private let shared: PreparedModelBox
    private var problem: GLPKProblem?
    /// The statuses of the rows and columns every solve starts from (1-based, slot 0 unused).
    private var basis: (rows: [Int32], columns: [Int32])?
    /// Bases recorded by `recordBasis`, and the one the next solves start from.
    private var recorded: [Int: (rows: [Int32], columns: [Int32])] = [:]
    private var startKey: Int?
    /// The next solves keep the basis the problem holds (`startFromLastBasis`).
    private var keepsLast = false
    /// The problem was loaded again since its last solve: it holds no basis of a solve.
    private var reloaded = true
    /// Completes start solutions (their continuous values), reading the model `shared` holds.
    private let completion: ContinuousCompletion
    /// The answers of the searches on compact problems made so far (one matrix: this session's).
    private let memo = CompactMemo()

    /// Loads the model as given, before any change: the basis every solve starts from is the
    /// optimum of its LP relaxation, whatever job comes first.
    init(_ prepared: PreparedModel) {
        shared = PreparedModelBox(prepared)
        completion = ContinuousCompletion(shared)
        _ = loaded(first: true)
        completion.prime()
    }

    var model: LinearModel { shared.prepared.model }

    func setBounds(_ variable: VariableID, lower: Double, upper: Double) throws(LinearOptimizerError) {
        try setBounds([BoundChange(variable, lower: lower, upper: upper)])
    }

    /// The changes are made in place in the model the completion shares, then in GLPK's problem.
    func setBounds(_ changes: [BoundChange]) throws(LinearOptimizerError) {
        guard !changes.isEmpty else { return }
        if changes.contains(where: { !shared.prepared.columnIsInteger.indices.contains($0.variable.index)
                                     || !shared.prepared.columnIsInteger[$0.variable.index] }) { detected = [:] }
        for c in changes { try shared.prepared.setColumnBounds(c.variable.index, lower: c.lower, upper: c.upper) }
        completion.update(columns: changes.map(\.variable.index))
        guard let problem, problem.isAlive else { return }
        for c in changes {
            let j = c.variable.index
            let (type, l, u) = GLPKProblem.glpkBounds(shared.prepared.columnKinds[j], shared.prepared.columnLower[j], shared.prepared.columnUpper[j])
            glp_set_col_bnds(problem.pointer, Int32(j + 1), type, l, u)
        }
    }

    func setRowBounds(_ row: RowID, _ bounds: RowBounds) throws(LinearOptimizerError) {
        try shared.prepared.setRowBounds(row.index, bounds)
        completion.update(row: row.index)
        guard let problem, problem.isAlive else { return }
        let i = row.index
        let (type, l, u) = GLPKProblem.glpkBounds(shared.prepared.rowKinds[i], shared.prepared.rowLower[i], shared.prepared.rowUpper[i])
        glp_set_row_bnds(problem.pointer, Int32(i + 1), type, l, u)
    }

    func setObjective(_ sense: OptimizationSense, terms: [Term]) throws(LinearOptimizerError) {
        try shared.prepared.setObjective(sense, terms: terms)
        completion.updateObjective()
        guard let problem, problem.isAlive else { return }
        glp_set_obj_dir(problem.pointer, sense == .maximize ? GLP_MAX : GLP_MIN)
        glp_set_obj_coef(problem.pointer, 0, 0)
        for j in 0..<shared.prepared.columnCount { glp_set_obj_coef(problem.pointer, Int32(j + 1), shared.prepared.objective[j]) }
    }

    /// The objective's granularity as detected, by objective (its coefficients), for the
    /// continuous columns' bounds as they stand (all forgotten when those change): once per
    /// objective of the session, not once per solve. The re-solves of a selection come back to
    /// the same few stage objectives thousands of times, and detecting one costs a rational
    /// approximation of every coefficient.
    private var detected: [[Double]: Double?] = [:]

    private func granularity(_ option: ObjectiveGranularity) -> Double? {
        guard case .automatic = option else { return option.resolve(for: shared.prepared.model) }
        let key = shared.prepared.objective
        if let known = detected[key] { return known }
        let step = option.resolve(for: shared.prepared.model)
        // One-off objectives (a re-solve's tie check) do not pile up.
        if detected.count >= 16 { detected = [:] }
        detected[key] = .some(step)
        return step
    }

    func recordBasis(_ key: Int) throws(LinearOptimizerError) {
        guard let loaded = loaded() else { return }
        restoreBasis(loaded)
        var lp = glp_smcp()
        glp_init_smcp(&lp)
        lp.msg_lev = GLP_MSG_OFF
        lp.meth = GLP_DUALP
        do throws(GLPKInternalFailure) {
            _ = try GLPKGuard.simplex(loaded, lp).get()
        } catch {
            problem = nil
            return
        }
        // Only an optimal basis is worth starting from.
        guard glp_get_status(loaded.pointer) == GLP_OPT else { return }
        recorded[key] = statuses(loaded)
    }

    func startFrom(basis key: Int?) {
        startKey = key
        keepsLast = false
    }

    func startFromLastBasis() { keepsLast = true }

    func solve(options: SolverOptions, start: [Double]?, rounding: IncumbentHeuristic?) throws(LinearOptimizerError) -> SolveResult {
        try GLPKSolver.check(shared.prepared.model, options: options, start: start)
        let clock = ContinuousClock()
        let began = clock.now
        let granularity = granularity(options.granularity)
        var milliseconds: Int32?
        if let limit = options.timeLimit { milliseconds = Int32(clamping: Int64(Swift.max(0, limit * 1000))) }
        if options.strategies.count == 1, options.provokedInternalFailures == 0, let loaded = loaded() {
            if !keepsLast || reloaded { restoreBasis(loaded) }
            reloaded = false
            let strategy = options.strategies[0]
            do throws(GLPKInternalFailure) {
                let outcome = try GLPKSolver.runGuardedAttempt(
                    shared.prepared, strategy: strategy, recovery: .asAsked, options: options, milliseconds: milliseconds,
                    start: start, heuristic: nil, granularity: granularity, provokeFailure: false, loaded: loaded,
                    completion: completion, memo: memo, rounding: rounding)
                // A failure of the warm start itself (a basis GLPK refuses) is retried the usual way.
                guard case .solverError = outcome.status else {
                let seconds = GLPKSolver.seconds(began.duration(to: clock.now))
                let attempt = GLPKSolver.Attempt(
                    report: AttemptReport(strategy: strategy, status: outcome.status, objectiveValue: outcome.objective,
                                          bestBound: outcome.bestBound, seconds: seconds),
                    heuristicAccepted: outcome.heuristicAccepted)
                var result = GLPKSolver.result(outcome, [attempt], options: options, start: start, heuristic: nil,
                                               granularity: granularity, seconds: seconds)
                result.rootReducedCosts = outcome.rootCosts
                return result
                }
            } catch {
                // GLPK failed an internal check: the problem is gone; solve the usual way below.
                problem = nil
            }
        }
        let (outcome, attempts) = GLPKSolver.runStrategies(shared.prepared, options: options, start: start, heuristic: nil,
                                                           granularity: granularity, clock: clock, began: began)
        return GLPKSolver.result(outcome, attempts, options: options, start: start, heuristic: nil,
                                 granularity: granularity, seconds: GLPKSolver.seconds(began.duration(to: clock.now)))
    }

    /// The loaded problem, loaded if need be (and, the `first` time, its starting basis
    /// computed); nil when GLPK failed doing it.
    private func loaded(first: Bool = false) -> GLPKProblem? {
        if let problem, problem.isAlive { return problem }
        let fresh = GLPKProblem(shared.prepared, names: false)
        do throws(GLPKInternalFailure) {
            _ = try GLPKGuard.scale(fresh, flags: GLP_SF_AUTO).get()
            if first {
                _ = try GLPKGuard.advancedBasis(fresh).get()
                var lp = glp_smcp()
                glp_init_smcp(&lp)
                lp.msg_lev = GLP_MSG_OFF
                _ = try GLPKGuard.simplex(fresh, lp).get()
                basis = statuses(fresh)
            }
        } catch {
            problem = nil
            return nil
        }
        problem = fresh
        reloaded = true
        return fresh
    }

    /// The statuses of the rows and columns of `problem` (1-based, slot 0 unused).
    private func statuses(_ problem: GLPKProblem) -> (rows: [Int32], columns: [Int32]) {
        let p = problem.pointer
        return ([0] + (0..<shared.prepared.rowCount).map { glp_get_row_stat(p, Int32($0 + 1)) },
                [0] + (0..<shared.prepared.columnCount).map { glp_get_col_stat(p, Int32($0 + 1)) })
    }

    /// Sets the starting basis: the one recorded under the key asked for, else the loaded
    /// model's (GLPK's standard basis when the first load failed).
    private func restoreBasis(_ problem: GLPKProblem) {
        let p = problem.pointer
        guard let basis = startKey.flatMap({ recorded[$0] }) ?? basis else { return glp_std_basis(p) }
        for i in stride(from: 1, through: shared.prepared.rowCount, by: 1) { glp_set_row_stat(p, Int32(i), basis.rows[i]) }
        for j in stride(from: 1, through: shared.prepared.columnCount, by: 1) { glp_set_col_stat(p, Int32(j), basis.columns[j]) }
    }
}
