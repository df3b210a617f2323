// SPDX-License-Identifier: GPL-3.0-or-later

/// A CSV table read with the position of every field, so that each problem in it can be
/// reported at its line and column.
///
/// The reader is written for this project rather than taken from a library: the CSV readers
/// available to it give no field positions, and the fastest of them takes 119 ms on the national
/// register where this one takes about 12 ms (Benchmarks/README.md). It follows RFC 4180 with
/// the habits of French spreadsheets: `,` or `;` (detected on the header line), quoted fields
/// with `""` escapes and embedded line breaks, UTF-8 with or without BOM (Windows-1252 accepted
/// with a warning), LF, CRLF or CR line ends, blank lines ignored.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line where the row starts.
        public let line: Int
        public let fields: [String]
        /// 1-based column (in characters) where each field starts.
        public let columns: [Int32]
    }

    /// The name the file is reported under (as the user wrote it).
    public let file: String
    public let separator: UInt8
    public let header: [String]
    public let headerColumns: [Int32]
    public let headerLine: Int
    public let rows: [Row]

    /// Whether numbers may use a decimal comma (only with `;` as separator).
    public var decimalComma: Bool { separator == UInt8(ascii: ";") }
    public var separatorName: String { separator == UInt8(ascii: ";") ? "';'" : "','" }

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
        guard let headerRecord = parser.nextRecord(separator: nil, diagnostics: &diagnostics) else {
            if !parser.failed {
                diagnostics.error("csv-empty", at: SourceLocation(file: file, line: 1),
                                  "the table is empty", expected: "a header row and at least one row",
                                  found: "no content")
            }
            return nil
        }
        let separator = parser.separator
        var rows: [Row] = []
        rows.reserveCapacity(bytes.count / 64)
        let other: UInt8 = separator == UInt8(ascii: ";") ? UInt8(ascii: ",") : UInt8(ascii: ";")
        while let record = parser.nextRecord(separator: separator, diagnostics: &diagnostics) {
            if record.fields.count != headerRecord.fields.count {
                let mixed = record.fields.count < headerRecord.fields.count && record.containsOther(other)
                let otherName = other == UInt8(ascii: ";") ? "';'" : "','"
                let sepName = separator == UInt8(ascii: ";") ? "';'" : "','"
                diagnostics.error(
                    "csv-field-count", at: SourceLocation(file: file, line: record.line, column: 1),
                    mixed ? "this line uses another separator than the header" : "wrong number of fields",
                    expected: "\(headerRecord.fields.count) fields separated by \(sepName) as in the header",
                    found: "\(record.fields.count) field\(record.fields.count == 1 ? "" : "s")",
                    hint: mixed
                        ? "the header is separated by \(sepName) but this line by \(otherName): use one separator throughout the file"
                        : "quote a field that contains \(sepName) or a line break, e.g. \"Dupont, Durand\"")
                continue
            }
            rows.append(Row(line: record.line, fields: record.fields, columns: record.columns))
        }
        if parser.failed { return nil }
        if rows.isEmpty && diagnostics.errorCount == errorsBefore {
            diagnostics.error("csv-empty", at: SourceLocation(file: file, line: headerRecord.line),
                              "the table has a header but no rows", expected: "at least one row",
                              found: "only the header")
        }
        return CSVTable(file: file, separator: separator, header: headerRecord.fields,
                        headerColumns: headerRecord.columns, headerLine: headerRecord.line, rows: rows)
    }
}

/// One record as the parser produced it.
struct CSVRecord {
    var line: Int
    var fields: [String]
    var columns: [Int32]
    var otherSeparatorSeen: Set<UInt8>

    func containsOther(_ b: UInt8) -> Bool { otherSeparatorSeen.contains(b) }
}

/// The byte-level state machine behind `CSVTable`.
struct CSVParser {
    let bytes: [UInt8]
    let file: String
    var index = 0
    var line = 1
    var lineStart = 0
    var separator: UInt8 = UInt8(ascii: ",")
    var failed = false

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// Incremental column count: fields are visited left to right, so each byte of a line is
    /// counted once.
    var columnCursor = 0
    var columnAtCursor: Int32 = 1

    /// The 1-based character column of byte `i` on the current line.
    mutating func column(of i: Int) -> Int32 {
        if columnCursor < lineStart || columnCursor > i {
            columnCursor = lineStart
            columnAtCursor = 1
        }
        while columnCursor < i {
            if bytes[columnCursor] & 0xC0 != 0x80 { columnAtCursor += 1 }
            columnCursor += 1
        }
        return columnAtCursor
    }

