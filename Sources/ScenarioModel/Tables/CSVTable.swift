// SPDX-License-Identifier: GPL-3.0-or-later

/// A CSV table read with the position of every field, so that each problem in it can be
/// reported at its line and column.
///
/// The reader is written for this project rather than taken from a library: the CSV readers
/// available to it give no field positions, and the fastest of them takes 119 ms on the national
/// register (Benchmarks/README.md). Fields are kept as byte ranges of the decoded text and
/// become `String`s only when asked, so that numbers, dates and FINESS numbers are parsed
/// straight from the bytes. It follows RFC 4180 with the habits of French spreadsheets: `,` or
/// `;` (detected on the header line), quoted fields with `""` escapes and embedded line breaks,
/// UTF-8 with or without BOM (Windows-1252 accepted with a warning), LF, CRLF or CR line ends,
/// blank lines ignored, spaces around unquoted fields trimmed.
public struct CSVTable: Sendable {
    /// A row: its line and where its fields start in the table's flat storage. Every row has
    /// exactly as many fields as the header (rows that do not are reported and left out).
    public struct Row: Sendable {
        /// 1-based line where the row starts.
        public let line: Int
        let first: Int
        /// Byte where the row starts.
        let start: Int
    }

    /// The name the file is reported under (as the user wrote it).
    public let file: String
    public let separator: UInt8
    public let header: [String]
    let headerRow: Row
    public var headerLine: Int { headerRow.line }
    public let rows: [Row]
    /// The decoded text (UTF-8).
    let text: [UInt8]
    /// Per field, flat (`row.first + i`): byte range in `text`.
    let starts: [Int32]
    let ends: [Int32]
    /// Quoted fields whose value differs from their bytes (a doubled quote), by flat index;
    /// their `ends` entry is stored negated, so that other fields never look here.
    let unescaped: [Int: String]

    /// Whether numbers may use a decimal comma (only with `;` as separator).
    public var decimalComma: Bool { separator == UInt8(ascii: ";") }
    public var separatorName: String { separator == UInt8(ascii: ";") ? "';'" : "','" }

    /// The byte range of field `i` of `row`'s value (inside the quotes of a quoted field, whose
    /// stored range starts at its opening quote).
    @inline(__always)
    func range(_ row: Row, _ i: Int) -> Range<Int> {
        let k = row.first + i
        let start = Int(starts[k]), end = Int(abs(ends[k]))
        if start < end && text[start] == UInt8(ascii: "\"") { return (start + 1)..<(end - 1) }
        return start..<end
    }

    /// The unescaped value of a field with a doubled quote, if it is one.
    @inline(__always)
    func unescapedValue(_ row: Row, _ i: Int) -> String? {
        let k = row.first + i
        return ends[k] < 0 ? unescaped[k] : nil
    }

    /// The value of field `i` of `row`.
    public func field(_ row: Row, _ i: Int) -> String {
        if let u = unescapedValue(row, i) { return u }
        let r = range(row, i)
        return text.withUnsafeBufferPointer { String(decoding: $0[r], as: UTF8.self) }
    }

    /// Whether field `i` of `row` is empty.
    @inline(__always)
    public func isEmpty(_ row: Row, _ i: Int) -> Bool { range(row, i).isEmpty }

    /// Calls `body` with the bytes of field `i` of `row`, without making a `String`.
    @inline(__always)
    public func withBytes<R>(_ row: Row, _ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let u = unescapedValue(row, i) {
            var s = u
            return s.withUTF8(body)
        }
        let r = range(row, i)
        return text.withUnsafeBufferPointer { all in body(UnsafeBufferPointer(rebasing: all[r])) }
    }

    /// Line and 1-based character column where field `i` of `row` starts (its opening quote
    /// for a quoted field). Computed when a message needs it.
    public func position(_ row: Row, _ i: Int) -> (line: Int, column: Int) {
        let at = Int(starts[row.first + i])  // a quoted field's range starts at its quote
        var line = row.line, lineStart = row.start
        for k in row.start..<at where text[k] == 10 || (text[k] == 13 && (k + 1 >= text.count || text[k + 1] != 10)) {
            line += 1
            lineStart = k + 1
        }
        var column = 1
        for k in lineStart..<at where text[k] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }

    /// The header's column of field `i` (for messages about the header).
    public func headerColumn(_ i: Int) -> Int { position(headerRow, i).column }

    public func fields(of row: Row) -> [String] { header.indices.map { field(row, $0) } }
    public func columns(of row: Row) -> [Int] { header.indices.map { position(row, $0).column } }

    /// Parses a table with a header row. Problems go to `diagnostics`; returns nil only when
    /// nothing usable could be read (empty file, unterminated quote).
    public static func parse(_ data: [UInt8], file: String, diagnostics: inout Diagnostics) -> CSVTable? {
        let errorsBefore = diagnostics.errorCount
        let bytes = TextDecoding.utf8Text(data, file: file, code: "csv-encoding",
                                          hint: .fr("enregistrez-le en 'CSV UTF-8' pour que les noms accentués soient lus tels qu'ils sont écrits",
                                                    en: "save it as 'CSV UTF-8' to be sure accented names are read as written"),
                                          diagnostics: &diagnostics)
        var parser = CSVParser(bytes: bytes, file: file)
        let result: CSVTable? = bytes.withUnsafeBufferPointer { buffer in
            parser.run(buffer, diagnostics: &diagnostics)
        }
        guard let table = result else { return nil }
        if table.rows.isEmpty && diagnostics.errorCount == errorsBefore {
            diagnostics.error("csv-empty", at: SourceLocation(file: file, line: table.headerLine),
                              .fr("la table a un en-tête mais aucune ligne", en: "the table has a header but no rows"),
                              expected: .fr("au moins une ligne", en: "at least one row"),
                              found: .fr("seulement l'en-tête", en: "only the header"))
        }
        return table
    }
}
