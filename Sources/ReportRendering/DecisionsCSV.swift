// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// `decisions.csv` (one row per project) and `essms.csv` (one row per ESSMS of every project),
/// for a French Excel: `;`, UTF-8 with BOM, decimal comma (`ExcelCSV`); the same tables as the
/// sheets `Décisions` and `ESSMS` of `decisions.xlsx` (`ReportSheets`).
public enum DecisionsCSV {
    public static func projects(_ content: ReportContent, language: ReportLanguage = .fr) -> ExcelCSV {
        ExcelCSV(ReportSheets.decisions(ReportFacts(content, ReportFormat(language))))
    }

    public static func essms(_ content: ReportContent, language: ReportLanguage = .fr) -> ExcelCSV {
        ExcelCSV(ReportSheets.essms(ReportFacts(content, ReportFormat(language))))
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
