// SPDX-License-Identifier: GPL-3.0-or-later

/// The byte range of one field of a record.
struct ExtractField {
    /// Offset of the field's first byte (its opening quote when quoted).
    var open: Int
    /// Content bounds (inside the quotes when quoted).
    var start: Int
    var end: Int
    /// Quoted with doubled quotes inside (`""`), to be unescaped.
    var escaped: Bool
}

/// The state of one read of an extract: two passes over the bytes, the first to find the
/// records and the usual number of fields of a `structureet` row, the second to read the rows.
struct ExtractReader {
    let file: String
    let allCategories: Bool
    let nomenclature: CategoryNomenclature
    var summary = FINESSExtract.Summary()
    var diagnostics = Diagnostics()
    var rows: [FINESSExtract.Row] = []

    init(file: String, allCategories: Bool, nomenclature: CategoryNomenclature) {
        self.file = file
        self.allCategories = allCategories
        self.nomenclature = nomenclature
    }

    private static let semicolon = UInt8(ascii: ";"), quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let structureet = Array("structureet;".utf8)
    private static let geolocalisation = Array("geolocalisation;".utf8)
    private static let metadata = Array("finess;".utf8)

    /// A `structureet` row found by the first pass.
    private struct Located {
        var start: Int
        var line: Int
        var fieldCount: Int
    }

    mutating func read(_ b: UnsafeBufferPointer<UInt8>) {
        var fields: [ExtractField] = []
        fields.reserveCapacity(40)
        let located = locate(b, &fields)
        var histogram: [Int: Int] = [:]
        for r in located { histogram[r.fieldCount, default: 0] += 1 }
        guard let usual = histogram.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key else {
            // Rows there were, but none could be split (an unclosed quote, already reported).
            if summary.structureet > 0 { return }
            diagnostics.error("finess-extract-layout", at: SourceLocation(file: file, line: 1),
                              .fr("aucune ligne 'structureet' : ce n'est pas l'extraction FINESS des établissements",
                                  en: "no 'structureet' row: this is not the FINESS establishments extract"),
                              expected: .fr("des lignes commençant par 'structureet;' (fichier etalab-cs1100507-stock-*.csv de data.gouv.fr)",
                                            en: "lines starting with 'structureet;' (file etalab-cs1100507-stock-*.csv of data.gouv.fr)"),
                              found: firstLineDescription(b),
                              hint: .fr("une table de répertoire avec un en-tête (finess,ej,category,departement…) ne s'importe pas : "
                                            + "nommez-la dans la clé 'register' du scénario",
                                        en: "a register table with a header (finess,ej,category,departement…) needs no import: "
                                            + "name it in the scenario's 'register' key"))
            return
        }
        summary.fieldsPerRow = usual
        guard usual >= FINESSExtract.Position.minimumFields else {
            diagnostics.error("finess-extract-layout", at: SourceLocation(file: file, line: located[0].line),
                              .fr("les lignes 'structureet' ont \(usual) champs : trop peu pour le format etalab",
                                  en: "the 'structureet' rows have \(usual) fields: too few for the etalab layout"),
                              expected: .fr("32 champs séparés par ';' (catégorie au champ 19, au moins \(FINESSExtract.Position.minimumFields))",
                                            en: "32 ';'-separated fields (category in field 19, at least \(FINESSExtract.Position.minimumFields))"),
                              found: .fr("\(usual) champs sur la plupart des lignes", en: "\(usual) fields on most rows"),
                              hint: .fr("vérifiez que le fichier est l'extraction des établissements (cs1100507), pas un autre flux FINESS",
                                        en: "check that the file is the establishments extract (cs1100507), not another FINESS flow"))
            summary.invalid = located.count
            return
        }
        rows.reserveCapacity(located.count / 2)
        var firstLine: [FINESS: Int] = [:]
        firstLine.reserveCapacity(located.count / 2)
        var outsideFirstLine: [String: Int] = [:]
        for r in located {
            _ = split(b, from: r.start, into: &fields)
            if let row = readRow(b, r.start, r.line, fields, usual: usual, outsideFirstLine: &outsideFirstLine) {
                if let previous = firstLine[row.finess] {
                    diagnostics.error("duplicate-finess", at: location(b, rowStart: r.start, line: r.line,
                                                                      offset: fields[FINESSExtract.Position.finess - 1].open),
                                      .fr("le FINESS \(row.finess) figure deux fois dans l'extraction",
                                          en: "FINESS \(row.finess) appears twice in the extract"),
                                      expected: .fr("une ligne 'structureet' par FINESS géographique",
                                                    en: "one 'structureet' row per FINESS géographique"),
                                      found: .secondRow(firstOnLine: previous))
                    summary.invalid += 1
                    continue
                }
                firstLine[row.finess] = row.line
                rows.append(row)
            }
        }
        for (dep, line) in outsideFirstLine.sorted(by: { $0.value < $1.value }) {
            let n = summary.skippedOutsideRegions[dep] ?? 0
            diagnostics.note("finess-outside-regions", at: SourceLocation(file: file, line: line),
                             .fr("\(n) ligne\(n > 1 ? "s" : "") du département \(dep) (la première ici) écartée\(n > 1 ? "s" : "") : "
                                     + "il n'appartient à aucune des 18 régions du programme",
                                 en: "\(n) row\(n == 1 ? "" : "s") in département \(dep) (first here) left out: "
                                     + "it belongs to none of the 18 regions of the programme"))
        }
    }