    /// Detects `,` or `;` on the header line: the one that occurs more often outside quotes.
    mutating func detectSeparator() {
        var commas = 0, semicolons = 0, inQuotes = false
        var i = index
        while i < bytes.count {
            let b = bytes[i]
            if b == CSVParser.quote { inQuotes.toggle() } else if !inQuotes {
                if b == CSVParser.lf || b == CSVParser.cr { break }
                if b == UInt8(ascii: ",") { commas += 1 } else if b == UInt8(ascii: ";") { semicolons += 1 }
            }
            i += 1
        }
        separator = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    mutating func newLine(at i: Int) {
        line += 1
        lineStart = i
    }

    /// Reads the next non-blank record; `separator == nil` detects it first (header line).
    mutating func nextRecord(separator sep: UInt8?, diagnostics: inout Diagnostics) -> CSVRecord? {
        if failed { return nil }
        // Skip blank lines.
        while index < bytes.count {
            var j = index
            while j < bytes.count, bytes[j] == CSVParser.space || bytes[j] == CSVParser.tab { j += 1 }
            if j < bytes.count, bytes[j] == CSVParser.lf || bytes[j] == CSVParser.cr {
                index = j + 1
                if bytes[j] == CSVParser.cr, index < bytes.count, bytes[index] == CSVParser.lf { index += 1 }
                newLine(at: index)
                continue
            }
            if j >= bytes.count { index = j }
            break
        }
        if index >= bytes.count { return nil }
        if sep == nil { detectSeparator() }
        let s = separator
        var record = CSVRecord(line: line, fields: [], columns: [], otherSeparatorSeen: [])
        let other: UInt8 = s == UInt8(ascii: ";") ? UInt8(ascii: ",") : UInt8(ascii: ";")
        while true {
            // Start of a field.
            var i = index
            while i < bytes.count, bytes[i] == CSVParser.space || bytes[i] == CSVParser.tab { i += 1 }
            let fieldColumn = column(of: i)
            var value: String
            if i < bytes.count, bytes[i] == CSVParser.quote {
                let openLine = line, openColumn = fieldColumn
                var buffer: [UInt8] = []
                i += 1
                var closed = false
                while i < bytes.count {
                    let b = bytes[i]
                    if b == CSVParser.quote {
                        if i + 1 < bytes.count, bytes[i + 1] == CSVParser.quote {
                            buffer.append(CSVParser.quote)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if b == CSVParser.lf || (b == CSVParser.cr && !(i + 1 < bytes.count && bytes[i + 1] == CSVParser.lf)) {
                        buffer.append(b)
                        newLine(at: i + 1)
                    } else {
                        buffer.append(b)
                    }
                    i += 1
                }
                if !closed {
                    diagnostics.error("csv-unterminated-quote",
                                      at: SourceLocation(file: file, line: openLine, column: Int(openColumn)),
                                      "a quoted field is never closed", expected: "a closing \"",
                                      found: "the end of the file",
                                      hint: "double a quote inside a quoted field (\"\") or remove the stray quote")
                    failed = true
                    return nil
                }
                while i < bytes.count, bytes[i] == CSVParser.space || bytes[i] == CSVParser.tab { i += 1 }
                if i < bytes.count, bytes[i] != s, bytes[i] != CSVParser.lf, bytes[i] != CSVParser.cr {
                    let found = bytes[i]
                    diagnostics.error("csv-after-quote",
                                      at: SourceLocation(file: file, line: line, column: Int(column(of: i))),
                                      "unexpected text after a closing quote",
                                      expected: "the separator or the end of the line",
                                      found: "'\(String(decoding: [found], as: UTF8.self))'",
                                      hint: "a quote inside a quoted field is written twice: \"\"")
                    while i < bytes.count, bytes[i] != s, bytes[i] != CSVParser.lf, bytes[i] != CSVParser.cr { i += 1 }
                }
                value = String(decoding: buffer, as: UTF8.self)
            } else {
                let start = i
                while i < bytes.count {
                    let b = bytes[i]
                    if b == s || b == CSVParser.lf || b == CSVParser.cr { break }
                    if b == other { record.otherSeparatorSeen.insert(other) }
                    i += 1
                }
                var end = i
                while end > start, bytes[end - 1] == CSVParser.space || bytes[end - 1] == CSVParser.tab { end -= 1 }
                value = bytes.withUnsafeBufferPointer { String(decoding: $0[start..<end], as: UTF8.self) }
            }
            record.fields.append(value)
            record.columns.append(fieldColumn)
            if i < bytes.count, bytes[i] == s {
                index = i + 1
                continue
            }
            // End of record.
            if i < bytes.count {
                var next = i + 1
                if bytes[i] == CSVParser.cr, next < bytes.count, bytes[next] == CSVParser.lf { next += 1 }
                index = next
                newLine(at: next)
            } else {
                index = i
            }
            return record
        }
    }
}
