// SPDX-License-Identifier: GPL-3.0-or-later

/// A bounded dual simplex on a dense basis inverse, for the small problems that reduced-cost
/// fixing leaves to search (a few dozen rows, a few hundred columns): a pivot costs a few
/// microseconds where a node of GLPK's search costs about a millisecond, most of it GLPK's own
/// work around the LP (its tree, node preprocessing, cut rounds) on a problem this small.
///
/// The model is min c·x subject to A x − r = 0, L ≤ r ≤ U, l ≤ x ≤ u: one logical variable r_i
/// per row (column −e_i), the structural columns first. Rows are scaled by a power of two (their
/// largest coefficient brought into [1, 2)), which changes no digit of the coefficients. Every
/// bound change keeps the basis: the next solve starts from it (after moving each nonbasic
/// variable to the bound its reduced cost asks for), which is what a branch-and-bound wants.
/// The arrays are buffers of its own (no copy-on-write or bounds checks in the pivots).
final class DenseSimplex {
    enum Outcome: Equatable {
        case optimal, infeasible, failed
        /// The dual objective passed the cutoff: the node holds nothing worth keeping (to be
        /// confirmed by `safeBound`).
        case cutoff
        /// Stopped at the pivot limit: the dual objective is still a bound.
        case pivotLimit
    }

    let rows: Int
    let columns: Int
    let total: Int
    /// The structural columns, scaled, column-wise.
    private let columnStart: UnsafeMutableBufferPointer<Int>
    private let entryRow: UnsafeMutableBufferPointer<Int>
    private let entryValue: UnsafeMutableBufferPointer<Double>
    /// Minimisation costs of every variable (the logicals' are 0).
    let cost: UnsafeMutableBufferPointer<Double>
    /// Bounds of every variable (structurals, then the logicals, scaled): set them freely
    /// between solves.
    let lower: UnsafeMutableBufferPointer<Double>
    let upper: UnsafeMutableBufferPointer<Double>
    /// Values of every variable (nonbasic: at a bound, or 0 when free).
    let value: UnsafeMutableBufferPointer<Double>
    /// Reduced costs (0 for the basic variables).
    private let reduced: UnsafeMutableBufferPointer<Double>
    /// The variable basic in each row, and for each variable its row (-1 when nonbasic).
    private let basic: UnsafeMutableBufferPointer<Int>
    private let position: UnsafeMutableBufferPointer<Int>
    /// The basis inverse, row-major.
    private let inverse: UnsafeMutableBufferPointer<Double>
    private let rho: UnsafeMutableBufferPointer<Double>
    private let column: UnsafeMutableBufferPointer<Double>
    private let alpha: UnsafeMutableBufferPointer<Double>
    private let candidates: UnsafeMutableBufferPointer<Int>
    private let ratios: UnsafeMutableBufferPointer<Double>
    private let flips: UnsafeMutableBufferPointer<Int>
    /// Rows whose basic variable is outside its bounds by so little that no dual ray proves
    /// it (within the tolerances): left as they are in this solve rather than taken for
    /// infeasible (a node is never pruned on such a doubt; the solutions are checked anyway).
    private var tolerated: [Bool]
    private var pivotsSinceFactor = 0
    private var factored = false
    /// `reduced` is what `computeDuals` gives for the basis and its inverse as they are (nothing
    /// pivoted nor factorised since): computing them again would give the same bits.
    private var dualsFresh = false
    /// The basic values are what `computePrimal` gives for the inverse and the nonbasic values
    /// as they are. With both, a solve that only changed the bounds of basic variables (a
    /// strong-branching trial, a child node) starts pivoting at once.
    private var primalFresh = false

    static let primalTolerance = 1e-7
    static let dualTolerance = 1e-7
    static let pivotTolerance = 1e-9
    static let refactorInterval = 64

