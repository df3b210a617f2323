// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Testing

@Suite struct CSVTableTests {
    func parse(_ text: String, _ d: inout Diagnostics) -> CSVTable? {
        CSVTable.parse(Array(text.utf8), file: "t.csv", diagnostics: &d)
    }

    @Test func commaTableWithQuotesAndEmbeddedLineBreaks() throws {
        var d = Diagnostics()
        let t = try #require(parse("id,title,n\r\nA,\"Dupont, \"\"Durand\"\"\",1\r\nB,\"two\nlines\",2\r\n\r\nC,plain,3", &d))
        #expect(d.items.isEmpty)
        #expect(t.separator == UInt8(ascii: ","))
        #expect(t.header == ["id", "title", "n"])
        #expect(t.rows.map { t.fields(of: $0) } == [["A", "Dupont, \"Durand\"", "1"], ["B", "two\nlines", "2"], ["C", "plain", "3"]])
        // Line numbers count the embedded line break and the blank line.
        #expect(t.rows.map(\.line) == [2, 3, 6])
        #expect(t.columns(of: t.rows[0]) == [1, 3, 24])
    }

    @Test func semicolonTableWithBOMAndDecimalComma() throws {
        var d = Diagnostics()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id;montant\nA;1 234,50\n".utf8)
        let t = try #require(CSVTable.parse(bytes, file: "t.csv", diagnostics: &d))
        #expect(t.header == ["id", "montant"])
        #expect(t.decimalComma)
        let schema = TableSchema(table: t, required: ["id", "montant"], optional: [], diagnostics: &d)
        #expect(schema.money(t.rows[0], "montant", &d) == Money(cents: 123_450))
        #expect(d.items.isEmpty)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        var d = Diagnostics()
        let t = try #require(parse("a,b,c\nÉté,éàü,x\n", &d))
        #expect(t.columns(of: t.rows[0]) == [1, 5, 9])
    }

    @Test func windows1252IsReadWithAWarning() throws {
        var d = Diagnostics()
        // "Résidence" in Windows-1252: é = 0xE9; "œ" = 0x9C.
        let bytes: [UInt8] = Array("name\nR".utf8) + [0xE9] + Array("sidence C".utf8) + [0x9C] + Array("ur\n".utf8)
        let t = try #require(CSVTable.parse(bytes, file: "t.csv", diagnostics: &d))
        #expect(t.fields(of: t.rows[0]) == ["Résidence Cœur"])
        #expect(d.items.map(\.code) == ["csv-encoding"])
        #expect(d.items[0].location.line == 2 && d.items[0].location.column == 2)
    }

    @Test func unterminatedQuoteIsLocatedAtItsOpening() {
        var d = Diagnostics()
        #expect(parse("a,b\n1,\"open\n2,3\n", &d) == nil)
        #expect(d.items.map(\.code) == ["csv-unterminated-quote"])
        #expect(d.items[0].location.line == 2 && d.items[0].location.column == 3)
    }

    @Test func wrongFieldCountNamesTheOtherSeparator() throws {
        var d = Diagnostics()
        let t = try #require(parse("a;b;c\n1;2;3\n1,2,3\n1;2\n", &d))
        #expect(t.rows.count == 1)
        #expect(d.items.map(\.code) == ["csv-field-count", "csv-field-count"])
        #expect(d.items[0].hint?.contains("use one separator") == true)
        #expect(d.items[1].hint?.contains("quote a field") == true)
    }

    @Test func emptyFileAndHeaderOnly() {
        var d = Diagnostics()
        #expect(parse("", &d) == nil)
        #expect(parse("a,b\n", &d) != nil)
        #expect(d.items.map(\.code) == ["csv-empty", "csv-empty"])
    }

    @Test func missingRequiredColumnSuggestsTheCloseName() throws {
        var d = Diagnostics()
        let t = try #require(parse("Finess ,EJ,depts\n1,2,3\n", &d))
        _ = TableSchema(table: t, required: ["finess", "ej", "departement"], optional: [], diagnostics: &d)
        #expect(d.items.filter { $0.severity == .error }.map(\.code) == ["missing-column"])
        #expect(d.items.contains { $0.code == "unknown-column" && $0.location.column == 12 })
    }
}

@Suite struct ValueTests {
    @Test(arguments: [
        ("1234", false, Int64(123_400)), ("1234.5", false, 123_450), ("1234.05", false, 123_405),
        ("1 234,50", true, 123_450), ("85 000 €", false, 8_500_000), ("0", false, 0), ("12.000", false, 1_200),
    ])
    func moneyParsesToTheCent(text: String, comma: Bool, cents: Int64) {
        #expect(Money.parse(text, decimalComma: comma) == .success(Money(cents: cents)))
    }

