// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import ScenarioModel

/// The models of a selection's re-solves (one candidate forced in or taken out), built once for
/// all of them: the integer stages' model with a row per stage (free until the stage before it
/// fixes it), and the soft-balance stage's sparse model over the same columns and rows.
/// A re-solve then only changes one binary's bounds, the stage rows and the objective of a
/// session (`MIPSession`), instead of building and loading the model again.
struct ResolveModels: Sendable {
    let plan: [(String, [ObjectiveTerm: Double])]
    /// The integer stages' model (no soft balance rows), its stage rows at the end.
    let integer: SelectionModel
    let stageRows: [RowID]
    let stageTerms: [[Term]]
    /// The soft-balance stage's sparse model (its first columns those of `integer`); nil without
    /// a soft balance.
    let balance: LinearModel?
    /// Improves each stage's start by exchanges.
    let exchange: ExchangeSearch
    /// The greedy start of each re-solve (`hint`: the selection's projects, taken first).
    let greedy: GreedyStart
    /// The candidate of each binary column of `integer`.
    let candidateOfColumn: [Int: Int]
    /// Counts each re-solve's soft imbalance.
    let imbalance: SoftImbalance

    init(_ p: SelectionProblem, hint: Set<String>) throws(Selector.Failure) {
        plan = try Selector.stagesPlan(p)
        exchange = ExchangeSearch(p, plan: plan, near: hint)
        greedy = GreedyStart(p, weights: plan.first?.1 ?? [:], hint: hint)
        var sm = SelectionModel(p, withSoftBalance: false)
        let terms = plan.map { Selector.stageTerms($0.1, sm, p) }
        stageRows = zip(plan, terms).map { sm.model.addRow("stage_\($0.0.0)", $0.1, .free) }
        sm.model.setObjective(.maximize, terms: terms.first ?? [])
        integer = sm
        stageTerms = terms
        candidateOfColumn = Dictionary(uniqueKeysWithValues: sm.x.enumerated().map { ($1.index, $0) })
        imbalance = SoftImbalance(p)
        if p.territory.mode == .soft || p.sector.mode == .soft {
            balance = Selector.sparseBalanceModel(p, base: sm.model, x: sm.x)
        } else {
            balance = nil
        }
    }

    /// Records in the integer session the basis each stage's LP starts from: the LP of stage k
    /// with the stages before it held at the selection's `values` (one per integer stage). A
    /// re-solve differs from it by one binary, so its dual simplex starts a few pivots away
    /// instead of from the first stage's optimum (a later stage's LP took some 350 pivots from
    /// there). Each worker records them in the same state and order, so the answers do not
    /// depend on the threads. The rows are left free.
    func recordBases(integer: any MIPSession, values: [Double]) throws(LinearOptimizerError) {
        guard values.count == plan.count else { return }
        defer { for row in stageRows { try? integer.setRowBounds(row, .free) } }
        for k in plan.indices {
            try integer.setObjective(.maximize, terms: stageTerms[k])
            for j in 0..<k { try integer.setRowBounds(stageRows[j], Selector.stageBound(values[j])) }
            try integer.recordBasis(k)
        }
    }

    /// Records in the soft-balance session the basis its stage starts from: every integer
    /// stage held at the selection's `values`. The rows are left free.
    func recordBalanceBasis(_ balance: any MIPSession, values: [Double]) throws(LinearOptimizerError) {
        guard values.count == plan.count else { return }
        defer { for row in stageRows { try? balance.setRowBounds(row, .free) } }
        for (row, value) in zip(stageRows, values) { try balance.setRowBounds(row, Selector.stageBound(value)) }
        try balance.recordBasis(0)
    }
}

/// A session whose starting basis is recorded on its first use, in the state it was opened
/// in: the soft-balance session of a worker, whose stage most removals settle without it
/// (national: 13 of 1 014), where recording it on each worker before its first job took a
/// quarter of a second of the start. The same basis from the same state: the answers do not
/// change.
final class BasisOnFirstUse: MIPSession {
    private let base: any MIPSession
    private var record: ((any MIPSession) -> Void)?

    init(_ base: any MIPSession, record: @escaping (any MIPSession) -> Void) {
        self.base = base
        self.record = record
    }

