// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK

extension GLPKSolver {
    /// The outcome of one strategy run.
    struct AttemptOutcome {
        var status: SolveStatus
        var sentence: String
        var values: [Double] = []
        var objective: Double?
        var bestBound: Double?
        var nodeCount: Int?
        var provenByGranularity = false
        var startOutcome: StartSolutionOutcome = .notGiven
        var heuristicAccepted = 0
        var presolveUsed = false
        /// True when the run was cut by its time limit: the next strategy may continue.
        var stoppedByTime = false
        /// The LP relaxation's reduced costs (`SolverOptions.reportsReducedCosts`).
        var rootCosts: ReducedCosts?
    }

    /// One strategy run, re-run with other settings when GLPK fails an internal check (see
    /// `Recovery`); a `solverError` with `SolveStatus.internalErrorCode` when every re-run fails
    /// too. Call only inside `GLPKEnvironment.run`.
    static func runAttempt(
        _ prepared: PreparedModel, strategy: SearchStrategy, options: SolverOptions,
        milliseconds: Int32?, start: [Double]?, heuristic: IncumbentHeuristic?, granularity: Double?
    ) -> AttemptOutcome {
        let clock = ContinuousClock()
        let began = clock.now
        var failures: [String] = []
        for (index, recovery) in Recovery.sequence.enumerated() {
            var left = milliseconds
            if let limit = milliseconds {
                let remaining = Int64(limit) - Self.milliseconds(began.duration(to: clock.now))
                if remaining <= 0, index > 0 { break }
                left = Int32(clamping: Swift.max(0, remaining))
            }
            do throws(GLPKInternalFailure) {
                var outcome = try runGuardedAttempt(
                    prepared, strategy: strategy, recovery: recovery, options: options, milliseconds: left,
                    start: start, heuristic: heuristic, granularity: granularity,
                    provokeFailure: index < options.provokedInternalFailures)
                if let first = failures.first {
                    outcome.sentence += " GLPK's first run had failed (\(first)); the model was solved again \(recovery.description)."
                }
                return outcome
            } catch {
                failures.append(error.message)
            }
        }
        if let start, case .success(let solution) = ContinuousCompletion(prepared).complete(start),
           let value = prepared.model.objectiveValue(of: solution) {
            // Every run failed or was disproved, but the start satisfies every row: it is an answer.
            var outcome = AttemptOutcome(
                status: .feasible,
                sentence: "GLPK failed on this model (\(failures.first ?? "no message")), and again \(Recovery.sequence.dropFirst().map(\.description).joined(separator: ", then ")); the start solution, checked against every constraint, is returned: it is not proven optimal.")
            outcome.values = solution
            outcome.objective = value
            outcome.startOutcome = .accepted
            return outcome
        }
        let sentence = "GLPK failed an internal check (\(failures.first ?? "no message")) and the re-solves \(Recovery.sequence.dropFirst().map(\.description).joined(separator: ", then ")) failed too or had no time left; no solution is available. Fixing this: loosen the constraints that make the model hard (e.g. a hard balance with a tight tolerance), or report the model (--export-model) with GLPK's message."
        return AttemptOutcome(status: .solverError(code: SolveStatus.internalErrorCode, sentence: sentence), sentence: sentence)
    }

    /// Why a run is re-made when GLPK called a model infeasible that the start solution satisfies.
    static let disprovedInfeasibility = "GLPK declared the model infeasible though the start solution satisfies every constraint"

    /// How a run is re-made after GLPK failed an internal check: GLPK's numerical trouble
    /// (e.g. `teta_lim >= 0.0` in the primal simplex) depends on the scaling, the presolve and
    /// the simplex variant, so another combination often gets through.
    struct Recovery: Sendable {
        var description: String
        /// Force the MIP presolver off.
        var presolveOff: Bool
        /// `glp_scale_prob` flags instead of the strategy's (0: unscaled).
        var scalingFlags: Int32?
        var method: Int32
        var ratioTest: Int32
        var pricing: Int32

