// SPDX-License-Identifier: GPL-3.0-or-later

/// The columns a table must or may have, checked against its header; then typed access to the
/// fields of each row, every problem reported at its line and column.
public struct TableSchema: Sendable {
    public let table: CSVTable
    private let index: [String: Int]

    /// Checks the header: every required column present (error), unknown columns noted.
    public init(table: CSVTable, required: [String], optional: [String], diagnostics: inout Diagnostics) {
        self.table = table
        var index: [String: Int] = [:]
        for (i, name) in table.header.enumerated() {
            let key = name.trimmingSpaces.lowercased()
            if index[key] == nil { index[key] = i }
        }
        self.index = index
        let known = Set(required + optional)
        let columns = required.map { "'\($0)'" }.joined(separator: ", ")
        for name in required where index[name] == nil {
            let close = table.header.first { TableSchema.similar($0, name) }
            diagnostics.error("missing-column", at: SourceLocation(file: table.file, line: table.headerLine),
                              .fr("la colonne obligatoire '\(name)' est absente", en: "the required column '\(name)' is missing"),
                              expected: .fr("un en-tête avec \(columns)", en: "a header with \(columns)"),
                              found: table.header.map { "'\($0)'" }.joined(separator: ", "),
                              hint: close.map { .fr("vouliez-vous écrire '\(name)' au lieu de '\($0)' ?",
                                                    en: "did you mean '\(name)' instead of '\($0)'?") }
                                  ?? .fr("ajoutez la colonne '\(name)' à la ligne d'en-tête", en: "add the column '\(name)' to the header row"))
        }
        for (i, name) in table.header.enumerated() where !known.contains(name.trimmingSpaces.lowercased()) {
            diagnostics.note("unknown-column",
                             at: SourceLocation(file: table.file, line: table.headerLine, column: table.headerColumn(i)),
                             .fr("la colonne '\(name)' n'est pas utilisée par esms ; elle est conservée et ignorée",
                                 en: "the column '\(name)' is not used by esms; it is kept and ignored"))
        }
    }

    static func similar(_ a: String, _ b: String) -> Bool {
        let x = a.lowercased().filter { $0.isLetter || $0.isNumber }, y = b.lowercased().filter { $0.isLetter || $0.isNumber }
        return x != a.lowercased() && x == y || (x.count > 3 && (x.hasPrefix(y) || y.hasPrefix(x)) && x != y)
    }

    public func has(_ column: String) -> Bool { index[column] != nil }

    /// A column looked up once by name, for fast access to the fields of every row.
    public struct Column: Sendable, ExpressibleByStringLiteral {
        public let name: String
        public let index: Int?
        public init(name: String, index: Int?) {
            self.name = name
            self.index = index
        }
        /// An unresolved column (resolved by name at each access): convenient, slower.
        public init(stringLiteral name: String) {
            self.name = name
            self.index = -1
        }
    }

    public func column(_ name: String) -> Column { Column(name: name, index: index[name]) }

    @inline(__always)
    func resolve(_ c: Column) -> Int? { c.index == -1 ? index[c.name] : c.index }

    /// The trimmed text of a field, or nil when the column is absent or the field empty.
    @inline(__always)
    public func text(_ row: CSVTable.Row, _ column: Column) -> String? {
        guard let i = resolve(column), !table.isEmpty(row, i) else { return nil }
        return table.field(row, i)
    }

    public func location(_ row: CSVTable.Row, _ column: Column) -> SourceLocation {
        if let i = resolve(column) {
            let (line, col) = table.position(row, i)
            return SourceLocation(file: table.file, line: line, column: col, keyPath: column.name)
        }
        return SourceLocation(file: table.file, line: row.line, keyPath: column.name)
    }

    // MARK: Typed fields

    /// A required text field: an error when empty.
    public func required(_ row: CSVTable.Row, _ column: Column, _ d: inout Diagnostics,
                         what: @autoclosure () -> Phrase) -> String? {
        if let v = text(row, column) { return v }
        if resolve(column) != nil {
            d.error("missing-value", at: location(row, column), .fr("le champ '\(column.name)' est vide", en: "the '\(column.name)' field is empty"),
                    expected: what(), found: .emptyField)
        }
        return nil
    }

