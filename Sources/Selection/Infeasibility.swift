// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import ScenarioModel

/// Why a selection has no solution, and what would make it feasible: never just "infeasible".
public struct InfeasibilityReport: Sendable {
    /// What makes the model infeasible, as a stable code.
    public enum Cause: String, Sendable {
        /// The `hard` balance rows: `keys` says which keys and how far.
        case balance
        /// The forced projects cost more than the envelope.
        case forcedOverEnvelope = "forced-over-envelope"
        /// Two forced projects share a FINESS, or one holds a FINESS of an engaged project.
        case forcedConflict = "forced-conflict"
        /// The minimum number of acquisitions cannot be reached.
        case minimumAcquisitions = "minimum-acquisitions"
        /// Nothing of the above was found (e.g. the solver stopped early).
        case unknown
    }

    /// One balance key outside its range in the least violating selection.
    public struct Key: Sendable, Hashable {
        public var balance: String
        public var key: String
        public var target: Double
        /// Share of the key's money in the elastic selection (selected and engaged projects).
        public var share: Double
        public var money: Money
        /// The tolerance of the scenario.
        public var tolerance: Double
        /// |share − target| / target: the smallest tolerance under which this key's share is in
        /// range; nil when the target is 0 (no tolerance lets money go there).
        public var neededTolerance: Double?
        /// `below` or `above` the range.
        public var side: String
        /// No candidate and no engaged project puts money on this key: its lower bound forces
        /// an empty selection (see the warning printed before the solve).
        public var noFundableCandidate: Bool
    }

    /// The selection re-solved under the suggested tolerances.
    public struct Verification: Sendable {
        public var status: SelectionResult.Status
        public var finess: Int
        public var acquisitions: Int
        public var used: Money
    }

    public var cause: Cause
    public var sentence: String
    /// The sentence in both languages, for the causes that are not the balance (the balance's
    /// French sentence is built from `keys`).
    public var phrase: Phrase?
    /// Keys outside their range, by balance (territory first) and key.
    public var keys: [Key]
    /// Keys of a hard balance with a positive target and no money from any project.
    public var emptyKeys: [(balance: String, key: String)]
    /// Per hard balance: the tolerance that admits the elastic selection (the largest needed
    /// tolerance of its keys, rounded up to 0.1 point).
    public var suggestedTolerances: [(balance: String, tolerance: Double)]
    /// The selection that needs the least tolerance (indices into `problem.candidates`).
    public var elasticSelection: [Int]
    public var verification: Verification?
    /// The analysis stopped at its time budget before it was done (a solve hit its limit, or the
    /// bisection stopped early): the suggested tolerances are proven to admit a selection but may
    /// be larger than needed.
    public var cutShort = false
    /// The analysis's time budget in seconds, when it had one.
    public var timeBudget: Double?
    /// Whether no selection is proven to exist: false when the selection search stopped at its
    /// limit before finding one or proving there is none (status `time-limit`), the keys then
    /// being those no selection found could meet.
    public var provenInfeasible = true
}

/// Explains an infeasible selection: an elastic model (the same model with a slack on each
/// `hard` balance row, total slack minimised) shows which keys cannot be met; its selection
/// bounds the tolerance needed, and a bisection on a uniform relaxation of the hard
/// tolerances (feasibility solves) brings it down to the least one, within 0.05 point. The
/// keys and needed tolerances are read, in cents, from the selection found there. The forced
/// projects are checked first for the causes that no tolerance fixes.
///
/// The whole analysis is bounded by `timeBudget`: the elastic solve, the bisection and the
/// verification share it. A bisection solve cut short without a solution counts as infeasible,
/// so the tolerances found stay ones that are proven to work, if less tight; the report then
/// says it was cut short.
public struct InfeasibilityAnalyzer: Sendable {
    public var selector: Selector
    /// Re-solve the selection under the suggested tolerances to check them.
    public var verify: Bool
    /// Feasibility solves at most to find the least uniform relaxation of the hard tolerances.
    public var bisections: Int
    /// Seconds the whole analysis may take; nil for no bound (then `selector.timeLimit` bounds
    /// each solve, if set).
    public var timeBudget: Double?

    /// The budget when the command gives no time limit: a hard balance that cannot be met gets
    /// its diagnosis within seconds (issue 13: unbounded, it ran for 13 minutes).
    public static let defaultTimeBudget = 10.0

    /// The analyzer for a command's overall `timeLimit` (the default budget when nil): its
    /// solves (the elastic one, the bisections, the verification) share it.
    public static func sharing(timeLimit: Double?, relativeGap: Double, bisections: Int = 12) -> InfeasibilityAnalyzer {
        InfeasibilityAnalyzer(selector: Selector(relativeGap: relativeGap), bisections: bisections,
                              timeBudget: timeLimit ?? defaultTimeBudget)
    }