    /// The model of `prepared` (nil when a cost is not finite).
    init?(_ prepared: PreparedModel) {
        let m = prepared.rowCount, n = prepared.columnCount
        guard prepared.objective.allSatisfy(\.isFinite) else { return nil }
        rows = m
        columns = n
        total = n + m
        var scale = [Double](repeating: 0, count: m)
        for k in 1..<prepared.matrixValues.count {
            let i = Int(prepared.matrixRows[k]) - 1
            scale[i] = Swift.max(scale[i], abs(prepared.matrixValues[k]))
        }
        for i in 0..<m {
            scale[i] = scale[i] > 0 && scale[i].isFinite ? Double(sign: .plus, exponent: scale[i].exponent, significand: 1) : 1
        }
        let entries = prepared.matrixValues.count - 1
        columnStart = .allocate(capacity: n + 1)
        entryRow = .allocate(capacity: Swift.max(1, entries))
        entryValue = .allocate(capacity: Swift.max(1, entries))
        columnStart.initialize(repeating: 0)
        for k in 1..<prepared.matrixValues.count { columnStart[Int(prepared.matrixColumns[k])] += 1 }
        for j in 0..<n { columnStart[j + 1] += columnStart[j] }
        var fill = Array(columnStart.prefix(n))
        for k in 1..<prepared.matrixValues.count {
            let j = Int(prepared.matrixColumns[k]) - 1, i = Int(prepared.matrixRows[k]) - 1
            entryRow[fill[j]] = i
            entryValue[fill[j]] = prepared.matrixValues[k] / scale[i]
            fill[j] += 1
        }
        let sign: Double = prepared.model.sense == .maximize ? -1 : 1
        cost = .allocate(capacity: n + m)
        lower = .allocate(capacity: n + m)
        upper = .allocate(capacity: n + m)
        value = .allocate(capacity: n + m)
        reduced = .allocate(capacity: n + m)
        position = .allocate(capacity: n + m)
        alpha = .allocate(capacity: n + m)
        candidates = .allocate(capacity: n + m)
        ratios = .allocate(capacity: n + m)
        flips = .allocate(capacity: n + m)
        basic = .allocate(capacity: Swift.max(1, m))
        rho = .allocate(capacity: Swift.max(1, m))
        column = .allocate(capacity: Swift.max(1, m))
        inverse = .allocate(capacity: Swift.max(1, m * m))
        tolerated = [Bool](repeating: false, count: m)
        for j in 0..<n {
            cost[j] = sign * prepared.objective[j]
            lower[j] = prepared.columnLower[j]
            upper[j] = prepared.columnUpper[j]
            value[j] = lower[j].isFinite ? lower[j] : upper[j].isFinite ? upper[j] : 0
            position[j] = -1
        }
        for i in 0..<m {
            cost[n + i] = 0
            lower[n + i] = prepared.rowLower[i] / scale[i]
            upper[n + i] = prepared.rowUpper[i] / scale[i]
            value[n + i] = 0
            position[n + i] = i
            basic[i] = n + i
        }
        for j in 0..<(n + m) { reduced[j] = cost[j]; alpha[j] = 0; candidates[j] = 0; ratios[j] = 0; flips[j] = 0 }
        inverse.initialize(repeating: 0)
        for i in 0..<m { inverse[i * m + i] = -1 }
        rho.initialize(repeating: 0)
        column.initialize(repeating: 0)
    }

    deinit {
        for b in [cost, lower, upper, value, reduced, alpha, rho, column, inverse, entryValue, ratios] { b.deallocate() }
        for b in [columnStart, entryRow, position, candidates, basic, flips] { b.deallocate() }
    }

    /// The objective (minimisation) of the current values: while the basis is dual feasible,
    /// the dual objective, a lower bound on the LP's minimum.
    var objective: Double {
        var s = 0.0
        for j in 0..<columns { s += cost[j] * value[j] }
        return s
    }

    func isBasic(_ j: Int) -> Bool { position[j] >= 0 }
    func reducedCost(_ j: Int) -> Double { reduced[j] }

