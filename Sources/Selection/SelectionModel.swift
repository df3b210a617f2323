// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import ScenarioModel

/// The mixed-integer program of a `SelectionProblem`, with readable names (`x_<project>`,
/// `budget`, `finess_<FINESS>`, `terr_lo_<dept>`, `terr_hi_<dept>`, `sect_lo_<sector>`…) so that
/// an exported model can be re-solved by any solver.
public struct SelectionModel: Sendable {
    public var model: LinearModel
    /// One binary per candidate, in the problem's order.
    public let x: [VariableID]
    /// Slack variables of soft balance rows (empty for hard or off).
    public let slacks: [VariableID]
    public let budgetRow: RowID
    /// Candidates sharing each FINESS row, for explanations.
    public let conflictRows: [(finess: FINESS, candidates: [Int])]
    /// The total of each hard balance, a free column T = E + Σ_p a_p·x_p (see `addHardBalanceRows`):
    /// its column, E (euros) and the candidates' a_p, to complete a start vector.
    public let totals: [(variable: VariableID, engaged: Double, amounts: [(candidate: Int, euros: Double)])]

    /// The elastic model of `p`'s hard balance: its hard rows given a slack (as soft rows), its
    /// soft rows left out (they bind nothing), the total slack minimised. A selection of slack 0
    /// meets the hard balance; the least slack says how far the nearest selection is from it
    /// (the infeasibility diagnosis, and the first stage's start when its search found none).
    public static func elastic(_ p: SelectionProblem, budget: Money?) -> SelectionModel {
        var q = p
        q.territory.mode = p.territory.mode == .hard ? .soft : .off
        q.sector.mode = p.sector.mode == .hard ? .soft : .off
        var m = SelectionModel(q, budget: budget, withSoftBalance: true)
        m.model.setObjective(.minimize, terms: m.slacks.map { Term($0, 1) })
        return m
    }

    /// Builds the model. `withSoftBalance: false` leaves out the soft balance rows (they bind
    /// nothing until the last lexicographic stage, where their slack is minimised).
    public init(_ p: SelectionProblem, budget: Money? = nil, withSoftBalance: Bool = true) {
        var m = LinearModel(name: "selection_\(p.scenario)", sense: .maximize)
        let x = p.candidates.map { m.addBinary("x_\($0.id)") }
        let cap = budget ?? p.available
        budgetRow = m.addRow("budget", p.candidates.indices.map { Term(x[$0], Self.euros(p.candidates[$0].amount.cents)) },
                             .lessOrEqual(Self.euros(cap.cents)))
        for row in p.budgetRows { Self.addBudgetRow(&m, row, p: p, x: x) }
        // One grant per ESSMS: a row per FINESS held by several candidates (identical rows once),
        // and 0 for the candidates holding a FINESS an engaged project holds.
        var holders: [FINESS: [Int]] = [:]
        for (i, c) in p.candidates.enumerated() { for f in c.finess { holders[f, default: []].append(i) } }
        let engaged = p.engagedFINESS
        var seen: Set<[Int]> = []
        var conflicts: [(FINESS, [Int])] = []
        for f in holders.keys.sorted() {
            let list = holders[f]!
            if engaged.contains(f) {
                conflicts.append((f, list))
                m.addRow("finess_\(f.text)", list.map { Term(x[$0], 1) }, .lessOrEqual(0))
            } else if list.count > 1 {
                conflicts.append((f, list))
                if seen.insert(list).inserted { m.addRow("finess_\(f.text)", list.map { Term(x[$0], 1) }, .lessOrEqual(1)) }
            }
        }
        conflictRows = conflicts
        for (i, c) in p.candidates.enumerated() where p.forced.contains(c.id) { m.fix(x[i], to: 1) }
        if let minimum = p.minimumAcquisitions {
            m.addRow("min_acquisition", p.candidates.indices.compactMap { i in
                p.candidates[i].acquisitions == 0 ? nil : Term(x[i], Double(p.candidates[i].acquisitions))
            }, .greaterOrEqual(Double(minimum)))
        }
        // The hard balances first, so that the columns of a model with the soft rows and of one
        // without them share their prefix (the soft-balance stage maps values back by prefix).
        let balances = [(p.territory, "terr", \Candidate.territoryMoney), (p.sector, "sect", \Candidate.sectorMoney)]
        var totals: [(variable: VariableID, engaged: Double, amounts: [(candidate: Int, euros: Double)])] = []
        for (spec, prefix, money) in balances where spec.mode == .hard {
            totals.append(Self.addHardBalanceRows(&m, spec, prefix: prefix, p: p, x: x, money: money))
        }
        var slacks: [VariableID] = []
        for (spec, prefix, money) in balances where spec.mode == .soft && withSoftBalance {
            slacks += Self.addBalanceRows(&m, spec, prefix: prefix, p: p, x: x, money: money)
        }
        self.model = m
        self.x = x
        self.slacks = slacks
        self.totals = totals
    }

    /// Sets the total column of each hard balance from the candidates' values in `v`, so that a
    /// start built from the binaries satisfies the total rows.
    public func completeTotals(_ v: inout [Double]) {
        for t in totals where t.variable.index < v.count {
            v[t.variable.index] = t.amounts.reduce(t.engaged) { $0 + $1.euros * (v[x[$1.candidate].index] > 0.5 ? 1 : 0) }
        }
    }

