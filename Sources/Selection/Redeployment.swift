// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

/// How the CNSA redeploys the AE the regions have not engaged on 15 October (RULES.md §7,
/// docs/REDEPLOYMENT.md).
public enum RedeploymentPolicy: String, CaseIterable, Sendable, Hashable {
    /// One national selection under the pooled unengaged AE.
    case pooled
    /// Each region selects within its own unengaged AE; the leftovers are pooled for a national round.
    case ownFirst = "own-first"
    /// Each region selects within its own unengaged AE; the leftovers are shared pro rata of
    /// ESSMS between the regions that still have fundable demand, each then selecting within its share.
    case prorataESSMS = "prorata-essms"
}

/// Where a candidate's money comes from.
public enum Desk: Sendable, Hashable {
    /// The region's AE (its ARS instructs the project).
    case region(String)
    /// The national call envelope (≥ 50 ESSMS in more than one region).
    case national
}

/// A region's envelope on the redeployment date.
public struct RegionAccount: Sendable, Hashable {
    public var region: String
    public var notified: Money
    /// Engaged and not listed as `engaged` projects (regions.csv).
    public var engaged: Money
    /// Σ amounts of the region's `engaged` projects.
    public var engagedProjects: Money
    /// ESSMS of the region in the register (the prorata-essms weights).
    public var essms: Int

    public init(region: String, notified: Money, engaged: Money, engagedProjects: Money = .zero, essms: Int = 0) {
        self.region = region
        self.notified = notified
        self.engaged = engaged
        self.engagedProjects = engagedProjects
        self.essms = essms
    }

    /// notified − engaged − Σ engaged projects (negative when overspent).
    public var unengaged: Money { notified - engaged - engagedProjects }
    /// What the region can give or spend: the unengaged AE, 0 when overspent.
    public var available: Money { max(.zero, unengaged) }
}

/// The national redeployment of a scenario: regions, fundable candidates and their desks.
public struct RedeploymentProblem: Sendable {
    public var scenario: String
    /// In region-code order.
    public var accounts: [RegionAccount]
    /// The national call envelope; nil when the scenario gives none (national-desk projects are then not fundable).
    public var nationalCall: Money?
    /// Σ amounts of national-desk `engaged` projects.
    public var nationalCallEngaged: Money
    /// Fundable candidates: eligible, not decided, ready by the deadline.
    public var candidates: [Candidate]
    /// Desk of every candidate and engaged project, by id.
    public var desks: [String: Desk]
    public var engaged: [Candidate]
    public var notCandidates: [(id: String, reason: String)]
    /// The national balance by region (keys: INSEE region codes) and by sector.
    public var region: BalanceSpec
    public var sector: BalanceSpec
    public var objective: Objective

    public init(scenario: String, accounts: [RegionAccount], nationalCall: Money?, nationalCallEngaged: Money = .zero,
                candidates: [Candidate], desks: [String: Desk], engaged: [Candidate] = [],
                notCandidates: [(id: String, reason: String)] = [], region: BalanceSpec, sector: BalanceSpec,
                objective: Objective = .default) {
        self.scenario = scenario
        self.accounts = accounts
        self.nationalCall = nationalCall
        self.nationalCallEngaged = nationalCallEngaged
        self.candidates = candidates
        self.desks = desks
        self.engaged = engaged
        self.notCandidates = notCandidates
        self.region = region
        self.sector = sector
        self.objective = objective
    }

    /// Σ over regions of their available unengaged AE: what the CNSA takes back.
    public var pool: Money { accounts.reduce(.zero) { $0 + $1.available } }
    /// The national call left for national-desk candidates.
    public var nationalCallAvailable: Money { max(.zero, (nationalCall ?? .zero) - nationalCallEngaged) }

    public func desk(_ id: String) -> Desk? { desks[id] }

    /// A balance spec that constrains nothing.
    public static func off(_ name: String) -> BalanceSpec {
        BalanceSpec(name: name, mode: .off, tolerance: 0, keys: [], targets: [:])
    }
}