    public init(selector: Selector, verify: Bool = true, bisections: Int = 12, timeBudget: Double? = nil) {
        self.selector = selector
        self.verify = verify
        self.bisections = bisections
        self.timeBudget = timeBudget
    }

    /// The time left of the budget, and the limit of each solve.
    struct Deadline {
        let budget: Double?
        let fallback: Double?
        let clock = ContinuousClock()
        let began: ContinuousClock.Instant

        init(budget: Double?, fallback: Double?) {
            self.budget = budget
            self.fallback = fallback
            began = clock.now
        }

        /// Seconds left (nil without a budget).
        var remaining: Double? {
            let elapsed = began.duration(to: clock.now).components
            return budget.map { $0 - Double(elapsed.seconds) - Double(elapsed.attoseconds) * 1e-18 }
        }

        /// The limit of a solve that may take `share` of the budget and must leave `reserve` of
        /// it to what follows; nil when no time is left for it.
        func limit(share: Double, reserve: Double = 0) -> Double?? {
            guard let budget, let remaining else { return .some(fallback) }
            let available = remaining - reserve * budget
            guard available > 0.05 else { return nil }
            return .some(min(available, max(0.2, share * budget)))
        }
    }

    /// Keys of each `hard` or `soft` balance with a positive target and no money from any
    /// candidate nor engaged project.
    public static func emptyKeys(_ p: SelectionProblem, modes: Set<BalanceRule.Mode> = [.hard]) -> [(balance: String, key: String)] {
        var out: [(String, String)] = []
        for (spec, money) in [(p.territory, \Candidate.territoryMoney), (p.sector, \Candidate.sectorMoney)] where modes.contains(spec.mode) {
            let funded = Set((p.candidates + p.engaged).flatMap { c in c[keyPath: money].filter { $0.value > 0 }.keys })
            for k in spec.keys where !funded.contains(k) && (spec.targets[k] ?? 0) > 0 { out.append((spec.name, k)) }
        }
        return out
    }

    /// The diagnosis of `p`, infeasible, or `undecided` (its search stopped before it found a
    /// selection or proved there is none): then the report says so and is not `provenInfeasible`.
    public func analyze(_ p: SelectionProblem, budget: Money? = nil, undecided: Bool = false) throws(Selector.Failure) -> InfeasibilityReport {
        var report = try analyzeProblem(p, budget: budget, undecided: undecided)
        report.provenInfeasible = !undecided
        return report
    }

