// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// What one region gave, received and funded under a policy. `released` and `received` are
/// net of each other: a region's own unengaged AE pays for its own funded projects first, what
/// is left of it is released to the others, what its projects get beyond it is received.
public struct RegionOutcome: Sendable, Hashable {
    public var account: RegionAccount
    /// prorata-essms: the region's share of the pooled leftovers (nil for the other policies).
    public var share: Money?
    /// Funded candidates of the region's desk, in the problem's order.
    public var projects: [String]
    public var finess: Int
    public var acquisitions: Int
    public var funded: Money

    public var ownUse: Money { min(funded, account.available) }
    public var released: Money { account.available - ownUse }
    public var received: Money { funded - ownUse }
}

/// The national call under a policy.
public struct NationalCallOutcome: Sendable, Hashable {
    public var available: Money
    public var used: Money
    public var projects: [String]
    public var finess: Int
    public var acquisitions: Int
    public var left: Money { available - used }
}

/// One selection solved by a policy (`national`, or `regions` then `leftovers`).
public struct RedeploymentRound: Sendable {
    public var name: String
    public var problem: SelectionProblem
    public var result: SelectionResult
}

/// The outcome of a redeployment policy.
public struct RedeploymentResult: Sendable {
    public var policy: RedeploymentPolicy
    public var status: SelectionResult.Status
    public var sentence: String
    public var rounds: [RedeploymentRound]
    /// Every candidate funded, in the problem's order.
    public var selected: [String]
    public var regions: [RegionOutcome]
    /// Nil when the scenario gives no national call.
    public var nationalCall: NationalCallOutcome?
    public var finess: Int
    public var acquisitions: Int
    public var score: Int
    /// The regions' pool (Σ available unengaged AE) and what the regional-desk projects used of it.
    public var pool: Money
    public var usedRegional: Money
    /// ESSMS held by the `engaged` projects of the scenario.
    public var engagedFiness: Int
    /// When a round is infeasible: which one, and why (the diagnosis `select` gives).
    public var infeasibility: RedeploymentInfeasibility?

    /// Regional AE still unengaged after the redeployment.
    public var leftUnengaged: Money { pool - usedRegional }
    /// Regional money plus the national call used.
    public var used: Money { usedRegional + (nationalCall?.used ?? .zero) }
}

/// The diagnosis of a redeployment round that has no selection satisfying its hard rows.
public struct RedeploymentInfeasibility: Sendable {
    public var round: String
    public var problem: SelectionProblem
    public var report: InfeasibilityReport
}

/// The national result indicators of the programme (RULES.md §5).
public enum NationalIndicators {
    public static let essmsFunded = 29_000
    public static let activeDUI = 410_000
}

/// Runs the redeployment policies on a `RedeploymentProblem` with the committee's selector
/// (same model and lexicographic objective as `select`).
public struct Redeployer: Sendable {
    public var selector: Selector

    public init(selector: Selector = Selector()) { self.selector = selector }

    /// Regional money caps of one selection round.
    enum RegionalCaps {
        /// One row for all regional-desk candidates.
        case pooled(Money)
        /// One row per region for its desk's candidates.
        case perRegion([String: Money])

        var total: Money {
            switch self {
            case .pooled(let m): return m
            case .perRegion(let caps): return caps.values.reduce(.zero, +)
            }
        }
    }

    /// Which of the scenario's balance rows a round carries.
    enum BalanceUse {
        /// None: each region within its own money (no hard balance declared).
        case none
        /// The hard rows only: per-region rounds solved jointly so that the national hard balance
        /// holds after every round (docs/REDEPLOYMENT.md).
        case hardOnly
        /// Every declared row, hard and soft (national rounds).
        case declared
    }

    /// Whether the scenario declares a hard balance (region or sector).
    static func hasHardBalance(_ p: RedeploymentProblem) -> Bool { p.region.mode == .hard || p.sector.mode == .hard }