    /// A hard balance in sparse form: a free column T with one row T − Σ_p a_p·x_p = E, and for each
    /// key k two rows over the candidates with money in k only,
    /// (1−τ)·t_k·T ≤ Σ_p a_pk·x_p + E_k ≤ (1+τ)·t_k·T. Substituting T gives the dense rows of
    /// `addBalanceRows` exactly (the same selections, the same LP relaxation), where every
    /// candidate had a term in every row: at 250 candidates and 20 keys, 10 000 entries instead
    /// of 750, and GLPK's MIR cuts on the dense rows took most of the solve
    /// (Benchmarks/GLPK-TUNING.md, "Hard balance").
    static func addHardBalanceRows(_ m: inout LinearModel, _ spec: BalanceSpec, prefix: String, p: SelectionProblem,
                                   x: [VariableID], money: KeyPath<Candidate, [String: Int64]>)
        -> (variable: VariableID, engaged: Double, amounts: [(candidate: Int, euros: Double)]) {
        let engagedTotal = p.engaged.reduce(Int64(0)) { $0 + $1[keyPath: money].values.reduce(0, +) }
        let total = m.addContinuous("\(prefix)_total", lower: -.infinity)
        var amounts: [(candidate: Int, euros: Double)] = []
        var byKey: [String: [Term]] = [:]
        for (i, c) in p.candidates.enumerated() {
            let a = c[keyPath: money].values.reduce(0, +)
            if a != 0 { amounts.append((i, euros(a))) }
            for (k, cents) in c[keyPath: money] where cents != 0 { byKey[k, default: []].append(Term(x[i], euros(cents))) }
        }
        m.addRow("\(prefix)_total", [Term(total, 1)] + amounts.map { Term(x[$0.candidate], -$0.euros) }, .equal(euros(engagedTotal)))
        for k in spec.keys {
            let t = spec.targets[k] ?? 0
            let engagedK = p.engaged.reduce(Int64(0)) { $0 + ($1[keyPath: money][k] ?? 0) }
            let inKey = (byKey[k] ?? []).sorted { $0.variable.index < $1.variable.index }
            m.addRow("\(prefix)_lo_\(k)", inKey + [Term(total, -(1 - spec.tolerance) * t)], .greaterOrEqual(-euros(engagedK)))
            m.addRow("\(prefix)_hi_\(k)", inKey + [Term(total, -(1 + spec.tolerance) * t)], .lessOrEqual(-euros(engagedK)))
        }
        return (total, euros(engagedTotal), amounts)
    }

    static func euros(_ cents: Int64) -> Double { Double(cents) / 100 }

    /// (1−τ)·t_k·T ≤ A_k ≤ (1+τ)·t_k·T for each key k, A and T over selected and engaged projects.
    static func addBalanceRows(_ m: inout LinearModel, _ spec: BalanceSpec, prefix: String, p: SelectionProblem,
                               x: [VariableID], money: KeyPath<Candidate, [String: Int64]>) -> [VariableID] {
        var slacks: [VariableID] = []
        let total = { (c: Candidate) in c[keyPath: money].values.reduce(0, +) }
        let engagedTotal = p.engaged.reduce(Int64(0)) { $0 + total($1) }
        for k in spec.keys {
            let t = spec.targets[k] ?? 0
            let engagedK = p.engaged.reduce(Int64(0)) { $0 + ($1[keyPath: money][k] ?? 0) }
            for (side, factor) in [("lo", 1 - spec.tolerance), ("hi", 1 + spec.tolerance)] {
                // Σ_p (a_pk − f·t_k·a_p) x_p  ⋛  −(E_k − f·t_k·E)
                var terms: [Term] = []
                for (i, c) in p.candidates.enumerated() {
                    let coefficient = euros(c[keyPath: money][k] ?? 0) - factor * t * euros(total(c))
                    if coefficient != 0 { terms.append(Term(x[i], coefficient)) }
                }
                let rhs = -(euros(engagedK) - factor * t * euros(engagedTotal))
                if spec.mode == .soft {
                    let s = m.addContinuous("\(prefix)_\(side)_slack_\(k)")
                    slacks.append(s)
                    terms.append(Term(s, side == "lo" ? 1 : -1))
                }
                m.addRow("\(prefix)_\(side)_\(k)", terms, side == "lo" ? .greaterOrEqual(rhs) : .lessOrEqual(rhs))
            }
        }
        return slacks
    }

    /// The objective terms of the selection, over the candidate binaries.
    public func terms(_ term: ObjectiveTerm, _ p: SelectionProblem) -> [Term] {
        p.candidates.indices.compactMap { i in
            let v = SelectionModel.value(term, p.candidates[i])
            return v == 0 ? nil : Term(x[i], v)
        }
    }

    /// What candidate `c` brings to an objective of `weights` (one lexicographic stage, or the
    /// weighted sum): Σ weight · term.
    static func value(_ weights: [ObjectiveTerm: Double], _ c: Candidate) -> Double {
        weights.reduce(0) { $0 + $1.value * value($1.key, c) }
    }

    static func value(_ term: ObjectiveTerm, _ c: Candidate) -> Double {
        switch term {
        case .finess: return Double(c.finessCount)
        case .acquisition: return Double(c.acquisitions)
        case .score: return Double(c.score)
        case .expectedAttaining: return c.expectedAttaining ?? 0  // `Selector` refuses it when not provided
        }
    }
}
