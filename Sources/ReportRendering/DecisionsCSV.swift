// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// `decisions.csv` (one row per project) and `essms.csv` (one row per ESSMS of every project),
/// for a French Excel: `;`, UTF-8 with BOM, decimal comma (`ExcelCSV`).
public enum DecisionsCSV {
    public static func projects(_ content: ReportContent, language: ReportLanguage = .fr) -> ExcelCSV {
        let f = ReportFormat(language)
        let facts = ReportFacts(content, f)
        var t = ExcelCSV(header: [f.tr("projet", "project"), f.tr("titre", "title"), f.tr("porteur", "porteur"),
                                  f.tr("departement", "departement"), f.tr("region", "region"),
                                  f.tr("decision", "decision"), f.tr("libelle_decision", "decision_label"),
                                  f.tr("code_motif", "reason_code"), f.tr("motif", "reason"), f.tr("recevable", "eligible"),
                                  f.tr("guichet", "desk"), "essms", "acquisitions", f.tr("mises_a_niveau", "upgrades"),
                                  f.tr("essms_exclus", "essms_excluded"), "score", "usage", f.tr("logiciel", "software"),
                                  f.tr("equipement", "equipment"), "amoa", f.tr("montant", "amount")])
        for row in facts.rows {
            let a = row.assessment
            let (departement, region) = place(row.project, content.scenario)
            t.append([row.id, row.title, row.project.porteur.text, departement, region,
                      f.decisionValue(row.decision), row.decisionLabel, f.reasonCodeValue(row.reasonCode), row.reason,
                      a.map { f.yesNo($0.eligible) } ?? "", a.map { f.guichet($0.guichet) } ?? "", String(row.essms),
                      String(row.acquisitions), String(row.upgrades), String(row.excluded), String(row.project.score),
                      ExcelCSV.money(a?.amount.usage ?? .zero), ExcelCSV.money(a?.amount.software ?? .zero),
                      ExcelCSV.money(a?.amount.equipment ?? .zero), ExcelCSV.money(a?.amount.amoa ?? .zero),
                      ExcelCSV.money(row.amount)])
        }
        return t
    }

    public static func essms(_ content: ReportContent, language: ReportLanguage = .fr) -> ExcelCSV {
        let f = ReportFormat(language)
        let facts = ReportFacts(content, f)
        var t = ExcelCSV(header: [f.tr("projet", "project"), f.tr("decision_projet", "project_decision"), "finess",
                                  f.tr("etablissement", "establishment"), f.tr("departement", "departement"),
                                  f.tr("secteur", "sector"), "mode", f.tr("rang", "rank"), f.tr("taux_plein", "full_rate"),
                                  f.tr("petit_og", "small_organisation"), "usage", f.tr("logiciel", "software"),
                                  f.tr("equipement", "equipment"), "amoa", f.tr("montant", "amount"), f.tr("finance", "funded"),
                                  f.tr("motif_exclusion", "exclusion_reason")])
        for row in facts.rows {
            for l in EssmsLine.lines(row, facts) {
                t.append([row.id, f.decisionValue(row.decision), l.finess, l.name, l.departement, l.sector.map(f.sector) ?? "",
                          f.modeValue(l.mode), l.rank.map { String($0) } ?? "", l.fullRate.map(f.yesNo) ?? "",
                          l.smallOrganisation.map(f.yesNo) ?? "",
                          l.amount.map { ExcelCSV.money($0.usage) } ?? "", l.amount.map { ExcelCSV.money($0.software) } ?? "",
                          l.amount.map { ExcelCSV.money($0.equipment) } ?? "", l.amount.map { ExcelCSV.money($0.amoa) } ?? "",
                          ExcelCSV.money(l.amount?.total ?? .zero),
                          f.yesNo(l.amount != nil && (row.decision == "selected" || row.decision == "engaged")),
                          l.exclusion ?? ""])
            }
        }
        return t
    }

    /// Where a project is, for a pivot table: the département of most of its ESSMS (the
    /// smallest code on a tie; the porteur's when no ESSMS is in the register) and the name of
    /// the project's region (its `region` column, else that département's region).
    static func place(_ p: Project, _ scenario: Scenario) -> (departement: String, region: String) {
        var count: [String: Int] = [:]
        for m in p.members { if let e = scenario.register[m.finess] { count[e.departement, default: 0] += 1 } }
        let main = count.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
            ?? Geography.normalisedDepartement(p.porteur.departement)
        let region = p.region ?? Geography.region(ofDepartement: main) ?? scenario.spec.region ?? ""
        return (main, region.isEmpty ? "" : Geography.regionName(region))
    }
}