        static let asAsked = Recovery(description: "as asked", presolveOff: false, scalingFlags: nil,
                                      method: GLP_PRIMAL, ratioTest: GLP_RT_HAR, pricing: GLP_PT_PSE)
        static let dualGeometricScaling = Recovery(
            description: "without presolve, with geometric-mean and equilibration scaling and the dual simplex",
            presolveOff: true, scalingFlags: GLP_SF_GM | GLP_SF_EQ | GLP_SF_2N,
            method: GLP_DUALP, ratioTest: GLP_RT_HAR, pricing: GLP_PT_PSE)
        static let unscaledTextbook = Recovery(
            description: "without presolve nor scaling, with the primal simplex, Dantzig pricing and the textbook ratio test",
            presolveOff: true, scalingFlags: 0, method: GLP_PRIMAL, ratioTest: GLP_RT_STD, pricing: GLP_PT_STD)
        static let sequence: [Recovery] = [.asAsked, .dualGeometricScaling, .unscaledTextbook]
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    /// One `glp_intopt` run (preceded by `glp_simplex` when the MIP presolver is off), every
    /// solver call through `GLPKGuard`. With `provokeFailure` (tests), GLPK is first made to fail
    /// an internal check on purpose.
    /// With `loaded`, the run uses that problem as it is (already scaled, its basis set by the
    /// caller: a `GLPKSession`), and its LP starts from that basis with the dual simplex.
    static func runGuardedAttempt(
        _ prepared: PreparedModel, strategy: SearchStrategy, recovery: Recovery, options: SolverOptions,
        milliseconds: Int32?, start: [Double]?, heuristic: IncumbentHeuristic?, granularity: Double?,
        provokeFailure: Bool, loaded: GLPKProblem? = nil, completion shared: ContinuousCompletion? = nil,
        memo: CompactMemo? = nil, rounding: IncumbentHeuristic? = nil
    ) throws(GLPKInternalFailure) -> AttemptOutcome {
        let clock = ContinuousClock()
        let began = clock.now
        let problem = loaded ?? GLPKProblem(prepared, names: false)
        let p = problem.pointer
        if provokeFailure { _ = try GLPKGuard.setObjectiveDirection(problem, 99).get() }
        let injecting = start != nil || heuristic != nil
        let presolve = strategy.presolve && !injecting && !recovery.presolveOff
        let completion = shared ?? ContinuousCompletion(prepared)

        var startOutcome = StartSolutionOutcome.notGiven
        var checkedStart: [Double]?
        if let start {
            switch completion.complete(start) {
            case .success(let solution):
                checkedStart = solution
                startOutcome = .rejected("GLPK never asked for a heuristic solution (the root relaxation settled the problem)")
            case .failure(let failure):
                startOutcome = .rejected("the start solution is not feasible: \(failure.reason)")
            }
        }

        if let settled = settledByKnownBound(prepared, start: checkedStart, options: options) { return settled }
        var relaxationBound: Double?
        var rootCosts: ReducedCosts?
        var fixedByCost: [Int] = []
        if !presolve {
            if loaded == nil {
                if let flags = recovery.scalingFlags {
                    if flags != 0 { _ = try GLPKGuard.scale(problem, flags: flags).get() }
                } else if strategy.scaling {
                    _ = try GLPKGuard.scale(problem, flags: GLP_SF_AUTO).get()
                }
                _ = try GLPKGuard.advancedBasis(problem).get()
            }
            var lp = glp_smcp()
            glp_init_smcp(&lp)
            lp.msg_lev = GLP_MSG_OFF
            lp.meth = loaded == nil ? recovery.method : GLP_DUALP
            lp.r_test = recovery.ratioTest
            lp.pricing = recovery.pricing
            if let milliseconds { lp.tm_lim = milliseconds }
            let code = try GLPKGuard.simplex(problem, lp).get()
            if let (status, sentence) = interpretSimplex(code: code, lpStatus: glp_get_status(p)) {
                var outcome = AttemptOutcome(status: status, sentence: sentence)
                outcome.startOutcome = startOutcome
                outcome.stoppedByTime = code == GLP_ETMLIM
                return outcome
            }
            // The LP relaxation's optimum bounds the MIP's, whatever the search does next.
            let lpBound = glp_get_obj_val(p)
            relaxationBound = lpBound
            rootCosts = options.reportsReducedCosts ? reducedCosts(prepared, problem) : nil
            let bound = tighter(lpBound, options.knownBound, maximize: prepared.model.sense == .maximize) ?? lpBound
            var root = settledAtRoot(prepared, problem, bound: bound, start: checkedStart, granularity: granularity, options: options)
            // A start made from the LP optimum, when the LP and the start leave the stage open.
            if root == nil, let rounding, let better = roundedStart(prepared, problem, rounding, than: checkedStart, completion: completion) {
                checkedStart = better
                root = settledAtRoot(prepared, problem, bound: bound, start: better, granularity: granularity, options: options)
            }
            if let settled = root {
                var settled = settled
                if case .notGiven = settled.startOutcome { settled.startOutcome = startOutcome }
                settled.rootCosts = rootCosts
                return settled
            }
            if options.reducedCostFixing, var start = checkedStart {
                // In a session, the start first improved in its neighbourhood of the LP optimum:
                // the fixing below is as strong as the start is good.
                var neighbourhoodNodes = 0
                // The LP optimum's basis, read once and only if the own search runs.
                var statuses: (columns: [Bool], rows: [Bool])??
                let basis = { () -> (columns: [Bool], rows: [Bool])? in
                    if statuses == nil { statuses = .some(basicStatuses(prepared, problem)) }
                    return statuses ?? nil
                }
                if loaded != nil, let (better, nodes) = improvedNearRelaxation(
                    prepared, problem, start: start, strategy: strategy, recovery: recovery, options: options,
                    milliseconds: milliseconds, granularity: granularity, basis: basis, memo: memo) {
                    start = better
                    checkedStart = better
                    neighbourhoodNodes = nodes
                    if var settled = settledAtRoot(prepared, problem, bound: bound, start: better,
                                                   granularity: granularity, options: options) {
                        settled.nodeCount = (settled.nodeCount ?? 0) + nodes
                        settled.rootCosts = rootCosts
                        return settled
                    }
                }
                fixedByCost = fixByReducedCost(prepared, problem, start: start, step: granularity ?? 0)
                // Columns the caller fixed (an earlier stage's reduced costs) make it compact too.
                let compacts = !fixedByCost.isEmpty || prepared.columnKinds.contains(.fixed)
                if loaded != nil, compacts,
                   var outcome = solveRestricted(prepared, fixed: fixedByCost, start: start, strategy: strategy,
                                                 recovery: recovery, options: options, milliseconds: milliseconds,
                                                 granularity: granularity, basis: basis, memo: memo) {
                    restoreBounds(prepared, problem, fixedByCost)
                    if case .notGiven = outcome.startOutcome { outcome.startOutcome = startOutcome }
                    outcome.nodeCount = (outcome.nodeCount ?? 0) + neighbourhoodNodes
                    outcome.rootCosts = rootCosts
                    return outcome
                }
            }
        }

        let monitor = SearchMonitor(
            prepared: prepared, granularity: granularity, heuristic: heuristic,
            heuristicInterval: options.heuristicInterval, nodeLimit: options.nodeLimit,
            firstSolutionNodeLimit: options.firstSolutionNodeLimit, knownBound: options.knownBound, canInject: !presolve,
            completion: completion)
        monitor.pendingStart = checkedStart
        monitor.startOutcome = startOutcome

        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        parameters.mip_gap = options.relativeGap
        parameters.tol_int = options.integralityTolerance
        parameters.tol_obj = options.objectiveTolerance
        parameters.gmi_cuts = strategy.cuts.contains(.gomory) ? GLP_ON : GLP_OFF
        parameters.mir_cuts = strategy.cuts.contains(.mixedIntegerRounding) ? GLP_ON : GLP_OFF
        parameters.cov_cuts = strategy.cuts.contains(.cover) ? GLP_ON : GLP_OFF
        parameters.clq_cuts = strategy.cuts.contains(.clique) ? GLP_ON : GLP_OFF
        parameters.fp_heur = strategy.feasibilityPump ? GLP_ON : GLP_OFF
        parameters.ps_heur = strategy.proximitySearch ? GLP_ON : GLP_OFF
        parameters.ps_tm_lim = Int32(strategy.proximitySearchTimeLimit * 1000)
        parameters.br_tech = branchingCode(strategy.branching)
        parameters.bt_tech = backtrackingCode(strategy.backtracking)
        if let milliseconds {
            parameters.tm_lim = Int32(clamping: Swift.max(0, Int64(milliseconds) - Self.milliseconds(began.duration(to: clock.now))))
        }
        parameters.cb_func = SearchMonitor.callback
        let code: Int32 = try withExtendedLifetime(monitor) {
            parameters.cb_info = Unmanaged.passUnretained(monitor).toOpaque()
            return GLPKGuard.intopt(problem, parameters)
        }.get()
        restoreBounds(prepared, problem, fixedByCost)

        let mipStatus = glp_mip_status(p)
        let stop = StopCause(granularity: monitor.stoppedByGranularity, nodeLimit: monitor.stoppedByNodeLimit,
                             firstSolution: monitor.stoppedWithoutFirstSolution ? options.firstSolutionNodeLimit : nil)
        let (status, sentence) = interpretIntopt(code: code, mipStatus: mipStatus, stop: stop)
        if status == .infeasible, monitor.pendingStart != nil {
            // GLPK pruned its root without asking for a heuristic solution (its node
            // preprocessing, numerically fragile with coefficients of millions, can do so), yet the
            // start solution was checked against every row: its verdict is disproved. Another
            // scaling and simplex may get through; `runAttempt` falls back on the start.
            throw GLPKInternalFailure(message: Self.disprovedInfeasibility)
        }
        var outcome = AttemptOutcome(status: status, sentence: sentence)
        outcome.startOutcome = monitor.startOutcome
        outcome.heuristicAccepted = monitor.heuristicAccepted
        outcome.nodeCount = monitor.nodeCount > 0 ? monitor.nodeCount : nil
        outcome.presolveUsed = presolve
        outcome.stoppedByTime = code == GLP_ETMLIM
        outcome.rootCosts = rootCosts
        if mipStatus == GLP_OPT || mipStatus == GLP_FEAS {
            var values = [Double](repeating: 0, count: prepared.columnCount)
            for j in 0..<prepared.columnCount {
                let x = glp_mip_col_val(p, Int32(j + 1))
                values[j] = prepared.columnIsInteger[j] ? x.rounded() + 0 : x
            }
            outcome.values = values
            outcome.objective = prepared.model.objectiveValue(of: values) ?? glp_mip_obj_val(p)
        }
        if let start = monitor.pendingStart, let startValue = prepared.model.objectiveValue(of: start) {
            // The search ended before GLPK asked for a heuristic solution: keep the start
            // solution when it is better than what the search produced.
            let better = outcome.objective.map { prepared.model.sense == .maximize ? startValue > $0 : startValue < $0 } ?? true
            if better && (status == .feasible || status == .timeLimitNoSolution) {
                outcome.values = start
                outcome.objective = startValue
                outcome.status = .feasible
                outcome.sentence = "The search stopped early without improving on the start solution, which is returned; it is not proven optimal."
                outcome.startOutcome = .accepted
            }
        }
        switch outcome.status {
        case .optimal:
            outcome.provenByGranularity = stop.granularity && code == GLP_ESTOP
            outcome.bestBound = outcome.objective
        case .feasible:
            outcome.bestBound = tighter(monitor.roundedBound(), relaxationBound.map { monitor.rounded($0) },
                                        maximize: prepared.model.sense == .maximize)
        default:
            break
        }
        return outcome
    }

