// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import ScenarioModel

/// One solve of the lexicographic sequence.
public struct StageResult: Sendable {
    /// `finess`, `acquisition`, `score`, `weighted` or `balance` (soft slack, minimised).
    public var term: String
    public var status: SolveStatus
    public var sentence: String
    public var value: Double?
    public var bestBound: Double?
    public var gap: Double?
    public var seconds: Double
    public var nodes: Int?
    public var provenByGranularity: Bool

    /// Whether `stages` are all proven optimal but the soft-balance stage, which has a solution
    /// not proven least.
    public static func onlyBalanceUnproven(_ stages: [StageResult]) -> Bool {
        stages.contains { $0.term == "balance" && $0.status == .feasible }
            && stages.allSatisfy { $0.status == .optimal || ($0.term == "balance" && $0.status == .feasible) }
    }
}

/// The committee's recommended selection.
public struct SelectionResult: Sendable {
    public enum Status: String, Sendable {
        case optimal, feasible, infeasible
        case timeLimit = "time-limit"
        case solverError = "solver-error"
    }

    public var status: Status
    public var sentence: String
    /// Indices into `problem.candidates`, in the problem's order.
    public var selected: [Int]
    public var stages: [StageResult]
    public var used: Money
    public var finess: Int
    public var acquisitions: Int
    public var score: Int
    /// The largest relative gap of the stages (0 when all are proven optimal).
    public var gap: Double
    /// The model of the last stage (what `--export-model` writes).
    public var model: SelectionModel

    public func selectedIDs(_ p: SelectionProblem) -> [String] { selected.map { p.candidates[$0].id } }
    /// Whether every priority stage is proven optimal and only the soft-balance stage is not:
    /// the counts and the score are optimal, the imbalance is the least found.
    public var onlyBalanceUnproven: Bool { StageResult.onlyBalanceUnproven(stages) }
    /// Branch-and-bound nodes opened by all the stages.
    public var nodes: Int { stages.reduce(0) { $0 + ($1.nodes ?? 0) } }
}

/// Solves a `SelectionProblem`: the lexicographic objective by sequential solves (each earlier
/// term fixed at its optimum before the next), or the weighted sum; soft balance slack last.
public struct Selector: Sendable {
    public var solver: any MIPSolver
    public var timeLimit: Double?
    public var relativeGap: Double
    /// Nodes each stage's search may open (nil: no limit). A deterministic bound on the work of
    /// a solve, unlike a time limit: the explanation re-solves use it.
    public var stageNodeLimit: Int?
    /// Without a time limit, the nodes the first stage may open before it has found any
    /// selection meeting the hard constraints; past them the selection ends `time-limit`,
    /// undecided, instead of searching on (a hard balance no selection can meet exactly, which
    /// GLPK cannot prove infeasible). Once a selection is found, the search is not bounded but by
    /// a time limit. A count of nodes, so the answer is the same on every machine.
    public var firstSelectionNodeLimit: Int? = Selector.defaultFirstSelectionNodes
    /// 5 000 nodes: 0.4 s on a committee of 150 candidates, 10 s on one of 300 with eight
    /// départements (Benchmarks/GLPK-TUNING.md, "A selection that cannot be decided").
    public static let defaultFirstSelectionNodes = 5_000
    /// Without a time limit or a stage node limit, the nodes the soft-balance stage may open;
    /// past them the selection keeps the least imbalance found, `feasible`. That stage
    /// minimises continuous slack over the tie set of the priority stages, and its LP
    /// relaxation spreads a fractional selection until the slack is 0, so its bound may never
    /// leave 0: on a committee of 250 candidates (Loire-Atlantique, territory hard at 30 %), it
    /// opened 30 000 nodes in 16 s with the bound still at 0, and `select` never ended
    /// (Benchmarks/README.md, "The soft-balance stage without a time limit"). The priority
    /// stages before it are proven or not as before. A count of nodes, so the answer is the
    /// same on every machine.
    public static let defaultBalanceStageNodes = 5_000
    /// The soft-balance stage's node limit when there is neither a time limit nor a stage node
    /// limit (`defaultBalanceStageNodes` unless an analysis sets its own).
    public var balanceStageNodeLimit = Selector.defaultBalanceStageNodes
    /// Before the soft-balance stage, a search for another selection that ties with the
    /// priority stages' answer; when there is none, that stage has nothing to choose and is
    /// settled without its search (the same selection, proven). Off for the committee's own
    /// selection, whose stages the documents report as solved; on for the next in line, whose
    /// re-solves at larger envelopes rarely tie and spent two thirds of their time in that stage.
    public var settlesUntiedBalance = false

