// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ReportRendering
import ScenarioModel
import Spreadsheet
import TestSupport
import Testing

/// `decisions.xlsx` of a report, read back from its XML: its sheets, the same headers and values
/// as decisions.csv and essms.csv, the granted amounts summing to the envelope used to the
/// cent, euro and percent formats, the balance and the envelope, in French and in English.
@Suite struct DecisionsWorkbookTests {
    static func workbook(_ content: ReportContent = ReportFixture.content, language: ReportLanguage = .fr) throws -> XLSXContents {
        try XLSXContents(ReportFilesTests.file("decisions.xlsx", content, language: language))
    }

    static func csv(_ name: String, language: ReportLanguage = .fr) -> [[String]] {
        ReportFilesTests.parseCSV(String(decoding: ReportFilesTests.file(name, language: language).dropFirst(3), as: UTF8.self))
    }

    /// A cell as decisions.csv writes it: amounts with a decimal comma and two decimals.
    static func csvText(_ cell: XLSXContents.Cell?) -> String {
        guard let cell else { return "" }
        guard cell.isNumber, cell.format != "General", let cents = XLSXContents.cents(cell.value) else { return cell.value }
        return ExcelCSV.money(Money(cents: cents))
    }

    @Test(arguments: [(ReportLanguage.fr, ["Décisions", "ESSMS", "Équilibre", "Enveloppe"]),
                      (ReportLanguage.en, ["Decisions", "ESSMS", "Balance", "Envelope"])])
    func sheetsInTheReportsLanguage(language: ReportLanguage, names: [String]) throws {
        let x = try Self.workbook(language: language)
        #expect(x.sheets.map(\.name) == names)
        for s in x.sheets {
            #expect(s.frozenRows == 1, "\(s.name): the header row is frozen")
            #expect(s.autoFilter?.hasPrefix("A1:") == true, "\(s.name): the table is filtered")
            #expect(s.widths.count == s.header.count, "\(s.name): every column has its width")
        }
        #expect(x.created == "2024-06-14T08:00:00Z", "dated by the run, not the clock")
    }

    /// The sheets Décisions and ESSMS hold decisions.csv and essms.csv: same headers, same rows,
    /// same values, cell by cell.
    @Test(arguments: ReportLanguage.allCases)
    func sheetsAgreeWithTheCSV(language: ReportLanguage) throws {
        let x = try Self.workbook(language: language)
        for (sheet, file) in [(x.sheets[0], "decisions.csv"), (x.sheets[1], "essms.csv")] {
            let csv = Self.csv(file, language: language)
            #expect(sheet.header == csv[0], "\(sheet.name)")
            #expect(sheet.rows.count == csv.count, "\(sheet.name): one row per row of \(file)")
            for (r, row) in csv.enumerated().dropFirst() {
                let cells = sheet.rows[r] + Array(repeating: nil, count: max(0, row.count - sheet.rows[r].count))
                #expect(cells.map(Self.csvText) == row, "\(sheet.name) row \(r + 1)")
            }
        }
    }

    @Test func oneRowPerProjectAndTheGrantedAmountsSumToTheEnvelopeUsed() throws {
        let c = ReportFixture.content
        let s = try #require(try Self.workbook().sheet("Décisions"))
        #expect(s.rows.count == c.scenario.projects.count + 1)
        #expect(s.column("projet").map { $0?.value } == c.scenario.projects.map(\.id))
        #expect(s.column("titre").contains { $0?.value == ReportFixture.hostileTitle })
        let granted = s.column("montant_accorde").map { $0.flatMap { XLSXContents.cents($0.value) } }
        #expect(granted.allSatisfy { $0 != nil }, "every row has a granted amount, 0 when not selected")
        let used = try #require(c.selection?.result.used)
        #expect(granted.reduce(0) { $0 + ($1 ?? 0) } == used.cents)
        #expect(used > .zero)
        for (decision, amount) in zip(s.column("decision"), granted) where decision?.value != "retenu" { #expect(amount == 0) }
        for column in ["usage", "logiciel", "equipement", "amoa", "montant", "montant_accorde"] {
            #expect(s.column(column).allSatisfy { $0?.isNumber == true && $0?.format == NumberFormats.french.euros }, "\(column)")
        }
        for column in ["essms", "acquisitions", "score"] {
            #expect(s.column(column).allSatisfy { $0?.isNumber == true && $0?.format == "General" }, "\(column)")
        }
    }

    @Test func englishHeadersAndEuroFormat() throws {
        let s = try #require(try Self.workbook(language: .en).sheet("Decisions"))
        #expect(s.header.first == "project")
        #expect(s.header.last == "granted")
        #expect(s.column("amount").allSatisfy { $0?.format == NumberFormats.english.euros })
    }

    /// Each key of the territory and sector balance, with its money and its shares in percent.
    @Test func balanceSheetHasEveryKey() throws {
        let c = ReportFixture.content
        let s = try #require(try Self.workbook().sheet("Équilibre"))
        let p = try #require(c.selection?.problem)
        #expect(s.header == ["equilibre", "mode", "tolerance", "cle", "libelle", "montant", "part", "cible", "bas", "haut", "dans_la_plage"])
        #expect(s.column("cle").map { $0?.value } == (p.territory.keys + p.sector.keys).map(Optional.some))
        #expect(Set(s.column("equilibre").map { $0?.value ?? "" }) == ["territoire", "secteur"])
        for column in ["tolerance", "part", "cible", "bas", "haut"] {
            #expect(s.column(column).allSatisfy { $0?.isNumber == true && $0?.format == "0.0%" }, "\(column)")
        }
        #expect(s.column("montant").allSatisfy { $0?.format == NumberFormats.french.euros })
        #expect(s.column("dans_la_plage").allSatisfy { ["oui", "non"].contains($0?.value ?? "") })
        // The territory's shares add up to the whole.
        let shares = zip(s.column("equilibre"), s.column("part")).filter { $0.0?.value == "territoire" }.compactMap { Double($0.1?.value ?? "") }
        #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
    }

    @Test func envelopeSheetFromNotifiedToLeft() throws {
        let c = ReportFixture.content
        let s = try #require(try Self.workbook().sheet("Enveloppe"))
        #expect(s.header == ["poste", "montant"])
        let lines = Dictionary(uniqueKeysWithValues: s.rows.dropFirst().map { ($0[0]?.value ?? "", XLSXContents.cents($0[1]?.value ?? "")) })
        #expect(lines["Notifiée"] == c.scenario.spec.envelope.notified.cents)
        #expect(lines["Réserve"] == c.scenario.spec.envelope.reserve.cents)
        #expect(lines["Disponible pour ce comité"] == c.selection?.problem.available.cents)
        #expect(lines["Attribuée par ce comité"] == c.selection?.result.used.cents)
        let left = try #require(c.selection.map { $0.problem.available - $0.result.used })
        #expect(lines["Reliquat"] == left.cents)
    }

    /// Without a selection the tables are still there, the granted amounts at 0 and no balance.
    @Test func withoutASelection() throws {
        var c = ReportFixture.content
        c.selection = nil
        let x = try Self.workbook(c)
        #expect(x.sheets.count == 4)
        #expect(x.sheet("Équilibre")?.rows.count == 1, "the header alone")
        #expect(x.sheet("Décisions")?.column("montant_accorde").allSatisfy { $0?.value == "0" } == true)
    }
}
