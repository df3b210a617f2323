// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// Improves the start of a stage before the solver sees it: projects added where they fit, and
/// one selected project exchanged for one not selected, while the stage's term grows and the
/// earlier stages' terms stay at the values they reached. Every move keeps the envelope and the
/// budget rows in cents, one grant per ESSMS and every hard balance band (as
/// `SelectionProblem.hardBalanceHolds` counts them).
///
/// The explanation re-solves start each stage from the previous stage's optimum, which is
/// rarely optimal for the next term: GLPK then opens its search, whose root costs cut rounds
/// and heuristics even when it ends there. A start that reaches the stage's LP bound, rounded
/// to the objective lattice, settles the stage at the root without a search. The optimum does
/// not depend on the start (only which of several optimal selections is returned may).
struct ExchangeSearch: Sendable {
    let count: Int
    let cost: [Int64]
    /// The term of each integer stage, per candidate.
    let values: [[Double]]
    /// Per candidate, the dense numbers of its FINESS.
    let finess: [[Int]]
    let finessCount: Int
    /// Candidates holding a FINESS an engaged project holds: never selectable.
    let blocked: [Bool]
    let forced: [Bool]
    let cap: Int64
    let budgetRows: [(cap: Int64, members: [Bool])]
    /// Per candidate, the budget rows it belongs to (a move looks at those only).
    let rowsOf: [[Int]]
    let balances: [Balance]
    /// Per stage, the candidates that may enter (never blocked, a positive term), by
    /// decreasing term (ties by index); their terms; and each candidate's place there.
    let entering: [[Int]]
    let enteringTerms: [[Double]]
    let position: [[Int?]]
    /// The totals of the selection the searches start near (the committee's selection, for
    /// its re-solves): a state is made from them and the candidates that differ, instead of
    /// from every selected candidate. Nil without one, or when a stage's terms are not whole
    /// numbers (their sums in another order could differ in the last bits).
    private(set) var near: NearState?

    final class NearState: Sendable {
        let state: State
        init(_ state: State) { self.state = state }
    }

    /// A hard balance in cents: the money of each candidate per key, and the band of each key's share.
    struct Balance: Sendable {
        var low: [Double]
        var high: [Double]
        var engaged: [Int64]
        var money: [[(key: Int, cents: Int64)]]
    }

    init(_ p: SelectionProblem, plan: [(String, [ObjectiveTerm: Double])], near: Set<String> = []) {
        count = p.candidates.count
        cost = p.candidates.map(\.amount.cents)
        values = plan.map { _, weights in
            p.candidates.map { SelectionModel.value(weights, $0) }
        }
        let (finess, numbers) = Self.numbered(p)
        self.finess = finess
        finessCount = numbers.count
        let engaged = p.engagedFINESS
        blocked = p.candidates.map { $0.finess.contains(where: engaged.contains) }
        forced = p.candidates.map { p.forced.contains($0.id) }
        cap = p.available.cents
        let budgetRows = p.budgetRows.map { row in (cap: row.cap.cents, members: p.candidates.map { row.members.contains($0.id) }) }
        self.budgetRows = budgetRows
        rowsOf = p.candidates.indices.map { i in budgetRows.indices.filter { budgetRows[$0].members[i] } }
        var balances: [Balance] = []
        for (spec, money) in [(p.territory, \Candidate.territoryMoney), (p.sector, \Candidate.sectorMoney)] where spec.mode == .hard {
            let index = Dictionary(uniqueKeysWithValues: spec.keys.enumerated().map { ($1, $0) })
            var engagedMoney = [Int64](repeating: 0, count: spec.keys.count)
            for c in p.engaged { for (k, v) in c[keyPath: money] { if let i = index[k] { engagedMoney[i] += v } } }
            balances.append(Balance(
                low: spec.keys.map { (1 - spec.tolerance) * (spec.targets[$0] ?? 0) },
                high: spec.keys.map { (1 + spec.tolerance) * (spec.targets[$0] ?? 0) },
                engaged: engagedMoney,
                money: p.candidates.map { c in
                    c[keyPath: money].compactMap { k, v in index[k].map { (key: $0, cents: v) } }.sorted { $0.key < $1.key }
                }))
        }
        self.balances = balances
        let blocked = self.blocked, values = self.values, count = self.count
        entering = values.map { term in
            (0..<count).filter { !blocked[$0] && term[$0] > 0 }.sorted { term[$0] != term[$1] ? term[$0] > term[$1] : $0 < $1 }
        }
        enteringTerms = zip(values, entering).map { term, order in order.map { term[$0] } }
        position = entering.map { order in
            var at = [Int?](repeating: nil, count: count)
            for (k, i) in order.enumerated() { at[i] = k }
            return at
        }
        let whole = values.allSatisfy { $0.allSatisfy { $0 == $0.rounded() && abs($0) < 1e12 } }
        if !near.isEmpty, whole {
            self.near = NearState(State(search: self, selected: p.candidates.map { near.contains($0.id) }))
        }
    }