    public init(solver: any MIPSolver = GLPKSolver(), timeLimit: Double? = nil, relativeGap: Double = 0) {
        self.solver = solver
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
    }

    /// The solver behind the selection, for the documents and the audit record.
    public var solverName: String { solver.name }
    public var solverVersion: String { solver.version }
    /// The solver the tool ships (the commands' default).
    public static var defaultSolver: (name: String, version: String) { let s = GLPKSolver(); return (s.name, s.version) }

    public enum Failure: Error, Sendable {
        case unsupportedObjective(String)
        case solver(LinearOptimizerError)
    }

    /// Solves `p` (under `budget` instead of the available envelope when given). The budget and
    /// the hard balance are re-checked in cents after the solve: a selection that the solver's tolerances let over it
    /// (a project one cent too dear) is cut off exactly — a row that forbids that one selection —
    /// and the model solved again.
    public func solve(_ p: SelectionProblem, budget: Money? = nil) throws(Failure) -> SelectionResult {
        let cap = budget ?? p.available
        var cuts: [[Int]] = []
        while true {
            let r = try solveOnce(p, budget: cap, cuts: cuts)
            if Self.holdsInCents(p, r, cap: cap) { return r }
            // Over the envelope with nothing selected (an envelope already overspent): no cut can
            // help, and cutting the empty selection would force one project in.
            if r.selected.isEmpty { return r }
            if cuts.count >= 50 {
                var failed = r
                failed.status = .solverError
                failed.sentence = r.used > cap
                    ? "the solver kept returning selections over the envelope by a few cents (\(r.used - cap)); the model is too close to its tolerances"
                    : "the solver kept returning selections just outside a hard balance band; the model is too close to its tolerances"
                return failed
            }
            cuts.append(r.selected)
        }
    }

    /// Whether `r` keeps, counted in cents, within `cap`, every budget row and every hard balance band.
    static func holdsInCents(_ p: SelectionProblem, _ r: SelectionResult, cap: Money) -> Bool {
        r.used <= cap && p.budgetRowsExceeded(by: r.selected).isEmpty && p.hardBalanceHolds(r.selected)
    }

    /// Adds to `sm` one row per cut: Σ_{i∈S} x_i − Σ_{i∉S} x_i ≤ |S| − 1 forbids exactly selection S.
    static func addCuts(_ cuts: [[Int]], to sm: inout SelectionModel) {
        for (k, cut) in cuts.enumerated() {
            let inside = Set(cut)
            let terms = sm.x.indices.map { Term(sm.x[$0], inside.contains($0) ? 1 : -1) }
            sm.model.addRow("over_budget_cut_\(k + 1)", terms, .lessOrEqual(Double(cut.count - 1)))
        }
    }

    static let expectedAttainingMissing = "the objective 'expected_attaining' needs each candidate's expected ESSMS reaching their usage targets, from the simulation model: use 'esms simulate' or 'esms whatif', which compute it before selecting"

    /// The integer stages of `p`'s objective: each term of a lexicographic objective, or the
    /// weighted sum as one stage.
    static func stagesPlan(_ p: SelectionProblem) throws(Failure) -> [(String, [ObjectiveTerm: Double])] {
        switch p.objective {
        case .lexicographic(let terms):
            if terms.contains(.expectedAttaining), p.candidates.contains(where: { $0.expectedAttaining == nil }) {
                throw .unsupportedObjective(Self.expectedAttainingMissing)
            }
            return terms.map { ($0.rawValue, [$0: 1]) }
        case .weighted(let weights):
            if weights[.expectedAttaining, default: 0] != 0, p.candidates.contains(where: { $0.expectedAttaining == nil }) {
                throw .unsupportedObjective(Self.expectedAttainingMissing)
            }
            return [("weighted", weights)]
        }
    }