    public func finess(_ row: CSVTable.Row, _ column: Column, required: Bool, _ d: inout Diagnostics) -> FINESS? {
        // Fast path: a valid number parsed from the bytes, no String made.
        if let i = resolve(column), case .success(let code) = table.withBytes(row, i, { FINESS.parse($0) }) {
            return FINESS(packed: code)
        }
        guard let v = required ? self.required(row, column, &d, what: .fr("un numéro FINESS de 9 caractères", en: "a 9-character FINESS number")) : text(row, column)
        else { return nil }
        do {
            return try FINESS(v)
        } catch {
            d.error("finess-invalid", at: location(row, column), .fr("numéro FINESS invalide \(v)", en: "invalid FINESS number \(v)"),
                    expected: .fr("9 caractères dont le dernier chiffre est la clé de Luhn",
                                  en: "9 characters whose last digit is the Luhn check key"), found: "'\(v)'",
                    hint: error.explanation(v) + .fr(" ; recopiez le numéro du répertoire FINESS (finess.esante.gouv.fr)",
                                                     en: "; copy the number from the FINESS register (finess.esante.gouv.fr)"))
            return nil
        }
    }

    public func money(_ row: CSVTable.Row, _ column: Column, _ d: inout Diagnostics) -> Money? {
        guard let i = resolve(column), !table.isEmpty(row, i) else { return nil }
        if let m = table.withBytes(row, i, { Money.parsePlain($0, decimalComma: table.decimalComma) }) { return m }
        let v = table.field(row, i)
        switch Money.parse(v, decimalComma: table.decimalComma) {
        case .success(let m): return m
        case .failure(let f):
            let hint: Phrase
            switch f {
            case .negative: hint = .fr("les montants sont des demandes ou des devis : zéro ou plus",
                                       en: "amounts are requests or quotes: zero or more")
            case .tooManyDecimals: hint = .fr("les montants sont en euros, au centime près", en: "amounts are in euros, to the cent")
            case .tooLarge: hint = .fr("les montants sont en euros, par exemple 85000 ou 85 000,50",
                                       en: "amounts are in euros, e.g. 85000 or 85 000,50")
            case .notANumber:
                hint = table.decimalComma
                    ? .fr("écrivez les euros 85000, 85 000 ou 85000,50", en: "write euros as 85000, 85 000 or 85000,50")
                    : .fr("écrivez les euros 85000 ou 85000.50 (une virgule décimale demande ';' comme séparateur)",
                          en: "write euros as 85000 or 85000.50 (a decimal comma needs ';' as the separator)")
            }
            d.error("invalid-amount", at: location(row, column), .verbatim("'\(column.name)' ") + f.problem,
                    expected: .fr("un montant en euros, ", en: "an amount in euros, ") + Money.acceptedLimits, found: "'\(v)'", hint: hint)
            return nil
        }
    }

    public func bool(_ row: CSVTable.Row, _ column: Column, _ d: inout Diagnostics) -> Bool {
        guard let i = resolve(column), !table.isEmpty(row, i) else { return false }
        if let b = table.withBytes(row, i, TableSchema.plainBool) { return b }
        let v = table.field(row, i)
        switch v.lowercased() {
        case "true", "oui", "1", "yes", "vrai", "o", "y": return true
        case "false", "non", "0", "no", "faux", "n": return false
        default:
            d.error("invalid-boolean", at: location(row, column), .fr("'\(column.name)' n'est pas une valeur oui/non", en: "'\(column.name)' is not a yes/no value"),
                    expected: .fr("true/false, oui/non, 1/0 ou vide", en: "true/false, oui/non, 1/0 or empty"), found: "'\(v)'")
            return false
        }
    }

    public func day(_ row: CSVTable.Row, _ column: Column, required: Bool, _ d: inout Diagnostics) -> Day? {
        if let i = resolve(column), !table.isEmpty(row, i), let day = table.withBytes(row, i, Day.parseISO) { return day }
        guard let v = required ? self.required(row, column, &d, what: .fr("une date", en: "a date")) : text(row, column) else { return nil }
        if let day = Day.parse(v) { return day }
        d.error("invalid-date", at: location(row, column), .fr("'\(column.name)' n'est pas une date", en: "'\(column.name)' is not a date"),
                expected: .dateFormats, found: "'\(v)'",
                hint: .fr("par exemple 2024-06-14 ou 14/06/2024", en: "e.g. 2024-06-14 or 14/06/2024"))
        return nil
    }

    public func integer(_ row: CSVTable.Row, _ column: Column, range: ClosedRange<Int>, _ d: inout Diagnostics) -> Int? {
        guard let i = resolve(column), !table.isEmpty(row, i) else { return nil }
        if let n = table.withBytes(row, i, TableSchema.plainInteger), range.contains(n) { return n }
        let v = table.field(row, i)
        if let n = Int(v), range.contains(n) { return n }
        d.error("invalid-integer", at: location(row, column), .fr("'\(column.name)' est hors limites ou n'est pas un nombre entier",
                    en: "'\(column.name)' is out of range or not a whole number"),
                expected: .wholeNumber(range), found: "'\(v)'")
        return nil
    }

