// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import ScenarioModel

/// How the recommended selection changes if the envelope grows by `growth`.
public struct NextInLineChange: Sendable, Hashable {
    /// Growth of the available envelope, exact to the cent: below it the optimum does not improve.
    public var growth: Money
    /// The envelope re-solved: available + growth.
    public var budget: Money
    public var status: SelectionResult.Status
    /// Against the recommended selection.
    public var entering: [String]
    public var leaving: [String]
    public var finess: Int
    public var acquisitions: Int
    public var score: Int
    public var used: Money
    public var deltaFiness: Int
    public var deltaAcquisitions: Int
    public var deltaScore: Int
    /// False when the least-cost solve behind `growth` stopped at its node limit: the selection
    /// does change at `growth`, but a smaller growth may change it already.
    public var proven: Bool = true
}

/// The projects that come in first if the envelope grows, and by how much it must grow.
///
/// Exact rather than sampled: the smallest envelope at which the optimum improves is the least
/// cost of a selection lexicographically better than the current one, i.e. the least of, for
/// each objective term i, min Σ amount·x subject to every earlier term ≥ its value and term
/// i ≥ its value + 1 (the same rows: one grant per ESSMS, hard balance, pins, no budget). The
/// selection is then re-solved at that envelope with `Selector`, and so on from there.
public struct NextInLine: Sendable {
    public var selector: Selector
    /// Distinct changes reported.
    public var changes: Int
    /// Solver calls at most (each minimum-cost solve and each re-solve counts one).
    public var solveLimit: Int

    /// Nodes each least-cost solve may open when the problem has a hard balance; past it, the
    /// cheapest improvement found stands, marked not proven. Deterministic, unlike a time limit.
    /// Without a hard balance the least-cost solve is a covering knapsack that GLPK proves (the
    /// shipped national scenario needs more than 2 000 nodes for it, and gets them); with one,
    /// an unbounded least-cost solve ran for minutes on a committee of 202 candidates.
    public var nodeLimit: Int

    public static let defaultNodeLimit = 1_000

    /// Nodes each least-cost solve may open without a hard balance and without a time limit.
    /// That covering knapsack is proved in a few thousand nodes on the shipped national scenario,
    /// but a generated national committee of 2 000 candidates ran for more than 400 s in it
    /// (Benchmarks/README.md, "Next in line on 2 000 national candidates"); past the limit the
    /// cheapest improvement found stands, marked not proven.
    public static let defaultCoveringNodeLimit = 5_000
    public var coveringNodeLimit = NextInLine.defaultCoveringNodeLimit

    public init(selector: Selector, changes: Int = 3, solveLimit: Int = 16, nodeLimit: Int = NextInLine.defaultNodeLimit) {
        self.selector = selector
        // The re-solve at each envelope: its soft-balance stage only chooses among selections
        // tied on every priority, so it gets the least-cost solves' node limit; without a time
        // limit its integer stages stop at `Frontier.defaultStageNodeLimit` nodes, like a
        // frontier's point (a committee of 200 candidates with a hard sector balance ran next in
        // line for more than three minutes: Benchmarks/README.md, "The soft-balance stage without
        // a time limit"). Such a change is `feasible`, its status says so.
        self.selector.balanceStageNodeLimit = min(selector.balanceStageNodeLimit, max(1, nodeLimit))
        self.selector = Frontier.bounded(self.selector)
        self.selector.settlesUntiedBalance = true
        self.changes = changes
        self.solveLimit = solveLimit
        self.nodeLimit = max(1, nodeLimit)
    }