    /// The value of each integer stage of `p`'s objective for the candidates `chosen`.
    static func stageValues(_ p: SelectionProblem, _ chosen: [Int]) throws(Failure) -> [Double] {
        try stagesPlan(p).map { _, weights in
            chosen.reduce(0.0) { $0 + SelectionModel.value(weights, p.candidates[$1]) }
        }
    }

    /// The objective terms of one stage over the model's binaries.
    static func stageTerms(_ weights: [ObjectiveTerm: Double], _ sm: SelectionModel, _ p: SelectionProblem) -> [Term] {
        var terms: [Term] = []
        for (t, w) in weights.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where w != 0 {
            terms += sm.terms(t, p).map { Term($0.variable, $0.coefficient * w) }
        }
        return terms
    }

    /// Whether a stage reached `value`, a value known for it beforehand (within the stage rows'
    /// tolerance): the values known for the stages after it then still hold.
    static func reaches(_ value: Double, _ known: Double) -> Bool { abs(value - known) <= 1e-6 * max(1, abs(known)) }

    /// The row that keeps a stage's term at the value it reached, for the stages after it.
    static func stageBound(_ value: Double) -> RowBounds { .greaterOrEqual(value - 1e-6 * max(1, abs(value))) }

    func solveOnce(_ p: SelectionProblem, budget: Money?, cuts: [[Int]] = []) throws(Failure) -> SelectionResult {
        let stagesPlan = try Self.stagesPlan(p)
        let soft = p.territory.mode == .soft || p.sector.mode == .soft
        var sm = SelectionModel(p, budget: budget, withSoftBalance: false)
        Self.addCuts(cuts, to: &sm)
        var stages: [StageResult] = []
        var start: [Double]? = feasibleStart(p, sm, greedy(p, sm, weights: stagesPlan.first?.1 ?? [:], budget: budget ?? p.available))
        let clock = ContinuousClock(), began = clock.now
        var lastValues: [Double] = []
        // Known values hold while every stage before reached its own (the same optimum).
        var known = budget == nil || budget == p.available ? p.knownStageValues.flatMap { $0.count == stagesPlan.count ? $0 : nil } : nil
        for (index, (name, weights)) in stagesPlan.enumerated() {
            let terms = Self.stageTerms(weights, sm, p)
            sm.model.setObjective(.maximize, terms: terms)
            // With a soft balance, the integer stages leave part of the time limit to its stage.
            var r = try run(sm.model, start: start, began: began, clock: clock, stage: index, term: name,
                            reserve: soft ? Self.balanceStageReserve : 0, knownBound: known?[index])
            if let k = known?[index], let v = r.objectiveValue, !Self.reaches(v, k) { known = nil }
            if index == 0, r.status == .timeLimitNoSolution, timeLimit == nil,
               let found = hardBalanceStart(p, sm, budget: budget ?? p.available, cuts: cuts) {
                // The search found no selection meeting the hard balance within its nodes, but the
                // least violation of that balance, searched on its own, is zero: start from it.
                r = try run(sm.model, start: found, began: began, clock: clock, stage: index, term: name,
                            reserve: soft ? Self.balanceStageReserve : 0)
                var result = stage(name, r)
                result.sentence += " (No selection meeting the hard balance was found within the first \(firstSelectionNodeLimit ?? 0) nodes; one was found by minimising the balance's violation, and the search started from it.)"
                stages.append(result)
            } else {
                stages.append(stage(name, r))
            }
            guard r.status.hasSolution else { return finish(p, sm, stages, values: lastValues) }
            lastValues = r.values
            start = r.values
            // Fix this term at the value reached before the next one.
            let value = r.objectiveValue ?? 0
            sm.model.addRow("stage_\(name)", terms, Self.stageBound(value))
        }
        if soft, settlesUntiedBalance, !lastValues.isEmpty,
           let settled = try untied(sm, values: lastValues, keep: { _ in false }, began: began, clock: clock,
                                    stage: stagesPlan.count) {
            stages.append(settled)
            return finish(p, sm, stages, values: lastValues)
        }
        if soft {
            // Last: the least imbalance, on the sparse form of the soft rows (see
            // `sparseBalanceModel`): its first columns are those of `sm`, so the values map back by
            // prefix, and the start's slacks and totals are completed by the solver from its
            // binaries. The dense rows of `SelectionModel` (every candidate in every key's row)
            // are never built: at national scale they took a third of the command.
            let sparse = Self.sparseBalanceModel(p, base: sm.model, x: sm.x)
            let width = sm.model.variables.count
            let seed = lastValues.isEmpty ? nil : lastValues + [Double](repeating: 0, count: sparse.variables.count - width)
            let r = try run(sparse, start: seed, began: began, clock: clock, stage: stagesPlan.count, term: "balance")
            stages.append(stage("balance", r))
            if r.status.hasSolution { lastValues = Array(r.values.prefix(width)) }
            var model = sm
            model.model = sparse
            return finish(p, model, stages, values: lastValues)
        }
        return finish(p, sm, stages, values: lastValues)
    }

