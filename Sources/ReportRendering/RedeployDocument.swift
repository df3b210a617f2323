// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

/// The `redeploy` results: the JSON document (the `select` keys for the national selection, plus
/// the regions) and the text for a person.
/// The expected active DUI of what a redeployment funds (engaged and redeployed projects), from
/// the simulation's attainment model.
public struct ActiveDUIEstimate: Sendable, Hashable {
    public var mean: Double
    public var p5: Int64
    public var p50: Int64
    public var p95: Int64
    public var draws: Int
    public var seed: UInt64
    public var projects: Int
    public var essms: Int

    public init(mean: Double, p5: Int64, p50: Int64, p95: Int64, draws: Int, seed: UInt64, projects: Int, essms: Int) {
        self.mean = mean
        self.p5 = p5
        self.p50 = p50
        self.p95 = p95
        self.draws = draws
        self.seed = seed
        self.projects = projects
        self.essms = essms
    }
}

public enum RedeployDocument {
    // MARK: JSON

    public static func json(scenario: Scenario, rules: String, problem p: RedeploymentProblem,
                            result r: RedeploymentResult, timings: Bool = false,
                            activeDUI: [RedeploymentPolicy: ActiveDUIEstimate] = [:]) -> JSONValue {
        .object([("scenario", .string(p.scenario)), ("rules", .string(rules))]
            + policyPairs(p, r, timings: timings, activeDUI: activeDUI[r.policy])
            + [("solver", .object([("name", .string(Selector.defaultSolver.name)), ("version", .string(Selector.defaultSolver.version))]))])
    }

    /// The three policies side by side, with what each funds that the others do not.
    public static func compareJSON(scenario: Scenario, rules: String, problem p: RedeploymentProblem,
                                   results: [RedeploymentResult], timings: Bool = false,
                                   activeDUI: [RedeploymentPolicy: ActiveDUIEstimate] = [:]) -> JSONValue {
        let only = onlyIn(results)
        return .object([
            ("scenario", .string(p.scenario)), ("rules", .string(rules)),
            ("policies", .array(results.map { .object(policyPairs(p, $0, timings: timings, activeDUI: activeDUI[$0.policy])) })),
            ("only", .object(results.map { ($0.policy.rawValue, .array((only[$0.policy] ?? []).map { .string($0) })) })),
            ("solver", .object([("name", .string(Selector.defaultSolver.name)), ("version", .string(Selector.defaultSolver.version))])),
        ])
    }

