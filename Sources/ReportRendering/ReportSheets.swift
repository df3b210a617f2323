// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Selection
import Spreadsheet

/// The tables of the report for a spreadsheet, with typed cells: the decisions and the ESSMS
/// (written as `decisions.csv` and `essms.csv`, and as sheets of `decisions.xlsx`), the balance,
/// the envelope and the regions of a national scope (sheets of the workbook). The CSV and the
/// workbook lay out the same tables, so they have the same columns and values.
enum ReportSheets {
    /// One row per project: where it is, its decision and reason, its counts, score and money,
    /// and the amount this committee grants it (the selected projects'; their sum is the
    /// envelope used).
    static func decisions(_ facts: ReportFacts) -> Sheet {
        let f = facts.f, scenario = facts.content.scenario
        var t = Sheet(name: f.tr("Décisions", "Decisions"),
                      header: [f.tr("projet", "project"), f.tr("titre", "title"), f.tr("porteur", "porteur"),
                               f.tr("departement", "departement"), f.tr("region", "region"),
                               f.tr("decision", "decision"), f.tr("libelle_decision", "decision_label"),
                               f.tr("code_motif", "reason_code"), f.tr("motif", "reason"), f.tr("recevable", "eligible"),
                               f.tr("guichet", "desk"), "essms", "acquisitions", f.tr("mises_a_niveau", "upgrades"),
                               f.tr("essms_exclus", "essms_excluded"), "score", "usage", f.tr("logiciel", "software"),
                               f.tr("equipement", "equipment"), "amoa", f.tr("montant", "amount"),
                               f.tr("montant_accorde", "granted")])
        for row in facts.rows {
            let a = row.assessment
            let (departement, region) = DecisionsCSV.place(row.project, scenario)
            let project: [Cell] = [.text(row.id), .text(row.title), .text(row.project.porteur.text), .text(departement), .text(region)]
            let decision: [Cell] = [.text(f.decisionValue(row.decision)), .text(row.decisionLabel), .text(f.reasonCodeValue(row.reasonCode)),
                                    .text(row.reason), a.map { .text(f.yesNo($0.eligible)) } ?? .empty,
                                    a.map { .text(f.guichet($0.guichet)) } ?? .empty]
            let counts: [Cell] = [.integer(row.essms), .integer(row.acquisitions), .integer(row.upgrades), .integer(row.excluded),
                                  .integer(row.project.score)]
            let amount = a?.amount ?? Amount()
            let money: [Cell] = [.money(amount.usage), .money(amount.software), .money(amount.equipment), .money(amount.amoa),
                                 .money(row.amount), .money(row.decision == "selected" ? row.amount : .zero)]
            t.append(project + decision + counts + money)
        }
        return t
    }

    /// One row per ESSMS of every project: its money, or why it is excluded.
    static func essms(_ facts: ReportFacts) -> Sheet {
        let f = facts.f
        var t = Sheet(name: "ESSMS",
                      header: [f.tr("projet", "project"), f.tr("decision_projet", "project_decision"), "finess",
                               f.tr("etablissement", "establishment"), f.tr("departement", "departement"),
                               f.tr("secteur", "sector"), "mode", f.tr("rang", "rank"), f.tr("taux_plein", "full_rate"),
                               f.tr("petit_og", "small_organisation"), "usage", f.tr("logiciel", "software"),
                               f.tr("equipement", "equipment"), "amoa", f.tr("montant", "amount"), f.tr("finance", "funded"),
                               f.tr("motif_exclusion", "exclusion_reason")])
        for row in facts.rows {
            for l in EssmsLine.lines(row, facts) {
                func part(_ k: KeyPath<Amount, Money>) -> Cell { l.amount.map { .money($0[keyPath: k]) } ?? .empty }
                func yesNo(_ b: Bool?) -> Cell { b.map { .text(f.yesNo($0)) } ?? .empty }
                let funded = l.amount != nil && (row.decision == "selected" || row.decision == "engaged")
                let place: [Cell] = [.text(l.departement), .text(l.sector.map(f.sector) ?? ""), .text(f.modeValue(l.mode))]
                let rate: [Cell] = [l.rank.map { .integer($0) } ?? .empty, yesNo(l.fullRate), yesNo(l.smallOrganisation)]
                let money: [Cell] = [part(\.usage), part(\.software), part(\.equipment), part(\.amoa), .money(l.amount?.total ?? .zero)]
                t.append([.text(row.id), .text(f.decisionValue(row.decision)), .text(l.finess), .text(l.name)] + place + rate + money
                         + [.text(f.yesNo(funded)), .text(l.exclusion ?? "")])
            }
        }
        return t
    }

