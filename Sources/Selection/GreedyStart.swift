// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// `Selector.greedy` for the explanation re-solves of one selection, prepared once: each
/// re-solve differs from the selection's problem by one candidate forced in or taken out, and
/// the greedy start of every one of them sorted the candidates and hashed their ids and FINESS
/// again (a twentieth of a national explanation phase). Here the order of the selection's
/// problem (forced first, then the hinted, then by value per euro) is sorted once, and a forced
/// candidate is moved to its place among the forced; FINESS and budget rows are numbered.
/// The start is the one `greedy` gives on the changed problem, entry for entry.
struct GreedyStart: Sendable {
    private let order: [Int]
    private let rank: [Int]
    private let ratio: [Double]
    private let cost: [Int64]
    private let finess: [[Int]]
    private let engaged: [Bool]
    private let rows: [[Int]]
    private let caps: [Int64]
    private let budget: Int64

    init(_ p: SelectionProblem, weights: [ObjectiveTerm: Double], hint: Set<String>) {
        let rank = p.candidates.map { c in p.forced.contains(c.id) ? 0 : hint.contains(c.id) ? 1 : 2 }
        let ratio = p.candidates.map { SelectionModel.value(weights, $0) / Double(max(1, $0.amount.cents)) }
        order = p.candidates.indices.sorted { a, b in
            if rank[a] != rank[b] { return rank[a] < rank[b] }
            return ratio[a] != ratio[b] ? ratio[a] > ratio[b] : a < b
        }
        self.rank = rank
        self.ratio = ratio
        cost = p.candidates.map(\.amount.cents)
        let (finess, numbers) = ExchangeSearch.numbered(p)
        self.finess = finess
        let held = p.engagedFINESS
        var engaged = [Bool](repeating: false, count: numbers.count)
        for (f, n) in numbers where held.contains(f) { engaged[n] = true }
        self.engaged = engaged
        rows = p.candidates.map { c in p.budgetRows.indices.filter { p.budgetRows[$0].members.contains(c.id) } }
        caps = p.budgetRows.map(\.cap.cents)
        budget = p.available.cents
    }

    /// The greedy start of the selection's problem with candidate `i` forced in (`forcing`) or
    /// skipped, its totals completed in `sm`.
    func start(_ sm: SelectionModel, candidate i: Int, forcing: Bool) -> [Double] {
        var v = [Double](repeating: 0, count: sm.model.variables.count)
        var taken = engaged
        var left = budget
        var rowLeft = caps
        func take(_ j: Int) {
            guard cost[j] <= left, finess[j].allSatisfy({ !taken[$0] }), rows[j].allSatisfy({ cost[j] <= rowLeft[$0] }) else { return }
            v[sm.x[j].index] = 1
            left -= cost[j]
            for r in rows[j] { rowLeft[r] -= cost[j] }
            for f in finess[j] { taken[f] = true }
        }
        // Forced in, `i` ranks first with the forced candidates, by value per euro then index.
        let moved = forcing && rank[i] != 0
        var placed = !moved
        for j in order where j != i || !moved {
            if !placed, rank[j] != 0 || ratio[j] < ratio[i] || (ratio[j] == ratio[i] && j > i) {
                take(i)
                placed = true
            }
            if j != i || forcing { take(j) }
        }
        if !placed { take(i) }
        sm.completeTotals(&v)
        return v
    }
}
