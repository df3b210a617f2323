// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import ScenarioModel

/// Why a project is in or out of the selection, in one sentence and a stable code.
public struct ProjectExplanation: Sendable {
    public enum Decision: String, Sendable {
        case selected, notSelected = "not-selected", engaged, ineligible, rejected, excluded
        /// Deposited after this committee's cut-off: admissible, for the next committee.
        case laterCommittee = "later-committee"
    }

    public var id: String
    public var decision: Decision
    /// Stable: `selected`, `engaged`, `ineligible`, `rejected`, `excluded-by-committee`, `later-committee`, `not-ready`,
    /// `over-envelope`, `held-by-engaged`, `conflict`, `displaced`, `forcing-infeasible`, `not-computed`.
    public var code: String
    public var reason: String
    public var amount: Money?
    public var finess: Int?
    public var acquisitions: Int?
    /// Conflicts on FINESS: the other project and the FINESS.
    public var conflicts: [(project: String, finess: FINESS)] = []
    /// Displaced: what forcing it in costs (ESSMS, acquisitions, score), from a re-solve.
    public var forcingCost: (finess: Int, acquisitions: Int, score: Int)?
    /// Displaced: the terms of `forcingCost` the objective ranks (lexicographic terms, or terms
    /// of non-zero weight). The others are what the re-solve's selection happens to have among
    /// the selections tied on the objective: facts of that selection, not costs, so the reason
    /// leaves them out.
    public var rankedTerms: [ObjectiveTerm] = [.finess, .acquisition, .score]
    /// Displaced: the selected projects that forcing it in pushes out (from the same re-solve).
    public var dropped: [String] = []
    /// Displaced: the envelope with which it comes in on top of the selection, pushing no one
    /// out (nil when a FINESS it shares with a selected project or a hard balance row forbids it).
    public var envelopeToEnter: Money?
    /// Selected: what removing it frees (money) and what would replace it (from a re-solve).
    public var removal: (freed: Money, finessLost: Int, replacedBy: [String])?
    /// False when the re-solve behind `forcingCost` or `removal` reached its node limit in a stage:
    /// the figures are those of the best selection it found, not proven optimal.
    public var proven = true
    /// `not-computed` because the re-solves' node budget was spent before this project.
    public var budgetSpent = false
}

/// Explains a selection: for each candidate not selected, the first reason that applies; for
/// each selected project, what removing it would free. Re-solves (forcing in, taking out) are
/// made for the projects `asked` for, then up to `resolveLimit` projects of each kind: the
/// candidates left out with the highest priority score first, the selected projects with the
/// lowest score first (ties in the order of the projects).
public struct Explainer: Sendable {
    public var selector: Selector
    public var resolveLimit: Int
    /// Re-solves run side by side on this many threads (the answers do not depend on it).
    public var threads: Int

    /// Nodes each stage of a re-solve may open: past it, the re-solve gives the best selection
    /// it found, marked not proven. A count of nodes, not seconds, so the explanations are the
    /// same on every machine and at every load.
    public var stageNodeLimit: Int
    /// Nodes all the re-solves may open together (nil: `defaultNodeBudget(resolves:)`). They run
    /// in batches of `batchSize`, in the order of the re-solves (see the type); once a batch ends over the budget
    /// no other starts, and the projects left get their reason without its cost
    /// (`not-computed`). Each re-solve is deterministic, so where the budget stops does not
    /// depend on the threads.
    public var nodeBudget: Int?
    static let batchSize = 16
    /// Hears, after each re-solve, how many are done and how many there are (nil: silent). The
    /// re-solves after a spent node budget are not made: the count then stops short.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Projects whose re-solve is made whatever `resolveLimit`, before the others (`select
    /// --explain ID`): a committee member's question about one project, answered exactly without
    /// re-solving the whole committee's.
    public var asked: Set<String> = []

    /// A re-solve's answer, whether every stage was proven, and the nodes it opened.
    enum Resolved: Sendable {
        case forcing(((finess: Int, acquisitions: Int, score: Int), [String])?, proven: Bool, nodes: Int)
        case removal((Money, Int, [String])?, proven: Bool, nodes: Int)