    /// The solution `rounding` makes from the LP optimum of `problem`, checked and completed,
    /// when it is better than `start` (or there is none); nil otherwise.
    static func roundedStart(_ prepared: PreparedModel, _ problem: GLPKProblem, _ rounding: IncumbentHeuristic,
                             than start: [Double]?, completion: ContinuousCompletion) -> [Double]? {
        let p = problem.pointer
        guard glp_get_status(p) == GLP_OPT else { return nil }
        let point = (0..<prepared.columnCount).map { glp_get_col_prim(p, Int32($0 + 1)) }
        // The completion checks it as it checks a start (its length, every value, every row).
        guard let made = rounding(point), case .success(let solution) = completion.complete(made),
              let value = prepared.model.objectiveValue(of: solution) else { return nil }
        guard let start, let current = prepared.model.objectiveValue(of: start) else { return solution }
        let tolerance = 1e-9 * Swift.max(1, abs(current))
        return (prepared.model.sense == .maximize ? value > current + tolerance : value < current - tolerance) ? solution : nil
    }

    /// The start solution, returned without a search when it reaches the bound known from
    /// outside (`SolverOptions.knownBound`); nil otherwise.
    static func settledByKnownBound(_ prepared: PreparedModel, start: [Double]?, options: SolverOptions) -> AttemptOutcome? {
        guard let known = options.knownBound, let start, let value = prepared.model.objectiveValue(of: start) else { return nil }
        let tolerance = 1e-9 * Swift.max(1, abs(known))
        guard prepared.model.sense == .maximize ? value >= known - tolerance : value <= known + tolerance else { return nil }
        var outcome = AttemptOutcome(status: .optimal, sentence: "The start solution reaches a bound known for this model: it is optimal.")
        outcome.values = start
        outcome.objective = value
        outcome.bestBound = value
        outcome.nodeCount = 0
        outcome.startOutcome = .accepted
        return outcome
    }