    private func ready() {
        guard let record else { return }
        self.record = nil
        record(base)
    }

    var model: LinearModel { base.model }
    func setBounds(_ variable: VariableID, lower: Double, upper: Double) throws(LinearOptimizerError) {
        ready()
        try base.setBounds(variable, lower: lower, upper: upper)
    }
    func setBounds(_ changes: [BoundChange]) throws(LinearOptimizerError) {
        ready()
        try base.setBounds(changes)
    }
    func setRowBounds(_ row: RowID, _ bounds: RowBounds) throws(LinearOptimizerError) {
        ready()
        try base.setRowBounds(row, bounds)
    }
    func setObjective(_ sense: OptimizationSense, terms: [Term]) throws(LinearOptimizerError) {
        ready()
        try base.setObjective(sense, terms: terms)
    }
    func solve(options: SolverOptions, start: [Double]?, rounding: IncumbentHeuristic?) throws(LinearOptimizerError) -> SolveResult {
        ready()
        return try base.solve(options: options, start: start, rounding: rounding)
    }
    func recordBasis(_ key: Int) throws(LinearOptimizerError) {
        ready()
        try base.recordBasis(key)
    }
    func startFrom(basis key: Int?) {
        ready()
        base.startFrom(basis: key)
    }
    func startFromLastBasis() {
        ready()
        base.startFromLastBasis()
    }
}

/// A change of a solver session's bounds or rows, made later.
enum SessionChange {
    case bounds([BoundChange])
    case row(RowID, RowBounds)

    func apply(to session: any MIPSession) throws(LinearOptimizerError) {
        switch self {
        case .bounds(let changes): try session.setBounds(changes)
        case .row(let row, let bounds): try session.setRowBounds(row, bounds)
        }
    }
}

