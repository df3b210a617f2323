// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// Applies a rule set to projects: eligibility (RULES.md §3) and amounts (§2). Pure: the same
/// inputs give the same assessment.
public struct FundingEngine: Sendable {
    public enum Context: Hashable, Sendable {
        /// A regional committee of `region` on `committee`.
        case regional(region: String, committee: Day)
        /// A national run (redeployment): national-desk projects are eligible for the national call.
        case national(date: Day?)
    }

    public let rules: RuleSet
    public let register: Register
    public let context: Context

    public init(rules: RuleSet, register: Register, context: Context) {
        self.rules = rules
        self.register = register
        self.context = context
    }

    /// The engine a scenario asks for.
    public init(scenario: Scenario, rules: RuleSet) {
        let context: Context
        if scenario.spec.scope == .regional, let region = scenario.spec.region, let committee = scenario.spec.committee {
            context = .regional(region: region, committee: committee)
        } else {
            context = .national(date: scenario.spec.date)
        }
        self.init(rules: rules, register: scenario.register, context: context)
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
                                 issues: issues, funded: funded, amount: amount, amoaGranted: amoaGranted)
    }
}