    static func policyPairs(_ p: RedeploymentProblem, _ r: RedeploymentResult, timings: Bool,
                            activeDUI: ActiveDUIEstimate?) -> [(String, JSONValue)] {
        let fundedRegional = r.regions.filter { !$0.projects.isEmpty }.count
        var pairs: [(String, JSONValue)] = [
            ("policy", .string(r.policy.rawValue)),
            ("status", .string(r.status.rawValue)),
            ("sentence", .string(r.sentence)),
            ("budget", .object([
                ("available", .money(r.pool)), ("used", .money(r.usedRegional)), ("left", .money(r.leftUnengaged)),
                ("national_call", r.nationalCall.map { c in
                    .object([("available", .money(c.available)), ("used", .money(c.used)), ("left", .money(c.left))])
                } ?? .null),
            ])),
            ("selected", .array(r.selected.map { .string($0) })),
            ("engaged", .array(p.engaged.map { .string($0.id) })),
            ("infeasibility", r.infeasibility.map { i in
                .object([("round", .string(i.round)),
                         ("diagnosis", SelectionAnalysisDocument.infeasibility(i.report, problem: i.problem))])
            } ?? .null),
            ("objective", .object([("finess", .int(r.finess)), ("acquisition", .int(r.acquisitions)), ("score", .int(r.score))])),
            ("gap", .double(r.rounds.map(\.result.gap).max() ?? 0)),
            ("regions", .array(r.regions.map { o in
                var region: [(String, JSONValue)] = [
                    ("region", .string(o.account.region)),
                    ("name", .string(Geography.regionsByCode[o.account.region]?.name ?? "")),
                    ("essms", .int(o.account.essms)),
                    ("notified", .money(o.account.notified)), ("engaged", .money(o.account.engaged)),
                    ("engaged_projects", .money(o.account.engagedProjects)), ("unengaged", .money(o.account.unengaged)),
                    ("released", .money(o.released)), ("received", .money(o.received)),
                ]
                if let share = o.share { region.append(("share", .money(share))) }
                region += [
                    ("funded", .object([("finess", .int(o.finess)), ("acquisition", .int(o.acquisitions)),
                                        ("money", .money(o.funded))])),
                    ("projects", .array(o.projects.map { .string($0) })),
                ]
                return .object(region)
            })),
            ("national_call", r.nationalCall.map { c in
                .object([("available", .money(c.available)), ("used", .money(c.used)),
                         ("funded", .object([("finess", .int(c.finess)), ("acquisition", .int(c.acquisitions))])),
                         ("projects", .array(c.projects.map { .string($0) }))])
            } ?? .null),
            ("national", .object([
                ("essms_funded", .int(r.finess)), ("acquisitions", .int(r.acquisitions)),
                ("money_used", .money(r.used)), ("money_left_unengaged", .money(r.leftUnengaged)),
                ("regions_funded", .int(fundedRegional)),
                ("indicators", .object([
                    ("essms_funded", .object([
                        ("target", .int(NationalIndicators.essmsFunded)),
                        ("engaged_projects", .int(r.engagedFiness)), ("redeployment", .int(r.finess)),
                        ("progress", .double(Double(r.engagedFiness + r.finess) / Double(NationalIndicators.essmsFunded))),
                    ])),
                    ("active_dui", activeDUI.map { e in
                        .object([
                            ("target", .int(NationalIndicators.activeDUI)), ("expected", .double(e.mean, digits: 1)),
                            ("p5", .number(String(e.p5))), ("p50", .number(String(e.p50))), ("p95", .number(String(e.p95))),
                            ("progress", .double(e.mean / Double(NationalIndicators.activeDUI))),
                            ("projects", .int(e.projects)), ("essms", .int(e.essms)),
                            ("draws", .int(e.draws)), ("seed", .number(String(e.seed))),
                            ("note", .string("engaged and redeployed projects, by the attainment model of the simulation (docs/SIMULATION.md)")),
                        ])
                    } ?? .object([
                        ("target", .int(NationalIndicators.activeDUI)), ("expected", .null),
                        // Nothing to simulate for a policy without an allocation, whatever the options.
                        ("note", .string(r.status.hasSelection ? "not simulated (--no-simulation)" : "not simulated (no allocation)")),
                    ])),
                ])),
            ])),
        ]
        let last = r.rounds.last
        pairs.append(("balance", .object([
            ("region", last.map { SelectDocument.balance($0.problem.territory, $0.problem.territoryBalance($0.result.selected)) } ?? .array([])),
            ("sector", last.map { SelectDocument.balance($0.problem.sector, $0.problem.sectorBalance($0.result.selected)) } ?? .array([])),
        ])))
        pairs.append(("rounds", .array(r.rounds.map { round in
            .object([
                ("name", .string(round.name)), ("status", .string(round.result.status.rawValue)),
                ("available", .money(round.problem.available)), ("used", .money(round.result.used)),
                ("selected", .array(round.result.selectedIDs(round.problem).map { .string($0) })),
                ("stages", .array(round.result.stages.map { s in
                    var stage: [(String, JSONValue)] = [
                        ("term", .string(s.term)), ("status", .string(s.status.identifier)),
                        ("value", s.value.map { .double($0) } ?? .null), ("bound", s.bestBound.map { .double($0) } ?? .null),
                        ("gap", s.gap.map { .double($0) } ?? .null), ("nodes", s.nodes.map { .int($0) } ?? .null)]
                    if timings { stage.append(("seconds", .double(s.seconds))) }
                    return .object(stage)
                })),
            ])
        })))
        return pairs
    }

    /// For each policy, the projects it funds and no other policy does (problem order).
    public static func onlyIn(_ results: [RedeploymentResult]) -> [RedeploymentPolicy: [String]] {
        var out: [RedeploymentPolicy: [String]] = [:]
        for r in results {
            let others = Set(results.filter { $0.policy != r.policy }.flatMap(\.selected))
            out[r.policy] = r.selected.filter { !others.contains($0) }
        }
        return out
    }

    // MARK: Text