extension Selector {
    /// `p` re-solved with candidate `i` fixed in (`forcing`) or out, in the sessions of
    /// `models`: the same stages, starts and options as `solve` on the changed problem (the
    /// soft-balance stage only when taking out, as `Explainer` asks). Nil when the answer
    /// breaks the envelope or a hard balance in cents (`solve` then cuts and solves again).
    /// The sessions are left as they were found.
    ///
    /// `reference` holds the selection's value at each integer stage: a re-solve only restricts
    /// the selection's model (one binary fixed), so while its stages reach those values, the
    /// next stage cannot pass the selection's value either, and a start that reaches it ends
    /// the stage without a search (`SolverOptions.knownBound`).
    func resolve(_ p: SelectionProblem, _ models: ResolveModels, integer: any MIPSession, balance: (any MIPSession)?,
                 candidate i: Int, forcing: Bool, hint: Set<String>, reference: [Double] = []) throws(Failure) -> SelectionResult? {
        var q = p
        q.startHint = hint
        if forcing {
            q.forced.insert(p.candidates[i].id)
            if q.territory.mode == .soft { q.territory.mode = .off }
            if q.sector.mode == .soft { q.sector.mode = .off }
        }
        let softStage = !forcing && models.balance != nil
        guard !softStage || balance != nil else { return nil }
        let sm = models.integer
        let fixed = forcing ? 1.0 : 0.0
        do {
            try integer.setBounds(sm.x[i], lower: fixed, upper: fixed)
        } catch {
            throw .solver(error)
        }
        // The soft-balance session gets the same bounds and rows only when its stage is solved
        // (most removals settle it without a search): its changes wait here, in order.
        var pending: [SessionChange] = softStage ? [.bounds([BoundChange(sm.x[i], lower: fixed, upper: fixed)])] : []
        var balanceChanged = false
        // Columns fixed by the reduced costs of earlier stages' LPs (`ReducedCosts`): a column
        // that cannot move without taking a stage below the value it is now held at keeps its
        // value in every later stage. Exact; their bounds are put back at the end.
        var chainFixed: [Int] = []
        // The same, by candidate: the exchanges leave them as they are.
        var frozen = [Bool](repeating: false, count: p.candidates.count)
        defer {
            for s in [integer] + (balanceChanged ? [balance!] : []) {
                try? s.setBounds(sm.x[i], lower: 0, upper: 1)
                for row in models.stageRows { try? s.setRowBounds(row, .free) }
                try? s.setBounds(chainFixed.map { j in
                    BoundChange(VariableID(j), lower: sm.model.variables[j].lower, upper: sm.model.variables[j].upper)
                })
            }
        }
        func inCents(_ result: SelectionResult) -> SelectionResult? {
            Self.holdsInCents(p, result, cap: p.available) || result.selected.isEmpty ? result : nil
        }
        var start: [Double]? = feasibleStart(q, sm, models.greedy.start(sm, candidate: i, forcing: forcing))
        let clock = ContinuousClock(), began = clock.now
        var stages: [StageResult] = []
        var lastValues: [Double] = []
        var onReference = reference.count == models.plan.count
        var floors: [Double] = []
        for (index, (name, _)) in models.plan.enumerated() {
            if var s = start, let better = models.exchange.improved(sm.x.map { s[$0.index] > 0.5 }, stage: index,
                                                                    floors: floors, fixed: i, frozen: frozen) {
                for (j, x) in sm.x.enumerated() { s[x.index] = better[j] ? 1 : 0 }
                sm.completeTotals(&s)
                start = s
            }
            integer.startFrom(basis: index)
            do {
                try integer.setObjective(.maximize, terms: models.stageTerms[index])
            } catch {
                throw .solver(error)
            }
            let known = models.stageTerms[index].isEmpty ? 0 : onReference ? reference[index] : nil
            // From the second stage on, a start is also made from the stage's LP optimum.
            let base = start
            let stageFloors = floors, stageFrozen = frozen
            let rounding: IncumbentHeuristic? = index == 0 ? nil : { lp in
                guard let chosen = models.exchange.rounded(sm.x.map { lp[$0.index] }, stage: index, floors: stageFloors,
                                                           fixed: i, frozen: stageFrozen) else { return nil }
                var s = base ?? lp
                for (j, x) in sm.x.enumerated() { s[x.index] = chosen[j] ? 1 : 0 }
                sm.completeTotals(&s)
                return s
            }
            let r = try run(sm.model, start: start, began: began, clock: clock, stage: index, term: name,
                            reserve: softStage ? Self.balanceStageReserve : 0, session: integer, knownBound: known,
                            reducedCosts: index < models.plan.count - 1 || softStage, rounding: rounding)
            stages.append(stage(name, r))
            // A stage with no selection ends the re-solve, through the same check in cents as
            // its end: the stage before may have reached its value with a selection the
            // solver's tolerances let over the envelope (0,96 € over 1,68 M€), which made this
            // stage's row impossible to meet; `solve`, with its cuts, then answers.
            guard r.status.hasSolution else { return inCents(finish(p, sm, stages, values: lastValues, imbalance: models.imbalance)) }
            if onReference, let value = r.objectiveValue {
                onReference = Self.reaches(value, reference[index])
            }
            lastValues = r.values
            start = r.values
            let bound = Self.stageBound(r.objectiveValue ?? 0)
            floors.append(bound.interval.0)
            do {
                try integer.setRowBounds(models.stageRows[index], bound)
                if softStage { pending.append(.row(models.stageRows[index], bound)) }
                if let costs = r.rootReducedCosts, let value = r.objectiveValue {
                    let fixings = costs.fixed(reaching: value).filter { $0.column != sm.x[i].index }
                    // Only when the stage's answer keeps every one of them (it reaches the value).
                    if fixings.allSatisfy({ abs(r.values[$0.column] - $0.value) < 0.5 }) {
                        let already = Set(chainFixed)
                        let changes = fixings.filter { !already.contains($0.column) && sm.model.variables[$0.column].lower < sm.model.variables[$0.column].upper }
                            .map { BoundChange(VariableID($0.column), lower: $0.value, upper: $0.value) }
                        try integer.setBounds(changes)
                        if softStage { pending.append(.bounds(changes)) }
                        chainFixed += changes.map(\.variable.index)
                        for c in changes { if let k = models.candidateOfColumn[c.variable.index] { frozen[k] = true } }
                    }
                }
            } catch {
                throw .solver(error)
            }
        }
        let result: SelectionResult
        if softStage, !lastValues.isEmpty, stages.allSatisfy({ $0.status.hasSolution }),
           let settled = try onlyTie(sm, models, integer: integer, values: lastValues, frozen: frozen, fixed: i,
                                     began: began, clock: clock) {
            // No other selection ties with this one on every integer stage: the soft-balance stage
            // has nothing to choose (`finish` gives its exact imbalance).
            stages.append(settled)
            result = finish(p, sm, stages, values: lastValues, imbalance: models.imbalance)
        } else if softStage, let balance, let sparse = models.balance {
            let width = sm.model.variables.count
            let seed = lastValues.isEmpty ? nil : lastValues + [Double](repeating: 0, count: sparse.variables.count - width)
            balanceChanged = true
            do {
                for change in pending { try change.apply(to: balance) }
            } catch {
                throw .solver(error)
            }
            balance.startFrom(basis: 0)
            let r = try run(sparse, start: seed, began: began, clock: clock, stage: models.plan.count, term: "balance",
                            session: balance)
            stages.append(stage("balance", r))
            if r.status.hasSolution { lastValues = Array(r.values.prefix(width)) }
            result = finish(p, sm, stages, values: lastValues, imbalance: models.imbalance)
        } else {
            result = finish(p, sm, stages, values: lastValues, imbalance: models.imbalance)
        }
        return inCents(result)
    }