    func analyzeProblem(_ p: SelectionProblem, budget: Money?, undecided: Bool) throws(Selector.Failure) -> InfeasibilityReport {
        let cap = budget ?? p.available
        let empty = Self.emptyKeys(p)
        let deadline = Deadline(budget: timeBudget, fallback: selector.timeLimit)
        var cutShort = false
        if let other = forcedCause(p, cap) {
            return InfeasibilityReport(cause: other.0, sentence: other.1.en, phrase: other.1, keys: [], emptyKeys: empty,
                                       suggestedTolerances: [], elasticSelection: [], verification: nil)
        }
        let hard = [p.territory.mode == .hard, p.sector.mode == .hard]
        let sm = SelectionModel.elastic(p, budget: cap)
        // The elastic solve gets up to half the budget, keeping a quarter for the verification.
        let r = try solve(sm.model, limit: deadline.limit(share: 0.5, reserve: verify ? 0.25 : 0) ?? 0.05)
        guard r.status.hasSolution else {
            if r.status == .timeLimitNoSolution {
                var report = InfeasibilityReport(cause: .unknown, sentence: "", keys: [], emptyKeys: empty, suggestedTolerances: [],
                                                 elasticSelection: [], verification: nil, cutShort: true, timeBudget: timeBudget)
                report.sentence = "the diagnosis found no selection even with the hard balance relaxed before its time limit" + Self.cutShortClause(report)
                return report
            }
            let sentence: Phrase = p.minimumAcquisitions != nil
                ? .fr("aucune sélection n'atteint \(p.minimumAcquisitions ?? 0) acquisitions dans l'enveloppe, même sans tenir compte de l'équilibre",
                      en: "no selection reaches \(p.minimumAcquisitions ?? 0) acquisitions within the envelope, even ignoring the balance")
                : .fr("aucune sélection n'est possible, même en relâchant l'équilibre (\(r.sentence))",
                      en: "no selection fits even with the balance relaxed (\(r.sentence))")
            return InfeasibilityReport(cause: p.minimumAcquisitions != nil ? .minimumAcquisitions : .unknown, sentence: sentence.en,
                                       phrase: sentence, keys: [], emptyKeys: empty, suggestedTolerances: [], elasticSelection: [],
                                       verification: nil)
        }
        // An elastic selection not proven least violating still bounds the tolerance needed.
        if r.status != .optimal { cutShort = true }
        let elastic = sm.x.indices.filter { r.values[sm.x[$0].index] > 0.5 }
        // The elastic selection bounds the tolerance needed; bisect a uniform relaxation of
        // the hard tolerances between the scenario's and that bound, with feasibility solves.
        let specs = [(p.territory, hard[0], \Candidate.territoryMoney), (p.sector, hard[1], \Candidate.sectorMoney)]
        let upper = specs.map { spec, isHard, money in
            isHard ? max(spec.tolerance, Self.worst(p.balance(spec, selected: elastic, money: money)) ?? spec.tolerance) : spec.tolerance
        }
        var selected = elastic
        let fixable = specs.allSatisfy { spec, isHard, money in
            !isHard || !p.balance(spec, selected: elastic, money: money).contains { !$0.within && $0.target == 0 }
        }
        if fixable {
            var lo = 0.0, hi = 1.0
            for _ in 0..<bisections {
                // Each feasibility solve may take an eighth of the budget, a quarter kept for the verification.
                guard let limit = deadline.limit(share: 0.125, reserve: verify ? 0.25 : 0) else {
                    cutShort = true
                    break
                }
                let mid = (lo + hi) / 2
                var relaxed = p
                relaxed.territory.tolerance = p.territory.tolerance + mid * (upper[0] - p.territory.tolerance)
                relaxed.sector.tolerance = p.sector.tolerance + mid * (upper[1] - p.sector.tolerance)
                switch try feasible(relaxed, cap, limit: limit) {
                case .found(let s): hi = mid; selected = s
                case .none: lo = mid
                case .unknown: lo = mid; cutShort = true
                }
                let width = zip(specs, upper).map { ($1 - $0.0.tolerance) * (hi - lo) }.max() ?? 0
                if width < 0.0005 { break }
            }
        }
        let emptySet = Set(empty.map { "\($0.balance)/\($0.key)" })
        var keys: [InfeasibilityReport.Key] = []
        var suggested: [(String, Double)] = []
        for (spec, isHard, money) in specs where isHard {
            let lines = p.balance(spec, selected: selected, money: money)
            for l in lines where !l.within {
                keys.append(.init(balance: spec.name, key: l.key, target: l.target, share: l.share, money: l.money,
                                  tolerance: spec.tolerance, neededTolerance: l.target > 0 ? abs(l.share - l.target) / l.target : nil,
                                  side: l.share < l.low ? "below" : "above",
                                  noFundableCandidate: emptySet.contains("\(spec.name)/\(l.key)")))
            }
            if let worst = Self.worst(lines), worst > spec.tolerance { suggested.append((spec.name, Self.roundUp(worst))) }
        }
        var report = InfeasibilityReport(cause: keys.isEmpty ? .unknown : .balance, sentence: "", keys: keys, emptyKeys: empty,
                                         suggestedTolerances: suggested, elasticSelection: selected, verification: nil,
                                         cutShort: cutShort, timeBudget: timeBudget)
        report.sentence = Self.sentence(report, undecided: undecided) + Self.cutShortClause(report)
        if verify, !suggested.isEmpty, !keys.contains(where: { $0.neededTolerance == nil }) {
            var relaxed = p
            for (name, t) in suggested {
                if name == p.territory.name { relaxed.territory.tolerance = t } else { relaxed.sector.tolerance = t }
            }
            var verifier = selector
            if let remaining = deadline.remaining { verifier.timeLimit = max(0.5, remaining) }
            let s = try verifier.solve(relaxed, budget: budget)
            report.verification = .init(status: s.status, finess: s.finess, acquisitions: s.acquisitions, used: s.used)
        }
        return report
    }

    /// The largest |share − target| / target of the keys outside their range (nil if none, or
    /// only keys of target 0).
    static func worst(_ lines: [BalanceLine]) -> Double? {
        lines.filter { !$0.within && $0.target > 0 }.map { abs($0.share - $0.target) / $0.target }.max()
    }

    /// What a feasibility solve found.
    enum Feasibility {
        /// A selection meeting every row.
        case found([Int])
        /// Proven: no selection meets every row (or the one found is over the envelope in cents).
        case none
        /// The solve stopped at its time limit without a selection: unknown, counted as none.
        case unknown
    }

