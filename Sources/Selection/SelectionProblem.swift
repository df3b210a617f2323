// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

/// A project as the selection sees it: its cost, what it brings, where its money goes.
public struct Candidate: Sendable, Hashable {
    public var id: String
    public var title: String
    public var amount: Money
    /// Eligible ESSMS (the one-grant-per-ESSMS rule counts only these).
    public var finess: [FINESS]
    public var acquisitions: Int
    public var score: Int
    /// Money to the ESSMS of each balance key, in cents (keys outside the scope left out).
    public var territoryMoney: [String: Int64]
    public var sectorMoney: [String: Int64]
    /// Expected number of its ESSMS reaching their usage targets, filled in from the
    /// simulation's attainment model before solving an `expected_attaining` objective (nil:
    /// not computed, and `Selector` refuses that objective).
    public var expectedAttaining: Double? = nil

    public var finessCount: Int { finess.count }

    public init(id: String, title: String, amount: Money, finess: [FINESS], acquisitions: Int, score: Int,
                territoryMoney: [String: Int64], sectorMoney: [String: Int64]) {
        self.id = id
        self.title = title
        self.amount = amount
        self.finess = finess
        self.acquisitions = acquisitions
        self.score = score
        self.territoryMoney = territoryMoney
        self.sectorMoney = sectorMoney
    }
}

/// A balance constraint with its keys and target shares, ready for the model.
public struct BalanceSpec: Sendable, Hashable {
    public var name: String
    public var mode: BalanceRule.Mode
    public var tolerance: Double
    /// Keys in a fixed order, with their target shares (summing to 1).
    public var keys: [String]
    public var targets: [String: Double]

    public init(name: String, mode: BalanceRule.Mode, tolerance: Double, keys: [String], targets: [String: Double]) {
        self.name = name
        self.mode = mode
        self.tolerance = tolerance
        self.keys = keys
        self.targets = targets
    }
}

/// Everything the committee selection optimises (SCENARIO-FORMAT.md, "Selection model").
public struct SelectionProblem: Sendable {
    public var scenario: String
    public var candidates: [Candidate]
    /// Selected at earlier committees: fixed in.
    public var engaged: [Candidate]
    /// notified − engaged − reserve − Σ engaged projects.
    public var available: Money
    public var territory: BalanceSpec
    public var sector: BalanceSpec
    public var objective: Objective
    /// Committee pins.
    public var forced: Set<String>
    public var excluded: Set<String>
    /// The projects the committee excluded that would be candidates otherwise, with their
    /// figures: the deliberation page lets the committee take them back.
    public var excludedCandidates: [Candidate] = []
    /// Projects that are not candidates and why (ineligible, rejected, excluded by the committee).
    /// Projects that are not candidates, with a stable code (`rejected`, `ineligible`,
    /// `later-committee`, `not-ready`, `excluded-by-committee`) and the sentence that says why.
    public var notCandidates: [(id: String, code: String, reason: String)]
    /// At least this many acquisitions among the selected candidates (row `min_acquisition`),
    /// for the ESSMS–acquisition trade-off; nil for none.
    public var minimumAcquisitions: Int? = nil
    /// Envelopes inside the budget, each capping the candidates it names (national
    /// redeployment: the national call, the regions' own AE); none for a regional committee.
    public var budgetRows: [BudgetRow] = []
    /// Projects the solver's start solution takes first (after the forced ones): explanation
    /// re-solves pass the committee's selection, so the search starts next to its optimum. It
    /// changes where the search starts, never the optimum.
    public var startHint: Set<String> = []
    /// The value of each integer stage when the caller knows it (the optimum of a looser problem
    /// that the hinted selection attains and meets this problem's rows with): a stage whose start
    /// reaches it ends without a search. Used only at the problem's own envelope.
    public var knownStageValues: [Double]? = nil

    public init(scenario: String, candidates: [Candidate], engaged: [Candidate], available: Money,
                territory: BalanceSpec, sector: BalanceSpec, objective: Objective, forced: Set<String> = [],
                excluded: Set<String> = [], notCandidates: [(id: String, code: String, reason: String)] = []) {
        self.scenario = scenario
        self.candidates = candidates
        self.engaged = engaged
        self.available = available
        self.territory = territory
        self.sector = sector
        self.objective = objective
        self.forced = forced
        self.excluded = excluded
        self.notCandidates = notCandidates
    }

    /// The projects deposited after the committee's cut-off (they go to the next committee).
    public var laterCommittee: [String] {
        notCandidates.filter { $0.code == "later-committee" }.map(\.id)
    }

    /// The FINESS numbers held by engaged projects: no candidate may take them.
    public var engagedFINESS: Set<FINESS> { Set(engaged.flatMap(\.finess)) }
}

extension SelectionProblem {
    public enum BuildError: Error, Equatable, Sendable {
        case unknownProject(String, option: String)
        case forcedAndExcluded(String)
        case forcedNotCandidate(String, reason: Phrase)
    }