    /// The soft-balance stage of a re-solve, settled when `values` (its answer after the last
    /// integer stage, every stage row held) is the only selection that reaches every stage (see
    /// `untied`), searched in the integer session with the stage rows as they are. `frozen`
    /// candidates and candidate `i` cannot move there. Nil when another selection may tie.
    func onlyTie(_ sm: SelectionModel, _ models: ResolveModels, integer: any MIPSession, values: [Double], frozen: [Bool],
                 fixed i: Int, began: ContinuousClock.Instant, clock: ContinuousClock) throws(Failure) -> StageResult? {
        // From the basis of the last stage's LP: the same rows and bounds, another objective.
        integer.startFromLastBasis()
        return try untied(sm, values: values, keep: { frozen[$0] || $0 == i }, began: began, clock: clock,
                          stage: models.plan.count, session: integer)
    }

    /// The soft-balance stage settled when `values` is the only selection of `sm` (the integer
    /// stages' model, their rows held at the values reached): the most candidates any other
    /// selection can change (those `keep` leaves out and those fixed by their bounds do not
    /// move) is 0. Searched in `session` when given (its rows as they are), else on `sm`'s model.
    /// Nil when another selection may tie (found, or not ruled out within the stage's node
    /// limit): the stage is then solved.
    func untied(_ sm: SelectionModel, values: [Double], keep: (Int) -> Bool,
                began: ContinuousClock.Instant, clock: ContinuousClock, stage: Int,
                session: (any MIPSession)? = nil) throws(Failure) -> StageResult? {
        var terms: [Term] = []
        var ones = 0
        for (k, x) in sm.x.enumerated() where !keep(k) && sm.model.variables[x.index].lower < sm.model.variables[x.index].upper {
            let selected = values[x.index] > 0.5
            if selected { ones += 1 }
            terms.append(Term(x, selected ? -1 : 1))
        }
        let alone = StageResult(term: "balance", status: .optimal,
                                sentence: "No other selection reaches every earlier stage: its imbalance is the least.",
                                value: nil, bestBound: nil, gap: 0, seconds: 0, nodes: 0, provenByGranularity: false)
        guard !terms.isEmpty else { return alone }
        let same = -Double(ones)
        var searched = sm.model
        do {
            if let session { try session.setObjective(.maximize, terms: terms) } else { searched.setObjective(.maximize, terms: terms) }
        } catch {
            throw .solver(error)
        }
        // The known bound `same + 1` stops the search at the first selection that changes one
        // candidate: the optimum may pass it, but only whether one exists is asked here.
        let r = try run(searched, start: values, began: began, clock: clock, stage: stage, term: "tie",
                        session: session, knownBound: same + 1)
        guard r.status == .optimal, let value = r.objectiveValue, value < same + 0.5 else { return nil }
        var settled = alone
        settled.seconds = r.seconds
        settled.nodes = r.nodeCount
        return settled
    }
}
