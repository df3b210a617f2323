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
    }

    /// One `glp_intopt` run (preceded by `glp_simplex` when the MIP presolver is off).
    /// Call only inside `GLPKEnvironment.run`.
    static func runAttempt(
        _ prepared: PreparedModel, strategy: SearchStrategy, options: SolverOptions,
        milliseconds: Int32?, start: [Double]?, heuristic: IncumbentHeuristic?, granularity: Double?
    ) -> AttemptOutcome {
        let clock = ContinuousClock()
        let began = clock.now
        let problem = GLPKProblem(prepared, names: false)
        let p = problem.pointer
        let injecting = start != nil || heuristic != nil
        let presolve = strategy.presolve && !injecting
        let completion = ContinuousCompletion(prepared)

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

        if strategy.scaling && !presolve { glp_scale_prob(p, GLP_SF_AUTO) }
        if !presolve {
            glp_adv_basis(p, 0)
            var lp = glp_smcp()
            glp_init_smcp(&lp)
            lp.msg_lev = GLP_MSG_OFF
            if let milliseconds { lp.tm_lim = milliseconds }
            let code = glp_simplex(p, &lp)
            if let (status, sentence) = interpretSimplex(code: code, lpStatus: glp_get_status(p)) {
                var outcome = AttemptOutcome(status: status, sentence: sentence)
                outcome.startOutcome = startOutcome
                outcome.stoppedByTime = code == GLP_ETMLIM
                return outcome
            }
        }

        let monitor = SearchMonitor(
            prepared: prepared, granularity: granularity, heuristic: heuristic,
            heuristicInterval: options.heuristicInterval, nodeLimit: options.nodeLimit,
            canInject: !presolve, completion: completion)
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
            let spent = began.duration(to: clock.now)
            let spentMilliseconds = spent.components.seconds * 1000 + spent.components.attoseconds / 1_000_000_000_000_000
            parameters.tm_lim = Int32(clamping: Swift.max(0, Int64(milliseconds) - spentMilliseconds))
        }
        parameters.cb_func = SearchMonitor.callback
        let code: Int32 = withExtendedLifetime(monitor) {
            parameters.cb_info = Unmanaged.passUnretained(monitor).toOpaque()
            return glp_intopt(p, &parameters)
        }

        let mipStatus = glp_mip_status(p)
        let stop = StopCause(granularity: monitor.stoppedByGranularity, nodeLimit: monitor.stoppedByNodeLimit)
        let (status, sentence) = interpretIntopt(code: code, mipStatus: mipStatus, stop: stop)
        var outcome = AttemptOutcome(status: status, sentence: sentence)
        outcome.startOutcome = monitor.startOutcome
        outcome.heuristicAccepted = monitor.heuristicAccepted
        outcome.nodeCount = monitor.nodeCount > 0 ? monitor.nodeCount : nil
        outcome.presolveUsed = presolve
        outcome.stoppedByTime = code == GLP_ETMLIM
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
            outcome.bestBound = monitor.roundedBound()
        default:
            break
        }
        return outcome
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
