// SPDX-License-Identifier: GPL-3.0-or-later

/// A branch-and-bound of its own for the small problems reduced-cost fixing leaves to search
/// (`GLPKSolver.solveRestricted`): LP bounds from `DenseSimplex`, each node's LP started from
/// the basis of the node before, reduced-cost fixing at every node, depth-first dives and the
/// best bound when a dive ends. Its proofs rest on `DenseSimplex.safeBound` (valid whatever the
/// precision of the duals) and on every incumbent checked against the rows of the model; any
/// numerical trouble, or a search longer than its node limit, returns nil and the caller
/// searches with GLPK as before. Deterministic: no clock, no randomness.
enum DenseBranchAndBound {
    struct Answer {
        var values: [Double]
        /// In the model's sense, its constant included.
        var objective: Double
        var nodes: Int
        /// False: the node limit stopped the search (only with `acceptUnproven`).
        var proven: Bool
        /// The start was not improved on.
        var isStart: Bool
        /// The start held every bound and row, and was the first incumbent.
        var startAccepted: Bool
    }

    /// The largest problem it takes. The basis inverse is dense (rows² per pivot), and it has no
    /// cuts: on the national re-solves, the soft-balance stage's compact problems (~250 rows)
    /// and the acquisition stages left with ~1 000 free columns were faster with GLPK
    /// (Benchmarks/README.md, "A branch-and-bound of its own").
    static let maximumRows = 199
    static let maximumColumns = 600
    /// Nodes searched when the options set no limit.
    static let defaultNodeLimit = 20_000

    /// Whether `prepared` is a problem it takes: within the size limits, every integer column
    /// bounded.
    static func takes(_ prepared: PreparedModel) -> Bool {
        let n = prepared.columnCount
        guard prepared.rowCount <= maximumRows, n <= maximumColumns, n > 0 else { return false }
        return (0..<n).allSatisfy { !prepared.columnIsInteger[$0] || (prepared.columnLower[$0].isFinite && prepared.columnUpper[$0].isFinite) }
    }

