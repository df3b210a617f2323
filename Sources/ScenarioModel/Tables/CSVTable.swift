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
    }

    /// The name the file is reported under (as the user wrote it).
    public let file: String
    public let separator: UInt8
    public let header: [String]
    public let headerColumns: [Int32]
    public let headerLine: Int
    public let rows: [Row]
    /// The decoded text (UTF-8).
    let text: [UInt8]
    /// Per field, flat (`row.first + i`): byte range in `text` and 1-based character column.
    let starts: [Int32]
    let ends: [Int32]
    let fieldColumns: [Int32]
    /// Quoted fields whose value differs from their bytes (a doubled quote), by flat index.
    let unescaped: [Int: String]

    /// Whether numbers may use a decimal comma (only with `;` as separator).
    public var decimalComma: Bool { separator == UInt8(ascii: ";") }
    public var separatorName: String { separator == UInt8(ascii: ";") ? "';'" : "','" }

    /// The value of field `i` of `row`.
    public func field(_ row: Row, _ i: Int) -> String {
        let k = row.first + i
        if !unescaped.isEmpty, let u = unescaped[k] { return u }
        return text.withUnsafeBufferPointer { String(decoding: $0[Int(starts[k])..<Int(ends[k])], as: UTF8.self) }
    }

    /// Whether field `i` of `row` is empty.
    @inline(__always)
    public func isEmpty(_ row: Row, _ i: Int) -> Bool { starts[row.first + i] == ends[row.first + i] }

    /// Calls `body` with the bytes of field `i` of `row`, without making a `String`.
    @inline(__always)
    public func withBytes<R>(_ row: Row, _ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let k = row.first + i
        if !unescaped.isEmpty, let u = unescaped[k] {
            var s = u
            return s.withUTF8(body)
        }
        return text.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(starts[k])..<Int(ends[k])]))
        }
    }

    /// 1-based character column of field `i` of `row`.
    public func column(_ row: Row, _ i: Int) -> Int32 { fieldColumns[row.first + i] }

    public func fields(of row: Row) -> [String] { header.indices.map { field(row, $0) } }
    public func columns(of row: Row) -> [Int32] { header.indices.map { column(row, $0) } }

    /// Parses a table with a header row. Problems go to `diagnostics`; returns nil only when
    /// nothing usable could be read (empty file, unterminated quote).
    public static func parse(_ data: [UInt8], file: String, diagnostics: inout Diagnostics) -> CSVTable? {
        let errorsBefore = diagnostics.errorCount
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if !TextDecoding.isValidUTF8(bytes) {
            let (line, column) = TextDecoding.firstInvalidUTF8Position(bytes)
            diagnostics.warning("csv-encoding", at: SourceLocation(file: file, line: line, column: column),
                                "the file is not UTF-8; it was read as Windows-1252",
                                hint: "save it as 'CSV UTF-8' to be sure accented names are read as written")
            bytes = TextDecoding.windows1252ToUTF8(bytes)
        }
        var parser = CSVParser(bytes: bytes, file: file)
        let result: CSVTable? = bytes.withUnsafeBufferPointer { buffer in
            parser.run(buffer, diagnostics: &diagnostics)
        }
        guard let table = result else { return nil }
        if table.rows.isEmpty && diagnostics.errorCount == errorsBefore {
            diagnostics.error("csv-empty", at: SourceLocation(file: file, line: table.headerLine),
                              "the table has a header but no rows", expected: "at least one row",
                              found: "only the header")
        }
        return table
    }
}