    public func run(_ p: RedeploymentProblem, policy: RedeploymentPolicy) throws(Selector.Failure) -> RedeploymentResult {
        var rounds: [RedeploymentRound] = []
        var shares: [String: Money]?
        let call = p.nationalCallAvailable
        let hard = Self.hasHardBalance(p)
        switch policy {
        case .pooled:
            if let r = try round("national", p, p.candidates, fixed: p.engaged, .pooled(p.pool), call: call, balance: .declared) {
                rounds.append(r)
            }
        case .ownFirst, .prorataESSMS:
            let own = Dictionary(uniqueKeysWithValues: p.accounts.map { ($0.region, $0.available) })
            var fixed = p.engaged
            var callLeft = call
            var left = own
            // With a hard balance the regions' rounds are one selection (one budget row per region,
            // the national hard rows over everything funded): each later round then starts from an
            // allocation inside the bands, where selecting nothing more stays feasible.
            let first = hard
                ? try hardRound("regions", p, p.candidates, fixed: fixed, own, call: call).map { [$0] } ?? []
                : try perRegion("regions", p, p.candidates, fixed: fixed, own, call: call)
            rounds += first
            for r in first {
                let chosen = r.result.selected.map { r.problem.candidates[$0] }
                fixed += chosen
                for c in chosen {
                    switch p.desk(c.id) {
                    case .region(let reg)?: left[reg, default: .zero] -= c.amount
                    case .national?: callLeft -= c.amount
                    case nil: break
                    }
                }
            }
            if first.contains(where: { !$0.result.status.hasSelection }) { break }
            let taken = Set(fixed.flatMap(\.finess))
            let chosenIDs = Set(fixed.map(\.id))
            let remaining = p.candidates.filter { !chosenIDs.contains($0.id) && $0.finess.allSatisfy { !taken.contains($0) } }
            let leftovers = left.values.reduce(.zero, +)
            if policy == .ownFirst {
                if let r = try round("leftovers", p, remaining, fixed: fixed, .pooled(leftovers), call: callLeft, balance: .declared) {
                    rounds.append(r)
                }
            } else {
                var demand: Set<String> = []
                for c in remaining { if case .region(let reg)? = p.desk(c.id) { demand.insert(reg) } }
                let regions = p.accounts.filter { demand.contains($0.region) }
                let parts = EnvelopeSplit.largestRemainder(leftovers.cents, weights: regions.map { Int64($0.essms) }) ?? []
                var s: [String: Money] = [:]
                for (a, part) in zip(regions, parts) { s[a.region] = Money(cents: part) }
                shares = s
                if hard {
                    if let r = try hardRound("leftovers", p, remaining, fixed: fixed, s, call: callLeft) {
                        rounds.append(r)
                    }
                } else {
                    rounds += try perRegion("leftovers", p, remaining, fixed: fixed, s, call: callLeft)
                }
            }
        }
        var result = outcome(p, policy, rounds, shares: shares)
        if let bad = rounds.first(where: { $0.result.status == .infeasible }) {
            // The same diagnosis as `select`, bounded by the selector's time limit (20 s by default).
            let analyzer = InfeasibilityAnalyzer.sharing(timeLimit: selector.timeLimit ?? 20, relativeGap: selector.relativeGap)
            result.infeasibility = RedeploymentInfeasibility(round: bad.name, problem: bad.problem,
                                                             report: try analyzer.analyze(bad.problem))
        }
        return result
    }

    /// The three policies, in `RedeploymentPolicy.allCases` order; `progress` hears each policy
    /// before it is run, with its rank and the number of policies.
    public func compare(_ p: RedeploymentProblem,
                        progress: ((_ policy: RedeploymentPolicy, _ done: Int, _ total: Int) -> Void)? = nil)
        throws(Selector.Failure) -> [RedeploymentResult] {
        let policies = RedeploymentPolicy.allCases
        var out: [RedeploymentResult] = []
        for (k, policy) in policies.enumerated() {
            progress?(policy, k, policies.count)
            out.append(try run(p, policy: policy))
        }
        return out
    }

    /// One selection round; nil when there is no candidate to select. `balance`: which of the
    /// scenario's region and sector rows the round carries.
    func round(_ name: String, _ p: RedeploymentProblem, _ candidates: [Candidate], fixed: [Candidate],
               _ caps: RegionalCaps, call: Money, balance: BalanceUse) throws(Selector.Failure) -> RedeploymentRound? {
        let sp = selectionProblem(p, candidates, fixed: fixed, caps, call: call, balance: balance)
        guard !sp.candidates.isEmpty else { return nil }
        return RedeploymentRound(name: name, problem: sp, result: try selector.solve(sp))
    }

