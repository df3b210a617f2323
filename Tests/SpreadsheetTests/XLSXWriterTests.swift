// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Spreadsheet
import TestSupport
import Testing

/// Workbooks written through libxlsxwriter and read back from their XML: sheets, headers,
/// values to the cent, number formats, frozen and filtered headers, widths, the same bytes for
/// the same workbook, and every failure an `XLSXError` with its context.
@Suite struct XLSXWriterTests {
    static let epoch: Int64 = 1_718_352_000  // 2024-06-14 08:00 UTC

    static func sample(created: Int64 = epoch, formats: NumberFormats = .french) -> Workbook {
        var a = Sheet(name: "Décisions", header: ["projet", "montant", "part", "essms", "note"])
        a.append([.text("BRE-001"), .euros(cents: 16_121_270), .share(0.221), .integer(15), .text("=SUM(A1:A9) & <b>")])
        a.append([.text("BRE-002"), .euros(cents: -5), .share(1), .integer(-3), .empty])
        var b = Sheet(name: "Équilibre", header: ["clé"])
        b.append([.text("22")])
        return Workbook(sheets: [a, b, Sheet(name: "Vide", header: ["a", "b"])],
                        properties: DocumentProperties(title: "Comité", author: "esms", created: created), formats: formats)
    }

    static func read(_ workbook: Workbook) throws -> XLSXContents { try XLSXContents(XLSXWriter.bytes(workbook)) }

    @Test func sheetsHeadersAndValuesReadBack() throws {
        let x = try Self.read(Self.sample())
        #expect(x.sheets.map(\.name) == ["Décisions", "Équilibre", "Vide"])
        let s = try #require(x.sheet("Décisions"))
        #expect(s.header == ["projet", "montant", "part", "essms", "note"])
        #expect(s.rows.count == 3)
        #expect(s.column("montant").map { $0?.value } == ["161212.7", "-0.05"])
        #expect(s.column("montant").allSatisfy { $0?.isNumber == true && $0?.format == NumberFormats.french.euros })
        #expect(s.column("part").map { $0?.value } == ["0.221", "1"])
        #expect(s.column("part").allSatisfy { $0?.format == "0.0%" })
        #expect(s.column("essms").map { $0?.value } == ["15", "-3"])
        #expect(s.column("essms").allSatisfy { $0?.format == "General" })
        // A text that looks like a formula stays a text: Excel computes nothing.
        #expect(s.column("note").first??.value == "=SUM(A1:A9) & <b>")
        #expect(s.column("note").first??.isNumber == false)
        #expect(s.column("note").last! == nil, "an empty cell is not written")
        #expect(try x.zip.text("xl/worksheets/sheet1.xml").contains("<f>") == false)
    }

    @Test func headerIsFrozenAndFilteredOnEverySheet() throws {
        let x = try Self.read(Self.sample())
        for (name, filter) in [("Décisions", "A1:E3"), ("Équilibre", "A1:A2"), ("Vide", "A1:B1")] {
            let s = try #require(x.sheet(name))
            #expect(s.frozenRows == 1, "\(name)")
            #expect(s.autoFilter == filter, "\(name)")
        }
        let styles = try x.zip.text("xl/styles.xml")
        #expect(styles.contains("<b/>"), "the header row is bold")
    }

    @Test func columnsAreAsWideAsTheirValues() throws {
        let s = try #require(try Self.read(Self.sample()).sheet("Décisions"))
        // "161 212,70 €" is 12 characters, "projet" 6 (+ 2 for the filter button).
        // Excel's unit, with libxlsxwriter's padding of 0.71.
        #expect(s.widths[0].map { $0.rounded(.down) } == 9)
        #expect(s.widths[1].map { $0 >= 12 } == true)
        #expect(s.widths.count == 5)
        var wide = Sheet(name: "x", header: ["t"])
        wide.append([.text(String(repeating: "a", count: 500))])
        #expect(wide.columnWidths == [Sheet.maximumWidth])
        #expect(Sheet(name: "y", header: ["a"]).columnWidths == [Sheet.minimumWidth])
    }

    @Test func englishFormatsPutTheEuroFirst() throws {
        let s = try #require(try Self.read(Self.sample(formats: .english)).sheet("Décisions"))
        #expect(s.column("montant").first??.format == "\"€\"#,##0.00")
    }

