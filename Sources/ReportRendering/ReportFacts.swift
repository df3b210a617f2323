// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Selection

/// The figures every format of the report shares, computed once from a `ReportContent`: one
/// row per project with its decision and reason in the report's language, the envelope, the
/// totals. HTML, CSV and minutes only lay them out, so they cannot disagree.
struct ReportFacts {
    struct ProjectRow {
        var project: Project
        var assessment: ProjectAssessment?
        var explanation: ProjectExplanation?
        /// `selected`, `engaged`, `not-selected`, `ineligible`, `rejected`, `excluded`, or without a
        /// selection `eligible` / `ineligible`.
        var decision: String
        var decisionLabel: String
        var reasonCode: String
        var reason: String
        var amount: Money
        var essms: Int
        var acquisitions: Int
        var upgrades: Int
        var excluded: Int

        var id: String { project.id }
        var title: String { project.title }
    }

    struct Envelope {
        var notified: Money
        var engagedEarlier: Money
        var reserve: Money
        var engagedProjects: Money
        var available: Money
        var used: Money?
        var left: Money?
        /// National scope: the call for national projects, counted in the pool.
        var nationalCall: Money?
    }

    let content: ReportContent
    let f: ReportFormat
    let rows: [ProjectRow]
    let envelope: Envelope
    let assessmentsByID: [String: ProjectAssessment]

    init(_ content: ReportContent, _ f: ReportFormat) {
        self.content = content
        self.f = f
        let byID = Dictionary(content.assessments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        assessmentsByID = byID
        let explanations = Dictionary((content.selection?.explanations ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        rows = content.scenario.projects.map { p in
            let a = byID[p.id]
            let e = explanations[p.id]
            var row = ProjectRow(project: p, assessment: a, explanation: e, decision: "", decisionLabel: "", reasonCode: "",
                                 reason: "", amount: a?.amount.total ?? .zero, essms: a?.finessCount ?? 0,
                                 acquisitions: a?.acquisitionCount ?? 0, upgrades: a?.upgradeCount ?? 0,
                                 excluded: a?.excluded.count ?? 0)
            if let e {
                row.decision = e.decision.rawValue
                row.decisionLabel = f.decision(e.decision)
                row.reasonCode = e.code
                row.reason = f.reason(e, assessment: a)
            } else if let a, !a.eligible {
                row.decision = "ineligible"
                row.decisionLabel = f.decision(.ineligible)
                row.reasonCode = "ineligible"
                row.reason = f(.ineligiblePrefix) + a.errors.map { f.ruleCode($0.code) }.joined(separator: ", ")
            } else {
                row.decision = "eligible"
                row.decisionLabel = f(.eligible)
                row.reasonCode = "eligible"
                row.reason = f(.eligibleNoSelection)
            }
            return row
        }
        let spec = content.scenario.spec
        let p = content.selection?.problem
        let engagedProjects = p?.engaged.reduce(Money.zero) { $0 + $1.amount } ?? .zero
        var env: Envelope
        if spec.scope == .national {
            let regions = content.scenario.regionEnvelopes
            env = Envelope(notified: regions.reduce(.zero) { $0 + $1.notified }, engagedEarlier: regions.reduce(.zero) { $0 + $1.engaged },
                           reserve: .zero, engagedProjects: engagedProjects, available: .zero, nationalCall: spec.nationalCall)
            env.available = env.notified - env.engagedEarlier + (spec.nationalCall ?? .zero) - engagedProjects
        } else {
            env = Envelope(notified: spec.envelope.notified, engagedEarlier: spec.envelope.engaged, reserve: spec.envelope.reserve,
                           engagedProjects: engagedProjects, available: .zero)
            env.available = env.notified - env.engagedEarlier - env.reserve - engagedProjects
        }
        if let p { env.available = p.available }
        if let s = content.selection, s.solved {
            env.used = s.result.used
            env.left = env.available - s.result.used
        }
        envelope = env
    }

    var title: String { content.scenario.spec.title.isEmpty ? content.scenario.spec.id : content.scenario.spec.title }

    func rows(_ decision: String) -> [ProjectRow] { rows.filter { $0.decision == decision } }

    /// The decisions present, in a fixed order, with their label.
    var decisions: [(String, String)] {
        let order = ["selected", "engaged", "not-selected", "excluded", "later-committee", "rejected", "ineligible", "eligible"]
        let present = Set(rows.map(\.decision))
        return order.filter(present.contains).map { d in (d, rows.first { $0.decision == d }!.decisionLabel) }
    }

    /// The ESSMS of the register, by FINESS (names, département).
    func establishment(_ finess: FINESS) -> Establishment? { content.scenario.register[finess] }
}