extension RedeploymentProblem {
    /// Builds the redeployment of a national scenario from the rules' assessments. Balance:
    /// the scenario's `balance.territory` settings read at region level (keys are regions:
    /// with `basis: essms`, each region's share of the register's ESSMS; a shares map keyed by
    /// départements is summed by region), and `balance.sector` as for `select`.
    public static func build(scenario: Scenario, assessments: [ProjectAssessment]) -> RedeploymentProblem {
        let spec = scenario.spec
        let byId = Dictionary(assessments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let regionSpec = regionBalance(spec.territory, scenario.register)
        let sector = SelectionProblem.balanceSpec("sector", spec.sector, scenario.register, inScope: { _ in true },
                                                  key: { $0.sector.rawValue })
        let regionKeys = Set(regionSpec.keys), sectorKeys = Set(sector.keys)
        let essms = scenario.register.counts(by: { $0.region })
        var envelopes: [String: RegionEnvelope] = [:]
        for e in scenario.regionEnvelopes { envelopes[e.region] = e }
        var accounts: [String: RegionAccount] = [:]
        for r in Set(envelopes.keys).union(Geography.regions.map(\.code)) {
            let e = envelopes[r]
            accounts[r] = RegionAccount(region: r, notified: e?.notified ?? .zero, engaged: e?.engaged ?? .zero,
                                        essms: essms[r] ?? 0)
        }
        var candidates: [Candidate] = [], engaged: [Candidate] = []
        var desks: [String: Desk] = [:]
        var notCandidates: [(String, String)] = []
        var callEngaged = Money.zero
        for p in scenario.projects {
            guard let a = byId[p.id] else { continue }
            var c = Candidate(id: p.id, title: p.title, amount: a.amount.total, finess: a.funded.map(\.finess),
                              acquisitions: a.acquisitionCount, score: p.score, territoryMoney: [:], sectorMoney: [:])
            for f in a.funded {
                if regionKeys.contains(f.region) { c.territoryMoney[f.region, default: 0] += f.amount.total.cents }
                if sectorKeys.contains(f.sector.rawValue) { c.sectorMoney[f.sector.rawValue, default: 0] += f.amount.total.cents }
            }
            let desk: Desk? = a.guichet == .national ? .national : (p.region ?? (a.regions.count == 1 ? a.regions[0] : nil)).map { .region($0) }
            switch p.decision {
            case .engaged:
                guard let desk else {
                    notCandidates.append((p.id, "engaged, but without a region desk: its amount is counted nowhere"))
                    continue
                }
                desks[p.id] = desk
                engaged.append(c)
                switch desk {
                case .national: callEngaged += c.amount
                case .region(let r): accounts[r, default: RegionAccount(region: r, notified: .zero, engaged: .zero)].engagedProjects += c.amount
                }
            case .rejected:
                notCandidates.append((p.id, "rejected at an earlier committee"))
            case .candidate:
                if !a.eligible {
                    notCandidates.append((p.id, "ineligible: \(a.errors.map(\.code).joined(separator: ", "))"))
                } else if let deadline = spec.deadline, let ready = p.ready, ready > deadline {
                    notCandidates.append((p.id, "not ready before the engagement deadline (\(ready.french) > \(deadline.french))"))
                } else if desk == nil {
                    notCandidates.append((p.id, "no region desk (column 'region') and ESSMS in several regions"))
                } else if desk == .national && spec.nationalCall == nil {
                    notCandidates.append((p.id, "national desk, and the scenario gives no national_call envelope (regional money never funds it)"))
                } else {
                    desks[p.id] = desk
                    candidates.append(c)
                }
            }
        }
        return RedeploymentProblem(scenario: spec.id, accounts: accounts.values.sorted { $0.region < $1.region },
                                   nationalCall: spec.nationalCall, nationalCallEngaged: callEngaged,
                                   candidates: candidates, desks: desks, engaged: engaged, notCandidates: notCandidates,
                                   region: regionSpec, sector: sector, objective: spec.objective)
    }

    /// The region balance of the national selection from the `territory` settings.
    static func regionBalance(_ rule: BalanceRule, _ register: Register) -> BalanceSpec {
        var rule = rule
        if case .shares(let shares) = rule.basis, !shares.keys.allSatisfy({ Geography.regionsByCode[$0] != nil }) {
            var byRegion: [String: Double] = [:]
            for (k, v) in shares {
                if let r = Geography.regionOfDepartement[k] { byRegion[r, default: 0] += v }
            }
            rule.basis = .shares(byRegion)
        }
        return SelectionProblem.balanceSpec("region", rule, register, inScope: { _ in true }, key: { $0.region })
    }
}