    /// The search strategies of each stage (Benchmarks/GLPK-TUNING.md, "Per-stage strategies"):
    /// the first stage starts from the greedy and backtracks to the node of best projection
    /// (depth-first search, used before, could stay for minutes a few units below the optimum
    /// under a hard balance: `SearchStrategy.selectionBestProjection`); the later lexicographic
    /// stages start from the previous optimum, which is often already optimal or nearly, so the work is the proof and best-bound search does it best
    /// (14.8 s → 0.16 s for the acquisition stage of a national instance of 5 000 candidates);
    /// the soft-balance stage minimises continuous slack over the tie set of the earlier
    /// stages, where cuts and the pump cost more LP time than they save. The integer stages use
    /// gomory, cover and clique cuts, not MIR ("Hard balance": 17.2 s → 1.4 s on a committee with
    /// a hard territory and sector balance).
    static func strategies(stage index: Int, term: String) -> [SearchStrategy] {
        if term == "balance" { return [.slackBestBound] }
        return index == 0 ? [.selectionBestProjection] : [.selectionBestBound]
    }

    /// The share of the time limit the integer stages leave to the soft-balance stage. Without
    /// it, integer stages cut by the time limit left that stage 0.5 s: it ended `feasible` at the
    /// root, its bound that of the LP relaxation, which spreads a fractional selection until the
    /// slack is 0 (issue 13: "gap 1").
    static let balanceStageReserve = 0.2

    /// Solves one stage within what is left of the time limit, less `reserve` of it kept for
    /// the stages that follow; with `reducedCosts`, a session's solve returns its LP's reduced
    /// costs (`SolveResult.rootReducedCosts`), for the stages after it.
    func run(_ model: LinearModel, start: [Double]?, began: ContinuousClock.Instant,
             clock: ContinuousClock, stage index: Int, term: String, reserve: Double = 0,
             session: (any MIPSession)? = nil, knownBound: Double? = nil,
             reducedCosts: Bool = false, rounding: IncumbentHeuristic? = nil) throws(Failure) -> SolveResult {
        var options = SolverOptions(relativeGap: relativeGap, strategies: Self.strategies(stage: index, term: term))
        options.nodeLimit = stageNodeLimit
        if term == "balance", stageNodeLimit == nil, timeLimit == nil { options.nodeLimit = balanceStageNodeLimit }
        options.knownBound = knownBound
        // A re-solve's later stages start from the stage before's optimum, improved by
        // exchanges: the feasibility pump, which looks for a first incumbent, cost more than it
        // found there (ARA committee: explanations 1.4–1.5 → 1.1–1.2 s). The first stage keeps it:
        // without it one re-solve of that committee stopped at its node limit (Benchmarks/README.md).
        options.reducedCostFixing = session != nil
        options.reportsReducedCosts = reducedCosts
        if session != nil, index > 0 { options.strategies = options.strategies.map { var s = $0; s.feasibilityPump = false; return s } }
        if index == 0 && timeLimit == nil { options.firstSolutionNodeLimit = firstSelectionNodeLimit }
        if let timeLimit {
            let elapsed = Double(began.duration(to: clock.now).components.seconds)
            options.timeLimit = max(0.5, timeLimit * (1 - reserve) - elapsed)
        }
        do {
            if let session { return try session.solve(options: options, start: start, rounding: rounding) }
            return try solver.solve(model, options: options, start: start)
        } catch {
            throw .solver(error)
        }
    }