    /// Every amount reads back to the cent, as a decimal of the XML: seeded random amounts up to
    /// 10 000 000 000 €, the largest an input may hold.
    @Test(arguments: [1 as UInt64, 2, 3])
    func amountsReadBackToTheCent(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        var sheet = Sheet(name: "m", header: ["montant"])
        var amounts: [Int64] = [0, 1, 99, 100, 1_000_000_000_000, -1_000_000_000_000, 123_456_789_012]
        for _ in 0..<500 { amounts.append(Int64(g.int(0...1_000_000_000_000)) * (g.int(0...9) == 0 ? -1 : 1)) }
        for a in amounts { sheet.append([.euros(cents: a)]) }
        let s = try #require(try Self.read(Workbook(sheets: [sheet], properties: DocumentProperties(title: "", created: Self.epoch),
                                                     formats: .french)).sheet("m"))
        let written = s.column("montant").map { $0?.value ?? "" }
        for (i, a) in amounts.enumerated() {
            #expect(XLSXContents.cents(written[i]) == a, "seed \(seed): \(a) cents written as \(written[i])")
            // libxlsxwriter writes 16 significant digits (`%.16G`): above some 8 million euros the
            // text may read 9176584278.719999 for 9176584278.72, the same double, which Excel
            // shows with its 15 digits as 9 176 584 278,72 €.
            #expect(Double(written[i]) == Cell.euroNumber(cents: a), "seed \(seed): \(a) cents written as \(written[i])")
        }
    }

    @Test func theSameWorkbookGivesTheSameBytes() throws {
        let a = try XLSXWriter.bytes(Self.sample())
        Thread.sleep(forTimeInterval: 1.1)  // a clock read anywhere would show now
        let b = try XLSXWriter.bytes(Self.sample())
        #expect(a == b)
        let c = try XLSXWriter.bytes(Self.sample(created: Self.epoch + 86_400))
        #expect(a != c, "the creation time is written")
        let x = try XLSXContents(a)
        #expect(x.created == "2024-06-14T08:00:00Z")
        // The parts are dated 1980-01-01 00:00, whatever the clock.
        #expect(x.zip.entries.allSatisfy { $0.dosDate == (0 << 9 | 1 << 5 | 1) && $0.dosTime == 0 }, "\(x.zip.entries.map(\.dosDate))")
        #expect(x.zip.entries.allSatisfy { $0.method == 8 }, "libxlsxwriter deflates its parts")
    }

    @Test func aBadSheetNameIsAnErrorNamingTheSheet() {
        var w = Self.sample()
        w.sheets[1].name = "a/b"
        #expect {
            try XLSXWriter.bytes(w)
        } throws: { e in
            let x = e as! XLSXError
            return x.code != nil && x.description.contains("sheet 'a/b'") && x.description.hasPrefix("libxlsxwriter error ")
        }
    }

    @Test func aTextLongerThanExcelHoldsIsAnErrorNamingTheCell() {
        var w = Self.sample()
        w.sheets[1].append([.text(String(repeating: "x", count: 32_768))])
        #expect {
            try XLSXWriter.bytes(w)
        } throws: { e in (e as! XLSXError).description.contains("cell A3 of sheet 'Équilibre'") }
    }

    @Test func anUnwritablePathIsAnErrorAndLeavesNoFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-xlsx-\(UUID().uuidString)")
        let path = dir.appendingPathComponent("missing/folder/w.xlsx").path
        #expect {
            try XLSXWriter.write(Self.sample(), to: path)
        } throws: { e in
            let x = e as! XLSXError
            return x.code == 2 && x.context == path
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func theTemporaryFileIsRemoved() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = try XLSXWriter.bytes(Self.sample(), through: dir.appendingPathComponent(".w.tmp").path)
        #expect(bytes == (try XLSXWriter.bytes(Self.sample())))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "the temporary file and libxlsxwriter's are removed")
    }

    @Test func cellReferences() {
        #expect(XLSXWriterTests.reference(0, 0) == "A1")
        #expect(XLSXWriterTests.reference(9, 25) == "Z10")
        #expect(XLSXWriterTests.reference(0, 26) == "AA1")
        #expect(XLSXWriterTests.reference(1, 16_383) == "XFD2")
    }

    static func reference(_ row: Int, _ column: Int) -> String { XLSXWriter.reference(row: row, column: column) }
}