    /// `selected` improved for stage `stage`: `floors` are the lowest values the earlier
    /// stages' terms may take, `fixed` a candidate that must keep its value, and so must every
    /// candidate `frozen` marks (when given). Returns nil when
    /// `selected` itself breaks a constraint (the solver's start is then left as it was).
    ///
    /// Passes, at most 20, while a move is made: first every candidate that fits is added, in
    /// the order of `entering`; then each selected candidate, in index order, is exchanged for
    /// the first candidate of `entering` with a larger term that fits in its place. The first
    /// candidate that fits is found in a `CandidateTree` (money and the earlier terms settle most
    /// pairs without a look at them), then checked in full: the same moves as scanning
    /// `entering` from its start, in a fraction of the time (a national re-solve's exchanges
    /// were a quarter of the explanations' CPU).
    func improved(_ selected: [Bool], stage: Int, floors: [Double], fixed: Int?, frozen: [Bool]? = nil) -> [Bool]? {
        var state = State(search: self, selected: selected)
        guard state.holds else { return nil }
        let term = values[stage]
        let order = entering[stage]
        let moves = { (i: Int) in i != fixed && !(frozen?[i] ?? false) }
        var tree = CandidateTree(self, order: order, stages: floors.count) { !state.selected[$0] && moves($0) }
        var passes = 0
        var moved = true
        // What a candidate must bring to each earlier stage (filled in place, move by move).
        var need = [Double](repeating: 0, count: floors.count)
        while moved && passes < 20 {
            moved = false
            passes += 1
            var from = 0
            while true {
                for s in floors.indices { need[s] = floors[s] - state.sums[s] }
                guard let k = tree.first(from: from, to: order.count, money: cap - state.used, need: need) else { break }
                let b = order[k]
                if state.canAdd(b, floors: floors) {
                    state.add(b)
                    tree.deactivate(k)
                    moved = true
                }
                from = k + 1
            }
            for a in 0..<count where state.selected[a] && !forced[a] && moves(a) {
                let above = Self.countAbove(term[a], in: enteringTerms[stage])
                let money = cap - state.used + cost[a]
                for s in floors.indices { need[s] = floors[s] - state.sums[s] + values[s][a] }
                var from = 0
                while let k = tree.first(from: from, to: above, money: money, need: need) {
                    let b = order[k]
                    if state.canSwap(out: a, in: b, stage: stage, floors: floors) {
                        state.remove(a)
                        state.add(b)
                        tree.deactivate(k)
                        if let j = position[stage][a] { tree.activate(j) }
                        moved = true
                        break
                    }
                    from = k + 1
                }
            }
        }
        return state.selected
    }

    /// A start for stage `stage` made from its LP optimum (`relaxation`, one value per
    /// candidate). The LP optimum has a few fractional candidates (as many as the rows it meets
    /// exactly, the envelope and the earlier stages' rows); each rounding is tried: all of
    /// them left out, and each one taken with the others left out. A rounding over the envelope
    /// or a budget row gives up the selected candidate that covers the excess with the least of
    /// this stage's term (every floor kept); one below an earlier stage's floor takes, while it
    /// is below, the candidate that fits and brings the most of that term (up to what is
    /// missing), then the most of this stage's term, then the largest LP value, then the least
    /// money. The best rounding (the first of equals) is then `improved`.
    ///
    /// The LP optimum is within a unit or two of the stage's optimum where the previous stage's
    /// answer, the usual start, can be ten below it (a national removal's acquisition stage),
    /// and the search that follows fixes every column whose reduced cost caps the bound below
    /// its start. Nil when no rounding can be repaired. `fixed` and the candidates `frozen`
    /// marks keep their LP value (a bound of theirs).
    func rounded(_ relaxation: [Double], stage: Int, floors: [Double], fixed: Int?, frozen: [Bool]? = nil) -> [Bool]? {
        guard relaxation.count == count else { return nil }
        let moves = { (i: Int) in i != fixed && !(frozen?[i] ?? false) }
        let whole = State(search: self, selected: relaxation.map { $0 > 1 - 1e-6 })
        guard whole.holds else { return nil }
        let fractional = (0..<count).filter { !whole.selected[$0] && relaxation[$0] > 1e-6 && moves($0) && !blocked[$0] }
        var best: State?
        for up in [nil] + fractional.prefix(Self.roundingsTried).map(Optional.some) {
            var state = whole
            if let up {
                guard finess[up].allSatisfy({ state.taken[$0] == 0 }) else { continue }
                state.add(up)
            }
            guard repair(&state, stage: stage, floors: floors, relaxation: relaxation, moves: moves) else { continue }
            if best == nil || state.sums[stage] > best!.sums[stage] + 1e-9 { best = state }
        }
        guard let best else { return nil }
        return improved(best.selected, stage: stage, floors: floors, fixed: fixed, frozen: frozen)
    }

