// SPDX-License-Identifier: GPL-3.0-or-later

/// The candidates that may enter a selection, in the order `ExchangeSearch` tries them, with
/// the least cost and the largest earlier-stage terms of each range of them among those still
/// out: it finds the first candidate after a place whose cost fits in an amount and whose terms
/// reach given floors without looking at the ranges that cannot hold one. Only a filter: the
/// candidate it gives is then checked in full (FINESS, budget rows, balance), and the search
/// goes on after it when it does not fit.
///
/// Its arrays are flat (a node's terms side by side) and a query allocates nothing: the
/// exchanges of a national re-solve ask it some ten thousand times.
struct CandidateTree {
    private let count: Int
    private let size: Int
    private let stages: Int
    private let cost: [Int64]
    /// The earlier stages' terms of each candidate in the order, `stages` per candidate.
    private let value: [Double]
    private var active: [Bool]
    /// Over the active candidates of each node's range: the least cost, the largest terms
    /// (`stages` per node).
    private var minCost: [Int64]
    private var maxValue: [Double]
    /// The floors of the query under way, less their rounding margin.
    private var floor: [Double]

    init(_ search: ExchangeSearch, order: [Int], stages: Int, isActive: (Int) -> Bool) {
        count = order.count
        var size = 1
        while size < max(1, count) { size *= 2 }
        self.size = size
        self.stages = stages
        cost = order.map { search.cost[$0] }
        var value = [Double](repeating: 0, count: count * stages)
        for (k, i) in order.enumerated() { for s in 0..<stages { value[k * stages + s] = search.values[s][i] } }
        self.value = value
        active = order.map(isActive)
        minCost = [Int64](repeating: .max, count: 2 * size)
        maxValue = [Double](repeating: -.infinity, count: 2 * size * stages)
        floor = [Double](repeating: 0, count: stages)
        for k in 0..<count where active[k] {
            minCost[size + k] = cost[k]
            for s in 0..<stages { maxValue[(size + k) * stages + s] = value[k * stages + s] }
        }
        for node in stride(from: size - 1, through: 1, by: -1) { pull(node) }
    }

    private mutating func pull(_ node: Int) {
        minCost[node] = min(minCost[2 * node], minCost[2 * node + 1])
        let (left, right, at) = (2 * node * stages, (2 * node + 1) * stages, node * stages)
        for s in 0..<stages { maxValue[at + s] = max(maxValue[left + s], maxValue[right + s]) }
    }

    private mutating func set(_ k: Int, _ on: Bool) {
        guard active[k] != on else { return }
        active[k] = on
        var node = size + k
        minCost[node] = on ? cost[k] : .max
        for s in 0..<stages { maxValue[node * stages + s] = on ? value[k * stages + s] : -.infinity }
        node /= 2
        while node >= 1 {
            pull(node)
            node /= 2
        }
    }

    /// The candidate at place `k` is taken (it no longer counts).
    mutating func deactivate(_ k: Int) { set(k, false) }
    /// The candidate at place `k` is out again.
    mutating func activate(_ k: Int) { set(k, true) }

    /// The first place in `from..<to` of an active candidate that costs at most `money` and whose
    /// earlier terms reach `need` (one per stage; within a rounding margin, so that no
    /// candidate the full check would take is passed over); nil when there is none.
    mutating func first(from: Int, to: Int, money: Int64, need: [Double]) -> Int? {
        let to = min(to, count)
        guard from < to else { return nil }
        for s in 0..<stages { floor[s] = need[s] - 1e-6 * max(1, abs(need[s])) }
        return find(1, 0, size, from, to, money)
    }

    private func find(_ node: Int, _ low: Int, _ high: Int, _ from: Int, _ to: Int, _ money: Int64) -> Int? {
        if high <= from || low >= to || minCost[node] > money { return nil }
        let at = node * stages
        for s in 0..<stages where maxValue[at + s] < floor[s] { return nil }
        if high - low == 1 { return low }
        let mid = (low + high) / 2
        return find(2 * node, low, mid, from, to, money) ?? find(2 * node + 1, mid, high, from, to, money)
    }
}