    /// Starts from a basis of these basic columns and rows (a row's logical), completed with
    /// logicals up to one per row; kept only when it factorises, else the logicals' basis stays.
    func startFrom(columns basicColumns: [Bool], rows basicRows: [Bool]) {
        guard basicColumns.count == columns, basicRows.count == rows else { return }
        var chosen = (0..<columns).filter { basicColumns[$0] } + (0..<rows).filter { basicRows[$0] }.map { columns + $0 }
        if chosen.count < rows {
            let taken = Set(chosen)
            chosen += (0..<rows).map { columns + $0 }.filter { !taken.contains($0) }.prefix(rows - chosen.count)
        }
        guard chosen.count == rows else { return }
        let saved = (Array(basic), Array(position))
        for j in 0..<total { position[j] = -1 }
        for (i, j) in chosen.enumerated() { basic[i] = j; position[j] = i }
        guard factor() else {
            for i in 0..<rows { basic[i] = saved.0[i] }
            for j in 0..<total { position[j] = saved.1[j] }
            factored = false
            return
        }
    }

    /// The basis and values, to come back to after a trial (strong branching).
    struct Snapshot {
        fileprivate var basic: [Int], position: [Int], value: [Double], reduced: [Double], inverse: [Double]
        fileprivate var pivotsSinceFactor: Int, factored: Bool, dualsFresh: Bool, primalFresh: Bool
    }
    var snapshot: Snapshot {
        Snapshot(basic: Array(basic), position: Array(position), value: Array(value), reduced: Array(reduced),
                 inverse: Array(inverse), pivotsSinceFactor: pivotsSinceFactor, factored: factored,
                 dualsFresh: dualsFresh, primalFresh: primalFresh)
    }
    func restore(_ s: Snapshot) {
        _ = basic.update(fromContentsOf: s.basic)
        _ = position.update(fromContentsOf: s.position)
        _ = value.update(fromContentsOf: s.value)
        _ = reduced.update(fromContentsOf: s.reduced)
        _ = inverse.update(fromContentsOf: s.inverse)
        pivotsSinceFactor = s.pivotsSinceFactor
        factored = s.factored
        dualsFresh = s.dualsFresh
        primalFresh = s.primalFresh
    }

    /// ρ · a_j for the column of variable j in [A −I].
    @inline(__always)
    private func dot(_ rho: UnsafeMutableBufferPointer<Double>, _ j: Int) -> Double {
        if j >= columns { return -rho[j &- columns] }
        var s = 0.0
        var k = columnStart[j]
        let end = columnStart[j &+ 1]
        while k < end { s += rho[entryRow[k]] * entryValue[k]; k &+= 1 }
        return s
    }

    /// Solves the LP from the current basis: `optimal`, `infeasible` (proven by a dual ray),
    /// `failed` (numerical trouble: the caller falls back on GLPK) or `pivotLimit`. With a
    /// `cutoff` (minimisation), stops as `cutoff` once the dual objective passes it: no
    /// solution of the node can be worth keeping.
    func solve(cutoff: Double = .infinity, pivotLimit: Int) -> Outcome {
        for i in 0..<rows { tolerated[i] = false }
        if !factored { guard factor() else { return .failed } }
        // Duals and values computed again only where something they depend on changed (the
        // same bits otherwise).
        if !dualsFresh { computeDuals() }
        guard makeDualFeasible() else { return .failed }
        if !primalFresh { computePrimal() }
        var rounds = 0
        var done = 0
        while true {
            switch iterate(cutoff: cutoff, limit: pivotLimit - done, done: &done) {
            case .failed: return .failed
            case .infeasible: return .infeasible
            case .cutoff: return .cutoff
            case .pivotLimit: return .pivotLimit
            case .optimal:
                // Checked from values and duals computed again (from a fresh factorisation
                // after the first round) before it is believed.
                if rounds > 0 { guard factor() else { return .failed } }
                if !dualsFresh { computeDuals() }
                guard makeDualFeasible() else { return .failed }
                if !primalFresh { computePrimal() }
                if maximumInfeasibility().amount <= Self.primalTolerance { return .optimal }
                rounds += 1
                if rounds > 3 { return .failed }
            }
        }
    }