    /// The soft-balance stage in an equivalent sparse form. The balance rows of `SelectionModel`
    /// are dense: the total T = E + Σ_p a_p x_p enters every row, so every row has a term for
    /// every candidate (1.09 million entries at 5 000 candidates, where GLPK's simplex needed
    /// 5.8 s for the LP relaxation alone). Here each soft balance gets a free variable T with
    /// one row T − Σ_p a_p x_p = E, and each key's rows hold only the candidates with money in
    /// that key: Σ_p a_pk x_p − f·t_k·T (± slack) ⋛ −E_k, f = 1 ∓ τ. Substituting T gives back
    /// the rows of `SelectionModel.addBalanceRows` exactly: the same feasible selections and
    /// slacks, the same LP relaxation. Columns: those of `base` (the binaries), then the slacks
    /// in `SelectionModel`'s order, then the totals; `base` keeps its rows (budget, one grant
    /// per ESSMS, hard balance, stage rows, cuts). Objective: minimise the total slack.
    static func sparseBalanceModel(_ p: SelectionProblem, base: LinearModel, x: [VariableID]) -> LinearModel {
        var m = base
        let euros = SelectionModel.euros
        let specs = [(p.territory, "terr", \Candidate.territoryMoney), (p.sector, "sect", \Candidate.sectorMoney)]
            .filter { $0.0.mode == .soft }
        var slacks: [[(lo: VariableID, hi: VariableID)]] = []
        for (spec, prefix, money) in specs {
            let bounds = slackBounds(p, spec, money: money)
            slacks.append(zip(spec.keys, bounds).map { k, bound in
                (m.addContinuous("\(prefix)_lo_slack_\(k)", upper: bound.lo), m.addContinuous("\(prefix)_hi_slack_\(k)", upper: bound.hi))
            })
        }
        for (s, (spec, prefix, money)) in specs.enumerated() {
            let total = m.addContinuous("\(prefix)_total", lower: -.infinity)
            let engagedMoneys = p.engaged.map { $0[keyPath: money] }
            let engagedTotal = engagedMoneys.reduce(Int64(0)) { $0 + $1.values.reduce(0, +) }
            var terms = [Term(total, 1)]
            var byKey: [String: [Term]] = [:]
            for (i, c) in p.candidates.enumerated() {
                let a = c[keyPath: money].values.reduce(0, +)
                if a != 0 { terms.append(Term(x[i], -euros(a))) }
                for (k, cents) in c[keyPath: money] where cents != 0 { byKey[k, default: []].append(Term(x[i], euros(cents))) }
            }
            m.addRow("\(prefix)_total", terms, .equal(euros(engagedTotal)))
            for (j, k) in spec.keys.enumerated() {
                let t = spec.targets[k] ?? 0
                let engagedK = engagedMoneys.reduce(Int64(0)) { $0 + ($1[k] ?? 0) }
                let inKey = byKey[k] ?? []
                m.addRow("\(prefix)_lo_\(k)", inKey + [Term(total, -(1 - spec.tolerance) * t), Term(slacks[s][j].lo, 1)],
                         .greaterOrEqual(-euros(engagedK)))
                m.addRow("\(prefix)_hi_\(k)", inKey + [Term(total, -(1 + spec.tolerance) * t), Term(slacks[s][j].hi, -1)],
                         .lessOrEqual(-euros(engagedK)))
            }
        }
        m.setObjective(.minimize, terms: slacks.flatMap { $0.flatMap { [Term($0.lo, 1), Term($0.hi, 1)] } })
        return m
    }

