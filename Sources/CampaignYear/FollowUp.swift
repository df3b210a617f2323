// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

/// The follow-up of funded projects to the second-tranche payment (SCENARIO-FORMAT.md,
/// "Follow-up of funded projects"; RULES §4–§5): per funded ESSMS its grant (equipment capped
/// at what was spent), the first half paid at signature, the second half due or withheld and
/// why, and what is to recover. Pure: the same reports give the same cents.
public struct FollowUp: Sendable {
    public var rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    /// The follow-up of the projects `funded` (ids, in the scenario's order or any), whose
    /// grants are in `assessments`. Reports of a project that is not funded, or of an ESSMS that
    /// is not funded in its project, are errors located at their row; an empty MSSanté or DMP
    /// rate of a non-exempt ESSMS is a warning (the target is not met).
    public func compute(scenario: Scenario, assessments: [ProjectAssessment], funded: [String],
                        committees: [String: String] = [:], reports: FollowupReports,
                        fundedBasis: String = "") -> (FollowupResult, Diagnostics) {
        var d = Diagnostics()
        let fundedSet = Set(funded)
        let byId = Dictionary(assessments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let projectById = Dictionary(scenario.projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var reportsByKey: [String: [IndicatorReport]] = [:]
        for r in reports.indicators {
            guard check(r.project, r.finess, r.projectLocation, r.finessLocation, fundedSet, byId, reports.indicatorsFile, &d)
            else { continue }
            reportsByKey[Self.key(r.project, r.finess), default: []].append(r)
        }
        var expensesByKey: [String: ExpenseStatement] = [:]
        for e in reports.expenses ?? [] {
            guard check(e.project, e.finess, e.projectLocation, e.finessLocation, fundedSet, byId,
                        reports.expensesFile ?? "expenses.csv", &d) else { continue }
            expensesByKey[Self.key(e.project, e.finess)] = e
        }
        let targets = Dictionary(uniqueKeysWithValues: [
            (UsageIndicator.activeRecords, rules.usageTargets.activeRecords),
            (.personalisedProject, rules.usageTargets.personalisedProject), (.agendaEvent, rules.usageTargets.agendaEvent),
            (.mss, rules.usageTargets.mssante), (.dmp, rules.usageTargets.dmp),
        ].map { ($0.0, UsageRate(fraction: $0.1)) })
        var projects: [FollowupProject] = []
        var totals = FollowupTotals()
        var regionTotals: [String: FollowupTotals] = [:]
        for id in funded {
            guard let a = byId[id], let p = projectById[id] else { continue }
            var endedOn: Day?
            var essms: [FollowupESSMS] = []
            for f in a.funded {
                let key = Self.key(id, f.finess)
                let all = reportsByKey[key] ?? []
                let counted = all.filter { $0.periodEnd <= reports.asOf }.max { $0.periodEnd < $1.periodEnd }
                for r in all where r.periodEnd <= reports.asOf {
                    if let e = r.projectEnded, e <= reports.asOf, endedOn.map({ e > $0 }) ?? true { endedOn = e }
                }
                var item = essmsFollowup(f, counted, ignored: all.count - all.count { $0.periodEnd <= reports.asOf },
                                         expense: expensesByKey[key], targets: targets, file: reports.indicatorsFile, &d)
                item.firstHalf = item.grantedAtSignature.firstHalf
                essms.append(item)
            }
            let projectAllMet = essms.allSatisfy(\.allMet)
            for i in essms.indices {
                settle(&essms[i], ended: endedOn != nil, projectAllMet: projectAllMet)
            }
            let fp = FollowupProject(id: id, title: p.title, committee: committees[id], endedOn: endedOn, essms: essms)
            for e in essms { regionTotals[e.region, default: FollowupTotals()].add(e) }
            totals.add(fp.totals)
            projects.append(fp)
        }
        let regions = scenario.spec.scope == .national
            ? regionTotals.keys.sorted().map { ($0, regionTotals[$0] ?? FollowupTotals()) } : []
        return (FollowupResult(scenario: scenario.spec.id, asOf: reports.asOf, policy: rules.policies.secondTranche,
                               projects: projects, totals: totals, regions: regions, fundedBasis: fundedBasis), d)
    }

    static func key(_ project: String, _ finess: FINESS) -> String { "\(project)\u{1F}\(finess)" }

    /// A report row's project must be funded and its ESSMS funded in it.
    func check(_ project: String, _ finess: FINESS, _ projectAt: SourceLocation, _ finessAt: SourceLocation,
               _ funded: Set<String>, _ byId: [String: ProjectAssessment], _ file: String, _ d: inout Diagnostics) -> Bool {
        guard funded.contains(project), let a = byId[project] else {
            d.error("project-not-funded", at: projectAt, .fr("le projet '\(project)' n'est pas financé", en: "project '\(project)' is not funded"),
                    expected: .fr("un projet avec decision: engaged, ou sélectionné", en: "a project with decision: engaged, or selected"),
                    found: "'\(project)'",
                    hint: .fr("un relevé ne concerne qu'un projet financé : vérifiez l'id, ou la décision du projet dans la table des projets",
                              en: "a report is for a funded project only: check the id, or the project's decision in the projects table"))
            return false
        }
        if a.funded.contains(where: { $0.finess == finess }) { return true }
        let why = a.excluded.first { $0.finess == finess }.map { Phrase.fr("exclu : \($0.message)", en: "excluded: \($0.message)") }
            ?? .fr("non éligible dans ce projet", en: "not eligible in it")
        d.error("essms-not-funded", at: finessAt,
                .fr("l'ESSMS \(finess) n'est pas financé dans le projet '\(project)' (\(why.fr))",
                    en: "ESSMS \(finess) is not funded in project '\(project)' (\(why.en))"),
                expected: .fr("l'un des \(a.funded.count) ESSMS financés de '\(project)'", en: "one of the \(a.funded.count) funded ESSMS of '\(project)'"),
                found: "'\(finess)'",
                hint: .fr("un ESSMS exclu ne reçoit rien et ne déclare rien", en: "an excluded ESSMS receives nothing and reports nothing"))
        return false
    }

    /// Rates, targets met and the capped grant of one ESSMS (money due is settled afterwards).
    func essmsFollowup(_ f: FundedESSMS, _ report: IndicatorReport?, ignored: Int, expense: ExpenseStatement?,
                       targets: [UsageIndicator: UsageRate], file: String, _ d: inout Diagnostics) -> FollowupESSMS {
        let atSignature = f.amount.total
        var granted = atSignature
        if let spent = expense?.equipmentSpent, spent < f.amount.equipment {
            granted = atSignature - f.amount.equipment + spent
        }
        let exempt: [UsageIndicator] = rules.pjmExemptFromMSSanteAndDMP && f.sector == .pjm ? [.mss, .dmp] : []
        var rates: [UsageIndicator: Double] = [:]
        var met: [UsageIndicator: Bool] = [:]
        if let r = report {
            func ratio(_ k: UsageIndicator, _ n: Int, _ of: Int) {
                rates[k] = of > 0 ? Double(n) / Double(of) : 0
                met[k] = targets[k].map { $0.isReached(by: n, of: of) } ?? false
            }
            ratio(.activeRecords, r.activeRecords, r.fileActive)
            ratio(.personalisedProject, r.withPersonalisedProject, r.activeRecords)
            ratio(.agendaEvent, r.withAgendaEvent, r.activeRecords)
            for (k, rate, column) in [(UsageIndicator.mss, r.mssRate, "mss_rate"), (.dmp, r.dmpRate, "dmp_rate")] {
                if let rate { rates[k] = rate.fraction }
                if exempt.contains(k) {
                    met[k] = true
                } else if let rate, let t = targets[k] {
                    met[k] = rate >= t
                } else {
                    met[k] = false
                    d.warning("rate-missing", at: SourceLocation(file: file, line: r.line, keyPath: column),
                              .fr("'\(column)' est vide pour l'ESSMS \(f.finess) de '\(r.project)', qui n'est pas exempté",
                                  en: "'\(column)' is empty for ESSMS \(f.finess) of '\(r.project)', which is not exempt"),
                              hint: .fr("sa cible compte comme non atteinte ; seuls les ESSMS PJM sont exemptés, à partir des règles 2025",
                                        en: "its target counts as not met; only PJM ESSMS are exempt, from the 2025 rules"))
                }
            }
        }
        let allMet = report != nil && UsageIndicator.allCases.allSatisfy { met[$0] == true }
        return FollowupESSMS(finess: f.finess, sector: f.sector, region: f.region, grantedAtSignature: atSignature,
                             granted: granted, firstHalf: .zero, secondHalfDue: .zero, withheld: .zero, toRecover: .zero,
                             report: report, ignoredReports: ignored, rates: rates, met: met, exempt: exempt, allMet: allMet,
                             certified: expense?.certified ?? false, reasons: [], withheldByPolicy: false)
    }

    /// The second half due or withheld, and what is to recover.
    func settle(_ e: inout FollowupESSMS, ended: Bool, projectAllMet: Bool) {
        var reasons: [WithholdReason] = []
        if e.report == nil { reasons.append(.noReport) }
        let byPolicy = rules.policies.secondTranche == .allOrNothing && e.allMet && !projectAllMet
        if e.report != nil && !e.allMet || byPolicy { reasons.append(.targetsNotMet) }
        if !ended { reasons.append(.notEnded) }
        if !e.certified { reasons.append(.notCertified) }
        e.reasons = reasons
        e.withheldByPolicy = byPolicy
        let rest = e.granted - e.firstHalf
        if rest < .zero {
            e.toRecover = Money.zero - rest
        } else if reasons.isEmpty {
            e.secondHalfDue = rest
        } else {
            e.withheld = rest
        }
    }
}
