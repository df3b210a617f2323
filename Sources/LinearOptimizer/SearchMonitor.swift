// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK

/// Computes a full assignment (by variable position) from the LP relaxation values of the
/// current branch-and-bound node, or nil. Integer values are rounded to the nearest
/// integer; continuous values are recomputed by the solver.
public typealias IncumbentHeuristic = (_ relaxation: [Double]) -> [Double]?

/// State shared with GLPK's branch-and-cut callback (`glp_iocp.cb_func`) during one
/// `glp_intopt` call: bound capture, granularity stop, node limit and injection of
/// incumbents through `glp_ios_heur_sol`.
final class SearchMonitor {
    let prepared: PreparedModel
    let granularity: Double?
    let heuristic: IncumbentHeuristic?
    let heuristicInterval: Int
    let nodeLimit: Int?
    let firstSolutionNodeLimit: Int?
    /// A bound on the optimum known from outside (`SolverOptions.knownBound`).
    let knownBound: Double?
    /// Whether the tree works on the original columns (presolve off): injection needs it.
    let canInject: Bool
    let completion: ContinuousCompletion

    /// A checked full solution waiting for the first `GLP_IHEUR`.
    var pendingStart: [Double]?
    var startOutcome: StartSolutionOutcome = .notGiven

    /// Best bound and incumbent seen, in the sense and scale of the original model.
    private(set) var bestBound: Double?
    private(set) var incumbent: Double?
    private(set) var nodeCount = 0
    private(set) var stoppedByGranularity = false
    private(set) var stoppedByNodeLimit = false
    private(set) var stoppedWithoutFirstSolution = false
    private(set) var heuristicAccepted = 0
    private var heuristicRequests = 0

    init(prepared: PreparedModel, granularity: Double?, heuristic: IncumbentHeuristic?,
         heuristicInterval: Int, nodeLimit: Int?, firstSolutionNodeLimit: Int? = nil, knownBound: Double? = nil,
         canInject: Bool, completion: ContinuousCompletion) {
        self.prepared = prepared
        self.granularity = granularity
        self.heuristic = heuristic
        self.heuristicInterval = heuristicInterval
        self.nodeLimit = nodeLimit
        self.firstSolutionNodeLimit = firstSolutionNodeLimit
        self.knownBound = knownBound
        self.canInject = canInject
        self.completion = completion
    }

    private var maximize: Bool { prepared.model.sense == .maximize }