    /// Moves each nonbasic variable to the bound its reduced cost asks for (a free one with a
    /// negligible reduced cost stays at 0); false when that bound is infinite.
    private func makeDualFeasible() -> Bool {
        for j in 0..<total where position[j] < 0 {
            let d = reduced[j], before = value[j]
            if d > Self.dualTolerance {
                guard lower[j].isFinite else { primalFresh = false; return false }
                value[j] = lower[j]
            } else if d < -Self.dualTolerance {
                guard upper[j].isFinite else { primalFresh = false; return false }
                value[j] = upper[j]
            } else if value[j] != lower[j] && value[j] != upper[j] {
                value[j] = lower[j].isFinite ? lower[j] : upper[j].isFinite ? upper[j] : 0
            }
            if value[j].bitPattern != before.bitPattern { primalFresh = false }
        }
        return true
    }

    /// The basic variable farthest outside its bounds (relative to the bound's size).
    private func maximumInfeasibility() -> (row: Int, amount: Double) {
        var best = -1, amount = 0.0
        for i in 0..<rows where !tolerated[i] {
            let j = basic[i], x = value[j]
            var v = 0.0
            if x < lower[j] { v = (lower[j] - x) / Swift.max(1, abs(lower[j])) }
            else if x > upper[j] { v = (x - upper[j]) / Swift.max(1, abs(upper[j])) }
            if v > amount { amount = v; best = i }
        }
        return (best, amount)
    }

