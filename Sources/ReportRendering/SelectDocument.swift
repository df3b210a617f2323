// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Selection

/// The `select` document of the scenario contract, with the solve's audit trail.
public enum SelectDocument {
    public static func json(scenario: Scenario, rules: RuleSet, problem p: SelectionProblem, result r: SelectionResult,
                            explanations: [ProjectExplanation] = [], extra: [(String, JSONValue)] = [],
                            timings: Bool = false) -> JSONValue {
        // A national scenario's envelope is the sum of its regions' (regions.csv), plus the national call.
        var env = scenario.spec.envelope
        if scenario.spec.scope == .national {
            env.notified = scenario.regionEnvelopes.reduce(.zero) { $0 + $1.notified }
            env.engaged = scenario.regionEnvelopes.reduce(.zero) { $0 + $1.engaged }
            env.reserve = .zero
        }
        let engagedProjects = p.engaged.reduce(Money.zero) { $0 + $1.amount }
        var pairs: [(String, JSONValue)] = [
            ("scenario", .string(p.scenario)),
            ("rules", .string(rules.name)),
            ("status", .string(r.status.rawValue)),
            ("sentence", .string(r.sentence)),
            ("budget", .object([
                ("notified", .money(env.notified)), ("engaged", .money(env.engaged)), ("reserve", .money(env.reserve)),
                ("engaged_projects", .money(engagedProjects)),
                ("national_call", scenario.spec.scope == .national ? .money(scenario.spec.nationalCall ?? .zero) : .null),
                ("available", .money(p.available)),
                ("used", .money(r.used)), ("left", .money(p.available - r.used)),
            ])),
            ("selected", .array(r.selectedIDs(p).map { .string($0) })),
            ("engaged", .array(p.engaged.map { .string($0.id) })),
            ("objective", .object([("finess", .int(r.finess)), ("acquisition", .int(r.acquisitions)), ("score", .int(r.score))])),
            ("gap", .double(r.gap)),
            ("balance", .object([
                ("territory", balance(p.territory, p.territoryBalance(r.selected))),
                ("sector", balance(p.sector, p.sectorBalance(r.selected))),
            ])),
            ("stages", .array(r.stages.map { s in
                var stage: [(String, JSONValue)] = [
                    ("term", .string(s.term)), ("status", .string(s.status.identifier)),
                    ("value", s.value.map { .double($0) } ?? .null), ("bound", s.bestBound.map { .double($0) } ?? .null),
                    ("gap", s.gap.map { .double($0) } ?? .null), ("nodes", s.nodes.map { .int($0) } ?? .null),
                    ("proven_by_granularity", .bool(s.provenByGranularity)), ("sentence", .string(s.sentence))]
                // Wall time varies from run to run: only on request (`--timings`), so that the
                // default document stays byte-for-byte reproducible.
                if timings { stage.append(("seconds", .double(s.seconds))) }
                return .object(stage)
            })),
            ("solver", .object([("name", .string(Selector.defaultSolver.name)), ("version", .string(Selector.defaultSolver.version))])),
        ]
        if !explanations.isEmpty {
            pairs.append(("projects", .array(explanations.map(ExplanationDocument.json))))
        }
        return .object(pairs + extra)
    }

    static func balance(_ spec: BalanceSpec, _ lines: [BalanceLine]) -> JSONValue {
        .array(lines.map { l in
            .object([("key", .string(l.key)), ("share", .double(l.share)), ("target", .double(l.target)),
                     ("low", .double(l.low)), ("high", .double(l.high)), ("money", .money(l.money)),
                     ("within", .bool(l.within)), ("mode", .string(spec.mode.rawValue))])
        })
    }
}
