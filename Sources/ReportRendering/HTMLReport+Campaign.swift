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
        h.element("h2", f.tr("Campagne : les comités de l'année", "Campaign: the committees of the year"))
        if !r.engagedBefore.isEmpty {
            h.element("p", f.tr("Engagés avant la campagne (le restent) : ", "Engaged before the campaign (kept engaged): ")
                + r.engagedBefore.joined(separator: ", "), attributes: "class=\"note\"")
        }
        h.raw("<table>")
        h.headerRow([(f.tr("Comité", "Committee"), false), (f.tr("Date", "Date"), false), (f.tr("Dépôts jusqu'au", "Deposits until"), false),
                     (f.tr("Statut", "Status"), false), (f.tr("Disponible", "Available"), true), (f.tr("Projets retenus", "Projects selected"), true),
                     ("ESSMS", true), (f.tr("Engagé", "Engaged"), true), (f.tr("Reste", "Left"), true), (f.tr("Reportés", "Carried over"), true)])
        h.raw("<tbody>")
        for c in r.committees {
            h.raw("<tr>")
            h.cell(c.committee.id)
            h.cell(f.date(c.committee.date))
            h.cell(f.date(c.committee.cutoff))
            h.cell(c.status == .skipped ? f.tr("non tenu", "skipped") : c.status.rawValue)
            h.cell(f.money(c.available), numeric: true, sort: c.available.decimalString)
            h.cell(f.integer(c.selected.count), numeric: true)
            h.cell(f.integer(c.finess), numeric: true)
            h.cell(f.money(c.used), numeric: true, sort: c.used.decimalString)
            h.cell(f.money(c.left), numeric: true, sort: c.left.decimalString)
            h.cell(f.integer(c.carriedOver.count), numeric: true)
            h.raw("</tr>")
        }
        h.raw("<tr class=\"total\">")
        h.cell(f.tr("Année", "Year"))
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
        h.element("h3", f.tr("Calibration du modèle d'usage sur les indicateurs déclarés", "The usage model calibrated on the reported indicators"))
        h.element("p", f.tr("Projets terminés : \(f.integer(c.fit.projects)), \(f.integer(c.fit.essms)) ESSMS, \(f.integer(c.fit.observations)) taux déclarés ; maximum de vraisemblance, intervalles à 95 %. Les autres paramètres (effets, déploiement, files actives) restent des hypothèses.",
                            "Ended projects: \(c.fit.projects), \(c.fit.essms) ESSMS, \(c.fit.observations) reported rates; maximum likelihood, 95 % intervals. The other parameters (effects, deployment, file active) stay assumptions."),
                  attributes: "class=\"note\"")
        let rows = (c.byIndicator + c.bySector.map { CalibrationRun.Comparison(key: f.tr("toutes cibles — ", "every target — ") + $0.key, essms: $0.essms,
                                                                                 observed: $0.observed, predicted: $0.predicted) })
        let chart = BarChart(title: f.tr("Atteinte déclarée et prédite par le modèle calibré", "Attainment reported and predicted by the calibrated model"),
                             unit: .share, axisTitle: f.tr("Part des ESSMS atteignant la cible", "Share of ESSMS meeting the target"),
                             series: [f.tr("déclarée", "reported"), f.tr("prédite", "predicted")],
                             rows: rows.map { BarChart.Row(label: $0.key, values: [$0.observed, $0.predicted]) })
        h.raw(chart.svg(f) + "\n")
        h.raw("<table>")
        h.headerRow([(f.tr("Paramètre", "Parameter"), false), (f.tr("Hypothèse", "Assumed"), true), (f.tr("Estimation", "Estimate"), true),
                     (f.tr("IC 95 %", "95 % CI"), true), ("n", true)])
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
        h.element("h2", f.tr("Suivi des projets financés et paiements au ", "Follow-up of funded projects and payments on ") + f.date(r.asOf))
        h.element("p", f.tr("Seconde moitié : politique ", "Second half: policy ") + f.policyValue(r.policy.rawValue) + " — "
            + f.tr("\(t.essms) ESSMS financés, \(t.reported) ont remonté leurs indicateurs, \(t.essmsMeetingTargets) atteignent toutes leurs cibles ; \(t.activeDUI) DUI actifs déclarés.",
                   "\(t.essms) funded ESSMS, \(t.reported) reported, \(t.essmsMeetingTargets) meet every target; \(t.activeDUI) active DUI reported."),
            attributes: "class=\"note\"")
        h.raw("<div class=\"cards\">")
        h.card(f.tr("Premières moitiés versées", "First halves paid"), f.money(t.firstHalf))
        h.card(f.tr("Secondes moitiés dues", "Second halves due"), f.money(t.secondHalfDue))
        h.card(f.tr("Retenu", "Withheld"), f.money(t.withheld))
        h.card(f.tr("À recouvrer", "To recover"), f.money(t.toRecover))
        h.raw("</div>\n")
        let labels: [WithholdReason: String] = [
            .noReport: f.tr("pas de remontée", "no report"), .targetsNotMet: f.tr("cibles non atteintes", "targets not met"),
            .notEnded: f.tr("projet non terminé", "project not ended"), .notCertified: f.tr("dépenses non certifiées", "expenses not certified"),
        ]
        h.element("h3", f.tr("Montants retenus par motif", "Money withheld by reason"))
        h.raw("<table>")
        h.headerRow([(f.tr("Motif", "Reason"), false), (f.tr("Montant", "Amount"), true)])
        h.raw("<tbody>")
        for k in WithholdReason.allCases {
            h.raw("<tr>")
            h.cell(labels[k] ?? k.rawValue)
            h.cell(f.money(t.withheldBy[k] ?? .zero), numeric: true)
            h.raw("</tr>")
        }
        h.raw("</tbody></table>\n")
        // Late: not ended or an ESSMS without report; at risk: reported, a target missed or no certified statement.
        let late = r.projects.filter { !$0.ended || $0.essms.contains { $0.report == nil } }
        let risk = r.projects.filter { p in !late.contains { $0.id == p.id } && p.essms.contains { !$0.allMet || !$0.certified } }
        for (title, list) in [(f.tr("En retard (non terminés ou sans remontée)", "Late (not ended or not reported)"), late),
                              (f.tr("À risque (cibles manquées ou dépenses non certifiées)", "At risk (targets missed or expenses not certified)"), risk)] {
            h.element("h3", title + " — \(list.count)")
            guard !list.isEmpty else { continue }
            h.raw("<table>")
            h.headerRow([(f.tr("Projet", "Project"), false), (f.tr("Comité", "Committee"), false), ("ESSMS", true),
                         (f.tr("Atteignent les cibles", "Meeting targets"), true), (f.tr("Motifs", "Reasons"), false),
                         (f.tr("Retenu", "Withheld"), true), (f.tr("À recouvrer", "To recover"), true)])
            h.raw("<tbody>")
            for p in list {
                let pt = p.totals
                let reasons = WithholdReason.allCases.filter { k in p.essms.contains { $0.reasons.contains(k) } }
                h.raw("<tr>")
                h.cell(p.id)
                h.cell(p.committee ?? f.tr("avant", "before"))
                h.cell(f.integer(pt.essms), numeric: true)
                h.cell(f.integer(pt.essmsMeetingTargets), numeric: true)
                h.cell(reasons.map { labels[$0] ?? $0.rawValue }.joined(separator: ", "))
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