    /// A selection meeting every row of `p` (hard balance included), most ESSMS first.
    func feasible(_ p: SelectionProblem, _ cap: Money, limit: Double?) throws(Selector.Failure) -> Feasibility {
        var q = p
        if q.territory.mode == .soft { q.territory.mode = .off }
        if q.sector.mode == .soft { q.sector.mode = .off }
        var sm = SelectionModel(q, budget: cap, withSoftBalance: false)
        sm.model.setObjective(.maximize, terms: sm.terms(.finess, q))
        let r = try solve(sm.model, limit: limit)
        guard r.status.hasSolution else { return r.status == .infeasible ? .none : .unknown }
        let chosen = sm.x.indices.filter { r.values[sm.x[$0].index] > 0.5 }
        return chosen.reduce(Money.zero, { $0 + p.candidates[$1].amount }) <= cap ? .found(chosen) : .none
    }

    func solve(_ model: LinearModel, limit: Double?) throws(Selector.Failure) -> SolveResult {
        do {
            return try selector.solver.solve(model, options: SolverOptions(timeLimit: limit, relativeGap: selector.relativeGap), start: nil)
        } catch {
            throw .solver(error)
        }
    }

    /// "; the diagnosis was cut short…" when it was, else "".
    static func cutShortClause(_ r: InfeasibilityReport) -> String {
        guard r.cutShort else { return "" }
        let limit = r.timeBudget.map { " (\($0 == $0.rounded() && $0 < 1e9 ? String(Int($0)) : String($0)) s)" } ?? ""
        return "; the diagnosis was cut short by its time limit\(limit): the suggested tolerances are proven to admit a selection but may be larger than needed (a larger --time-limit tightens them)"
    }

    /// Up to 0.001 above, so that the rounded tolerance still admits the selection.
    static func roundUp(_ x: Double) -> Double { ((x * 1000) - 1e-9).rounded(.up) / 1000 }

    static func sentence(_ r: InfeasibilityReport, undecided: Bool = false) -> String {
        guard !r.keys.isEmpty else {
            return undecided
                ? "the diagnosis found a selection meeting every key of the hard balance: a longer search (--time-limit) should find one"
                : "the hard balance is not the cause: the least violating selection meets every key"
        }
        var parts: [String] = []
        for (name, t) in r.suggestedTolerances {
            let ks = r.keys.filter { $0.balance == name }.map(\.key).joined(separator: ", ")
            parts.append(undecided
                ? "\(name) balance: no selection found meets \(ks), though none is proven impossible; a tolerance of \(percent(t)) admits a selection"
                : "\(name) balance: \(ks) cannot be met; a tolerance of \(percent(t)) would admit a selection")
        }
        let zero = r.keys.filter { $0.neededTolerance == nil }
        if !zero.isEmpty {
            parts.append("target 0 for \(zero.map { "\($0.balance) \($0.key)" }.joined(separator: ", ")) while money must go there: give them a positive target or use mode soft")
        }
        let empty = r.keys.filter(\.noFundableCandidate)
        if !empty.isEmpty {
            parts.append("no fundable candidate for \(empty.map { "\($0.balance) \($0.key)" }.joined(separator: ", ")) (see the warning above): its lower bound can only be met by funding nothing")
        }
        return parts.joined(separator: "; ")
    }

    static func percent(_ x: Double) -> String {
        let tenths = Int((x * 1000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10) %" : "\(tenths / 10).\(tenths % 10) %"
    }

    /// Causes that do not depend on the balance: forced projects over the envelope or in conflict.
    func forcedCause(_ p: SelectionProblem, _ cap: Money) -> (InfeasibilityReport.Cause, Phrase)? {
        let forced = p.candidates.filter { p.forced.contains($0.id) }
        let cost = forced.reduce(Money.zero) { $0 + $1.amount }
        if cost > cap && forced.isEmpty {
            // No pin at all: the envelope itself is spent before this committee.
            return (.forcedOverEnvelope, .fr("l'enveloppe est déjà dépassée avant ce comité (\(cap.frenchString) disponibles) : aucun projet ne peut être retenu",
                                             en: "the envelope is already overspent before this committee (\(cap.frenchString) available): no project can be selected"))
        }
        if cost > cap {
            let ids = forced.map(\.id).joined(separator: ", ")
            return (.forcedOverEnvelope, .fr("les projets imposés (\(ids)) coûtent \(cost.frenchString), plus que les \(cap.frenchString) disponibles",
                                             en: "the forced projects (\(ids)) cost \(cost.frenchString), more than the \(cap.frenchString) available"))
        }
        var holder: [FINESS: String] = Dictionary(p.engaged.flatMap { c in c.finess.map { ($0, c.id) } }, uniquingKeysWith: { a, _ in a })
        for c in forced {
            for f in c.finess {
                if let other = holder[f] {
                    return (.forcedConflict, .fr("le projet imposé \(c.id) et le projet \(other) comprennent tous deux le FINESS \(f.text) (un seul financement par ESSMS)",
                                                 en: "forced project \(c.id) and project \(other) both hold FINESS \(f.text) (one grant per ESSMS)"))
                }
                holder[f] = c.id
            }
        }
        return nil
    }
}