    /// Solves `prepared` from `start` (checked; ignored when it breaks a row). `granularity`:
    /// the objective's lattice step (nil: none, nodes pruned within the objective tolerance).
    /// Past `nodeLimit` nodes: the incumbent, unproven, with `acceptUnproven`; else nil.
    /// `basic`: the columns and rows basic in a known LP optimum (e.g. that of the model the
    /// compact problem comes from), the first basis tried.
    static func solve(_ prepared: PreparedModel, start: [Double]?, granularity: Double?, options: SolverOptions,
                      basic: (columns: [Bool], rows: [Bool])? = nil, nodeLimit: Int, acceptUnproven: Bool) -> Answer? {
        let n = prepared.columnCount
        guard takes(prepared) else { return nil }
        guard let simplex = DenseSimplex(prepared) else { return nil }
        if let basic { simplex.startFrom(columns: basic.columns, rows: basic.rows) }
        let maximize = prepared.model.sense == .maximize
        let sign: Double = maximize ? -1 : 1
        let constant = prepared.model.objectiveConstant
        let integers = (0..<n).filter { prepared.columnIsInteger[$0] }
        let rootLower = Array(simplex.lower), rootUpper = Array(simplex.upper)

        var incumbent: [Double]?
        var incumbentValue = 0.0
        var isStart = false
        if let start, start.count == n, let checked = checked(prepared, start, options: options) {
            incumbent = checked
            incumbentValue = prepared.model.objectiveValue(of: checked) ?? 0
            isStart = true
        }
        let startAccepted = isStart
        // A bound known from outside (`SolverOptions.knownBound`): an incumbent that reaches it
        // ends the search.
        func reachesKnownBound() -> Bool {
            guard let known = options.knownBound, incumbent != nil else { return false }
            let tolerance = 1e-9 * Swift.max(1, abs(known))
            return maximize ? incumbentValue >= known - tolerance : incumbentValue <= known + tolerance
        }
        if reachesKnownBound(), let incumbent {
            return Answer(values: incumbent, objective: incumbentValue, nodes: 0, proven: true, isStart: true, startAccepted: true)
        }
        // The lattice the pruning rounds to; without one, a node must beat the incumbent by the
        // objective tolerance.
        func prunes(_ boundMin: Double) -> Bool {
            guard incumbent != nil else { return false }
            let bound = sign * boundMin + constant
            if let g = granularity, g > 0 {
                return SearchMonitor.latticeProves(bound: bound, incumbent: incumbentValue, step: g, offset: constant,
                                                   maximize: maximize)
            }
            let tolerance = options.objectiveTolerance * Swift.max(1, abs(incumbentValue))
            return maximize ? bound <= incumbentValue + tolerance : bound >= incumbentValue - tolerance
        }
        /// The minimisation value past which a node is pruned (for the simplex's early stop).
        func cutoff() -> Double {
            guard incumbent != nil else { return .infinity }
            let margin = granularity.map { $0 * (1 - 1e-5) } ?? options.objectiveTolerance * Swift.max(1, abs(incumbentValue))
            let target = maximize ? incumbentValue + margin : incumbentValue - margin
            return sign * (target - constant) + 1e-9 * Swift.max(1, abs(target))
        }

        struct Node {
            var fixes: [(column: Int, lower: Double, upper: Double)]
            var bound: Double
            var order: Int
            /// The branching that made it: column, direction, distance moved, parent's LP value.
            var branched: (column: Int, up: Bool, distance: Double, parent: Double)?
        }
        var open: [Node] = []
        var current: Node? = Node(fixes: [], bound: -.infinity, order: 0)
        var nodes = 0, order = 0
        let pivotLimit = 20 * (prepared.rowCount + n) + 1_000
        var costs = Pseudocosts(columns: n)
        while true {
            if current == nil {
                // The open node of least bound (the latest on ties): best first between dives.
                open.removeAll { prunes($0.bound) }
                guard let k = open.indices.min(by: { (open[$0].bound, -open[$0].order) < (open[$1].bound, -open[$1].order) })
                else { break }
                current = open.remove(at: k)
            }
            guard var node = current else { break }
            current = nil
            if nodes >= nodeLimit {
                guard acceptUnproven, let incumbent else { return nil }
                return Answer(values: incumbent, objective: incumbentValue, nodes: nodes, proven: false, isStart: isStart, startAccepted: startAccepted)
            }
            nodes += 1
            for j in integers { simplex.lower[j] = rootLower[j]; simplex.upper[j] = rootUpper[j] }
            for f in node.fixes { simplex.lower[f.column] = f.lower; simplex.upper[f.column] = f.upper }
            var outcome = simplex.solve(cutoff: cutoff(), pivotLimit: pivotLimit)
            if outcome == .cutoff {
                if prunes(simplex.safeBound()) { continue }
                outcome = simplex.solve(pivotLimit: pivotLimit)
            }
            switch outcome {
            case .failed, .pivotLimit: return nil
            case .infeasible, .cutoff: continue
            case .optimal: break
            }
            let objective = simplex.objective
            if let b = node.branched { costs.record(b.column, up: b.up, gain: (objective - b.parent) / b.distance) }
            let bound = simplex.safeBound()
            if prunes(bound) { continue }
            var fractional: [(column: Int, value: Double)] = []
            for j in integers where simplex.isBasic(j) {
                let x = simplex.value[j]
                if abs(x - x.rounded()) > options.integralityTolerance { fractional.append((j, x)) }
            }
            if fractional.isEmpty {
                var values = Array(simplex.value.prefix(n))
                for j in integers { values[j] = values[j].rounded() + 0 }
                if let found = checked(prepared, values, options: options), let value = prepared.model.objectiveValue(of: found) {
                    if incumbent == nil || (maximize ? value > incumbentValue : value < incumbentValue) {
                        incumbent = found
                        incumbentValue = value
                        isStart = false
                        if reachesKnownBound() {
                            return Answer(values: found, objective: value, nodes: nodes, proven: true, isStart: false, startAccepted: startAccepted)
                        }
                    }
                    continue
                }
                // Integral only within the tolerance, and rounded it breaks a row (a budget row's
                // coefficients of millions turn 1e-7 into cents): branched on the columns strictly
                // between two integers inside their bounds, as if fractional. None: GLPK decides.
                for j in integers where simplex.isBasic(j) {
                    let x = simplex.value[j]
                    if x != x.rounded(), x.rounded(.down) >= simplex.lower[j], x.rounded(.up) <= simplex.upper[j] {
                        fractional.append((j, x))
                    }
                }
                guard !fractional.isEmpty else { return nil }
            }
            // Reduced-cost fixing in the node's subtree: a nonbasic integer column whose move
            // off its bound would take the bound past the cutoff keeps its value below.
            let limit = cutoff()
            if limit.isFinite, limit - bound >= 0 {
                let gap = limit - bound
                for j in integers where !simplex.isBasic(j) && simplex.lower[j] != simplex.upper[j] {
                    let d = simplex.reducedCost(j), x = simplex.value[j]
                    guard (d > gap && x == simplex.lower[j]) || (d < -gap && x == simplex.upper[j]) else { continue }
                    node.fixes.append((j, x, x))
                }
            }
            // Reliability branching: the columns whose pseudocosts rest on too few observations
            // are tried first (a few pivots each way); a side that cannot hold a better solution
            // fixes the column to the other side and the node is solved again.
            fractional.sort { abs($0.value - $0.value.rounded(.down) - 0.5) < abs($1.value - $1.value.rounded(.down) - 0.5) }
            var tried = 0, refixed = false
            // The node's basis and values, taken when a first column is tried.
            var snapshot: DenseSimplex.Snapshot?
            for (j, x) in fractional where !costs.reliable(j) && tried < Self.strongCandidates {
                tried += 1
                let saved = snapshot ?? simplex.snapshot
                snapshot = saved
                let (l, u) = (simplex.lower[j], simplex.upper[j])
                var gains: [Double] = []
                for up in [false, true] {
                    if up { simplex.lower[j] = x.rounded(.up) } else { simplex.upper[j] = x.rounded(.down) }
                    let trial = simplex.solve(cutoff: limit, pivotLimit: Self.strongPivots)
                    let closed: Bool
                    switch trial {
                    case .infeasible: closed = true
                    case .cutoff, .optimal: closed = prunes(simplex.safeBound())
                    case .pivotLimit: closed = false
                    case .failed: return nil
                    }
                    gains.append(closed ? .infinity : Swift.max(0, simplex.objective - objective))
                    simplex.lower[j] = l
                    simplex.upper[j] = u
                    simplex.restore(saved)
                }
                let f = x - x.rounded(.down)
                if gains[0].isFinite { costs.record(j, up: false, gain: gains[0] / f) }
                if gains[1].isFinite { costs.record(j, up: true, gain: gains[1] / (1 - f)) }
                if gains[0].isInfinite && gains[1].isInfinite { refixed = true; node.fixes.append((j, 1, 0)); break }
                if gains[0].isInfinite { node.fixes.append((j, x.rounded(.up), u)); refixed = true }
                else if gains[1].isInfinite { node.fixes.append((j, l, x.rounded(.down))); refixed = true }
            }
            if refixed {
                if node.fixes.contains(where: { $0.lower > $0.upper }) { continue }
                // Solved again as a node of its own (counted: the search always ends).
                node.branched = nil
                current = node
                continue
            }
            var branch = fractional[0]
            var best = -1.0
            for (j, x) in fractional {
                let f = x - x.rounded(.down)
                let score = Swift.max(costs.estimate(j, up: false) * f, 1e-6) * Swift.max(costs.estimate(j, up: true) * (1 - f), 1e-6)
                if score > best { best = score; branch = (j, x) }
            }
            let (j, x) = branch
            let f = x - x.rounded(.down)
            let down = (j, simplex.lower[j], x.rounded(.down))
            let up = (j, x.rounded(.up), simplex.upper[j])
            let upFirst = f >= 0.5
            order += 1
            open.append(Node(fixes: node.fixes + [upFirst ? down : up], bound: bound, order: order,
                             branched: (j, !upFirst, upFirst ? f : 1 - f, objective)))
            order += 1
            current = Node(fixes: node.fixes + [upFirst ? up : down], bound: bound, order: order,
                           branched: (j, upFirst, upFirst ? 1 - f : f, objective))
        }
        guard let incumbent else { return nil }
        return Answer(values: incumbent, objective: incumbentValue, nodes: nodes, proven: true, isStart: isStart, startAccepted: startAccepted)
    }