    /// Each key of the territory then the sector balance: the money of the selection and the
    /// engaged projects, its share against the target and the tolerance range (empty without a
    /// selection).
    static func balance(_ facts: ReportFacts) -> Sheet {
        let f = facts.f
        var t = Sheet(name: f.tr("Équilibre", "Balance"),
                      header: [f.tr("equilibre", "balance"), "mode", f.tr("tolerance", "tolerance"), f.tr("cle", "key"),
                               f.tr("libelle", "label"), f.tr("montant", "amount"), f.tr("part", "share"), f.tr("cible", "target"),
                               f.tr("bas", "low"), f.tr("haut", "high"), f.tr("dans_la_plage", "within")])
        guard let s = facts.content.selection, s.solved else { return t }
        let p = s.problem
        for (spec, lines, kind, name) in [(p.territory, p.territoryBalance(s.result.selected), f.tr("territoire", "territory"), f.departement),
                                          (p.sector, p.sectorBalance(s.result.selected), f.tr("secteur", "sector"), f.sector)] {
            for l in lines {
                t.append([.text(kind), .text(f.balanceMode(spec.mode)), .share(spec.tolerance), .text(l.key), .text(name(l.key)),
                          .money(l.money), .share(l.share), .share(l.target), .share(l.low), .share(l.high), .text(f.yesNo(l.within))])
            }
        }
        return t
    }

    /// The envelope line by line, as in the minutes: notified, engaged earlier, reserve,
    /// available, used, left.
    static func envelope(_ facts: ReportFacts) -> Sheet {
        let f = facts.f
        var t = Sheet(name: f.tr("Enveloppe", "Envelope"), header: [f.tr("poste", "item"), f.tr("montant", "amount")])
        for line in facts.envelope.lines(f) { t.append([.text(line.label), .money(line.money)]) }
        return t
    }

    /// A national scope's regions: their envelope (notified, engaged) and, with the
    /// redeployment, what each released, received and funded; nil for a regional scope.
    static func regions(_ facts: ReportFacts) -> Sheet? {
        let f = facts.f, c = facts.content
        guard c.scenario.spec.scope == .national else { return nil }
        var t = Sheet(name: f.tr("Régions", "Regions"),
                      header: [f.tr("region", "region"), f.tr("libelle", "label"), f.tr("notifiee", "notified"), f.tr("engagee", "engaged"),
                               f.tr("liberee", "released"), f.tr("recue", "received"), f.tr("financee", "funded"),
                               f.tr("projets", "projects"), "essms"])
        let envelopes = Dictionary(c.scenario.regionEnvelopes.map { ($0.region, $0) }, uniquingKeysWith: { a, _ in a })
        let flows = Dictionary((c.redeployment?.regions ?? []).map { ($0.region, $0) }, uniquingKeysWith: { a, _ in a })
        var codes = c.scenario.regionEnvelopes.map(\.region)
        codes += (c.redeployment?.regions ?? []).map(\.region).filter { envelopes[$0] == nil }
        for code in codes {
            let e = envelopes[code], r = flows[code]
            t.append([.text(code), .text(Geography.regionName(code)), e.map { .money($0.notified) } ?? .empty,
                      e.map { .money($0.engaged) } ?? .empty, r.map { .money($0.released) } ?? .empty,
                      r.map { .money($0.received) } ?? .empty, r.map { .money($0.funded) } ?? .empty,
                      r.map { .integer($0.projects) } ?? .empty, r.map { .integer($0.essms) } ?? .empty])
        }
        return t
    }
}

extension Cell {
    /// An amount of money: its cents, in the euro format.
    static func money(_ m: Money) -> Cell { .euros(cents: m.cents) }
}

extension ReportFacts.Envelope {
    struct Line {
        var label: String
        var money: Money
        /// `available` and `left`: the totals, in bold in the minutes.
        var isTotal = false
        var isReserve = false
    }

    /// The envelope line by line, in the words of the minutes: notified, the national call,
    /// engaged earlier, the reserve, the projects engaged, available, granted by this
    /// committee and left (the last two when a selection was decided).
    func lines(_ f: ReportFormat) -> [Line] {
        var lines = [Line(label: f.tr("Notifiée", "Notified"), money: notified)]
        if let call = nationalCall { lines.append(Line(label: f.tr("Appel national", "National call"), money: call)) }
        lines.append(Line(label: f.tr("Engagée antérieurement (hors projets listés)", "Engaged earlier (projects not listed)"), money: engagedEarlier))
        lines.append(Line(label: f.tr("Réserve", "Reserve"), money: reserve, isReserve: true))
        lines.append(Line(label: f.tr("Projets engagés lors de comités antérieurs", "Projects engaged at earlier committees"), money: engagedProjects))
        lines.append(Line(label: f.tr("Disponible pour ce comité", "Available to this committee"), money: available, isTotal: true))
        if let used, let left {
            lines.append(Line(label: f.tr("Attribuée par ce comité", "Granted by this committee"), money: used))
            lines.append(Line(label: f.tr("Reliquat", "Left"), money: left, isTotal: true))
        }
        return lines
    }
}
