// SPDX-License-Identifier: GPL-3.0-or-later

/// The byte-level state machine behind `CSVTable`: one pass, fields appended to flat arrays.
struct CSVParser {
    let bytes: [UInt8]
    let file: String
    var separator: UInt8 = UInt8(ascii: ",")

    var starts: [Int32] = []
    var ends: [Int32] = []
    var unescaped: [Int: String] = [:]
    /// Current line and the byte where it starts.
    var line = 1
    var lineStart = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    static let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")

    /// The 1-based character column of byte `i` on the current line (for messages only).
    func column(of i: Int, _ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        var n: Int32 = 1
        for j in lineStart..<i where b[j] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// `,` or `;`, whichever occurs more often outside quotes on the line starting at `i`.
    static func detectSeparator(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false, j = i
        while j < b.count {
            let c = b[j]
            if c == quote { inQuotes.toggle() } else if !inQuotes {
                if c == lf || c == cr { break }
                if c == comma { commas += 1 } else if c == semicolon { semicolons += 1 }
            }
            j += 1
        }
        return semicolons > commas ? semicolon : comma
    }

    struct Record {
        var line: Int
        var start: Int
        var first: Int
        var count: Int
        var sawOtherSeparator: Bool
    }

    mutating func run(_ b: UnsafeBufferPointer<UInt8>, diagnostics: inout Diagnostics) -> CSVTable? {
        starts.reserveCapacity(b.count / 8)
        ends.reserveCapacity(b.count / 8)
        var index = 0
        guard let header = nextRecord(b, &index, detect: true, &diagnostics) else {
            if index >= 0 {
                diagnostics.error("csv-empty", at: SourceLocation(file: file, line: 1),
                                  .fr("la table est vide", en: "the table is empty"),
                                  expected: .fr("une ligne d'en-tête et au moins une ligne", en: "a header row and at least one row"),
                                  found: .noContent)
            }
            return nil
        }
        let headerFields = (0..<header.count).map { k -> String in
            if let u = unescaped[k] { return u }
            var r = Int(starts[k])..<Int(abs(ends[k]))
            if !r.isEmpty && b[r.lowerBound] == CSVParser.quote { r = (r.lowerBound + 1)..<(r.upperBound - 1) }
            return String(decoding: b[r], as: UTF8.self)
        }
        let headerRow = CSVTable.Row(line: header.line, first: 0, start: header.start)
        let width = header.count
        var rows: [CSVTable.Row] = []
        rows.reserveCapacity(b.count / 64)
        let sepName = separator == CSVParser.semicolon ? "';'" : "','"
        let otherName = separator == CSVParser.semicolon ? "','" : "';'"
        while let record = nextRecord(b, &index, detect: false, &diagnostics) {
            if record.count != width {
                let mixed = record.count < width && record.sawOtherSeparator
                diagnostics.error(
                    "csv-field-count", at: SourceLocation(file: file, line: record.line, column: 1),
                    mixed ? .fr("cette ligne utilise un autre séparateur que l'en-tête", en: "this line uses another separator than the header")
                        : .fr("nombre de champs incorrect", en: "wrong number of fields"),
                    expected: .fr("\(width) champs séparés par \(sepName) comme dans l'en-tête",
                                  en: "\(width) fields separated by \(sepName) as in the header"),
                    found: .fields(record.count),
                    hint: mixed
                        ? .fr("l'en-tête est séparé par \(sepName) mais cette ligne par \(otherName) : utilisez un seul séparateur dans tout le fichier",
                              en: "the header is separated by \(sepName) but this line by \(otherName): use one separator throughout the file")
                        : .fr("mettez entre guillemets un champ qui contient \(sepName) ou un saut de ligne, par exemple \"Dupont, Durand\"",
                              en: "quote a field that contains \(sepName) or a line break, e.g. \"Dupont, Durand\""))
                starts.removeLast(record.count)
                ends.removeLast(record.count)
                for k in record.first..<(record.first + record.count) { unescaped[k] = nil }
                continue
            }
            rows.append(CSVTable.Row(line: record.line, first: record.first, start: record.start))
        }
        if index < 0 { return nil }
        return CSVTable(file: file, separator: separator, header: headerFields, headerRow: headerRow,
                        rows: rows, text: bytes, starts: starts, ends: ends, unescaped: unescaped)
    }

    /// Reads the next non-blank record from `index`; sets `index` to -1 after a fatal error.
    mutating func nextRecord(_ b: UnsafeBufferPointer<UInt8>, _ index: inout Int, detect: Bool,
                             _ diagnostics: inout Diagnostics) -> Record? {
        guard index >= 0 else { return nil }
        let n = b.count
        // Skip blank lines.
        while index < n {
            var j = index
            while j < n, b[j] == CSVParser.space || b[j] == CSVParser.tab { j += 1 }
            if j < n, b[j] == CSVParser.lf || b[j] == CSVParser.cr {
                index = j + 1
                if b[j] == CSVParser.cr, index < n, b[index] == CSVParser.lf { index += 1 }
                line += 1
                lineStart = index
                continue
            }
            if j >= n { index = j }
            break
        }
        if index >= n { return nil }
        if detect { separator = CSVParser.detectSeparator(b, from: index) }
        let s = separator
        let other = s == CSVParser.semicolon ? CSVParser.comma : CSVParser.semicolon
        var record = Record(line: line, start: index, first: starts.count, count: 0, sawOtherSeparator: false)
        var i = index
        while true {
            while i < n, b[i] == CSVParser.space || b[i] == CSVParser.tab { i += 1 }
            if i < n, b[i] == CSVParser.quote {
                let fieldColumn = column(of: i, b)
                let openLine = line
                let quoteAt = i
                i += 1
                let start = i
                var escaped = false, closed = false
                while i < n {
                    let c = b[i]
                    if c == CSVParser.quote {
                        if i + 1 < n, b[i + 1] == CSVParser.quote { escaped = true; i += 2; continue }
                        closed = true
                        break
                    }
                    if c == CSVParser.lf || (c == CSVParser.cr && !(i + 1 < n && b[i + 1] == CSVParser.lf)) {
                        line += 1
                        lineStart = i + 1
                    }
                    i += 1
                }
                if !closed {
                    diagnostics.error("csv-unterminated-quote",
                                      at: SourceLocation(file: file, line: openLine, column: Int(fieldColumn)),
                                      .unclosedQuote, expected: .closingQuote,
                                      found: .endOfFile,
                                      hint: .fr("doublez un guillemet à l'intérieur d'un champ entre guillemets (\"\") ou supprimez le guillemet isolé",
                                                en: "double a quote inside a quoted field (\"\") or remove the stray quote"))
                    index = -1
                    return nil
                }
                let end = i
                i += 1  // the closing quote
                if escaped {
                    var value: [UInt8] = []
                    var k = start
                    while k < end {
                        value.append(b[k])
                        k += b[k] == CSVParser.quote ? 2 : 1
                    }
                    unescaped[starts.count] = String(decoding: value, as: UTF8.self)
                }
                // Stored from the opening quote to after the closing one: `CSVTable.range` strips them.
                starts.append(Int32(quoteAt))
                ends.append(escaped ? -Int32(end + 1) : Int32(end + 1))
                while i < n, b[i] == CSVParser.space || b[i] == CSVParser.tab { i += 1 }
                if i < n, b[i] != s, b[i] != CSVParser.lf, b[i] != CSVParser.cr {
                    diagnostics.error("csv-after-quote",
                                      at: SourceLocation(file: file, line: line, column: Int(column(of: i, b))),
                                      .fr("texte inattendu après un guillemet fermant", en: "unexpected text after a closing quote"),
                                      expected: .fr("le séparateur ou la fin de la ligne", en: "the separator or the end of the line"),
                                      found: "'\(String(decoding: [b[i]], as: UTF8.self))'",
                                      hint: .fr("un guillemet à l'intérieur d'un champ entre guillemets s'écrit deux fois : \"\"",
                                                en: "a quote inside a quoted field is written twice: \"\""))
                    while i < n, b[i] != s, b[i] != CSVParser.lf, b[i] != CSVParser.cr { i += 1 }
                }
            } else {
                let start = i
                while i < n {
                    let c = b[i]
                    if c == s || c == CSVParser.lf || c == CSVParser.cr { break }
                    if c == other { record.sawOtherSeparator = true }
                    i += 1
                }
                var end = i
                while end > start, b[end - 1] == CSVParser.space || b[end - 1] == CSVParser.tab { end -= 1 }
                starts.append(Int32(start))
                ends.append(Int32(end))
            }
            record.count += 1
            if i < n, b[i] == s {
                i += 1
                continue
            }
            if i < n {
                var next = i + 1
                if b[i] == CSVParser.cr, next < n, b[next] == CSVParser.lf { next += 1 }
                line += 1
                lineStart = next
                index = next
            } else {
                index = i
            }
            return record
        }
    }
}