    /// A round of the regions under a hard balance: every region within its own money (`caps`),
    /// the national hard rows over everything funded, in one selection. The regions' own rounds
    /// without the hard rows (`perRegion`: independent knapsacks, fast) solve a looser problem:
    /// when their union meets the hard bands in cents, it is this round's optimum, and the round
    /// starts from it with its stage values known, so that no stage searches. A national hard
    /// sector balance had GLPK stop unproven there, one ESSMS short, after 46 681 nodes, while
    /// that union met the bands.
    func hardRound(_ name: String, _ p: RedeploymentProblem, _ candidates: [Candidate], fixed: [Candidate],
                   _ caps: [String: Money], call: Money) throws(Selector.Failure) -> RedeploymentRound? {
        var sp = selectionProblem(p, candidates, fixed: fixed, .perRegion(caps), call: call, balance: .hardOnly)
        guard !sp.candidates.isEmpty else { return nil }
        let parts = try perRegion(name, p, candidates, fixed: fixed, caps, call: call)
        if parts.allSatisfy({ $0.result.status == .optimal }) {
            let ids = Set(parts.flatMap { $0.result.selectedIDs($0.problem) })
            let chosen = sp.candidates.indices.filter { ids.contains(sp.candidates[$0].id) }
            if chosen.count == ids.count, sp.hardBalanceHolds(chosen), sp.budgetRowsExceeded(by: chosen).isEmpty,
               let values = try? Selector.stageValues(sp, chosen) {
                sp.startHint = ids
                sp.knownStageValues = values
            }
        }
        return RedeploymentRound(name: name, problem: sp, result: try selector.solve(sp))
    }

    /// Each region selecting within its own money (`caps`), the national call for national-desk
    /// candidates: independent knapsacks, solved one by one — except desks whose candidates share
    /// a FINESS (one grant per ESSMS), solved together. The lexicographic optimum of the whole is
    /// the union of the parts' optima (each stage's sum is at its maximum only if every part is).
    func perRegion(_ name: String, _ p: RedeploymentProblem, _ candidates: [Candidate], fixed: [Candidate],
                   _ caps: [String: Money], call: Money) throws(Selector.Failure) -> [RedeploymentRound] {
        func key(_ c: Candidate) -> String {
            switch p.desk(c.id) {
            case .national?: return "national"
            case .region(let r)?: return r
            case nil: return "?"
            }
        }
        // Union-find over desks linked by a shared FINESS.
        var parent: [String: String] = [:]
        func find(_ k: String) -> String {
            var k = k
            while let up = parent[k], up != k { k = up }
            return k
        }
        var holder: [FINESS: String] = [:]
        for c in candidates {
            let k = key(c)
            if parent[k] == nil { parent[k] = k }
            for f in c.finess {
                if let other = holder[f] {
                    let (a, b) = (find(other), find(k))
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    holder[f] = k
                }
            }
        }
        var groups: [String: [Candidate]] = [:]
        for c in candidates { groups[find(key(c)), default: []].append(c) }
        var rounds: [RedeploymentRound] = []
        for root in groups.keys.sorted() {
            let members = groups[root]!
            let desks = Set(members.map(key))
            var own: [String: Money] = [:]
            for d in desks where d != "national" { own[d] = caps[d] ?? .zero }
            let label = desks.sorted().joined(separator: "+")
            if let r = try round("\(name) \(label)", p, members, fixed: fixed, .perRegion(own),
                                 call: desks.contains("national") ? call : .zero, balance: .none) {
                rounds.append(r)
            }
        }
        return rounds
    }