    /// A non-negative decimal quantity (hours) with up to 4 decimals.
    public func quantity(_ row: CSVTable.Row, _ column: Column, _ d: inout Diagnostics) -> Quantity? {
        guard let v = text(row, column) else { return nil }
        if let q = Quantity.parse(v, decimalComma: table.decimalComma) { return q }
        d.error("invalid-number", at: location(row, column), .fr("'\(column.name)' n'est pas un nombre d'heures", en: "'\(column.name)' is not a number of hours"),
                expected: .fr("un nombre, 0 ou plus, au plus 4 décimales", en: "a number, 0 or more, at most 4 decimals"),
                found: "'\(v)'",
                hint: table.decimalComma ? .fr("par exemple 1250 ou 1250,5", en: "e.g. 1250 or 1250,5")
                    : .fr("par exemple 1250 ou 1250.5", en: "e.g. 1250 or 1250.5"))
        return nil
    }

    /// One of a fixed set of words (case-insensitive).
    public func choice<T>(_ row: CSVTable.Row, _ column: Column, _ options: [(String, T)], required: Bool,
                          _ d: inout Diagnostics) -> T? {
        // Fast path: the field is one of the words exactly, compared as bytes.
        if let i = resolve(column), !table.isEmpty(row, i) {
            let hit = table.withBytes(row, i) { b in options.firstIndex { o in o.0.utf8.elementsEqual(b) } }
            if let hit { return options[hit].1 }
        }
        let names = options.map(\.0)
        guard let v = required ? self.required(row, column, &d, what: .verbatim(names.joined(separator: ", "))) : text(row, column)
        else { return nil }
        let lower = v.lowercased()
        if let o = options.first(where: { $0.0 == lower }) { return o.1 }
        d.error("invalid-choice", at: location(row, column), .fr("valeur de '\(column.name)' inconnue", en: "unknown '\(column.name)' value"),
                expected: .oneOf(names), found: "'\(v)'")
        return nil
    }
}

extension TableSchema {
    /// `true`/`false`/`oui`/`non`/`1`/`0`… from ASCII bytes; nil for anything else.
    static func plainBool(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard b.count <= 5 else { return nil }
        var lower: UInt64 = 0
        for c in b { lower = lower << 8 | UInt64(c >= 65 && c <= 90 ? c + 32 : c) }
        switch lower {
        case 0x7472_7565, 0x6F_7569, 0x31, 0x79_6573, 0x7672_6169, 0x6F, 0x79: return true   // true oui 1 yes vrai o y
        case 0x66_616C_7365, 0x6E_6F6E, 0x30, 0x6E6F, 0x6661_7578, 0x6E: return false       // false non 0 no faux n
        default: return nil
        }
    }

    /// A whole number of ASCII digits (optional leading minus); nil for anything else.
    static func plainInteger(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty, b.count <= 18 else { return nil }
        var n = 0, negative = false, k = 0
        if b[0] == UInt8(ascii: "-") { negative = true; k = 1 }
        guard k < b.count else { return nil }
        while k < b.count {
            let c = b[k]
            guard c >= 48 && c <= 57 else { return nil }
            n = n * 10 + Int(c - 48)
            k += 1
        }
        return negative ? -n : n
    }
}

/// A non-negative decimal number with 4 decimals, exact (hours of service).
public struct Quantity: Hashable, Comparable, Sendable {
    /// Ten-thousandths.
    public var raw: Int64
    public init(raw: Int64) { self.raw = raw }

    public static func < (a: Quantity, b: Quantity) -> Bool { a.raw < b.raw }

    public static func parse(_ text: String, decimalComma: Bool) -> Quantity? {
        var whole: Int64 = 0, fraction: Int64 = 0, digits = 0, inFraction = false, seen = false
        for s in text.trimmingSpaces.unicodeScalars {
            switch s {
            case "0"..."9":
                seen = true
                let dgt = Int64(s.value - 48)
                if inFraction {
                    digits += 1
                    if digits > 4 { if dgt != 0 { return nil } } else { fraction = fraction * 10 + dgt }
                } else {
                    whole = whole * 10 + dgt
                    if whole > 100_000_000_000 { return nil }
                }
            case ".": if inFraction { return nil }; inFraction = true
            case ",": if inFraction || !decimalComma { return nil }; inFraction = true
            case " ", "\u{00A0}", "\u{202F}": if inFraction { return nil }
            default: return nil
            }
        }
        guard seen else { return nil }
        for _ in Swift.min(digits, 4)..<4 { fraction *= 10 }
        return Quantity(raw: whole * 10_000 + fraction)
    }

    public var decimalString: String {
        let w = raw / 10_000, f = raw % 10_000
        if f == 0 { return "\(w)" }
        var fs = String(f)
        while fs.count < 4 { fs = "0" + fs }
        while fs.hasSuffix("0") { fs.removeLast() }
        return "\(w).\(fs)"
    }
}