    public static func text(scenario: Scenario, problem p: RedeploymentProblem, result r: RedeploymentResult,
                            timings: Bool = false, activeDUI: ActiveDUIEstimate? = nil, language: ReportLanguage = .en) -> String {
        let t = Catalogue(language), f = ReportFormat(language)
        let french = language == .fr
        let n = f.terminalInteger
        var out = header(scenario, p, language: language)
        out += t(.policyLine, r.policy.rawValue, describe(r.policy, language: language)) + "\n"
        out += t(.status, french ? f.status(r.status) : r.status.rawValue,
                 french ? SelectionText.statusSentence(r.status, stages: r.rounds.first { $0.result.status == r.status }?.result.stages ?? [], t)
                     : r.sentence) + "\n\n"
        out += infeasibilityText(r, language: language)
        let showShare = r.policy == .prorataESSMS
        var rows = [[t(.headRegion), "", t(.headNotified), t(.headUnengaged), t(.headReleased), t(.headReceived)] + (showShare ? [t(.headShare)] : [])
            + [t(.headProjects), t(.headESSMS), t(.headAcquisitions), t(.headFunded)]]
        for o in r.regions {
            rows.append([o.account.region, short(o.account.region), euros(o.account.notified), euros(o.account.unengaged),
                         euros(o.released), euros(o.received)] + (showShare ? [euros(o.share ?? .zero)] : [])
                        + [n(o.projects.count), n(o.finess), n(o.acquisitions), euros(o.funded)])
        }
        let totalReleased = r.regions.reduce(Money.zero) { $0 + $1.released }
        let totalReceived = r.regions.reduce(Money.zero) { $0 + $1.received }
        let notified = r.regions.reduce(Money.zero) { $0 + $1.account.notified }
        let unengaged = r.regions.reduce(Money.zero) { $0 + $1.account.unengaged }
        let regional = r.regions.reduce((0, 0, 0)) { ($0.0 + $1.projects.count, $0.1 + $1.finess, $0.2 + $1.acquisitions) }
        rows.append([t(.rowRegions), "", euros(notified), euros(unengaged), euros(totalReleased), euros(totalReceived)]
                    + (showShare ? [euros(r.regions.reduce(Money.zero) { $0 + ($1.share ?? .zero) })] : [])
                    + [n(regional.0), n(regional.1), n(regional.2), euros(r.usedRegional)])
        if let c = r.nationalCall {
            rows.append([t(.rowNationalCall), "", euros(p.nationalCall ?? .zero), euros(c.available), "", ""]
                        + (showShare ? [""] : []) + [n(c.projects.count), n(c.finess), n(c.acquisitions), euros(c.used)])
        }
        let right = Set(2..<(rows[0].count))
        out += TextTable.render(rows, rightAligned: right)
        out += "\n" + totals(r, activeDUI: activeDUI, language: language)
        if let last = r.rounds.last {
            let lines = last.problem.territoryBalance(last.result.selected)
            if last.problem.territory.mode != .off && !lines.isEmpty {
                let outside = lines.filter { !$0.within }.map(\.key)
                let tolerance = french ? f.percent(last.problem.territory.tolerance, digits: 0)
                    : "\(Int((last.problem.territory.tolerance * 100).rounded())) %"
                out += t(.regionBalance, french ? f.balanceMode(last.problem.territory.mode) : last.problem.territory.mode.rawValue, tolerance,
                         outside.isEmpty ? t(.everyRegionWithin) : t(.regionsOutside, outside.joined(separator: ", "))) + "\n"
            }
        }
        out += t(.solves) + (french ? " : " : ": ") + r.rounds.map { round in
            "\(round.name) [" + round.result.stages.map { s in
                SelectionText.stageText(s, t, french: french, value: false, timings: timings)
            }.joined(separator: french ? " ; " : "; ") + "]"
        }.joined(separator: ", ") + "\n"
        return out
    }

    /// Why a policy found no allocation within the hard rows: the round and the diagnosis of
    /// `select` (which constraint, the tolerance that would do); empty when it found one.
    public static func infeasibilityText(_ r: RedeploymentResult, language: ReportLanguage = .en) -> String {
        guard let i = r.infeasibility else { return "" }
        return Catalogue(language)(.policyInfeasible, r.policy.rawValue, i.round)
            + SelectionAnalysisDocument.infeasibilityText(i.report, problem: i.problem, language: language) + "\n"
    }