        var nodes: Int {
            switch self {
            case .forcing(_, _, let n), .removal(_, _, let n): return n
            }
        }
    }

    /// Every project re-solved: a limit of each kind no committee reaches (its candidates, at
    /// least 200, the value recorded for a committee before). It was 20 above 400 candidates
    /// while every national project took 11 s on two cores; it takes 8.4–9.8 s now
    /// (Benchmarks/README.md, "The next in line settled sooner"). `--explain-limit` caps it.
    public static func defaultResolveLimit(candidates: Int) -> Int { max(200, candidates) }
    /// Per stage of a re-solve: 500 nodes. An easy committee's re-solves open 1 to 30 nodes in
    /// all; under a hard balance one re-solve opened up to 19 577 nodes in one stage (13 s)
    /// (Benchmarks/README.md, "Explanations under a hard balance").
    public static let defaultStageNodeLimit = 500
    /// 40 000 nodes for all the re-solves, or 100 per re-solve when there are more than 400: about
    /// 30 s of one core under a hard balance, never reached by committees without one. A national
    /// re-solve opens some 45 to 60 nodes on average (Benchmarks/README.md): with a flat 40 000,
    /// `--explain-limit` above about 400 left the later projects `not-computed` without a hard
    /// balance in sight.
    public static func defaultNodeBudget(resolves: Int) -> Int { max(40_000, 100 * resolves) }

    public init(selector: Selector, resolveLimit: Int = 200, threads: Int = ParallelWork.defaultThreads,
                stageNodeLimit: Int = Explainer.defaultStageNodeLimit, nodeBudget: Int? = nil) {
        self.selector = selector
        self.resolveLimit = resolveLimit
        self.threads = max(1, threads)
        self.stageNodeLimit = max(1, stageNodeLimit)
        self.nodeBudget = nodeBudget.map { max(0, $0) }
    }