    /// The committee's selection problem of one round: budget = regional caps + national call,
    /// with a budget row per envelope so that regional money never funds a national-desk
    /// project and the national call never funds a regional one.
    func selectionProblem(_ p: RedeploymentProblem, _ candidates: [Candidate], fixed: [Candidate],
                          _ caps: RegionalCaps, call: Money, balance: BalanceUse) -> SelectionProblem {
        func rows(_ spec: BalanceSpec) -> BalanceSpec {
            switch balance {
            case .declared: return spec
            case .hardOnly: return spec.mode == .hard ? spec : RedeploymentProblem.off(spec.name)
            case .none: return RedeploymentProblem.off(spec.name)
            }
        }
        var sp = SelectionProblem(scenario: p.scenario, candidates: candidates, engaged: fixed,
                                  available: caps.total + call,
                                  territory: rows(p.region), sector: rows(p.sector), objective: p.objective)
        var national: Set<String> = [], byRegion: [String: Set<String>] = [:]
        for c in candidates {
            switch p.desk(c.id) {
            case .national?: national.insert(c.id)
            case .region(let r)?: byRegion[r, default: []].insert(c.id)
            case nil: break
            }
        }
        switch caps {
        case .pooled(let pool):
            sp.budgetRows.append(BudgetRow(name: "regional_pool", members: Set(byRegion.values.joined()), cap: pool))
        case .perRegion(let own):
            for r in byRegion.keys.sorted() {
                sp.budgetRows.append(BudgetRow(name: "region_\(r)", members: byRegion[r]!, cap: own[r] ?? .zero))
            }
        }
        sp.budgetRows.append(BudgetRow(name: "national_call", members: national, cap: call))
        return sp
    }

    func outcome(_ p: RedeploymentProblem, _ policy: RedeploymentPolicy, _ rounds: [RedeploymentRound],
                 shares: [String: Money]?) -> RedeploymentResult {
        let chosenIDs = Set(rounds.flatMap { r in r.result.selected.map { r.problem.candidates[$0].id } })
        let chosen = p.candidates.filter { chosenIDs.contains($0.id) }
        var regions: [RegionOutcome] = p.accounts.map { a in
            RegionOutcome(account: a, share: shares.map { $0[a.region] ?? .zero }, projects: [], finess: 0, acquisitions: 0,
                          funded: .zero)
        }
        let index = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1.account.region, $0) })
        var call = NationalCallOutcome(available: p.nationalCallAvailable, used: .zero, projects: [], finess: 0, acquisitions: 0)
        for c in chosen {
            switch p.desk(c.id) {
            case .national?:
                call.used += c.amount
                call.projects.append(c.id)
                call.finess += c.finessCount
                call.acquisitions += c.acquisitions
            case .region(let r)?:
                guard let i = index[r] else { continue }
                regions[i].funded += c.amount
                regions[i].projects.append(c.id)
                regions[i].finess += c.finessCount
                regions[i].acquisitions += c.acquisitions
            case nil: break
            }
        }
        let (status, sentence) = Self.status(rounds)
        return RedeploymentResult(policy: policy, status: status, sentence: sentence, rounds: rounds,
                                  selected: chosen.map(\.id), regions: regions,
                                  nationalCall: p.nationalCall == nil ? nil : call,
                                  finess: chosen.reduce(0) { $0 + $1.finessCount },
                                  acquisitions: chosen.reduce(0) { $0 + $1.acquisitions },
                                  score: chosen.reduce(0) { $0 + $1.score }, pool: p.pool,
                                  usedRegional: regions.reduce(.zero) { $0 + $1.funded },
                                  engagedFiness: p.engaged.reduce(0) { $0 + $1.finessCount })
    }

    /// The worst status of the rounds (no round: nothing to select, optimal).
    static func status(_ rounds: [RedeploymentRound]) -> (SelectionResult.Status, String) {
        let rank: [SelectionResult.Status] = [.solverError, .infeasible, .timeLimit, .feasible, .optimal]
        guard let worst = rounds.min(by: { rank.firstIndex(of: $0.result.status)! < rank.firstIndex(of: $1.result.status)! })
        else { return (.optimal, "no fundable candidate: nothing to select") }
        if worst.result.status == .optimal {
            return (.optimal, rounds.count == 1 ? worst.result.sentence : "every stage of every round proven optimal")
        }
        return (worst.result.status, "round '\(worst.name)': \(worst.result.sentence)")
    }
}

extension SelectionResult.Status {
    /// A selection was found (optimal or not).
    public var hasSelection: Bool { self == .optimal || self == .feasible }
}