    public static func compareText(scenario: Scenario, problem p: RedeploymentProblem, results: [RedeploymentResult],
                                   language: ReportLanguage = .en) -> String {
        let t = Catalogue(language), f = ReportFormat(language)
        let french = language == .fr
        let n = f.terminalInteger
        var out = header(scenario, p, language: language)
        let policies = results.map(\.policy.rawValue)
        var rows = [[""] + policies]
        func line(_ name: String, _ g: (RedeploymentResult) -> String) { rows.append([name] + results.map(g)) }
        line(t(.compareStatus)) { french ? f.status($0.status) : $0.status.rawValue }
        line(t(.compareESSMS)) { n($0.finess) }
        line(t(.stageAcquisition)) { n($0.acquisitions) }
        line(t(.headScore)) { n($0.score) }
        line(t(.compareProjects)) { n($0.selected.count) }
        line(t(.compareRegionalUsed)) { euros($0.usedRegional) }
        line(t(.compareLeft)) { euros($0.leftUnengaged) }
        if p.nationalCall != nil { line(t(.compareNationalUsed)) { euros($0.nationalCall?.used ?? .zero) } }
        line(t(.compareReceiving)) { n($0.regions.filter { $0.received > .zero }.count) }
        line(t(.compareIndicator)) { r in "\(n(r.engagedFiness + r.finess)) / \(n(NationalIndicators.essmsFunded))" }
        out += TextTable.render(rows, rightAligned: Set(1...results.count))
        out += "\n" + t(.compareByRegion) + "\n"
        var regionRows = [[t(.headRegion), ""] + policies]
        for (i, a) in p.accounts.enumerated() {
            regionRows.append([a.region, short(a.region)] + results.map { r in
                let o = r.regions[i]
                return n(o.finess) + (o.received > .zero ? " (+\(euros(o.received)))" : "")
            })
        }
        if p.nationalCall != nil {
            regionRows.append([t(.rowNationalCall), ""] + results.map { n($0.nationalCall?.finess ?? 0) })
        }
        out += TextTable.render(regionRows, rightAligned: Set(2..<(2 + results.count)))
        out += "\n" + t(.compareOnly) + "\n"
        let only = onlyIn(results)
        let amounts = Dictionary(p.candidates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for r in results {
            let ids = only[r.policy] ?? []
            let essms = ids.reduce(0) { $0 + (amounts[$1]?.finessCount ?? 0) }
            out += french || ids.count != 1 ? t(.compareOnlyLine, r.policy.rawValue, n(ids.count), n(essms))
                : "  \(r.policy.rawValue): 1 project, \(essms) ESSMS"
            out += ids.isEmpty ? "\n" : " — " + ids.prefix(12).joined(separator: ", ")
                + (ids.count > 12 ? t(.compareOnlyMore, n(ids.count - 12)) : "") + "\n"
        }
        return out
    }

    static func header(_ scenario: Scenario, _ p: RedeploymentProblem, language: ReportLanguage = .en) -> String {
        let t = Catalogue(language), f = ReportFormat(language)
        let n = f.terminalInteger
        var out = "\(scenario.spec.title.isEmpty ? scenario.spec.id : scenario.spec.title)\n"
        let date = scenario.spec.date.map { $0.french } ?? "?"
        let deadline = scenario.spec.deadline.map { $0.french } ?? t(.redeployNone)
        out += t(.redeployHeader, date, deadline, p.pool.frenchString)
        if p.nationalCall != nil { out += t(.redeployNationalCall, p.nationalCallAvailable.frenchString) }
        out += "\n" + t(.redeployCandidates, n(p.candidates.count), n(p.engaged.count), n(p.notCandidates.count)) + "\n\n"
        return out
    }

    static func totals(_ r: RedeploymentResult, activeDUI: ActiveDUIEstimate? = nil, language: ReportLanguage = .en) -> String {
        let t = Catalogue(language), f = ReportFormat(language)
        let french = language == .fr
        let n = f.terminalInteger
        let dec = { (x: Double, d: Int) in f.terminalDecimal(x, digits: d) }
        var out = t(.totalsNational, n(r.finess), n(r.acquisitions), n(r.selected.count), r.used.frenchString, r.leftUnengaged.frenchString) + "\n"
        let total = r.engagedFiness + r.finess
        out += t(.totalsIndicators, n(total), n(NationalIndicators.essmsFunded),
                 french ? f.percent(Double(total) / Double(NationalIndicators.essmsFunded))
                     : JSONValue.formatDecimal(Double(total) * 100 / Double(NationalIndicators.essmsFunded), digits: 1) + " %",
                 n(r.engagedFiness), n(r.finess), n(NationalIndicators.activeDUI))
        if let e = activeDUI {
            out += t(.totalsExpected, dec(e.mean, 0), n(Int(e.p5)), n(Int(e.p95)),
                     french ? f.percent(e.mean / Double(NationalIndicators.activeDUI))
                         : JSONValue.formatDecimal(e.mean * 100 / Double(NationalIndicators.activeDUI), digits: 1) + " %",
                     n(e.essms), n(e.draws)) + "\n"
        } else {
            out += t(.totalsNotSimulated) + "\n"
        }
        return out
    }

    public static func describe(_ policy: RedeploymentPolicy, language: ReportLanguage = .en) -> String {
        let t = Catalogue(language)
        switch policy {
        case .pooled: return t(.policyPooled)
        case .ownFirst: return t(.policyOwnFirst)
        case .prorataESSMS: return t(.policyProrata)
        }
    }

    static func short(_ region: String) -> String { Geography.regionsByCode[region]?.name ?? "" }

    static func euros(_ m: Money) -> String { m.frenchString.replacingOccurrences("€", "").trimmingSpaces }
}