    private func iterate(cutoff: Double, limit: Int, done: inout Int) -> Outcome {
        let m = rows, n = columns
        guard let inv = inverse.baseAddress else { return .optimal }
        while true {
            let (r, amount) = maximumInfeasibility()
            if amount <= Self.primalTolerance { return .optimal }
            if done >= limit { return .pivotLimit }
            if cutoff.isFinite, objective > cutoff { return .cutoff }
            let leaving = basic[r]
            let target = value[leaving] < lower[leaving] ? lower[leaving] : upper[leaving]
            let delta = value[leaving] - target
            let rowR = inv + r &* m
            for i in 0..<m { rho[i] = rowR[i] }
            // The eligible nonbasic variables, by ratio |d_j| / |α_j| (bound-flipping ratio
            // test: a boxed variable passed on the way flips to its other bound while the
            // leaving row's infeasibility still pays for it; the first one it does not pay for
            // enters).
            var count = 0
            for j in 0..<total where position[j] < 0 && lower[j] != upper[j] {
                let a = dot(rho, j)
                alpha[j] = a
                let t = delta < 0 ? -a : a
                let eligible = (t > Self.pivotTolerance && value[j] != upper[j]) || (t < -Self.pivotTolerance && value[j] != lower[j])
                guard eligible else { continue }
                candidates[count] = j
                ratios[count] = Swift.max(0, abs(reduced[j]) - Self.dualTolerance) / abs(t)
                count &+= 1
            }
            guard count > 0 else {
                if provesInfeasible(row: r) { return .infeasible }
                tolerated[r] = true
                continue
            }
            // The candidates in order of ratio, taken one by one (the least left each time):
            // a pivot usually flips few of them.
            var slope = abs(delta)
            var entering = -1
            var flipped = 0
            var left = count
            while left > 0 {
                var k = 0
                for c in 1..<left where ratios[c] < ratios[k] || (ratios[c] == ratios[k] && abs(alpha[candidates[c]]) > abs(alpha[candidates[k]])) { k = c }
                let j = candidates[k]
                let width = upper[j] - lower[j]
                let drop = abs(alpha[j]) * width
                if width.isFinite, slope - drop > Self.primalTolerance * Swift.max(1, abs(target)) {
                    flips[flipped] = j
                    flipped &+= 1
                    slope -= drop
                    left &-= 1
                    candidates[k] = candidates[left]
                    ratios[k] = ratios[left]
                    continue
                }
                // Among the ratios tied with this one, the largest pivot.
                entering = j
                var best = abs(alpha[j])
                let tie = ratios[k] + 1e-12
                for c in 0..<left where c != k && ratios[c] <= tie && abs(alpha[candidates[c]]) > best {
                    best = abs(alpha[candidates[c]])
                    entering = candidates[c]
                }
                break
            }
            guard entering >= 0 else {
                if provesInfeasible(row: r) { return .infeasible }
                tolerated[r] = true
                continue
            }
            dualsFresh = false
            primalFresh = false
            if flipped > 0 {
                // The flipped variables move to their other bound; the basic values follow.
                for i in 0..<m { column[i] = 0 }
                for f in 0..<flipped {
                    let j = flips[f]
                    let atLower = value[j] == lower[j]
                    let move = atLower ? upper[j] - lower[j] : lower[j] - upper[j]
                    value[j] = atLower ? upper[j] : lower[j]
                    if j >= n {
                        column[j &- n] -= move
                    } else {
                        for e in columnStart[j]..<columnStart[j &+ 1] { column[entryRow[e]] += entryValue[e] * move }
                    }
                }
                for i in 0..<m {
                    var s = 0.0
                    let row = inv + i &* m
                    for c in 0..<m { s += row[c] * column[c] }
                    value[basic[i]] -= s
                }
            }
            let delta2 = value[leaving] - target
            // The entering column in the basis: B⁻¹ a_q.
            for i in 0..<m { column[i] = 0 }
            if entering >= n {
                let k = entering &- n
                for i in 0..<m { column[i] = -inv[i &* m &+ k] }
            } else {
                for e in columnStart[entering]..<columnStart[entering &+ 1] {
                    let k = entryRow[e], a = entryValue[e]
                    var p = inv + k
                    for i in 0..<m { column[i] += p.pointee * a; p += m }
                }
            }
            let pivot = column[r]
            guard abs(pivot) > Self.pivotTolerance else { return .failed }
            // Duals, then values, then the inverse.
            let thetaD = reduced[entering] / alpha[entering]
            for j in 0..<total where position[j] < 0 && lower[j] != upper[j] { reduced[j] -= thetaD * alpha[j] }
            reduced[entering] = 0
            reduced[leaving] = -thetaD
            let step = delta2 / pivot
            for i in 0..<m where column[i] != 0 { value[basic[i]] -= step * column[i] }
            value[entering] += step
            value[leaving] = target
            position[leaving] = -1
            position[entering] = r
            basic[r] = entering
            let pr = 1 / pivot
            for k in 0..<m { rowR[k] *= pr }
            for i in 0..<m where i != r {
                let f = column[i]
                guard f != 0 else { continue }
                let rowI = inv + i &* m
                for k in 0..<m { rowI[k] -= f * rowR[k] }
            }
            done += 1
            pivotsSinceFactor += 1
            if pivotsSinceFactor >= Self.refactorInterval {
                guard factor() else { return .failed }
                computePrimal()
                computeDuals()
                guard makeDualFeasible() else { return .failed }
                computePrimal()
            }
        }
    }