    /// Reduced-cost fixing before the search of a session's solve: a binary at a bound of the
    /// LP optimum whose reduced cost d_j is so large that moving it off that bound caps the LP
    /// bound below the start's objective plus one objective step cannot take another value in
    /// any solution better than the start (`step` 0 for an objective without a lattice: as good as
    /// the start). Such columns are fixed (the others searched), but
    /// only where the start agrees with the LP, so that the start stays a solution of the
    /// restricted problem and the search returns it when nothing better exists. Their bounds are
    /// put back after the search (`restoreBounds`). Returns the columns fixed.
    static func fixByReducedCost(_ prepared: PreparedModel, _ problem: GLPKProblem, start: [Double], step: Double) -> [Int] {
        let p = problem.pointer
        guard glp_get_status(p) == GLP_OPT, let incumbent = prepared.model.objectiveValue(of: start) else { return [] }
        let maximize = prepared.model.sense == .maximize
        // GLPK's objective value already holds the constant (column 0 of the objective).
        let bound = glp_get_obj_val(p)
        let better = maximize ? incumbent + step : incumbent - step
        let margin = 1e-6 * Swift.max(1, abs(bound))
        var fixed: [Int] = []
        for j in 0..<prepared.columnCount where prepared.columnIsInteger[j] {
            let column = Int32(j + 1)
            let status = glp_get_col_stat(p, column)
            guard status == GLP_NL || status == GLP_NU else { continue }
            let x = glp_get_col_prim(p, column)
            guard abs(start[j] - x) < 0.5 else { continue }
            let moved = maximize ? bound - abs(glp_get_col_dual(p, column)) : bound + abs(glp_get_col_dual(p, column))
            guard maximize ? moved < better - margin : moved > better + margin else { continue }
            glp_set_col_bnds(p, column, GLP_FX, x.rounded(), x.rounded())
            fixed.append(j)
        }
        return fixed
    }

