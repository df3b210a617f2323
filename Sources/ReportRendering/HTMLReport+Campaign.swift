// SPDX-License-Identifier: GPL-3.0-or-later
import CampaignYear
import ScenarioModel
import Simulation

/// The sections of the year: the committees of the campaign, and the follow-up of the funded
/// projects (who is late, who is at risk, the money withheld).
extension HTMLReport {
    static func campaign(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        guard let r = facts.content.campaign else { return }
        let f = facts.f
        h.raw("<section id=\"campagne\">\n")
        h.element("h2", f(.campaignTheCommittees))
        if !r.engagedBefore.isEmpty {
            h.element("p", f(.engagedBeforeThe)
                + r.engagedBefore.joined(separator: ", "), attributes: "class=\"note\"")
        }
        h.raw("<table>")
        h.headerRow([(f(.committee), false), (f(.date), false), (f(.depositsUntil), false),
                     (f(.status), false), (f(.headAvailable), true), (f(.projectsSelected), true),
                     ("ESSMS", true), (f(.engaged), true), (f(.headLeft), true), (f(.carriedOver), true)])
        h.raw("<tbody>")
        for c in r.committees {
            h.raw("<tr>")
            h.cell(c.committee.id)
            h.cell(f.date(c.committee.date))
            h.cell(f.date(c.committee.cutoff))
            h.cell(c.status == .skipped ? f(.skipped) : c.status.rawValue)
            h.cell(f.money(c.available), numeric: true, sort: c.available.decimalString)
            h.cell(f.integer(c.selected.count), numeric: true)
            h.cell(f.integer(c.finess), numeric: true)
            h.cell(f.money(c.used), numeric: true, sort: c.used.decimalString)
            h.cell(f.money(c.left), numeric: true, sort: c.left.decimalString)
            h.cell(f.integer(c.carriedOver.count), numeric: true)
            h.raw("</tr>")
        }
        h.raw("<tr class=\"total\">")
        h.cell(f(.year))
        h.cell("")
        h.cell("")
        h.cell("")
        h.cell("")
        h.cell(f.integer(r.selected.count), numeric: true)
        h.cell(f.integer(r.finess), numeric: true)
        h.cell(f.money(r.used), numeric: true)
        h.cell(f.money(r.left), numeric: true)
        h.cell(f.integer(r.carriedOver.count), numeric: true)
        h.raw("</tr></tbody></table>\n")
        for c in r.committees where c.status == .skipped {
            h.element("p", "\(c.committee.id) : \(c.sentence)", attributes: "class=\"note\"")
        }
        h.raw("</section>\n")
    }

    /// The usage model fitted to the reports (`esms calibrate`): each parameter against the
    /// scenario's assumption, and the attainment reported against the fitted model's.
    static func calibration(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        guard let c = facts.content.calibration else { return }
        let f = facts.f
        h.element("h3", f(.calibrationTitle))
        h.element("p", f(.calibrationFit, f.terminalInteger(c.fit.projects), f.terminalInteger(c.fit.essms), f.terminalInteger(c.fit.observations)),
                  attributes: "class=\"note\"")
        let rows = (c.byIndicator + c.bySector.map { CalibrationRun.Comparison(key: f(.everyTargetPrefix) + $0.key, essms: $0.essms,
                                                                                 observed: $0.observed, predicted: $0.predicted) })
        let chart = BarChart(title: f(.attainmentReportedAnd),
                             unit: .share, axisTitle: f(.shareOfESSMS),
                             series: [f(.reported), f(.predicted)],
                             rows: rows.map { BarChart.Row(label: $0.key, values: [$0.observed, $0.predicted]) })
        h.raw(chart.svg(f) + "\n")
        h.raw("<table>")
        h.headerRow([(f(.parameter), false), (f(.assumed), true), (f(.estimate), true),
                     (f(.headCI), true), ("n", true)])
        h.raw("<tbody>")
        for row in CalibrationDocument.rows(c) {
            h.raw("<tr>")
            h.cell(row.key)
            h.cell(f.decimal(row.prior, digits: 3), numeric: true)
            h.cell(f.decimal(row.value.estimate, digits: 3), numeric: true)
            h.cell(row.value.low.flatMap { lo in row.value.high.map { "\(f.decimal(lo, digits: 3)) – \(f.decimal($0, digits: 3))" } } ?? "—", numeric: true)
            h.cell(f.integer(row.value.count), numeric: true)
            h.raw("</tr>")
        }
        h.raw("</tbody></table>\n")
    }