    public func explain(_ p: SelectionProblem, _ r: SelectionResult,
                        projects: [(id: String, title: String)]) -> [ProjectExplanation] {
        let selected = Set(r.selected)
        let selectedByFINESS = Dictionary(r.selected.flatMap { i in p.candidates[i].finess.map { ($0, p.candidates[i].id) } },
                                          uniquingKeysWith: { a, _ in a })
        let engagedByFINESS = Dictionary(p.engaged.flatMap { c in c.finess.map { ($0, c.id) } }, uniquingKeysWith: { a, _ in a })
        let left = p.available - r.used
        let index = Dictionary(p.candidates.indices.map { (p.candidates[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        let notCandidate = Dictionary(p.notCandidates.map { ($0.id, ($0.code, $0.reason)) }, uniquingKeysWith: { a, _ in a })
        let engagedIDs = Set(p.engaged.map(\.id))
        // The re-solves first, within the limit, run on every core: each is an independent,
        // deterministic solve, gathered by candidate. The projects asked for first (`asked`,
        // outside the limit), then the others by relevance.
        var jobs: [(force: Bool, candidate: Int)] = []
        var forceJobs: [Int] = [], removeJobs: [Int] = []
        for round in 0..<2 {
            // Past the projects asked for, the questions a committee asks first: the candidates
            // left out with the highest priority score, the selected ones with the lowest.
            let named = projects.enumerated().filter { asked.contains($0.element.id) == (round == 0) }
            let relevance = { (k: Int, id: String) -> (Int, Int) in
                guard round == 1, let i = index[id] else { return (0, k) }
                return (selected.contains(i) ? p.candidates[i].score : -p.candidates[i].score, k)
            }
            for (_, (id, _)) in named.sorted(by: { relevance($0.offset, $0.element.id) < relevance($1.offset, $1.element.id) }) {
                guard !engagedIDs.contains(id), notCandidate[id] == nil, let i = index[id] else { continue }
                let c = p.candidates[i]
                let room = round == 0 || (selected.contains(i) ? removeJobs.count : forceJobs.count) < resolveLimit
                if selected.contains(i) {
                    if !p.forced.contains(id), room { removeJobs.append(i) }
                } else if !c.finess.contains(where: { engagedByFINESS[$0] != nil }), c.amount <= p.available,
                          !c.finess.contains(where: { selectedByFINESS[$0] != nil }), room {
                    forceJobs.append(i)
                }
            }
            // Interleaved (a forcing, a removal…) so that a budget spent early leaves both kinds.
            for k in 0..<max(forceJobs.count, removeJobs.count) {
                if k < forceJobs.count { jobs.append((true, forceJobs[k])) }
                if k < removeJobs.count { jobs.append((false, removeJobs[k])) }
            }
            forceJobs = []
            removeJobs = []
        }
        var limited = selector
        limited.stageNodeLimit = stageNodeLimit
        let solver = limited, work = jobs, hint = Set(r.selectedIDs(p))
        // The models of the re-solves are built once; each worker loads them in its own solver
        // sessions, and each re-solve changes one binary's bounds there.
        let models = jobs.isEmpty ? nil : try? ResolveModels(p, hint: hint)
        let stageValues = r.stages.prefix(models?.plan.count ?? 0).compactMap(\.value)
        // Bounds for the re-solves only when every stage of the selection is proven.
        let reference = r.status == .optimal ? stageValues : []
        let total = jobs.count
        var hear: (@Sendable (Int) -> Void)?
        if let report = progress { hear = { done in report(done, total) } }
        let budget = nodeBudget ?? Self.defaultNodeBudget(resolves: jobs.count)
        let solved = ParallelWork.mapInBatches(jobs.count, threads: threads, batchSize: Self.batchSize, budget: budget,
                                               cost: { $0.nodes }, progress: hear) { run in
            Self.withSessions(solver, models, values: stageValues, reference: reference) { sessions in
                run { k in
                    let (force, i) = work[k]
                    return force ? forcing(p, r, i, solver: solver, sessions: sessions, hint: hint)
                        : removal(p, r, i, solver: solver, sessions: sessions, hint: hint)
                }
            }
        }
        let next = solved.firstIndex(where: { $0 == nil }) ?? jobs.count
        var forcedOutcome: [Int: (cost: (finess: Int, acquisitions: Int, score: Int), dropped: [String])?] = [:]
        var removalOutcome: [Int: (freed: Money, finessLost: Int, replacedBy: [String])?] = [:]
        var unproven: Set<Int> = []
        for (k, job) in jobs.enumerated() {
            switch solved[k] {
            case .forcing(let f, let proven, _)?:
                forcedOutcome[job.candidate] = .some(f)
                if !proven { unproven.insert(job.candidate) }
            case .removal(let rm, let proven, _)?:
                removalOutcome[job.candidate] = .some(rm)
                if !proven { unproven.insert(job.candidate) }
            case nil: continue
            }
        }
        let budgetSpent = next < jobs.count
        // The FINESS the selection and the engaged projects hold, gathered once for every project.
        let taken = Set(r.selected.flatMap { p.candidates[$0].finess }).union(p.engagedFINESS)
        var out: [ProjectExplanation] = []
        for (id, _) in projects {
            if engagedIDs.contains(id), let c = p.engaged.first(where: { $0.id == id }) {
                out.append(ProjectExplanation(id: id, decision: .engaged, code: "engaged",
                                              reason: "selected at an earlier committee: fixed in, its \(c.amount.frenchString) count against the envelope",
                                              amount: c.amount, finess: c.finessCount, acquisitions: c.acquisitions))
                continue
            }
            if let (code, reason) = notCandidate[id] {
                let decision: ProjectExplanation.Decision = switch code {
                case "ineligible": .ineligible
                case "rejected": .rejected
                case "later-committee": .laterCommittee
                default: .excluded  // `not-ready`, `excluded-by-committee`
                }
                out.append(ProjectExplanation(id: id, decision: decision, code: code, reason: reason))
                continue
            }
            guard let i = index[id] else { continue }
            let c = p.candidates[i]
            var e = ProjectExplanation(id: id, decision: selected.contains(i) ? .selected : .notSelected, code: "",
                                       reason: "", amount: c.amount, finess: c.finessCount, acquisitions: c.acquisitions)
            if selected.contains(i) {
                e.code = "selected"
                e.reason = "selected: \(c.finessCount) ESSMS (\(c.acquisitions) in acquisition) for \(c.amount.frenchString)"
                if let rm = removalOutcome[i] {
                    e.removal = rm
                    if let rm = e.removal {
                        e.proven = !unproven.contains(i)
                        e.reason += "; removing it frees \(rm.freed.frenchString) and "
                            + (rm.replacedBy.isEmpty ? "brings no other project in" : "brings in \(rm.replacedBy.joined(separator: ", "))")
                            + " (\(rm.finessLost >= 0 ? "−" : "+")\(abs(rm.finessLost)) ESSMS)"
                            + (e.proven ? "" : Self.unprovenClause)
                    }
                } else if p.forced.contains(id) {
                    e.reason += " (forced in by the committee)"
                }
                out.append(e)
                continue
            }
            let engagedConflicts = c.finess.compactMap { f in engagedByFINESS[f].map { ($0, f) } }
            let selectedConflicts = c.finess.compactMap { f in selectedByFINESS[f].map { ($0, f) } }
            if !engagedConflicts.isEmpty {
                e.code = "held-by-engaged"
                e.conflicts = engagedConflicts
                e.reason = "FINESS \(engagedConflicts[0].1) is already funded by engaged project \(engagedConflicts[0].0) (one grant per ESSMS)"
            } else if c.amount > p.available {
                e.code = "over-envelope"
                e.reason = "costs \(c.amount.frenchString) on its own, more than the \(p.available.frenchString) available"
            } else if !selectedConflicts.isEmpty {
                e.code = "conflict"
                e.conflicts = selectedConflicts
                let others = Set(selectedConflicts.map(\.0)).sorted()
                e.reason = "conflicts with selected project\(others.count > 1 ? "s" : "") \(others.joined(separator: ", ")) on FINESS \(selectedConflicts[0].1)"
                    + (selectedConflicts.count > 1 ? " and \(selectedConflicts.count - 1) more" : "")
            } else if let outcome = forcedOutcome[i] {
                if let forced = outcome {
                    e.code = "displaced"
                    e.forcingCost = forced.cost
                    e.rankedTerms = Self.rankedCountTerms(p.objective)
                    e.dropped = forced.dropped
                    e.envelopeToEnter = envelopeToEnter(p, r, i, taken: taken)
                    e.proven = !unproven.contains(i)
                    e.reason = Self.displacedReason(e, cost: forced.cost, available: p.available)
                } else if unproven.contains(i) {
                    e.code = "not-computed"
                    e.proven = false
                    e.reason = "displaced by better projects (cost not computed: the re-solve forcing it in ended without a selection, at its node limit or on a solver failure)"
                } else {
                    e.code = "forcing-infeasible"
                    e.reason = "cannot be selected together with the engaged projects under the balance constraints"
                }
            } else {
                e.code = "not-computed"
                e.reason = c.amount > left ? "does not fit in the \(left.frenchString) left" : "displaced by better projects (cost not computed)"
                if budgetSpent {
                    e.budgetSpent = true
                    e.reason += Self.budgetClause
                }
            }
            out.append(e)
        }
        return out
    }

    /// Appended to a counterfactual whose re-solve reached its node limit.
    static let unprovenClause = " (best selection found by a re-solve stopped at its node limit: not proven optimal)"
    /// Appended to `not-computed` when the re-solves' node budget was spent before the project.
    static let budgetClause = " (the explanation re-solves' node budget was spent before this project)"

    /// What the counterfactual re-solve found, first: who is pushed out and what it costs, then
    /// the envelope with which it would come in without pushing anyone out.
    static func displacedReason(_ e: ProjectExplanation, cost: (finess: Int, acquisitions: Int, score: Int),
                                available: Money) -> String {
        var s = "forcing it in " + (e.dropped.isEmpty ? "pushes no project out" : "pushes out \(e.dropped.joined(separator: ", "))")
        let terms = Self.ranked(e.rankedTerms, [(.finess, cost.finess, "funded ESSMS", "ESSMS"),
                                    (.acquisition, cost.acquisitions, abs(cost.acquisitions) == 1 ? "acquisition" : "acquisitions", "acquisitions"),
                                    (.score, cost.score, abs(cost.score) == 1 ? "score point" : "score points", "score")])
        if !terms.isEmpty {
            s += ": " + Self.balanceSheet(terms.map { ($0.0, $0.1) }, lose: "loses", gain: "gains",
                                          same: "the same " + Self.list(terms.map(\.2), and: "and"))
        }
        if !e.proven { s += unprovenClause }
        if let m = e.envelopeToEnter {
            s += "; it comes in without pushing anyone out with an envelope of \(m.frenchString) (+\((m - available).frenchString))"
        } else {
            s += "; no envelope brings it in on top of the selection (it shares a FINESS with a selected project, or a hard balance forbids it)"
        }
        return s
    }

    /// The count terms (ESSMS, acquisitions, score) `objective` ranks: a lexicographic
    /// objective's terms, a weighted one's terms of non-zero weight.
    public static func rankedCountTerms(_ objective: Objective) -> [ObjectiveTerm] {
        [ObjectiveTerm.finess, .acquisition, .score].filter(objective.rankedTerms.contains)
    }

    /// The entries of `terms` whose term is `ranked`: (change, unit, noun for "the same …").
    public static func ranked(_ ranked: [ObjectiveTerm], _ terms: [(ObjectiveTerm, Int, String, String)]) -> [(Int, String, String)] {
        terms.filter { ranked.contains($0.0) }.map { ($0.1, $0.2, $0.3) }
    }

    /// "a, b and c".
    public static func list(_ items: [String], and: String) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(and) " + items.last!
    }

    /// "loses 1 funded ESSMS, 2 acquisitions; gains 5 score points": the terms a counterfactual
    /// loses (positive) and gains (negative), zeros left out.
    /// With `and`, each list ends with it ("1 ESSMS et 15 points") instead of a comma.
    public static func balanceSheet(_ terms: [(Int, String)], lose: String, gain: String, same: String,
                                    separator: String = "; ", and: String? = nil) -> String {
        let lost = terms.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        let won = terms.filter { $0.0 < 0 }.map { "\(-$0.0) \($0.1)" }
        let join = { (items: [String]) in and.map { list(items, and: $0) } ?? items.joined(separator: ", ") }
        var parts: [String] = []
        if !lost.isEmpty { parts.append("\(lose) " + join(lost)) }
        if !won.isEmpty { parts.append("\(gain) " + join(won)) }
        return parts.isEmpty ? same : parts.joined(separator: separator)
    }

    /// The solver sessions of one worker: the re-solve models loaded once (nil: each re-solve
    /// builds and loads its model).
    struct Sessions {
        let models: ResolveModels
        let integer: any MIPSession
        let balance: (any MIPSession)?
        /// The selection's value at each integer stage.
        var reference: [Double] = []
    }

    /// Runs `body` once, with the sessions of `models` open on this thread when they can be,
    /// their stages' starting bases recorded at the selection's stage `values`, and the proven
    /// stage values of the selection as the re-solves' `reference`.
    static func withSessions(_ selector: Selector, _ models: ResolveModels?, values: [Double], reference: [Double],
                             _ body: (Sessions?) -> Void) {
        guard let models else { return body(nil) }
        func open(_ integer: any MIPSession, _ balance: (any MIPSession)?) {
            try? models.recordBases(integer: integer, values: values)
            let deferred = balance.map { BasisOnFirstUse($0) { try? models.recordBalanceBasis($0, values: values) } }
            body(Sessions(models: models, integer: integer, balance: deferred, reference: reference))
        }
        do {
            try selector.solver.withSession(models.integer.model) { integer in
                guard let b = models.balance else { return open(integer, nil) }
                do {
                    try selector.solver.withSession(b) { balance in open(integer, balance) }
                } catch {
                    open(integer, nil)
                }
            }
        } catch {
            body(nil)
        }
    }

    /// `p` with candidate `i` forced in or taken out, re-solved in the sessions when there are,
    /// else `changed()` (that problem, built only then) from scratch.
    func resolved(_ p: SelectionProblem, _ changed: () -> SelectionProblem, _ i: Int, forcing: Bool, solver: Selector,
                  sessions: Sessions?, hint: Set<String>) -> (result: SelectionResult, problem: SelectionProblem)? {
        if let sessions {
            do {
                if let s = try solver.resolve(p, sessions.models, integer: sessions.integer, balance: sessions.balance,
                                              candidate: i, forcing: forcing, hint: hint, reference: sessions.reference) {
                    return (s, p)
                }
            } catch {
                return nil
            }
        }
        let q = changed()
        return (try? solver.solve(q)).map { ($0, q) }
    }

    /// Objective lost when candidate `i` is forced in, and the selected projects it pushes out.
    /// The lexicographic values do not depend on the soft balance, which ranks after them: the
    /// re-solve leaves that last stage out, and starts from the selection with `i` in.
    func forcing(_ p: SelectionProblem, _ r: SelectionResult, _ i: Int, solver: Selector,
                 sessions: Sessions? = nil, hint: Set<String>) -> Resolved {
        let changed = { () -> SelectionProblem in
            var q = p
            q.forced.insert(p.candidates[i].id)
            if q.territory.mode == .soft { q.territory.mode = .off }
            if q.sector.mode == .soft { q.sector.mode = .off }
            q.startHint = hint
            return q
        }
        guard let (s, solvedProblem) = resolved(p, changed, i, forcing: true, solver: solver, sessions: sessions, hint: hint) else {
            // A solver failure proves nothing: not computed, never "cannot be selected".
            return .forcing(nil, proven: false, nodes: 0)
        }
        let nodes = s.nodes
        guard s.status == .optimal || s.status == .feasible else {
            // Infeasible is proven; a stage stopped without any selection is not.
            return .forcing(nil, proven: s.status == .infeasible, nodes: nodes)
        }
        let kept = Set(s.selectedIDs(solvedProblem))
        return .forcing(((r.finess - s.finess, r.acquisitions - s.acquisitions, r.score - s.score),
                         r.selectedIDs(p).filter { !kept.contains($0) }), proven: s.status == .optimal, nodes: nodes)
    }

    /// The envelope with which candidate `i` is selected on top of the selection: the money used
    /// plus its amount, when it shares no FINESS with the selection and every hard balance row
    /// still holds with it (shares do not depend on the envelope); nil otherwise.
    /// `taken`: the FINESS of the selection and the engaged projects (gathered once by `explain`).
    func envelopeToEnter(_ p: SelectionProblem, _ r: SelectionResult, _ i: Int, taken: Set<FINESS>) -> Money? {
        guard p.candidates[i].finess.allSatisfy({ !taken.contains($0) }) else { return nil }
        guard p.hardBalanceHolds(r.selected + [i]) else { return nil }
        return max(p.available, r.used + p.candidates[i].amount)
    }

    /// What taking candidate `i` out frees and what comes in instead.
    func removal(_ p: SelectionProblem, _ r: SelectionResult, _ i: Int, solver: Selector,
                 sessions: Sessions? = nil, hint: Set<String>) -> Resolved {
        let changed = { () -> SelectionProblem in
            var q = p
            q.candidates.remove(at: i)
            q.startHint = hint
            return q
        }
        guard let (s, solvedProblem) = resolved(p, changed, i, forcing: false, solver: solver, sessions: sessions, hint: hint) else {
            return .removal(nil, proven: false, nodes: 0)
        }
        let nodes = s.nodes
        guard s.status == .optimal || s.status == .feasible else { return .removal(nil, proven: s.status == .infeasible, nodes: nodes) }
        let before = Set(r.selectedIDs(p))
        let came = s.selectedIDs(solvedProblem).filter { !before.contains($0) }
        return .removal((p.candidates[i].amount, r.finess - s.finess, came), proven: s.status == .optimal, nodes: nodes)
    }
}