    /// Nodes the search near the LP optimum may open (`improvedNearRelaxation`).
    static let neighbourhoodNodeLimit = 100

    /// A better start, searched where the start and the LP optimum disagree: every binary on
    /// which they agree is fixed at that value, and the compact problem of the others (a few
    /// dozen columns) is solved within `neighbourhoodNodeLimit` nodes (relaxation-induced
    /// neighbourhood search). Only a start: the answer of the stage does not depend on it, but the
    /// reduced-cost fixing that follows fixes every column whose reduced cost caps the bound
    /// below the start, so the closer the start, the smaller the search (at national scale the
    /// exchanges left the acquisition stage's start 9 to 25 below its optimum, and the search kept
    /// some 1 100 of 1 879 columns). Returns the better start and the nodes opened, nil when
    /// nothing better was found.
    static func improvedNearRelaxation(_ prepared: PreparedModel, _ problem: GLPKProblem, start: [Double],
                                       strategy: SearchStrategy, recovery: Recovery, options: SolverOptions,
                                       milliseconds: Int32?, granularity: Double?,
                                       basis: () -> (columns: [Bool], rows: [Bool])? = { nil },
                                       memo: CompactMemo? = nil) -> ([Double], Int)? {
        let p = problem.pointer
        guard glp_get_status(p) == GLP_OPT, let value = prepared.model.objectiveValue(of: start) else { return nil }
        var agreeing: [Int] = []
        for j in 0..<prepared.columnCount where prepared.columnIsInteger[j] && prepared.columnKinds[j] != .fixed {
            if abs(glp_get_col_prim(p, Int32(j + 1)) - start[j]) < options.integralityTolerance { agreeing.append(j) }
        }
        var limited = options
        limited.nodeLimit = Swift.min(options.nodeLimit ?? neighbourhoodNodeLimit, neighbourhoodNodeLimit)
        limited.firstSolutionNodeLimit = nil
        guard let outcome = solveRestricted(prepared, fixed: agreeing, start: start, strategy: strategy, recovery: recovery,
                                            options: limited, milliseconds: milliseconds, granularity: granularity,
                                            startOnly: true, basis: basis, memo: memo),
              !outcome.values.isEmpty, let found = outcome.objective else { return nil }
        let better = prepared.model.sense == .maximize ? found > value + 1e-9 : found < value - 1e-9
        return better ? (outcome.values, outcome.nodeCount ?? 0) : nil
    }