    /// Checks the dual ray of row `r` (ρ in `rho`) before infeasibility is believed:
    /// Σ_j (ρ·a_j) z_j = ρ·(Ax − s) = 0 for every z of the model, whatever ρ, so the leaving
    /// variable times its α equals −Σ α_j z_j over the others, whose range on their boxes must
    /// miss its bounds by more than the rounding of those sums (every α computed again, none
    /// left out as negligible; the basic ones with a bounded box counted too, their α being 0
    /// only up to the inverse's rounding). A row's logical is its activity, so its box is also
    /// the range its columns' boxes give it: a logical with an infinite bound and an α of
    /// rounding noise (1e-16) no longer makes the range infinite, and the rounding is bounded
    /// on each side by the terms of that side, not by 1e-7 of the largest sum (on the national
    /// re-solves, 7 500 rays were doubted that way and their nodes searched as if feasible).
    private func provesInfeasible(row r: Int) -> Bool {
        let leaving = basic[r]
        let pivot = dot(rho, leaving)
        guard pivot > 0.5 else { return false }
        var low = 0.0, high = 0.0
        // What rounding can move each sum by: each α_j = ρ·a_j is a dot product, off by at most
        // a few ulps of Σ|ρ_i a_ij|, times the bound it multiplies on that side.
        var lowSize = 0.0, highSize = 0.0
        for j in 0..<total where j != leaving {
            let a = -dot(rho, j)
            guard a != 0 else { continue }
            var (l, u) = (lower[j], upper[j])
            if j >= columns, !(l.isFinite && u.isFinite) {
                let range = activityRange(row: j - columns)
                l = Swift.max(l, range.low)
                u = Swift.min(u, range.high)
            }
            // A basic one's α is rounding only; left out when its box is unbounded, as the
            // proof always did (it would make the range infinite).
            if position[j] >= 0, !(l.isFinite && u.isFinite) { continue }
            let m = magnitude(rho, j)
            let (forLow, forHigh) = a > 0 ? (l, u) : (u, l)
            low += a * forLow
            high += a * forHigh
            lowSize += m * abs(forLow)
            highSize += m * abs(forHigh)
        }
        let (l, u) = (lower[leaving], upper[leaving])
        let own = magnitude(rho, leaving) * Swift.max(1, abs(l.isFinite ? l : 0), abs(u.isFinite ? u : 0))
        return high < pivot * l - 1e-12 * (highSize + own) || low > pivot * u + 1e-12 * (lowSize + own)
    }

    /// Σ|ρ_i a_ij| for the column of variable j in [A −I].
    private func magnitude(_ rho: UnsafeMutableBufferPointer<Double>, _ j: Int) -> Double {
        if j >= columns { return abs(rho[j &- columns]) }
        var s = 0.0
        for k in columnStart[j]..<columnStart[j &+ 1] { s += abs(rho[entryRow[k]] * entryValue[k]) }
        return s
    }

    /// The matrix by rows (made when a proof first needs it): each row's columns and entries.
    private var byRow: (start: [Int], column: [Int], value: [Double])?

    /// The range of row `i`'s activity (scaled) over its columns' current boxes, each side
    /// widened by a bound on the rounding of its sum: an unbounded column makes that side
    /// infinite.
    private func activityRange(row i: Int) -> (low: Double, high: Double) {
        let byRow = self.byRow ?? matrixByRow()
        var low = 0.0, high = 0.0, lowSize = 0.0, highSize = 0.0
        for e in byRow.start[i]..<byRow.start[i + 1] {
            let a = byRow.value[e], j = byRow.column[e]
            guard a != 0 else { continue }
            let (p, q) = (a * lower[j], a * upper[j])
            let (least, most) = (Swift.min(p, q), Swift.max(p, q))
            low += least
            high += most
            lowSize += abs(least)
            highSize += abs(most)
        }
        return (low - 1e-12 * lowSize - Double.leastNormalMagnitude, high + 1e-12 * highSize + Double.leastNormalMagnitude)
    }

    /// Makes `byRow` from the matrix by columns, and returns it.
    private func matrixByRow() -> (start: [Int], column: [Int], value: [Double]) {
        var start = [Int](repeating: 0, count: rows + 1)
        for e in 0..<columnStart[columns] { start[entryRow[e] + 1] += 1 }
        for r in 0..<rows { start[r + 1] += start[r] }
        var fill = Array(start.prefix(rows))
        var column = [Int](repeating: 0, count: columnStart[columns]), value = [Double](repeating: 0, count: columnStart[columns])
        for j in 0..<columns {
            for e in columnStart[j]..<columnStart[j + 1] {
                column[fill[entryRow[e]]] = j
                value[fill[entryRow[e]]] = entryValue[e]
                fill[entryRow[e]] += 1
            }
        }
        byRow = (start, column, value)
        return (start, column, value)
    }

