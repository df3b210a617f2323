// SPDX-License-Identifier: GPL-3.0-or-later

extension FINESSExtract {
    /// The columns written, in the order of the register contract (Scenarios' `register` table).
    public static let registerColumns = ["finess", "ej", "name", "category", "category_label", "departement", "region", "sector"]

    /// The kept rows as a register table: comma-separated, UTF-8 without BOM, a header line,
    /// LF line ends, fields quoted when they hold a comma, a quote, a line break or edge spaces;
    /// rows in FINESS order. `Register.load` reads it back as is.
    public func registerCSV() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128 + rows.count * 120)
        out.append(contentsOf: FINESSExtract.registerColumns.joined(separator: ",").utf8)
        out.append(UInt8(ascii: "\n"))
        for r in rows {
            let fields = [r.finess.text, r.ej.text, r.name, r.category, r.categoryLabel, r.departement, r.region,
                          r.sector.rawValue]
            for (i, f) in fields.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                FINESSExtract.appendCSVField(f, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    static func appendCSVField(_ s: String, to out: inout [UInt8]) {
        let u = s.utf8
        let quote = UInt8(ascii: "\"")
        let needsQuotes = u.contains { $0 == UInt8(ascii: ",") || $0 == quote || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            || u.first == UInt8(ascii: " ") || u.last == UInt8(ascii: " ")
            || u.first == UInt8(ascii: "\t") || u.last == UInt8(ascii: "\t")
        guard needsQuotes else {
            out.append(contentsOf: u)
            return
        }
        out.append(quote)
        for b in u {
            if b == quote { out.append(quote) }
            out.append(b)
        }
        out.append(quote)
    }
}
