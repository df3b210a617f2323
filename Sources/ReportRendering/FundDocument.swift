// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

/// The `fund` document of the scenario contract: eligibility and amounts of every project,
/// with every euro attributed to an ESSMS.
public enum FundDocument {
    public static func json(scenario: String, rules: RuleSet, assessments: [ProjectAssessment],
                            members: Bool = true) -> JSONValue {
        .object([
            ("scenario", .string(scenario)),
            ("rules", .string(rules.name)),
            ("policies", .object(rules.policies.entries.map { ($0.0, .string($0.1)) })),
            ("totals", totals(assessments)),
            ("projects", .array(assessments.map { project($0, members: members) })),
        ])
    }

    static func totals(_ list: [ProjectAssessment]) -> JSONValue {
        let eligible = list.filter(\.eligible)
        return .object([
            ("projects", .int(list.count)),
            ("eligible", .int(eligible.count)),
            ("finess", .int(eligible.reduce(0) { $0 + $1.finessCount })),
            ("acquisition", .int(eligible.reduce(0) { $0 + $1.acquisitionCount })),
            ("amount", .money(eligible.reduce(Money.zero) { $0 + $1.amount.total })),
        ])
    }

    public static func amount(_ a: Amount) -> JSONValue {
        .object([("usage", .money(a.usage)), ("software", .money(a.software)), ("equipment", .money(a.equipment)),
                 ("amoa", .money(a.amoa)), ("total", .money(a.total))])
    }

    static func project(_ a: ProjectAssessment, members: Bool) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(a.id)),
            ("eligible", .bool(a.eligible)),
            ("after_cutoff", .bool(a.afterCutoff)),
            ("guichet", .string(a.guichet.rawValue)),
            ("regions", .array(a.regions.map { .string($0) })),
            ("finess", .int(a.finessCount)),
            ("acquisition", .int(a.acquisitionCount)),
            ("upgrade", .int(a.upgradeCount)),
            ("amount", amount(a.amount)),
            ("excluded", .array(a.excluded.map {
                .object([("finess", .string($0.finess.text)), ("reason", .string($0.reason.rawValue)),
                         ("message", .string($0.message))])
            })),
            ("issues", .array(a.issues.map {
                .object([("severity", .string($0.severity.rawValue)), ("code", .string($0.code)),
                         ("message", .string($0.message))])
            })),
        ]
        if members {
            pairs.append(("essms", .array(a.funded.map { f in
                var e: [(String, JSONValue)] = [
                    ("finess", .string(f.finess.text)), ("mode", .string(f.mode.rawValue)), ("rank", .int(f.rank)),
                    ("full_rate", .bool(f.fullRate)), ("small_organisation", .bool(f.smallOrganisation)),
                    ("departement", .string(f.departement)), ("sector", .string(f.sector.rawValue)),
                ]
                if let el = f.prorataEligible, let t = f.prorataTotal {
                    e.append(("saad_prorata", .string("\(el.decimalString)/\(t.decimalString)")))
                }
                e.append(("amount", amount(f.amount)))
                return .object(e)
            })))
        }
        return .object(pairs)
    }
}