    /// The search of a session's stage on the compact model of the columns reduced-cost fixing
    /// left free (`PreparedModel.restricted`), in a problem of its own: the same solutions as the
    /// session's problem with those columns fixed, and GLPK's nodes on a matrix that size. The
    /// answer is mapped back to every column. Nil when the compact problem cannot be made or
    /// GLPK fails on it: the search is then made in the session's problem.
    ///
    /// The search is first made by `DenseBranchAndBound`, from the session's LP basis (`basis`),
    /// when the compact problem is small enough for it (unless `SolverOptions.denseSearch` is
    /// off); by GLPK when it gives no answer. With `startOnly` (a better start is all that is
    /// asked) its best solution at the node limit is taken.
    static func solveRestricted(_ prepared: PreparedModel, fixed columns: [Int], start: [Double], strategy: SearchStrategy,
                                recovery: Recovery, options: SolverOptions, milliseconds: Int32?,
                                granularity: Double?, startOnly: Bool = false,
                                basis: () -> (columns: [Bool], rows: [Bool])? = { nil }, memo: CompactMemo? = nil) -> AttemptOutcome? {
        var fixed = [Double?](repeating: nil, count: prepared.columnCount)
        for j in columns { fixed[j] = start[j].rounded() }
        for j in 0..<prepared.columnCount where prepared.columnKinds[j] == .fixed { fixed[j] = prepared.columnLower[j] }
        guard let (compact, kept, keptRows) = prepared.restricted(fixing: fixed), !kept.isEmpty else { return nil }
        var options = options
        options.reducedCostFixing = false
        options.reportsReducedCosts = false
        let compactStart = kept.map { start[$0] }
        var outcome: AttemptOutcome
        let takes = options.denseSearch && DenseBranchAndBound.takes(compact)
        let basic = takes ? basis().map { b in (kept.map { b.columns[$0] }, keptRows.map { b.rows[$0] }) } : nil
        let key = memo == nil ? nil : CompactMemo.key(
            compact, kept: kept, keptRows: keptRows, start: compactStart, basis: basic.map { $0.0 + $0.1 }, strategy: strategy,
            recovery: recovery.description, options: options, milliseconds: milliseconds, granularity: granularity,
            startOnly: startOnly)
        if let key, let recalled = memo?.answer(key) {
            outcome = recalled
        } else if takes, let own = DenseBranchAndBound.solve(
            compact, start: compactStart, granularity: granularity, options: options, basic: basic,
            nodeLimit: options.nodeLimit ?? DenseBranchAndBound.defaultNodeLimit, acceptUnproven: startOnly) {
            outcome = AttemptOutcome(status: own.proven ? .optimal : .feasible,
                                     sentence: own.proven ? "Proven optimal by the search on the columns left free."
                                         : "The search on the columns left free stopped at its node limit: the best solution found is returned, not proven optimal.")
            outcome.values = own.values
            outcome.objective = own.objective
            outcome.bestBound = own.proven ? own.objective : nil
            outcome.nodeCount = own.nodes
            outcome.startOutcome = own.startAccepted ? .accepted : .rejected("the start solution is not feasible")
            if let key { memo?.record(key, outcome) }
        } else {
            do throws(GLPKInternalFailure) {
                outcome = try runGuardedAttempt(compact, strategy: strategy, recovery: recovery, options: options,
                                                milliseconds: milliseconds, start: compactStart, heuristic: nil,
                                                granularity: granularity, provokeFailure: false)
            } catch {
                return nil
            }
            if let key { memo?.record(key, outcome) }
        }
        var full = outcome
        if !outcome.values.isEmpty {
            var values = start
            for (j, v) in fixed.enumerated() { if let v { values[j] = v } }
            for (k, j) in kept.enumerated() { values[j] = outcome.values[k] }
            full.values = values
            full.objective = prepared.model.objectiveValue(of: values) ?? outcome.objective
        }
        return full
    }