    /// Fractional candidates of an LP optimum taken one at a time by `rounded`, at most.
    static let roundingsTried = 8

    /// `state` brought within the envelope and the budget rows by giving up one candidate, then
    /// up to every floor by adding candidates (see `rounded`); false when it cannot be.
    private func repair(_ state: inout State, stage: Int, floors: [Double], relaxation: [Double], moves: (Int) -> Bool) -> Bool {
        if !state.withinMoney {
            var drop = -1
            var dropKey = (0.0, Int64(0))
            for a in 0..<count where state.selected[a] && moves(a) && !forced[a] {
                guard state.used - cost[a] <= cap,
                      budgetRows.indices.allSatisfy({ r in state.rowUsed[r] - (budgetRows[r].members[a] ? cost[a] : 0) <= budgetRows[r].cap }),
                      floors.indices.allSatisfy({ state.sums[$0] - values[$0][a] >= floors[$0] }) else { continue }
                let key = (-values[stage][a], -cost[a])
                if drop < 0 || key > dropKey {
                    drop = a
                    dropKey = key
                }
            }
            guard drop >= 0 else { return false }
            state.remove(drop)
        }
        guard state.holds else { return false }
        var added = 0
        while let j = floors.indices.first(where: { state.sums[$0] < floors[$0] }) {
            guard added < count else { return false }
            let missing = floors[j] - state.sums[j]
            var best = -1
            var bestKey = (0.0, 0.0, 0.0, Int64(0))
            for b in 0..<count where !state.selected[b] && moves(b) && values[j][b] > 0 && state.fits(b, floors: floors) {
                let key = (Swift.min(values[j][b], missing), values[stage][b], relaxation[b], -cost[b])
                if best < 0 || key > bestKey {
                    best = b
                    bestKey = key
                }
            }
            guard best >= 0 else { return false }
            state.add(best)
            added += 1
        }
        return true
    }

    /// Each candidate's FINESS by number (0, 1… in the order first met), and the numbers.
    static func numbered(_ p: SelectionProblem) -> (perCandidate: [[Int]], numbers: [FINESS: Int]) {
        var numbers: [FINESS: Int] = [:]
        let perCandidate = p.candidates.map { c in
            c.finess.map { f in
                if let n = numbers[f] { return n }
                numbers[f] = numbers.count
                return numbers.count - 1
            }
        }
        return (perCandidate, numbers)
    }