    /// Columns tried both ways at a node when their pseudocosts are not reliable yet, and the
    /// pivots each trial may make.
    static let strongCandidates = 8
    static let strongPivots = 10

    /// The bound's average gain per unit moved down and up, by column.
    struct Pseudocosts {
        var sum: [(down: Double, up: Double)]
        var count: [(down: Int, up: Int)]
        var total = (down: 0.0, up: 0.0), observations = (down: 0, up: 0)

        init(columns: Int) {
            sum = Array(repeating: (0, 0), count: columns)
            count = Array(repeating: (0, 0), count: columns)
        }

        mutating func record(_ j: Int, up: Bool, gain: Double) {
            guard gain.isFinite else { return }
            let g = Swift.max(0, gain)
            if up { sum[j].up += g; count[j].up += 1; total.up += g; observations.up += 1 }
            else { sum[j].down += g; count[j].down += 1; total.down += g; observations.down += 1 }
        }

        func reliable(_ j: Int) -> Bool { Swift.min(count[j].down, count[j].up) >= 1 }

        func estimate(_ j: Int, up: Bool) -> Double {
            if up {
                return count[j].up > 0 ? sum[j].up / Double(count[j].up) : observations.up > 0 ? total.up / Double(observations.up) : 1
            }
            return count[j].down > 0 ? sum[j].down / Double(count[j].down) : observations.down > 0 ? total.down / Double(observations.down) : 1
        }
    }

    /// `values` with its integer columns rounded, when they hold every column bound (within
    /// 1e-9, relative) and every row and integrality of `prepared` (`LinearModel.isFeasible`,
    /// the tolerance GLPK's answers are held to); nil otherwise.
    static func checked(_ prepared: PreparedModel, _ values: [Double], options: SolverOptions) -> [Double]? {
        var x = values
        for j in 0..<prepared.columnCount {
            if prepared.columnIsInteger[j] {
                guard abs(x[j] - x[j].rounded()) <= options.integralityTolerance else { return nil }
                x[j] = x[j].rounded() + 0
            }
            let slack = 1e-9 * Swift.max(1, abs(x[j]))
            guard x[j] >= prepared.columnLower[j] - slack, x[j] <= prepared.columnUpper[j] + slack else { return nil }
        }
        return prepared.model.isFeasible(x) ? x : nil
    }
}