    public func compute(_ p: SelectionProblem, _ r: SelectionResult) throws(Selector.Failure) -> [NextInLineChange] {
        guard r.status == .optimal || r.status == .feasible, changes > 0 else { return [] }
        let base = Set(r.selectedIDs(p))
        var current = r
        var currentBudget = p.available
        var solves = 0
        var known: [LevelKey: LevelAnswer] = [:]
        var out: [NextInLineChange] = []
        while out.count < changes && solves < solveLimit {
            guard let (cost, proven, cheapest) = try cheapestImprovement(p, current, solves: &solves, known: &known) else { break }
            // Not above the envelope: the current selection is not optimal there, nothing sure to say.
            guard cost > currentBudget, solves < solveLimit else { break }
            let budget = cost
            // The cheapest improvement fits that envelope: the solve starts from it.
            var q = p
            q.startHint = Set(cheapest.map { p.candidates[$0].id })
            let s = try selector.solve(q, budget: budget)
            solves += 1
            guard s.status == .optimal || s.status == .feasible, improves(p, s, over: current) else { break }
            let ids = s.selectedIDs(p)
            let now = Set(ids)
            out.append(NextInLineChange(growth: budget - p.available, budget: budget, status: s.status,
                                        entering: ids.filter { !base.contains($0) },
                                        leaving: r.selectedIDs(p).filter { !now.contains($0) },
                                        finess: s.finess, acquisitions: s.acquisitions, score: s.score, used: s.used,
                                        deltaFiness: s.finess - r.finess, deltaAcquisitions: s.acquisitions - r.acquisitions,
                                        deltaScore: s.score - r.score, proven: proven && out.allSatisfy(\.proven)))
            current = s
            currentBudget = budget
        }
        return out
    }

    /// The objective as levels of (weights over terms), in order.
    static func levels(_ objective: Objective) -> [[ObjectiveTerm: Double]] {
        switch objective {
        case .lexicographic(let terms): return terms.map { [$0: 1] }
        case .weighted(let weights): return [weights]
        }
    }

    static func value(_ level: [ObjectiveTerm: Double], _ r: SelectionResult) -> Double {
        level.reduce(0) { sum, w in
            let v: Int
            switch w.key {
            case .finess: v = r.finess
            case .acquisition: v = r.acquisitions
            case .score: v = r.score
            case .expectedAttaining: v = 0
            }
            return sum + w.value * Double(v)
        }
    }

    /// The least step between two values of a level: the common step of the candidates' values
    /// at that level (1 for counts under integer weights; 0,1 under weights 3, 1 and 0,1), so
    /// that "better by one step" is a row the solver's tolerances cannot meet with a tie; 1e-6
    /// when there is none (a term that is not a count). A step of 1e-6 under weights 3, 1 and
    /// 0,1 let the least-cost solve return a selection tied with the current one, within the
    /// envelope, and next in line came back empty.
    static func step(_ level: [ObjectiveTerm: Double], _ p: SelectionProblem) -> Double {
        let values = p.candidates.map { SelectionModel.value(level, $0) }
        return ObjectiveGranularity.commonStep(of: values) ?? 1e-6
    }

    func improves(_ p: SelectionProblem, _ s: SelectionResult, over r: SelectionResult) -> Bool {
        for level in Self.levels(p.objective) {
            let a = Self.value(level, s), b = Self.value(level, r), tol = Self.step(level, p) / 2
            if a > b + tol { return true }
            if a < b - tol { return false }
        }
        return false
    }

    /// A selection better than `r` at `level` with the earlier levels kept: `r` and the
    /// cheapest candidate left out that brings the level something, shares no FINESS with it or
    /// the engaged projects, and keeps the budget rows and the hard balance; nil when none does.
    /// The least-cost solve starts from it, so that its search prunes by cost from the first node.
    static func improvingStart(_ p: SelectionProblem, _ r: SelectionResult, level: [ObjectiveTerm: Double]) -> [Int]? {
        let taken = Set(r.selected.flatMap { p.candidates[$0].finess }).union(p.engagedFINESS)
        let selected = Set(r.selected)
        let order = p.candidates.indices.filter { i in
            !selected.contains(i) && SelectionModel.value(level, p.candidates[i]) > 0
        }.sorted { p.candidates[$0].amount != p.candidates[$1].amount ? p.candidates[$0].amount < p.candidates[$1].amount : $0 < $1 }
        for i in order where p.candidates[i].finess.allSatisfy({ !taken.contains($0) }) {
            let chosen = r.selected + [i]
            if p.budgetRowsExceeded(by: chosen).isEmpty && p.hardBalanceHolds(chosen) { return chosen }
        }
        return nil
    }