    /// Inverts the basis from scratch (Gauss–Jordan, partial pivoting); false when singular.
    private func factor() -> Bool {
        dualsFresh = false
        primalFresh = false
        let m = rows
        guard m > 0 else { factored = true; return true }
        var b = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            let j = basic[i]
            // Column i of B is the column of variable j.
            if j >= columns {
                b[(j - columns) * m + i] = -1
            } else {
                for e in columnStart[j]..<columnStart[j + 1] { b[entryRow[e] * m + i] = entryValue[e] }
            }
        }
        var ok = true
        b.withUnsafeMutableBufferPointer { bp in
            guard let bb = bp.baseAddress, let v = inverse.baseAddress else { return }
            for k in 0..<(m * m) { v[k] = 0 }
            for i in 0..<m { v[i * m + i] = 1 }
            for c in 0..<m {
                var p = c, best = abs(bb[c * m + c])
                var i = c + 1
                while i < m { if abs(bb[i * m + c]) > best { best = abs(bb[i * m + c]); p = i }; i += 1 }
                guard best > 1e-11 else { ok = false; return }
                if p != c {
                    for k in 0..<m {
                        swap(&bb[p * m + k], &bb[c * m + k])
                        swap(&v[p * m + k], &v[c * m + k])
                    }
                }
                let f = 1 / bb[c * m + c]
                let bc = bb + c * m, vc = v + c * m
                for k in 0..<m { bc[k] *= f; vc[k] *= f }
                for i in 0..<m where i != c {
                    let g = bb[i * m + c]
                    guard g != 0 else { continue }
                    let bi = bb + i * m, vi = v + i * m
                    for k in c..<m { bi[k] -= g * bc[k] }
                    for k in 0..<m { vi[k] -= g * vc[k] }
                }
            }
        }
        guard ok else { return false }
        pivotsSinceFactor = 0
        factored = true
        return true
    }

    /// x_B = −B⁻¹ N x_N.
    private func computePrimal() {
        let m = rows
        for i in 0..<m { column[i] = 0 }
        for j in 0..<total where position[j] < 0 && value[j] != 0 {
            let x = value[j]
            if j >= columns {
                column[j - columns] -= x
            } else {
                for e in columnStart[j]..<columnStart[j + 1] { column[entryRow[e]] += entryValue[e] * x }
            }
        }
        for i in 0..<m {
            var s = 0.0
            let row = inverse.baseAddress! + i * m
            for k in 0..<m { s += row[k] * column[k] }
            value[basic[i]] = -s
        }
        primalFresh = true
    }

    /// y = c_B B⁻¹ (in `rho`), and every reduced cost from it.
    private func computeDuals() {
        duals(into: rho)
        for j in 0..<total { reduced[j] = position[j] >= 0 ? 0 : cost[j] - dot(rho, j) }
        dualsFresh = true
    }

    /// y = c_B B⁻¹.
    private func duals(into y: UnsafeMutableBufferPointer<Double>) {
        let m = rows
        for k in 0..<m { y[k] = 0 }
        for i in 0..<m {
            let c = cost[basic[i]]
            guard c != 0 else { continue }
            let row = inverse.baseAddress! + i * m
            for k in 0..<m { y[k] += c * row[k] }
        }
    }

    /// A lower bound on the minimum of the LP with the current bounds, from the duals of the
    /// current basis whatever their precision: for any y, c·x = Σ_j (c_j − y·a_j) x_j over every
    /// variable, each term bounded on its box. A variable with an infinite bound where its term
    /// would need it contributes nothing when its reduced cost is negligible, else −∞.
    func safeBound() -> Double {
        duals(into: rho)
        var bound = 0.0
        for j in 0..<total {
            let d = cost[j] - dot(rho, j)
            if d > 0 {
                if lower[j].isFinite { bound += d * lower[j] } else if d > 1e-9 { return -.infinity }
            } else if d < 0 {
                if upper[j].isFinite { bound += d * upper[j] } else if d < -1e-9 { return -.infinity }
            }
        }
        return bound
    }
}
