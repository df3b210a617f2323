// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

/// The `fund` results for a person (terminal) and for Excel.
public enum FundTable {
    public static func text(scenario: Scenario, rules: RuleSet, assessments: [ProjectAssessment], language: ReportLanguage = .en) -> String {
        let t = Catalogue(language), f = ReportFormat(language)
        let french = language == .fr
        let n = f.terminalInteger
        var rows: [[String]] = [[t(.headProject), t(.headEligible), t(.headDesk), t(.headESSMS), t(.headAcquisitions), t(.headUpgrades),
                                 t(.headAmount), t(.headExcluded), t(.headIssues)]]
        for a in assessments {
            rows.append([a.id, a.eligible ? t(.yes) : t(.no), french ? f.guichet(a.guichet) : a.guichet.rawValue, n(a.finessCount),
                         n(a.acquisitionCount), n(a.upgradeCount), a.amount.total.frenchString.replacingOccurrences("€", "").trimmingSpaces,
                         a.excluded.isEmpty ? "" : n(a.excluded.count),
                         a.issues.map { ($0.severity == .error ? "✗ " : "! ") + (french ? f.ruleCode($0.code) : $0.code) }.joined(separator: ", ")])
        }
        var out = t(.fundTitle, scenario.spec.title.isEmpty ? scenario.spec.id : scenario.spec.title, rules.name) + "\n\n"
        out += TextTable.render(rows, rightAligned: [3, 4, 5, 6, 7])
        let eligible = assessments.filter(\.eligible)
        let money = eligible.reduce(Money.zero) { $0 + $1.amount.total }
        out += "\n" + t(.fundSummary, n(eligible.count), n(assessments.count), n(eligible.reduce(0) { $0 + $1.finessCount }),
                        n(eligible.reduce(0) { $0 + $1.acquisitionCount }), money.frenchString) + "\n"
        let reasons = Dictionary(grouping: assessments.flatMap(\.excluded), by: \.reason)
        if !reasons.isEmpty {
            out += t(.fundExcluded, ExclusionReason.allCases.compactMap { r in
                reasons[r].map { "\(n($0.count)) \(french ? f.exclusion(r) : r.rawValue)" }
            }.joined(separator: ", ")) + "\n"
        }
        let errors = Dictionary(grouping: assessments.flatMap(\.errors), by: \.code)
        if !errors.isEmpty {
            out += t(.fundNotAdmissible, errors.keys.sorted().map { "\(n(errors[$0]!.count)) \(french ? f.ruleCode($0) : $0)" }.joined(separator: ", ")) + "\n"
        }
        return out
    }

    /// One row per project, for Excel: the columns of `decisions.csv` (same names, same order)
    /// without the committee's decision, then the reasons of inadmissibility and the ESSMS
    /// excluded, in words.
    public static func csv(scenario: Scenario, assessments: [ProjectAssessment], language: ReportLanguage = .fr) -> ExcelCSV {
        let f = ReportFormat(language)
        var t = ExcelCSV(header: [f(.colProject), f(.colTitle), f(.colPorteur),
                                  f(.colDepartement), f(.colRegion), f(.colEligible),
                                  f(.colDesk), "essms", "acquisitions", f(.colUpgrades),
                                  f(.colEssmsExcluded), "score", "usage", f(.colSoftware),
                                  f(.colEquipment), "amoa", f(.colAmount), f(.colReasons),
                                  f(.colEssmsExcludedDetail)])
        let projects = Dictionary(scenario.projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for a in assessments {
            let p = projects[a.id]
            let (departement, region) = p.map { DecisionsCSV.place($0, scenario) } ?? ("", "")
            t.append([a.id, p?.title ?? "", p?.porteur.text ?? "", departement, region, f.yesNo(a.eligible), f.guichet(a.guichet),
                      "\(a.finessCount)", "\(a.acquisitionCount)", "\(a.upgradeCount)", "\(a.excluded.count)",
                      p.map { "\($0.score)" } ?? "", ExcelCSV.money(a.amount.usage), ExcelCSV.money(a.amount.software),
                      ExcelCSV.money(a.amount.equipment), ExcelCSV.money(a.amount.amoa), ExcelCSV.money(a.amount.total),
                      a.issues.map { f.ruleCode($0.code) }.joined(separator: ", "),
                      a.excluded.map { "\($0.finess.text) : \(f.exclusion($0.reason))" }.joined(separator: ", ")])
        }
        return t
    }
}

/// A plain-text table with aligned columns.
public enum TextTable {
    public static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for (n, r) in rows.enumerated() {
            var line = ""
            for (i, c) in r.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: widths[i] - c.count)
                line += (i > 0 ? "  " : "") + (rightAligned.contains(i) ? pad + c : (i == r.count - 1 ? c : c + pad))
            }
            out += line + "\n"
            if n == 0 { out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }
}