    @Test func moneyRejectsWhatIsNotAnAmount() {
        #expect(Money.parse("-5", decimalComma: false) == .failure(.negative))
        #expect(Money.parse("12.345", decimalComma: false) == .failure(.tooManyDecimals))
        #expect(Money.parse("1,5", decimalComma: false) == .failure(.notANumber))
        #expect(Money.parse("abc", decimalComma: false) == .failure(.notANumber))
        #expect(Money.parse("", decimalComma: false) == .failure(.notANumber))
        #expect(Money.parse("99999999999999", decimalComma: false) == .failure(.tooLarge))
    }

    @Test func moneyFormats() {
        #expect(Money(cents: 123_456_789).decimalString == "1234567.89")
        #expect(Money(cents: 1_000_050).decimalString == "10000.5")
        #expect(Money(cents: 105).decimalString == "1.05")
        #expect(Money(cents: 123_456_700).frenchString == "1\u{202F}234\u{202F}567\u{00A0}€")
        #expect(Money(cents: 99).frenchString == "0,99\u{00A0}€")
    }

    @Test func finessCheckKey() throws {
        // Real numbers of the register, including Corsica (2A, 2B) and overseas.
        for n in ["010001246", "290000314", "750000085", "2A0000154", "2B0000574", "970100137"] {
            #expect(FINESS.isValid(n), "\(n)")
        }
        #expect(throws: FINESS.Invalid.checkKey(expected: 4)) { try FINESS("290000315") }
        #expect(throws: FINESS.Invalid.length(8)) { try FINESS("29000031") }
        #expect(throws: FINESS.Invalid.character) { try FINESS("29000031X") }
        #expect(try FINESS("970100137").departement == "971")
        #expect(try FINESS("2A0000154").departement == "2A")
        #expect(FINESS.completing("29000031")?.text == "290000314")
    }

    @Test func days() {
        #expect(Day.parse("2024-06-14") == Day(year: 2024, month: 6, day: 14))
        #expect(Day.parse("14/06/2024") == Day(year: 2024, month: 6, day: 14))
        #expect(Day.parse("1/6/2024") == Day(year: 2024, month: 6, day: 1))
        #expect(Day.parse("2024-02-30") == nil)
        #expect(Day.parse("29/02/2023") == nil)
        #expect(Day.parse("29/02/2024") != nil)
        #expect(Day.parse("demain") == nil)
        #expect(Day(year: 2024, month: 2, day: 29)!.inYear(2025) == Day(year: 2025, month: 2, day: 28))
        #expect(Day(year: 2024, month: 12, day: 31)!.ordinal - Day(year: 2024, month: 1, day: 1)!.ordinal == 365)
        #expect(Day(ordinal: 0) == Day(year: 1970, month: 1, day: 1))
        for n in stride(from: -30_000, through: 80_000, by: 97) { #expect(Day(ordinal: n).ordinal == n) }
    }

    @Test func geography() {
        #expect(Geography.region(ofDepartement: "29") == "53")
        #expect(Geography.region(ofDepartement: "2A") == "94")
        #expect(Geography.region(ofDepartement: "1") == "84")
        #expect(Geography.region(ofDepartement: "9D") == "04")
        #expect(Geography.region(ofDepartement: "976") == "06")
        #expect(Geography.regions.count == 18)
        #expect(Geography.regions.reduce(Money.zero) { $0 + $1.envelope2024 } == Money(euros: 71_500_000))
    }

    @Test func shippedNomenclatureGivesSectors() {
        let n = CategoryNomenclature.shipped
        #expect(n.category("500")?.sector == .pa)
        #expect(n.category("460")?.sector == .domicile)
        #expect(n.category("340")?.sector == .pjm)
        #expect(n.category("214")?.sector == .ahi)
        #expect(n.category("0500")?.sector == .pa)
        #expect(n.categories.count == 312)
    }
}

@Suite struct TextDecodingTests {
    /// The hand-written validator agrees with the standard library on seeded random bytes,
    /// biased towards the multi-byte edge cases (overlongs, surrogates, truncations).
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        var state: UInt64 = 12345
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let interesting: [UInt8] = [0x41, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xEF, 0xF0, 0x90, 0xF4, 0x8F, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let count = Int(next() % 12)
            let bytes = (0..<count).map { _ in next() % 3 == 0 ? UInt8(truncatingIfNeeded: next()) : interesting[Int(next() % UInt64(interesting.count))] }
            #expect(TextDecoding.isValidUTF8(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
        #expect(TextDecoding.isValidUTF8(Array("Résidence Cœur — 🏠 plain ASCII run of bytes".utf8)))
    }
}