    /// A least-cost solve: its level and the values its rows keep (those of levels 0...level).
    struct LevelKey: Hashable {
        var level: Int
        var values: [Double]
    }

    /// A least-cost solve's answer: proven or not, and its selection when it has one.
    struct LevelAnswer {
        var proven: Bool
        var chosen: [Int]?
    }

    /// The least cost (in cents, from the chosen candidates' amounts) of a selection strictly
    /// better than `r`; nil when none exists at any envelope. A level's solve depends on `r`
    /// only through the values of `r` at that level and the ones before: a solve `known` from an
    /// earlier change with the same values is not made again (from one change to the next only
    /// the last levels' values move, and the first levels' solves came back the same). It counts
    /// as a solve all the same, so that `solveLimit` stops at the same change.
    func cheapestImprovement(_ p: SelectionProblem, _ r: SelectionResult, solves: inout Int,
                             known: inout [LevelKey: LevelAnswer]) throws(Selector.Failure)
        -> (Money, proven: Bool, selection: [Int])? {
        let levels = Self.levels(p.objective)
        var best: Money?
        var bestSelection: [Int] = []
        var proven = true
        for i in levels.indices where solves < solveLimit {
            let key = LevelKey(level: i, values: levels[0...i].map { Self.value($0, r) })
            let answer: LevelAnswer
            if let recalled = known[key] {
                answer = recalled
            } else {
                answer = try leastCost(p, r, level: i, levels: levels)
                known[key] = answer
            }
            solves += 1
            if !answer.proven { proven = false }
            guard let chosen = answer.chosen else { continue }
            let spent = chosen.reduce(Money.zero) { $0 + p.candidates[$1].amount }
            if best == nil || spent < best! {
                best = spent
                bestSelection = chosen
            }
        }
        return best.map { ($0, proven, bestSelection) }
    }

    /// The least-cost selection better than `r` at `levels[i]` with the earlier levels kept.
    func leastCost(_ p: SelectionProblem, _ r: SelectionResult, level i: Int, levels: [[ObjectiveTerm: Double]])
        throws(Selector.Failure) -> LevelAnswer {
        var sm = SelectionModel(p, budget: nil, withSoftBalance: false)
        sm.model.setRowBounds(sm.budgetRow, .free)
        for j in 0...i {
            let level = levels[j]
            var terms: [Term] = []
            for (t, w) in level.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where w != 0 {
                terms += sm.terms(t, p).map { Term($0.variable, $0.coefficient * w) }
            }
            let v = Self.value(level, r), half = Self.step(level, p) / 2
            sm.model.addRow(j < i ? "keep_\(j)" : "improve_\(j)", terms, .greaterOrEqual(j < i ? v - half : v + half))
        }
        let cost = p.candidates.indices.map { Term(sm.x[$0], SelectionModel.euros(p.candidates[$0].amount.cents)) }
        sm.model.setObjective(.minimize, terms: cost)
        var options = SolverOptions(relativeGap: 0)
        options.timeLimit = selector.timeLimit
        options.reducedCostFixing = true
        let start = Self.improvingStart(p, r, level: levels[i]).map { chosen -> [Double] in
            var v = [Double](repeating: 0, count: sm.model.variables.count)
            for c in chosen { v[sm.x[c].index] = 1 }
            sm.completeTotals(&v)
            return v
        }
        if p.territory.mode == .hard || p.sector.mode == .hard {
            options.nodeLimit = nodeLimit
        } else if selector.timeLimit == nil {
            options.nodeLimit = coveringNodeLimit
        }
        let s: SolveResult
        do {
            s = try selector.solver.solve(sm.model, options: options, start: start)
        } catch {
            throw .solver(error)
        }
        return LevelAnswer(proven: s.status == .optimal || s.status == .infeasible,
                           chosen: s.status.hasSolution ? sm.x.indices.filter { s.values[sm.x[$0].index] > 0.5 } : nil)
    }
}