    // MARK: First pass

    /// Counts the records, reads the metadata line, and returns where the `structureet` rows are.
    private mutating func locate(_ b: UnsafeBufferPointer<UInt8>, _ fields: inout [ExtractField]) -> [Located] {
        var located: [Located] = []
        located.reserveCapacity(b.count / 300)
        var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var first = true
        var otherFirst: (line: Int, type: String)?
        while i < b.count {
            if isBlankLine(b, i) {
                i = endOfLine(b, from: i)
                line += 1
                continue
            }
            summary.rowsRead += 1
            if hasPrefix(b, i, ExtractReader.geolocalisation) {
                summary.geolocalisation += 1
                i = endOfLine(b, from: i)
                line += 1
            } else if hasPrefix(b, i, ExtractReader.structureet) {
                summary.structureet += 1
                let (next, newlines, unterminated) = split(b, from: i, into: &fields)
                if let open = unterminated {
                    diagnostics.error("csv-unterminated-quote", at: location(b, rowStart: i, line: line, offset: open),
                                      .unclosedQuote, expected: .closingQuote, found: .endOfFile,
                                      hint: .fr("les lignes à partir d'ici n'ont pas pu être lues ; téléchargez à nouveau l'extraction",
                                                en: "the rows from here on could not be read; download the extract again"))
                    summary.invalid += 1
                } else {
                    located.append(Located(start: i, line: line, fieldCount: fields.count))
                }
                i = next
                line += newlines
            } else if first && hasPrefix(b, i, ExtractReader.metadata) {
                _ = split(b, from: i, into: &fields)
                for f in fields.dropFirst(2) {
                    if let day = Day.parse(text(b, f)) {
                        summary.extractionDate = day
                        summary.extractionDateSource = .metadataLine
                        break
                    }
                }
                i = endOfLine(b, from: i)
                line += 1
            } else {
                summary.otherRecords += 1
                if otherFirst == nil {
                    var j = i
                    while j < b.count, j - i < 40, b[j] != ExtractReader.semicolon, b[j] != ExtractReader.lf,
                          b[j] != ExtractReader.cr { j += 1 }
                    otherFirst = (line, decode(b, i, j))
                }
                i = endOfLine(b, from: i)
                line += 1
            }
            first = false
        }
        // Without any structureet row the file is something else: one layout error says so.
        if let other = otherFirst, summary.structureet > 0 {
            let n = summary.otherRecords
            diagnostics.warning("finess-extract-record", at: SourceLocation(file: file, line: other.line, column: 1),
                                .fr("\(n) ligne\(n > 1 ? "s" : "") d'un autre type que 'structureet' ou 'geolocalisation' ignorée\(n > 1 ? "s" : "") (la première ici)",
                                    en: "\(n) line\(n == 1 ? "" : "s") of another kind than 'structureet' or 'geolocalisation' ignored (first here)"),
                                expected: .fr("'structureet;…' ou 'geolocalisation;…'", en: "'structureet;…' or 'geolocalisation;…'"),
                                found: "'\(other.type)'")
        }
        return located
    }

    private func isBlankLine(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var j = i
        while j < b.count, b[j] == ExtractReader.space || b[j] == ExtractReader.tab { j += 1 }
        return j < b.count && (b[j] == ExtractReader.lf || b[j] == ExtractReader.cr)
            || j >= b.count
    }