    /// Per key of a soft balance, the largest violation of its lower and upper row over all
    /// selections, in euros: the slack never needs more. With x_p ∈ {0, 1}, the lower row's
    /// violation (1−τ)·t_k·T − A_k = (1−τ)·t_k·E − E_k + Σ_p ((1−τ)·t_k·a_p − a_pk)·x_p is at most
    /// its constant plus the positive coefficients, and likewise for the upper row. Bounded
    /// slack gives GLPK's MIR and cover cuts a bounded continuous part to work with (unbounded,
    /// the LP relaxation spreads fractional selections until every slack is 0 and the stage's
    /// bound stays at 0). A relative margin keeps a start solution computed in floating point
    /// within the bounds.
    static func slackBounds(_ p: SelectionProblem, _ spec: BalanceSpec,
                            money: KeyPath<Candidate, [String: Int64]>) -> [(lo: Double, hi: Double)] {
        let euros = SelectionModel.euros
        // Each candidate's money read once (a key path into a dictionary per key and candidate
        // was a tenth of a national `select`); the sums are those of the rows, in their order.
        let moneys = p.candidates.map { $0[keyPath: money] }
        let totals = moneys.map { euros($0.values.reduce(0, +)) }
        let engagedMoneys = p.engaged.map { $0[keyPath: money] }
        let engagedTotal = engagedMoneys.reduce(0.0) { $0 + euros($1.values.reduce(0, +)) }
        return spec.keys.map { k in
            let t = spec.targets[k] ?? 0
            let engagedK = engagedMoneys.reduce(0.0) { $0 + euros($1[k] ?? 0) }
            var lo = (1 - spec.tolerance) * t * engagedTotal - engagedK
            var hi = engagedK - (1 + spec.tolerance) * t * engagedTotal
            for (c, a) in totals.enumerated() {
                let ak = euros(moneys[c][k] ?? 0)
                lo += max(0, (1 - spec.tolerance) * t * a - ak)
                hi += max(0, ak - (1 + spec.tolerance) * t * a)
            }
            func padded(_ x: Double) -> Double { max(0, x) * (1 + 1e-7) + 0.01 }
            return (padded(lo), padded(hi))
        }
    }

    func stage(_ name: String, _ r: SolveResult) -> StageResult {
        StageResult(term: name, status: r.status, sentence: r.sentence, value: r.objectiveValue, bestBound: r.bestBound,
                    gap: r.gap, seconds: r.seconds, nodes: r.nodeCount, provenByGranularity: r.provenByGranularity)
    }

    /// The result of `stages`, the selection read from `values`; `imbalance`, when given, counts
    /// the soft imbalance (as `SelectionProblem.softImbalance`).
    func finish(_ p: SelectionProblem, _ sm: SelectionModel, _ stages: [StageResult], values: [Double],
                imbalance: SoftImbalance? = nil) -> SelectionResult {
        let selected = values.isEmpty ? [] : sm.x.indices.filter { values[sm.x[$0].index] > 0.5 }
        var stages = stages
        if let b = stages.indices.last(where: { stages[$0].term == "balance" }), stages[b].status.hasSolution, !values.isEmpty {
            // The imbalance of the selection returned, in cents, not that of the solver's point.
            let exact = imbalance?.of(selected) ?? p.softImbalance(selected)
            stages[b].value = exact
            if stages[b].status == .optimal {
                stages[b].bestBound = exact
                stages[b].gap = 0
            } else if let bound = stages[b].bestBound {
                stages[b].bestBound = Swift.min(bound, exact)
                stages[b].gap = abs(exact - Swift.min(bound, exact)) / (abs(exact) + Double.ulpOfOne)
            }
        }
        let statuses = stages.map(\.status)
        let status: SelectionResult.Status
        let sentence: String
        if let failed = stages.first(where: { !$0.status.hasSolution }) {
            switch failed.status {
            case .infeasible: status = .infeasible
            case .timeLimitNoSolution: status = .timeLimit
            default: status = .solverError
            }
            sentence = "stage '\(failed.term)': \(failed.sentence)"
        } else if statuses.allSatisfy({ $0 == .optimal }) {
            status = .optimal
            sentence = "every stage proven optimal"
        } else if StageResult.onlyBalanceUnproven(stages) {
            status = .feasible
            sentence = "every priority stage proven optimal; the soft balance's imbalance is the least found, not proven least"
        } else {
            status = .feasible
            sentence = "a selection was found but not proven optimal in every stage"
        }
        return SelectionResult(status: status, sentence: sentence, selected: selected, stages: stages,
                               used: selected.reduce(Money.zero) { $0 + p.candidates[$1].amount },
                               finess: selected.reduce(0) { $0 + p.candidates[$1].finessCount },
                               acquisitions: selected.reduce(0) { $0 + p.candidates[$1].acquisitions },
                               score: selected.reduce(0) { $0 + p.candidates[$1].score },
                               gap: stages.compactMap(\.gap).max() ?? 0, model: sm)
    }

    /// Nodes the search for a selection meeting the hard balance may open, once the first
    /// stage found none within `firstSelectionNodeLimit` (`hardBalanceStart`).
    public static let hardBalanceStartNodes = 5_000