    /// Builds the problem of a regional committee from the rules' assessments.
    public static func build(scenario: Scenario, assessments: [ProjectAssessment], force: [String] = [],
                             exclude: [String] = []) throws(BuildError) -> SelectionProblem {
        let byId = Dictionary(assessments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for id in force where byId[id] == nil { throw .unknownProject(id, option: "--force") }
        for id in exclude where byId[id] == nil { throw .unknownProject(id, option: "--exclude") }
        if let both = force.first(where: { exclude.contains($0) }) { throw .forcedAndExcluded(both) }

        let spec = scenario.spec
        let scopeRegion = spec.scope == .regional ? spec.region : nil
        let inScope: (Establishment) -> Bool = { e in scopeRegion == nil || e.region == scopeRegion }
        let territory = balanceSpec("territory", spec.territory, scenario.register, inScope: inScope, key: { $0.departement })
        let sector = balanceSpec("sector", spec.sector, scenario.register, inScope: inScope, key: { $0.sector.rawValue })
        let territoryKeys = Set(territory.keys), sectorKeys = Set(sector.keys)

        var candidates: [Candidate] = [], engaged: [Candidate] = [], excludedCandidates: [Candidate] = []
        var notCandidates: [(String, String, String)] = []
        for p in scenario.projects {
            guard let a = byId[p.id] else { continue }
            var c = Candidate(id: p.id, title: p.title, amount: a.amount.total, finess: a.funded.map(\.finess),
                              acquisitions: a.acquisitionCount, score: p.score, territoryMoney: [:], sectorMoney: [:])
            for f in a.funded {
                if territoryKeys.contains(f.departement) { c.territoryMoney[f.departement, default: 0] += f.amount.total.cents }
                if sectorKeys.contains(f.sector.rawValue) { c.sectorMoney[f.sector.rawValue, default: 0] += f.amount.total.cents }
            }
            switch p.decision {
            case .engaged:
                engaged.append(c)
            case .rejected:
                notCandidates.append((p.id, "rejected", "rejected at an earlier committee"))
                if force.contains(p.id) { throw .forcedNotCandidate(p.id, reason: .fr("il a été rejeté lors d'un comité antérieur", en: "it was rejected at an earlier committee")) }
            case .candidate:
                let deadline = spec.deadline
                if !a.eligible {
                    let reasons = a.errors.map(\.code).joined(separator: ", ")
                    notCandidates.append((p.id, "ineligible", "ineligible: \(reasons)"))
                    if force.contains(p.id) { throw .forcedNotCandidate(p.id, reason: .fr("il n'est pas recevable (\(reasons))", en: "it is ineligible (\(reasons))")) }
                } else if a.afterCutoff, let cutoff = spec.cutoff {
                    notCandidates.append((p.id, "later-committee", "deposited on \(p.deposited.french), after this committee's cut-off (\(cutoff.french)): it goes to the next committee"))
                    if force.contains(p.id) { throw .forcedNotCandidate(p.id, reason: .fr("il a été déposé après la date limite de dépôt de ce comité (\(cutoff.french)) ; il va au comité suivant",
                                                                                  en: "it was deposited after this committee's cut-off (\(cutoff.french)); it goes to the next committee")) }
                } else if spec.scope == .national, let deadline, let ready = p.ready, ready > deadline {
                    notCandidates.append((p.id, "not-ready", "not ready before the engagement deadline (\(ready.french) > \(deadline.french))"))
                    if force.contains(p.id) { throw .forcedNotCandidate(p.id, reason: .fr("il n'est pas prêt avant la date limite d'engagement", en: "it is not ready before the deadline")) }
                } else if exclude.contains(p.id) {
                    notCandidates.append((p.id, "excluded-by-committee", "excluded by the committee (--exclude)"))
                    excludedCandidates.append(c)
                } else {
                    candidates.append(c)
                }
            }
        }
        let engagedMoney = engaged.reduce(Money.zero) { $0 + $1.amount }
        // Regional: the committee's envelope. National: the pool of the regions' unengaged AE,
        // plus the national call when the scenario gives it (one national selection).
        let available: Money
        if spec.scope == .national {
            let unengaged = scenario.regionEnvelopes.reduce(Money.zero) { $0 + $1.notified - $1.engaged }
            available = unengaged + (spec.nationalCall ?? .zero) - engagedMoney
        } else {
            available = spec.envelope.notified - spec.envelope.engaged - spec.envelope.reserve - engagedMoney
        }
        var problem = SelectionProblem(scenario: spec.id, candidates: candidates, engaged: engaged, available: available,
                                       territory: territory, sector: sector, objective: spec.objective, forced: Set(force),
                                       excluded: Set(exclude), notCandidates: notCandidates)
        problem.excludedCandidates = excludedCandidates
        return problem
    }

    /// Keys of the scope and their target shares (`basis: essms`: share of the scope's ESSMS).
    static func balanceSpec(_ name: String, _ rule: BalanceRule, _ register: Register,
                            inScope: (Establishment) -> Bool, key: (Establishment) -> String) -> BalanceSpec {
        var targets: [String: Double] = [:]
        switch rule.basis {
        case .essms:
            let counts = register.counts(by: key, where: inScope)
            let total = Double(counts.values.reduce(0, +))
            if total > 0 { for (k, n) in counts { targets[k] = Double(n) / total } }
        case .shares(let shares):
            targets = shares
        }
        return BalanceSpec(name: name, mode: rule.mode, tolerance: rule.tolerance, keys: targets.keys.sorted(),
                           targets: targets)
    }
}