    /// How many of `terms` (in decreasing order) are above `value`.
    static func countAbove(_ value: Double, in terms: [Double]) -> Int {
        var low = 0, high = terms.count
        while low < high {
            let mid = (low + high) / 2
            if terms[mid] > value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// A selection's totals, changed move by move.
    struct State {
        let search: ExchangeSearch
        var selected: [Bool]
        var used: Int64 = 0
        var rowUsed: [Int64]
        var taken: [Int]
        var sums: [Double]
        var balance: [[Int64]]
        var balanceTotal: [Int64]
        /// FINESS held twice or more, and blocked candidates selected: both 0 when it holds.
        var overTaken = 0
        var blockedSelected = 0

        init(search s: ExchangeSearch, selected: [Bool]) {
            if let base = s.near?.state, base.selected.count == selected.count {
                // The same totals as counted below: whole terms, sums of cents and counts.
                self = base
                for i in 0..<s.count where selected[i] != base.selected[i] {
                    if selected[i] { add(i) } else { remove(i) }
                }
                return
            }
            search = s
            self.selected = selected
            rowUsed = [Int64](repeating: 0, count: s.budgetRows.count)
            taken = [Int](repeating: 0, count: s.finessCount)
            sums = [Double](repeating: 0, count: s.values.count)
            balance = s.balances.map(\.engaged)
            balanceTotal = s.balances.map { $0.engaged.reduce(0, +) }
            for i in 0..<s.count where selected[i] { apply(i, sign: 1) }
        }

        /// Whether the selection keeps the envelope and every budget row.
        var withinMoney: Bool {
            used <= search.cap && zip(rowUsed, search.budgetRows).allSatisfy { $0 <= $1.cap }
        }

        /// Whether the selection keeps every constraint the moves keep.
        var holds: Bool {
            withinMoney && overTaken == 0 && blockedSelected == 0 && balanceHolds(balance, balanceTotal)
        }

        mutating func apply(_ i: Int, sign: Int64) {
            used += sign * search.cost[i]
            for r in search.rowsOf[i] { rowUsed[r] += sign * search.cost[i] }
            for f in search.finess[i] {
                if sign > 0 { if taken[f] == 1 { overTaken += 1 } } else if taken[f] == 2 { overTaken -= 1 }
                taken[f] += Int(sign)
            }
            if search.blocked[i] { blockedSelected += Int(sign) }
            for s in sums.indices { sums[s] += Double(sign) * search.values[s][i] }
            for (b, spec) in search.balances.enumerated() {
                for m in spec.money[i] {
                    balance[b][m.key] += sign * m.cents
                    balanceTotal[b] += sign * m.cents
                }
            }
        }

        mutating func add(_ i: Int) {
            selected[i] = true
            apply(i, sign: 1)
        }

        mutating func remove(_ i: Int) {
            selected[i] = false
            apply(i, sign: -1)
        }

        /// Whether `b` can be added with every floor met.
        func canAdd(_ b: Int, floors: [Double]) -> Bool {
            for (s, floor) in floors.enumerated() where sums[s] + search.values[s][b] < floor { return false }
            return fits(b, floors: floors)
        }

        /// Whether `b` can be added, whatever the floors still missing: the envelope, the budget
        /// rows, one grant per ESSMS, the hard balance bands, and no floor met before falls
        /// below it.
        func fits(_ b: Int, floors: [Double]) -> Bool {
            guard !search.blocked[b], used + search.cost[b] <= search.cap, search.finess[b].allSatisfy({ taken[$0] == 0 }) else { return false }
            for (s, floor) in floors.enumerated() where sums[s] >= floor && sums[s] + search.values[s][b] < floor { return false }
            for r in search.rowsOf[b] where rowUsed[r] + search.cost[b] > search.budgetRows[r].cap { return false }
            return balanceHolds(with: b, without: nil)
        }

        func canSwap(out a: Int, in b: Int, stage: Int, floors: [Double]) -> Bool {
            guard used - search.cost[a] + search.cost[b] <= search.cap else { return false }
            for (s, floor) in floors.enumerated() where sums[s] - search.values[s][a] + search.values[s][b] < floor { return false }
            for f in search.finess[b] where taken[f] > 0 && !search.finess[a].contains(f) { return false }
            for r in search.rowsOf[b] {
                let change = search.cost[b] - (search.budgetRows[r].members[a] ? search.cost[a] : 0)
                if rowUsed[r] + change > search.budgetRows[r].cap { return false }
            }
            return balanceHolds(with: b, without: a)
        }

        func balanceHolds(with b: Int, without a: Int?) -> Bool {
            for (k, spec) in search.balances.enumerated() {
                var total = balanceTotal[k]
                for m in spec.money[b] { total += m.cents }
                if let a { for m in spec.money[a] { total -= m.cents } }
                guard total != 0 else { continue }
                for key in spec.low.indices {
                    var v = balance[k][key]
                    for m in spec.money[b] where m.key == key { v += m.cents }
                    if let a { for m in spec.money[a] where m.key == key { v -= m.cents } }
                    let share = Double(v) / Double(total)
                    if share < spec.low[key] - 1e-9 || share > spec.high[key] + 1e-9 { return false }
                }
            }
            return true
        }

        /// Each key's share within its band, or no money at all (`SelectionProblem.balance`).
        func balanceHolds(_ balance: [[Int64]], _ total: [Int64]) -> Bool {
            for (k, spec) in search.balances.enumerated() where total[k] != 0 {
                for key in spec.low.indices {
                    let share = Double(balance[k][key]) / Double(total[k])
                    if share < spec.low[key] - 1e-9 || share > spec.high[key] + 1e-9 { return false }
                }
            }
            return true
        }
    }
}