    private func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ prefix: [UInt8]) -> Bool {
        guard i + prefix.count <= b.count else { return false }
        for k in 0..<prefix.count where b[i + k] != prefix[k] { return false }
        return true
    }

    /// The offset after the end of the line that contains `i` (LF, CRLF or CR).
    private func endOfLine(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var j = i
        while j < b.count, b[j] != ExtractReader.lf, b[j] != ExtractReader.cr { j += 1 }
        if j < b.count, b[j] == ExtractReader.cr { j += 1 }
        if j < b.count, b[j] == ExtractReader.lf { j += 1 }
        return j
    }

    /// Splits the record at `start` into fields. Returns the offset after it, the line ends it
    /// spans, and the offset of an opening quote never closed.
    func split(_ b: UnsafeBufferPointer<UInt8>, from start: Int,
               into fields: inout [ExtractField]) -> (next: Int, newlines: Int, unterminated: Int?) {
        fields.removeAll(keepingCapacity: true)
        let n = b.count
        var i = start, newlines = 0
        while true {
            let open = i
            if i < n, b[i] == ExtractReader.quote {
                i += 1
                let contentStart = i
                var escaped = false, closed = false
                while i < n {
                    let c = b[i]
                    if c == ExtractReader.quote {
                        if i + 1 < n, b[i + 1] == ExtractReader.quote { escaped = true; i += 2; continue }
                        closed = true
                        break
                    }
                    if c == ExtractReader.lf { newlines += 1 }
                    i += 1
                }
                if !closed {
                    fields.append(ExtractField(open: open, start: contentStart, end: n, escaped: escaped))
                    return (n, newlines, open)
                }
                fields.append(ExtractField(open: open, start: contentStart, end: i, escaped: escaped))
                i += 1
                // Text after the closing quote (not RFC 4180) is dropped.
                while i < n, b[i] != ExtractReader.semicolon, b[i] != ExtractReader.lf, b[i] != ExtractReader.cr { i += 1 }
            } else {
                while i < n {
                    let c = b[i]
                    if c == ExtractReader.semicolon || c == ExtractReader.lf || c == ExtractReader.cr { break }
                    i += 1
                }
                fields.append(ExtractField(open: open, start: open, end: i, escaped: false))
            }
            if i < n, b[i] == ExtractReader.semicolon {
                i += 1
                continue
            }
            if i < n {
                if b[i] == ExtractReader.cr { i += 1 }
                if i < n, b[i] == ExtractReader.lf { i += 1 }
                newlines += 1
            }
            return (i, newlines, nil)
        }
    }

    // MARK: Text and positions

    /// The field's text, trimmed of spaces, unescaped, decoded from the file's encoding.
    func text(_ b: UnsafeBufferPointer<UInt8>, _ f: ExtractField) -> String {
        var s = f.start, e = f.end
        while s < e, b[s] == ExtractReader.space || b[s] == ExtractReader.tab { s += 1 }
        while e > s, b[e - 1] == ExtractReader.space || b[e - 1] == ExtractReader.tab || b[e - 1] == ExtractReader.cr { e -= 1 }
        if !f.escaped { return decode(b, s, e) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(e - s)
        var i = s
        while i < e {
            unescaped.append(b[i])
            i += b[i] == ExtractReader.quote && i + 1 < e && b[i + 1] == ExtractReader.quote ? 2 : 1
        }
        return unescaped.withUnsafeBufferPointer { decode($0, 0, $0.count) }
    }

    private func decode(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
        let slice = UnsafeBufferPointer(rebasing: b[s..<e])
        if summary.encoding == .utf8 || !slice.contains(where: { $0 >= 0x80 }) {
            return String(decoding: slice, as: UTF8.self)
        }
        return String(decoding: TextDecoding.windows1252ToUTF8(Array(slice)), as: UTF8.self)
    }

    /// The line and 1-based character column of byte `offset` of the row starting at `rowStart`.
    func location(_ b: UnsafeBufferPointer<UInt8>, rowStart: Int, line: Int, offset: Int) -> SourceLocation {
        var l = line, lineStart = rowStart
        for i in rowStart..<min(offset, b.count) where b[i] == ExtractReader.lf {
            l += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<min(offset, b.count) where summary.encoding == .windows1252 || b[i] & 0xC0 != 0x80 {
            column += 1
        }
        return SourceLocation(file: file, line: l, column: column)
    }

    private func firstLineDescription(_ b: UnsafeBufferPointer<UInt8>) -> Phrase {
        guard b.count > 0 else { return .fr("un fichier vide", en: "an empty file") }
        var j = 0
        while j < b.count, j < 60, b[j] != ExtractReader.lf, b[j] != ExtractReader.cr { j += 1 }
        let line = "'\(decode(b, 0, j))\(j == 60 ? "…" : "")'"
        return .fr("une première ligne \(line)", en: "a first line \(line)")
    }
}