    static func followup(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        guard let r = facts.content.followup else { return }
        let f = facts.f, t = r.totals
        h.raw("<section id=\"suivi\">\n")
        h.element("h2", f(.followUpOf, f.date(r.asOf)))
        h.element("p", f(.secondHalfPolicy, f.policyValue(r.policy.rawValue)) + " — "
            + f(.fundedESSMSReported, t.essms, t.reported, t.essmsMeetingTargets, t.activeDUI),
            attributes: "class=\"note\"")
        h.raw("<div class=\"cards\">")
        h.card(f(.firstHalvesPaid), f.money(t.firstHalf))
        h.card(f(.secondHalvesDue), f.money(t.secondHalfDue))
        h.card(f(.withheld), f.money(t.withheld))
        h.card(f(.toRecover), f.money(t.toRecover))
        h.raw("</div>\n")
        h.element("h3", f(.moneyWithheldBy))
        h.raw("<table>")
        h.headerRow([(f(.reason), false), (f(.amount), true)])
        h.raw("<tbody>")
        for k in WithholdReason.allCases {
            h.raw("<tr>")
            h.cell(f.withholdReason(k))
            h.cell(f.money(t.withheldBy[k] ?? .zero), numeric: true)
            h.raw("</tr>")
        }
        h.raw("</tbody></table>\n")
        // Late: not ended or an ESSMS without report; at risk: reported, a target missed or no certified statement.
        let late = r.projects.filter { !$0.ended || $0.essms.contains { $0.report == nil } }
        let risk = r.projects.filter { p in !late.contains { $0.id == p.id } && p.essms.contains { !$0.allMet || !$0.certified } }
        for (title, list) in [(f(.lateNotEnded), late),
                              (f(.atRiskTargets), risk)] {
            h.element("h3", title + " — \(list.count)")
            guard !list.isEmpty else { continue }
            h.raw("<table>")
            h.headerRow([(f(.project), false), (f(.committee), false), ("ESSMS", true),
                         (f(.meetingTargets), true), (f(.reasons), false),
                         (f(.withheld), true), (f(.toRecover), true)])
            h.raw("<tbody>")
            for p in list {
                let pt = p.totals
                let reasons = WithholdReason.allCases.filter { k in p.essms.contains { $0.reasons.contains(k) } }
                h.raw("<tr>")
                h.cell(p.id)
                h.cell(p.committee ?? f(.before))
                h.cell(f.integer(pt.essms), numeric: true)
                h.cell(f.integer(pt.essmsMeetingTargets), numeric: true)
                h.cell(reasons.map(f.withholdReason).joined(separator: ", "))
                h.cell(f.money(pt.withheld), numeric: true, sort: pt.withheld.decimalString)
                h.cell(f.money(pt.toRecover), numeric: true, sort: pt.toRecover.decimalString)
                h.raw("</tr>")
            }
            h.raw("</tbody></table>\n")
        }
        calibration(&h, facts)
        h.raw("</section>\n")
    }
}

extension ReportFormat {
    /// Why a second half is withheld, in words ("pas de remontée"), for a person; the JSON and
    /// the CSV keep the stable code (`no-report`).
    public func withholdReason(_ reason: WithholdReason) -> String {
        switch reason {
        case .noReport: self(.noReport)
        case .targetsNotMet: self(.targetsNotMet)
        case .notEnded: self(.projectNotEnded)
        case .notCertified: self(.expensesNotCertified)
        }
    }
}
