// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Spreadsheet

/// CSV that opens right in a French Excel: `;` separator, UTF-8 with BOM, decimal comma,
/// CRLF line ends, fields quoted when they need it.
public struct ExcelCSV {
    public private(set) var rows: [[String]] = []

    public init(header: [String]) { rows.append(header) }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// A sheet's table: amounts with their two decimals, shares as decimals (`0,221`).
    public init(_ sheet: Sheet) {
        self.init(header: sheet.header)
        for row in sheet.rows {
            append(row.map { cell in
                switch cell {
                case .text(let s): return s
                case .integer(let n): return String(n)
                case .euros(let cents): return ExcelCSV.money(Money(cents: cents))
                case .share(let x): return ExcelCSV.number(x)
                case .empty: return ""
                }
            })
        }
    }

    /// `1234,50` for 1 234,50 €, always two decimals: Excel reads the number, and a column of
    /// amounts reads the same in every row.
    public static func money(_ m: Money) -> String {
        let a = m.cents.magnitude
        let c = a % 100
        return "\(m.cents < 0 ? "-" : "")\(a / 100),\(c < 10 ? "0" : "")\(c)"
    }

    public static func number(_ x: Double, digits: Int = 4) -> String {
        JSONValue.formatDecimal(x, digits: digits).replacingDot()
    }

    public var bytes: [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for row in rows {
            out.append(contentsOf: row.map(ExcelCSV.quoted).joined(separator: ";").utf8)
            out.append(contentsOf: [13, 10])
        }
        return out
    }

    static func quoted(_ field: String) -> String {
        let needs = field.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        // A leading = + - @ would be read by Excel as a formula: quote and prefix with a quote mark.
        let guarded = field.first.map { "=+-@".contains($0) && Double(field.replacingOccurrences(",", ".")) == nil } ?? false
            ? "'" + field : field
        guard needs || guarded != field else { return guarded }
        return "\"" + guarded.replacingOccurrences("\"", "\"\"") + "\""
    }
}

extension String {
    func replacingDot() -> String { replacingOccurrences(".", ",") }

    func replacingOccurrences(_ a: Character, _ b: String) -> String {
        var s = ""
        for c in self { if c == a { s += b } else { s.append(c) } }
        return s
    }

    func replacingOccurrences(_ a: String, _ b: String) -> String {
        guard let c = a.first, a.count == 1 else { return self }
        return replacingOccurrences(c, b)
    }
}
