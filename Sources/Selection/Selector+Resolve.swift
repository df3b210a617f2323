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
    /// The soft-balance stage: the sparse model solved, the dense one that completes a start's
    /// slacks, and the number of columns they share; nil without a soft balance.
    let balance: (sparse: LinearModel, dense: SelectionModel, width: Int)?

    init(_ p: SelectionProblem) throws(Selector.Failure) {
        plan = try Selector.stagesPlan(p)
        var sm = SelectionModel(p, withSoftBalance: false)
        let terms = plan.map { Selector.stageTerms($0.1, sm, p) }
        stageRows = zip(plan, terms).map { sm.model.addRow("stage_\($0.0.0)", $0.1, .free) }
        sm.model.setObjective(.maximize, terms: terms.first ?? [])
        integer = sm
        stageTerms = terms
        if p.territory.mode == .soft || p.sector.mode == .soft {
            var dense = SelectionModel(p, withSoftBalance: true)
            for row in stageRows { dense.model.addRow(sm.model.rows[row.index].name, sm.model.rows[row.index].terms, .free) }
            balance = (Selector.sparseBalanceModel(p, base: sm.model, x: sm.x), dense, dense.model.variables.count)
        } else {
            balance = nil
        }
    }
}

extension Selector {
    /// `p` re-solved with candidate `i` fixed in (`forcing`) or out, in the sessions of
    /// `models`: the same stages, starts and options as `solve` on the changed problem (the
    /// soft-balance stage only when taking out, as `Explainer` asks). Nil when the answer
    /// breaks the envelope or a hard balance in cents (`solve` then cuts and solves again).
    /// The sessions are left as they were found.
    func resolve(_ p: SelectionProblem, _ models: ResolveModels, integer: any MIPSession, balance: (any MIPSession)?,
                 candidate i: Int, forcing: Bool, hint: Set<String>) throws(Failure) -> SelectionResult? {
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
        let sessions = [integer] + (softStage ? [balance!] : [])
        do {
            for s in sessions { try s.setBounds(sm.x[i], lower: fixed, upper: fixed) }
        } catch {
            throw .solver(error)
        }
        defer {
            for s in sessions {
                try? s.setBounds(sm.x[i], lower: 0, upper: 1)
                for row in models.stageRows { try? s.setRowBounds(row, .free) }
            }
        }
        var start: [Double]? = feasibleStart(q, sm, greedy(q, sm, weights: models.plan.first?.1 ?? [:], budget: p.available,
                                                           skip: forcing ? nil : i))
        let clock = ContinuousClock(), began = clock.now
        var stages: [StageResult] = []
        var lastValues: [Double] = []
        for (index, (name, _)) in models.plan.enumerated() {
            do {
                try integer.setObjective(.maximize, terms: models.stageTerms[index])
            } catch {
                throw .solver(error)
            }
            let r = try run(sm.model, start: start, began: began, clock: clock, stage: index, term: name,
                            reserve: softStage ? Self.balanceStageReserve : 0, session: integer)
            stages.append(stage(name, r))
            guard r.status.hasSolution else { return finish(p, sm, stages, values: lastValues) }
            lastValues = r.values
            start = r.values
            let bound = Self.stageBound(r.objectiveValue ?? 0)
            do {
                for s in sessions { try s.setRowBounds(models.stageRows[index], bound) }
            } catch {
                throw .solver(error)
            }
        }
        let result: SelectionResult
        if softStage, let balance, let b = models.balance {
            let seed = lastValues.isEmpty ? nil
                : completeSlacks(lastValues, b.dense) + [Double](repeating: 0, count: b.sparse.variables.count - b.width)
            let r = try run(b.sparse, start: seed, began: began, clock: clock, stage: models.plan.count, term: "balance",
                            session: balance)
            stages.append(stage("balance", r))
            if r.status.hasSolution { lastValues = Array(r.values.prefix(b.width)) }
            result = finish(p, b.dense, stages, values: lastValues)
        } else {
            result = finish(p, sm, stages, values: lastValues)
        }
        return Self.holdsInCents(p, result, cap: p.available) || result.selected.isEmpty ? result : nil
    }
}