    /// Which columns and rows are basic in the LP optimum of `problem` (the start of a search on
    /// a compact problem: `DenseBranchAndBound`).
    static func basicStatuses(_ prepared: PreparedModel, _ problem: GLPKProblem) -> (columns: [Bool], rows: [Bool])? {
        let p = problem.pointer
        guard glp_get_status(p) == GLP_OPT else { return nil }
        return ((0..<prepared.columnCount).map { glp_get_col_stat(p, Int32($0 + 1)) == GLP_BS },
                (0..<prepared.rowCount).map { glp_get_row_stat(p, Int32($0 + 1)) == GLP_BS })
    }

    /// The reduced costs of the binaries at a bound of the LP optimum of `problem`; a column
    /// whose reduced cost has the wrong sign (within the LP's tolerances) costs nothing to move.
    static func reducedCosts(_ prepared: PreparedModel, _ problem: GLPKProblem) -> ReducedCosts? {
        let p = problem.pointer
        guard glp_get_status(p) == GLP_OPT else { return nil }
        let maximize = prepared.model.sense == .maximize
        var columns: [Int] = [], values: [Double] = [], costs: [Double] = []
        for j in 0..<prepared.columnCount where prepared.columnIsInteger[j] {
            let column = Int32(j + 1)
            let status = glp_get_col_stat(p, column)
            guard status == GLP_NL || status == GLP_NU else { continue }
            let d = glp_get_col_dual(p, column)
            // Maximising, a column at its lower bound has d ≤ 0 and one at its upper bound d ≥ 0.
            let cost = (status == GLP_NL) == maximize ? -d : d
            guard cost > 0 else { continue }
            columns.append(j)
            values.append(glp_get_col_prim(p, column).rounded())
            costs.append(cost)
        }
        return ReducedCosts(bound: glp_get_obj_val(p), maximize: maximize, columns: columns, values: values, costs: costs)
    }

