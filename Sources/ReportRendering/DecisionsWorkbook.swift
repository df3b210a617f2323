// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Spreadsheet

/// `decisions.xlsx`: the report's tables as an Excel workbook — `Décisions` (one row per
/// project, the columns of decisions.csv), `ESSMS` (those of essms.csv), `Équilibre` (each
/// key of the territory and sector balance), `Enveloppe` (notified to left) and, for a national
/// scope, `Régions`; amounts in euros and shares in percent as numbers with their formats,
/// headers in the report's language. Dated by the run (`SOURCE_DATE_EPOCH` when set): the same
/// content gives the same bytes.
public enum DecisionsWorkbook {
    public static func workbook(_ content: ReportContent, language: ReportLanguage = .fr) -> Workbook {
        workbook(ReportFacts(content, ReportFormat(language)))
    }

    static func workbook(_ facts: ReportFacts) -> Workbook {
        let f = facts.f, c = facts.content
        var sheets = [ReportSheets.decisions(facts), ReportSheets.essms(facts), ReportSheets.balance(facts), ReportSheets.envelope(facts)]
        if let regions = ReportSheets.regions(facts) { sheets.append(regions) }
        let properties = DocumentProperties(
            title: facts.title,
            subject: f(.esmsNumeriqueSelectionCommittee),
            author: "esms \(c.run.toolVersion)",
            comments: c.scenario.spec.id + (c.variant.map { " (variant \($0))" } ?? ""),
            created: c.run.time)
        return Workbook(sheets: sheets, properties: properties, formats: f.language == .fr ? .french : .english)
    }
}
