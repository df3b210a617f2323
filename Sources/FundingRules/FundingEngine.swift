// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// Applies a rule set to projects: eligibility (RULES.md §3) and amounts (§2). Pure: the same
/// inputs give the same assessment.
public struct FundingEngine: Sendable {
    public enum Context: Hashable, Sendable {
        /// A regional committee of `region` on `committee`, taking the projects deposited until
        /// `depositsUntil` (nil: the committee date) [000 §8].
        case regional(region: String, committee: Day, depositsUntil: Day? = nil)
        /// A national run (redeployment): national-desk projects are eligible for the national call.
        case national(date: Day?)
    }

    public let rules: RuleSet
    public let register: Register
    public let context: Context
    /// Grappes already funded (the scenario's `engaged` projects and its `funded_grappes`): the
    /// ones an isolated ESSMS may join [000 §3.2.D]. Nil: not checked (no scenario at hand).
    public let fundedGrappes: Set<String>?
    /// Every project id of the scenario, to tell a grappe not funded yet from an unknown one.
    public let scenarioProjects: Set<String>

    public init(rules: RuleSet, register: Register, context: Context, fundedGrappes: Set<String>? = nil,
                scenarioProjects: Set<String> = []) {
        self.rules = rules
        self.register = register
        self.context = context
        self.fundedGrappes = fundedGrappes
        self.scenarioProjects = scenarioProjects
    }

    /// The engine a scenario asks for.
    public init(scenario: Scenario, rules: RuleSet) {
        let context: Context
        if scenario.spec.scope == .regional, let region = scenario.spec.region, let committee = scenario.spec.committee {
            context = .regional(region: region, committee: committee, depositsUntil: scenario.spec.depositsUntil)
        } else {
            context = .national(date: scenario.spec.date)
        }
        let engaged = scenario.projects.filter { $0.decision == .engaged }.map(\.id)
        self.init(rules: rules, register: scenario.register, context: context,
                  fundedGrappes: Set(engaged + scenario.spec.fundedGrappes), scenarioProjects: Set(scenario.projects.map(\.id)))
    }

    public func assess(_ projects: [Project]) -> [ProjectAssessment] { projects.map(assess) }

    public func assess(_ p: Project) -> ProjectAssessment {
        var excluded: [Exclusion] = []
        var kept: [(Member, Establishment)] = []
        kept.reserveCapacity(p.members.count)
        for m in p.members {
            guard let e = register[m.finess] else { continue }
            if let x = exclusion(of: m) { excluded.append(x) } else { kept.append((m, e)) }
        }
        var issues = projectIssues(p, kept: kept)
        var regions: [String] = []
        for (_, e) in kept where !regions.contains(e.region) { regions.append(e.region) }
        regions.sort()
        let guichet: Guichet = kept.count >= rules.nationalDeskThreshold && regions.count > 1 ? .national : .regional
        issues += deskAndWindowIssues(p, kept: kept, regions: regions, guichet: guichet)
        let (funded, amoaGranted, moneyIssues) = amounts(p, kept: kept)
        issues += moneyIssues
        let amount = funded.reduce(Amount()) { $0 + $1.amount }
        let eligible = !kept.isEmpty && !issues.contains { $0.severity == .error }
        return ProjectAssessment(id: p.id, eligible: eligible, guichet: guichet, regions: regions, excluded: excluded,
                                 issues: issues, funded: funded, amount: amount, amoaGranted: amoaGranted,
                                 afterCutoff: issues.contains { $0.code == RuleIssue.afterCutoff })
    }
}