    /// The C entry point given to GLPK; `info` is an unretained `SearchMonitor`.
    static let callback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
        guard let tree, let info else { return }
        Unmanaged<SearchMonitor>.fromOpaque(info).takeUnretainedValue().handle(tree)
    }

    private func handle(_ tree: OpaquePointer) {
        let reason = glp_ios_reason(tree)
        switch reason {
        case GLP_ISELECT, GLP_IBINGO, GLP_IBRANCH:
            observe(tree)
        case GLP_IHEUR:
            observe(tree)
            injectIfUseful(tree)
        default:
            return
        }
        if shouldStopByGranularity() {
            stoppedByGranularity = true
            glp_ios_terminate(tree)
        } else if reason == GLP_ISELECT, let limit = nodeLimit, nodeCount >= limit {
            stoppedByNodeLimit = true
            glp_ios_terminate(tree)
        } else if reason == GLP_ISELECT, incumbent == nil, pendingStart == nil, let limit = firstSolutionNodeLimit,
                  nodeCount >= limit {
            // A checked start waiting for the first heuristic call counts as a solution found.
            stoppedWithoutFirstSolution = true
            glp_ios_terminate(tree)
        }
    }

    /// Reads the incumbent, the best bound of the active nodes and the node count.
    private func observe(_ tree: OpaquePointer) {
        guard let problem = glp_ios_get_prob(tree) else { return }
        // With presolve the tree solves a transformed minimisation: its objective is
        // the original one, negated for a maximisation.
        let flip = (glp_get_obj_dir(problem) == GLP_MAX) != maximize
        let status = glp_mip_status(problem)
        if status == GLP_FEAS || status == GLP_OPT {
            let value = glp_mip_obj_val(problem)
            incumbent = flip ? -value : value
        }
        let best = glp_ios_best_node(tree)
        if best != 0 {
            let raw = glp_ios_node_bound(tree, best)
            if abs(raw) < 1e300 {
                let bound = flip ? -raw : raw
                if let old = bestBound {
                    bestBound = maximize ? Swift.min(old, bound) : Swift.max(old, bound)
                } else {
                    bestBound = bound
                }
            }
        }
        if let known = knownBound {
            bestBound = bestBound.map { maximize ? Swift.min($0, known) : Swift.max($0, known) } ?? known
        }
        var total: Int32 = 0
        glp_ios_tree_size(tree, nil, nil, &total)
        nodeCount = Swift.max(nodeCount, Int(total))
    }

    /// True when the bound, rounded to the objective lattice, cannot beat the incumbent.
    func shouldStopByGranularity() -> Bool {
        guard let step = granularity, let incumbent, let bestBound else { return false }
        return Self.latticeProves(bound: bestBound, incumbent: incumbent, step: step,
                                  offset: prepared.model.objectiveConstant, maximize: maximize)
    }

    /// The granularity rule: every feasible objective is offset + k * step (k integer).
    static func latticeProves(bound: Double, incumbent: Double, step: Double, offset: Double, maximize: Bool) -> Bool {
        let slack = 1e-6
        let k = (bound - offset) / step
        let tolerance = 1e-9 * Swift.max(1, abs(incumbent))
        if maximize {
            let rounded = offset + step * (k + slack).rounded(.down)
            return rounded <= incumbent + tolerance
        } else {
            let rounded = offset + step * (k - slack).rounded(.up)
            return rounded >= incumbent - tolerance
        }
    }

    /// The bound rounded to the lattice (what the granularity rule proves).
    func roundedBound() -> Double? {
        bestBound.map(rounded)
    }

    /// `bound` rounded to the objective lattice, toward the incumbent.
    func rounded(_ bound: Double) -> Double {
        guard let step = granularity else { return bound }
        let offset = prepared.model.objectiveConstant
        let k = (bound - offset) / step
        return offset + step * (maximize ? (k + 1e-6).rounded(.down) : (k - 1e-6).rounded(.up))
    }

    private func injectIfUseful(_ tree: OpaquePointer) {
        guard canInject else { return }
        if let start = pendingStart {
            pendingStart = nil
            startOutcome = offer(start, to: tree)
                ? .accepted : .rejected("GLPK already had an incumbent at least as good")
        }
        guard let heuristic else { return }
        heuristicRequests += 1
        guard heuristicRequests == 1 || heuristicRequests % heuristicInterval == 0 else { return }
        guard let problem = glp_ios_get_prob(tree) else { return }
        let n = prepared.columnCount
        guard glp_get_num_cols(problem) == Int32(n) else { return }
        var relaxation = [Double](repeating: 0, count: n)
        for j in 0..<n { relaxation[j] = glp_get_col_prim(problem, Int32(j + 1)) }
        guard let candidate = heuristic(relaxation), candidate.count == n else { return }
        guard case .success(let solution) = completion.complete(candidate) else { return }
        if let incumbent, let value = prepared.model.objectiveValue(of: solution) {
            let better = maximize ? value > incumbent + 1e-9 : value < incumbent - 1e-9
            guard better else { return }
        }
        if offer(solution, to: tree) { heuristicAccepted += 1 }
    }

    /// Hands a checked solution to GLPK; true if it became the incumbent.
    private func offer(_ solution: [Double], to tree: OpaquePointer) -> Bool {
        var x = [Double](repeating: 0, count: solution.count + 1)
        for j in 0..<solution.count { x[j + 1] = solution[j] }
        let accepted = glp_ios_heur_sol(tree, x) == 0
        if accepted { observe(tree) }
        return accepted
    }
}