    /// A selection meeting every row of `sm` (budget, one grant per ESSMS, budget rows, forced
    /// and excluded projects, cuts) and the hard balance in cents, searched as the elastic model
    /// of the diagnosis searches it: the hard rows given a slack, the total slack minimised, which
    /// leads the search to a selection of slack 0 where a feasibility search may wander (region
    /// 75, territory hard by a share map at 50 %: no selection within the first stage's 5 000
    /// nodes, while one exists). Its values over `sm`'s columns, or nil when none was found
    /// within `hardBalanceStartNodes` nodes or the best one still breaks the balance.
    func hardBalanceStart(_ p: SelectionProblem, _ sm: SelectionModel, budget: Money, cuts: [[Int]]) -> [Double]? {
        guard p.territory.mode == .hard || p.sector.mode == .hard else { return nil }
        var em = SelectionModel.elastic(p, budget: budget)
        Self.addCuts(cuts, to: &em)
        var options = SolverOptions(relativeGap: 0)
        options.nodeLimit = Self.hardBalanceStartNodes
        guard let r = try? solver.solve(em.model, options: options, start: nil), r.status.hasSolution else { return nil }
        let chosen = em.x.indices.filter { r.values[em.x[$0].index] > 0.5 }
        let used = chosen.reduce(Int64(0)) { $0 + p.candidates[$1].amount.cents }
        guard used <= budget.cents, p.budgetRowsExceeded(by: chosen).isEmpty, p.hardBalanceHolds(chosen) else { return nil }
        var v = [Double](repeating: 0, count: sm.model.variables.count)
        for i in chosen { v[sm.x[i].index] = 1 }
        sm.completeTotals(&v)
        return v
    }

    /// The greedy start if it meets the hard balance; else the forced projects alone, when they
    /// (with the engaged projects) meet it: GLPK would set aside a start outside a band, and
    /// the first stage would search without an incumbent.
    func feasibleStart(_ p: SelectionProblem, _ sm: SelectionModel, _ greedyStart: [Double]) -> [Double] {
        let chosen = { (v: [Double]) in sm.x.indices.filter { v[sm.x[$0].index] > 0.5 } }
        guard p.territory.mode == .hard || p.sector.mode == .hard, !p.hardBalanceHolds(chosen(greedyStart)) else { return greedyStart }
        var v = [Double](repeating: 0, count: sm.model.variables.count)
        for (i, c) in p.candidates.enumerated() where p.forced.contains(c.id) { v[sm.x[i].index] = 1 }
        guard p.hardBalanceHolds(chosen(v)) else { return greedyStart }
        sm.completeTotals(&v)
        return v
    }

    /// A greedy start: forced projects, then by value per euro, within the budget, every budget
    /// row (a region's own AE, the national call) and the one-grant rule. GLPK checks it against
    /// every row and ignores it if it is not feasible.
    func greedy(_ p: SelectionProblem, _ sm: SelectionModel, weights: [ObjectiveTerm: Double], budget: Money,
                skip: Int? = nil) -> [Double] {
        var v = [Double](repeating: 0, count: sm.model.variables.count)
        var used = Set(p.engagedFINESS)
        var left = budget.cents
        // The sort keys once per candidate: forced first, then the hinted, then by value per euro.
        let rank = p.candidates.map { c in p.forced.contains(c.id) ? 0 : p.startHint.contains(c.id) ? 1 : 2 }
        let ratio = p.candidates.map { SelectionModel.value(weights, $0) / Double(max(1, $0.amount.cents)) }
        let order = p.candidates.indices.sorted { a, b in
            if rank[a] != rank[b] { return rank[a] < rank[b] }
            return ratio[a] != ratio[b] ? ratio[a] > ratio[b] : a < b
        }
        var rowLeft = p.budgetRows.map { $0.cap.cents }
        for i in order where i != skip {
            let c = p.candidates[i]
            guard c.amount.cents <= left, c.finess.allSatisfy({ !used.contains($0) }) else { continue }
            let rows = p.budgetRows.indices.filter { p.budgetRows[$0].members.contains(c.id) }
            guard rows.allSatisfy({ c.amount.cents <= rowLeft[$0] }) else { continue }
            v[sm.x[i].index] = 1
            left -= c.amount.cents
            for r in rows { rowLeft[r] -= c.amount.cents }
            for f in c.finess { used.insert(f) }
        }
        sm.completeTotals(&v)
        return v
    }
}
