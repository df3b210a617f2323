// SPDX-License-Identifier: GPL-3.0-or-later

/// The width of each column, in Excel's unit (the width of a digit): enough for the header and
/// its filter button and for the longest value as the formats show it, within bounds, so that
/// a column of amounts shows every digit and a column of sentences does not cover the sheet.
extension Sheet {
    public static let minimumWidth = 6
    public static let maximumWidth = 60

    public var columnWidths: [Int] {
        header.indices.map { column in
            // The header, and two characters for the filter's drop-down button.
            var widest = header[column].count + 2
            for row in rows where column < row.count { widest = max(widest, row[column].displayWidth) }
            return min(max(widest + 1, Self.minimumWidth), Self.maximumWidth)
        }
    }
}

extension Cell {
    /// The characters the cell takes once formatted: `1 234 567,89 €`, `22,1 %`.
    var displayWidth: Int {
        switch self {
        case .text(let s): return s.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
        case .integer(let n): return Self.groupedDigits(n.magnitude) + (n < 0 ? 1 : 0)
        case .euros(let cents): return Self.groupedDigits(cents.magnitude / 100) + (cents < 0 ? 1 : 0) + 5  // ",00 €"
        case .share: return 7  // "100,0 %"
        case .empty: return 0
        }
    }

    /// The characters of a whole number with its thousands grouped: 7 for `123 456`.
    static func groupedDigits<T: BinaryInteger>(_ n: T) -> Int {
        let digits = String(n).count
        return digits + (digits - 1) / 3
    }
}
