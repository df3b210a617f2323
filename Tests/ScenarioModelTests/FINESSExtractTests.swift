// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import ScenarioModel

/// The official extract's layout (etalab-cs1100507-stock-*.csv) read into register rows.
@Suite struct FINESSExtractTests {
    static let fixtureName = "etalab-cs1100507-stock-20210108-0427.csv"

    /// The fixture: metadata line, 10 structureet rows (EHPAD, SAAD, CHR 101, IME 2A, IME 9D,
    /// EHPAD with an accent, a quoted lieu de vie, a wrong check key on line 9, Saint-Pierre-et-
    /// Miquelon, SSIAD 2B), 4 geolocalisation rows.
    static func fixture() throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: String(fixtureName.dropLast(4)), withExtension: "csv",
                                                  subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }

    static func parsedFixture(allCategories: Bool = false) throws -> FINESSExtract {
        FINESSExtract.parse(try fixture(), file: fixtureName, allCategories: allCategories)
    }

    /// A `structureet` row of 32 fields, as in the extract (the last one, numuai, empty).
    static func structureet(_ et: String, _ ej: String, _ rs: String, dep: String, category: String,
                            label: String = "Libellé") -> String {
        let fields = ["structureet", et, ej, rs, rs, "", "", "1", "R", "DE LA GARE", "", "", "001", dep, "DEP",
                      "01000 VILLE", "0400000000", "", category, label, "4401", "Agrégat", "", "", "99", "Indéterminé",
                      "", "", "2000-01-01", "2000-01-01", "2020-06-15", ""]
        return fields.joined(separator: ";")
    }

    static func extract(_ lines: [String], file: String = "etalab-cs1100507-stock-20210108-0427.csv",
                        allCategories: Bool = false) -> FINESSExtract {
        FINESSExtract.parse(Array((lines.joined(separator: "\n") + "\n").utf8), file: file, allCategories: allCategories)
    }

    // MARK: The fixture

    @Test func keepsTheESSMSRowsWithTheRegisterColumns() throws {
        let x = try Self.parsedFixture()
        #expect(x.rows.map(\.finess.text) == ["010002228", "010006542", "010006625", "020000634", "2A0000196",
                                               "2B0002208", "970400040"])
        let ehpad = try #require(x.rows.first { $0.finess.text == "010002228" })
        #expect(ehpad.ej.text == "920032380")
        #expect(ehpad.name == "EHPAD L'AMBARROISE AMBERIEU")
        #expect(ehpad.category == "500")
        #expect(ehpad.categoryLabel == "Etablissement d'hébergement pour personnes âgées dépendantes")
        #expect(ehpad.departement == "01" && ehpad.region == "84" && ehpad.sector == .pa && ehpad.essms)
        #expect(ehpad.line == 2)
        let saad = try #require(x.rows.first { $0.finess.text == "010006625" })
        #expect(saad.category == "460" && saad.sector == .domicile)
        #expect(x.rows.first { $0.name == "EHPAD CRÉCY-SUR-SERRE" }?.region == "32")
        // The sanitary CHR (101) is left out.
        #expect(!x.rows.contains { $0.finess.text == "970400024" })
    }

    @Test func summarisesWhatWasRead() throws {
        let s = try Self.parsedFixture().summary
        #expect(s.rowsRead == 15)
        #expect(s.structureet == 10)
        #expect(s.geolocalisation == 4)
        #expect(s.otherRecords == 0)
        #expect(s.fieldsPerRow == 32)
        #expect(s.kept == 7)
        #expect(s.skippedCategory == 1)
        #expect(s.skippedOutsideRegions == ["975": 1])
        #expect(s.invalid == 1)
        #expect(s.encoding == .utf8)
        #expect(s.extractionDate == Day(year: 2021, month: 1, day: 8))
        #expect(s.extractionDateSource == .metadataLine)
        #expect(s.keptBySector == [.pa: 2, .ph: 2, .domicile: 2, .autre: 1])
    }

    @Test func mapsOverseasAndCorsicanDepartements() throws {
        let x = try Self.parsedFixture()
        let reunion = try #require(x.rows.first { $0.finess.text == "970400040" })
        #expect(reunion.departement == "974" && reunion.region == "04")
        let corseDuSud = try #require(x.rows.first { $0.finess.text == "2A0000196" })
        #expect(corseDuSud.departement == "2A" && corseDuSud.region == "94" && corseDuSud.sector == .ph)
        let hauteCorse = try #require(x.rows.first { $0.finess.text == "2B0002208" })
        #expect(hauteCorse.departement == "2B" && hauteCorse.region == "94")
        // Saint-Pierre-et-Miquelon (9E → 975) has no region: a counted note, no error.
        let note = try #require(x.diagnostics.items.first { $0.code == "finess-outside-regions" })
        #expect(note.severity == .note && note.location.line == 10)
    }

    @Test func reportsTheWrongCheckKeyAtItsLineAndColumn() throws {
        let x = try Self.parsedFixture()
        let errors = x.diagnostics.items.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let e = try #require(errors.first)
        #expect(e.code == "finess-check-key")
        #expect(e.location.file == Self.fixtureName)
        #expect(e.location.line == 9 && e.location.column == 13)
        #expect(e.found?.contains("010004058") == true)
        #expect(x.diagnostics.warningCount == 0)
    }

    @Test func readsQuotedFieldsWithSeparatorsAndDoubledQuotes() throws {
        let x = try Self.parsedFixture()
        let lieuDeVie = try #require(x.rows.first { $0.finess.text == "010006542" })
        #expect(lieuDeVie.name == "LIEU DE VIE \"GRANGE AUX LOUPS\";")
        #expect(lieuDeVie.category == "462" && lieuDeVie.sector == .autre && lieuDeVie.essms)
    }

    @Test func allCategoriesKeepsTheOthersAsAutre() throws {
        let x = try Self.parsedFixture(allCategories: true)
        #expect(x.rows.count == 8)
        let chu = try #require(x.rows.first { $0.finess.text == "970400024" })
        #expect(chu.category == "101" && !chu.essms && chu.sector == .autre)
        #expect(chu.departement == "974" && chu.region == "04")
        #expect(x.summary.skippedCategory == 0)
    }

    // MARK: The register written

    @Test func theRegisterCSVIsReadBackByRegisterLoad() throws {
        let x = try Self.parsedFixture()
        let csv = x.registerCSV()
        #expect(!csv.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: csv, as: UTF8.self)
        #expect(text.hasPrefix("finess,ej,name,category,category_label,departement,region,sector\n"))
        #expect(text.contains("\n010006542,010006534,\"LIEU DE VIE \"\"GRANGE AUX LOUPS\"\";\",462,Lieux de vie,01,84,AUTRE\n"))
        var d = Diagnostics()
        let table = try #require(CSVTable.parse(csv, file: "register.csv", diagnostics: &d))
        let register = Register.load(table, diagnostics: &d)
        #expect(d.items.isEmpty, "\(d.items.map(\.rendered))")
        #expect(register.count == x.rows.count)
        #expect(register.establishments == x.rows.map(\.establishment))
        #expect(table.rows.map { table.field($0, 4) } == x.rows.map(\.categoryLabel))
    }

    // MARK: Encodings and line ends

    @Test func detectsWindows1252AndCRLF() throws {
        // Written byte by byte: é is 0xE9 and ’ is 0x92 in Windows-1252; the metadata line has
        // no date, so it comes from the file name.
        var bytes = Array("finess;etalab;95\r\n".utf8)
        bytes += Array("structureet;010002228;920032380;R".utf8) + [0xE9] + Array("sidence l".utf8) + [0x92]
            + Array("Oustal;;;;1;R;DE LA GARE;;;001;01;AIN;01500 AMB".utf8) + [0xC9]
            + Array("RIEU;0400000000;;500;Etablissement d'h".utf8) + [0xE9]
            + Array("bergement pour personnes ".utf8) + [0xE2] + Array("g".utf8) + [0xE9] + Array("es d".utf8) + [0xE9]
            + Array("pendantes;4401;Agr;;;99;Ind;;;2000-01-01;2000-01-01;2020-06-15;\r\n".utf8)
        bytes += Array("geolocalisation;010002228;870966.4;6543987.2;1,ATLASANTE;2020-12-01\r\n".utf8)
        // A wrong category after accented text: its column counts characters, not bytes.
        bytes += Array("structureet;010006625;010006617;ASS. ".utf8) + [0xC9] + Array("T".utf8) + [0xC9]
            + Array(";;;;1;R;GARE;;;001;01;AIN;01000 BOURG;04;;999;Inconnue;4605;Agr;;;99;Ind;;;2000-01-01;2000-01-01;2020-06-15;\r\n".utf8)
        #expect(!TextDecoding.isValidUTF8(bytes))
        let x = FINESSExtract.parse(bytes, file: "Downloads/etalab-cs1100507-stock-20190705-0412.csv")
        #expect(x.summary.encoding == .windows1252)
        #expect(x.summary.extractionDate == Day(year: 2019, month: 7, day: 5))
        #expect(x.summary.extractionDateSource == .fileName)
        #expect(x.summary.geolocalisation == 1)
        let row = try #require(x.rows.first)
        #expect(row.name == "Résidence l\u{2019}Oustal")
        #expect(row.categoryLabel == "Etablissement d'hébergement pour personnes âgées dépendantes")
        #expect(row.line == 2)
        let e = try #require(x.diagnostics.items.first { $0.code == "unknown-category" })
        let prefix = "structureet;010006625;010006617;ASS. ÉTÉ;;;;1;R;GARE;;;001;01;AIN;01000 BOURG;04;;"
        #expect(e.location.line == 4 && e.location.column == prefix.count + 1)
    }

    @Test func aUTF8ColumnCountsCharacters() {
        let prefixRow = Self.structureet("010002228", "920032380", "RÉSIDENCE ÉTÉ", dep: "01", category: "500")
        let bad = prefixRow.replacingOccurrences(of: ";500;", with: ";5X0;")
        let x = Self.extract(["finess;etalab;95;2021-01-08", bad])
        let e = x.diagnostics.items.first { $0.code == "unknown-category" }
        let column = bad.components(separatedBy: ";").prefix(18).joined(separator: ";").count + 2
        #expect(e?.location.column == column)
    }

    // MARK: Every problem, all at once

    @Test func reportsEveryBadRowAndKeepsTheGoodOnes() {
        let good = Self.structureet("010002228", "920032380", "EHPAD A", dep: "01", category: "500")
        let lines = [
            "finess;etalab;95;2021-01-08",
            good,                                                                                // 2 kept
            "structureet;010006625;010006617;TRUNCATED;01;460",                                   // 3 field count
            Self.structureet("010006625", "010006617", "SAAD", dep: "01", category: "999"),       // 4 unknown category
            Self.structureet("010006625", "010006610", "SAAD", dep: "01", category: "460"),       // 5 bad EJ
            Self.structureet("010006625", "010006617", "SAAD", dep: "XX", category: "460"),       // 6 unknown département
            Self.structureet("010002228", "920032380", "EHPAD A BIS", dep: "01", category: "500"), // 7 duplicate
            Self.structureet("", "920032380", "NO NUMBER", dep: "01", category: "500"),           // 8 missing ET
            Self.structureet("01000462X", "010006617", "BAD CHAR", dep: "01", category: "500"),    // 9 format
            Self.structureet("010006625", "010006617", "SAAD", dep: "01", category: "460"),       // 10 kept
        ]
        let x = Self.extract(lines)
        #expect(x.rows.map(\.finess.text) == ["010002228", "010006625"])
        let errors = x.diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["finess-field-count", "unknown-category", "finess-check-key", "unknown-departement",
                                       "duplicate-finess", "finess-missing", "finess-format"])
        #expect(errors.map { $0.location.line } == [3, 4, 5, 6, 7, 8, 9])
        #expect(errors.allSatisfy { $0.location.column != nil && $0.expected != nil && $0.found != nil })
        #expect(errors[4].found == "a second row (first on line 2)")
        #expect(x.summary.invalid == 7)
        #expect(x.summary.kept == 2)
    }

    @Test func aNonESSMSRowIsNotCheckedFurther() {
        // A sanitary row with a wrong key is left out by its category, without an error.
        let x = Self.extract(["finess;etalab;95;2021-01-08",
                              Self.structureet("970400025", "970408589", "CHU", dep: "9D", category: "101")])
        #expect(!x.diagnostics.hasErrors)
        #expect(x.summary.skippedCategory == 1)
    }

    @Test func warnsWhenTheDepartementDisagreesWithTheNumber() throws {
        let x = Self.extract(["finess;etalab;95;2021-01-08",
                              Self.structureet("010002228", "920032380", "EHPAD", dep: "02", category: "500")])
        let w = try #require(x.diagnostics.items.first)
        #expect(w.severity == .warning && w.code == "finess-departement-mismatch" && w.location.line == 2)
        #expect(x.rows.first?.departement == "02" && x.rows.first?.region == "32")
    }

    @Test func mayotteNumbersOfTheFormerCollectivityAgreeWith9F() {
        // 985… numbers date from when Mayotte was the collectivity 985: no mismatch with 9F → 976.
        let x = Self.extract(["finess;etalab;98;2026-05-12",
                              Self.structureet("980501506", "980501498", "LIEU DE VIE", dep: "9F", category: "462")])
        #expect(x.diagnostics.items.isEmpty)
        #expect(x.rows.first?.departement == "976" && x.rows.first?.region == "06")
    }

    @Test func ignoresOtherRecordTypesWithOneWarning() {
        let x = Self.extract(["finess;etalab;95;2021-01-08",
                              Self.structureet("010002228", "920032380", "EHPAD", dep: "01", category: "500"),
                              "equipementsocial;010002228;1;2;3", "equipementsocial;010002228;4;5;6", ""])
        #expect(x.summary.otherRecords == 2)
        #expect(x.diagnostics.items.map(\.code) == ["finess-extract-record"])
        #expect(x.diagnostics.items.first?.location.line == 3)
        #expect(x.rows.count == 1)
    }

    @Test func aRegisterTableIsNotAnExtract() {
        let x = FINESSExtract.parse(Array("finess,ej,name,category,category_label,departement,region\n010002228,920032380,E,500,EHPAD,01,84\n".utf8),
                                    file: "finess-essms.csv")
        #expect(x.diagnostics.items.map(\.code) == ["finess-extract-layout"])
        #expect(x.diagnostics.items.first?.hint?.contains("no import") == true)
        #expect(x.rows.isEmpty)
    }

    @Test(arguments: [
        ("etalab-cs1100507-stock-20210108-0427.csv", "2021-01-08"),
        ("/data/etalab-cs1100507-stock-20250704-0338.csv", "2025-07-04"),
        ("etalab-cs1100507-stock-2021-01-08.csv", nil),
        ("finess.csv", nil),
    ] as [(String, String?)])
    func extractionDateFromTheFileName(name: String, iso: String?) {
        #expect(FINESSExtract.extractionDate(fileName: name)?.iso == iso)
    }

    // MARK: The nomenclature

    @Test func theShippedNomenclatureCarriesTheESSMSFlag() throws {
        let n = CategoryNomenclature.shipped
        #expect(n.categories.count == 312)
        #expect(n.categories.values.count { $0.essms } == 98)
        let ehpad = try #require(n.category("500"))
        #expect(ehpad.essms && ehpad.sector == .pa)
        #expect(n.category("460")?.essms == true && n.category("460")?.sector == .domicile)
        #expect(n.category("101")?.essms == false)
        // Entreprise adaptée: PH by its agrégat, but not an ESSMS of L312-1.
        #expect(n.category("247")?.essms == false && n.category("247")?.sector == .ph)
    }
}