    /// Puts back the bounds of the columns `fixByReducedCost` fixed.
    static func restoreBounds(_ prepared: PreparedModel, _ problem: GLPKProblem, _ columns: [Int]) {
        guard problem.isAlive else { return }
        for j in columns {
            let (type, l, u) = GLPKProblem.glpkBounds(prepared.columnKinds[j], prepared.columnLower[j], prepared.columnUpper[j])
            glp_set_col_bnds(problem.pointer, Int32(j + 1), type, l, u)
        }
    }

    /// The search's answer when the root settles it, without starting the search: the LP
    /// relaxation's optimum when it is integral (GLPK takes it as its incumbent and stops), else
    /// the start solution when its objective meets the LP bound rounded to the objective
    /// lattice (GLPK would take it at its first heuristic call and the granularity rule stop
    /// there). `glp_intopt` costs its tree, its node preprocessing and its cut rounds even then;
    /// most explanation re-solves end at their root. Nil when the search is needed.
    static func settledAtRoot(_ prepared: PreparedModel, _ problem: GLPKProblem, bound: Double, start: [Double]?,
                              granularity: Double?, options: SolverOptions) -> AttemptOutcome? {
        let p = problem.pointer
        let maximize = prepared.model.sense == .maximize
        var relaxation = [Double](repeating: 0, count: prepared.columnCount)
        var integral = true
        for j in 0..<prepared.columnCount {
            let x = glp_get_col_prim(p, Int32(j + 1))
            if prepared.columnIsInteger[j] {
                if abs(x - x.rounded()) > options.integralityTolerance { integral = false; break }
                relaxation[j] = x.rounded() + 0
            } else {
                relaxation[j] = x
            }
        }
        var outcome: AttemptOutcome
        if integral, let value = prepared.model.objectiveValue(of: relaxation) {
            outcome = AttemptOutcome(status: .optimal, sentence: "The LP relaxation's optimum is integral: it is the optimal solution.")
            outcome.values = relaxation
            outcome.objective = value
        } else if let start, let step = granularity, let value = prepared.model.objectiveValue(of: start),
                  SearchMonitor.latticeProves(bound: bound, incumbent: value, step: step,
                                              offset: prepared.model.objectiveConstant, maximize: maximize) {
            outcome = AttemptOutcome(status: .optimal, sentence: "The LP relaxation's bound, rounded to the objective granularity, meets the start solution: it is optimal.")
            outcome.values = start
            outcome.objective = value
            outcome.provenByGranularity = true
            outcome.startOutcome = .accepted
        } else {
            return nil
        }
        outcome.bestBound = outcome.objective
        outcome.nodeCount = 1
        return outcome
    }

    /// The tighter of two bounds (the smaller for a maximisation), either possibly unknown.
    static func tighter(_ a: Double?, _ b: Double?, maximize: Bool) -> Double? {
        guard let a else { return b }
        guard let b else { return a }
        return maximize ? Swift.min(a, b) : Swift.max(a, b)
    }

    static func branchingCode(_ branching: SearchStrategy.Branching) -> Int32 {
        switch branching {
        case .firstFractional: return GLP_BR_FFV
        case .lastFractional: return GLP_BR_LFV
        case .mostFractional: return GLP_BR_MFV
        case .driebeckTomlin: return GLP_BR_DTH
        case .hybridPseudocost: return GLP_BR_PCH
        }
    }

    static func backtrackingCode(_ backtracking: SearchStrategy.Backtracking) -> Int32 {
        switch backtracking {
        case .depthFirst: return GLP_BT_DFS
        case .breadthFirst: return GLP_BT_BFS
        case .bestLocalBound: return GLP_BT_BLB
        case .bestProjection: return GLP_BT_BPH
        }
    }
}
