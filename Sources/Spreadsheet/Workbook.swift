// SPDX-License-Identifier: GPL-3.0-or-later

/// A workbook to write: sheets of one header row over rows of typed cells, its document
/// properties and the number formats of its euro and share cells. Every value is written as it
/// is: Excel computes nothing (no formula), so what a reader sums is what the tool computed.
public struct Workbook: Sendable, Hashable {
    public var sheets: [Sheet]
    public var properties: DocumentProperties
    public var formats: NumberFormats

    public init(sheets: [Sheet], properties: DocumentProperties, formats: NumberFormats) {
        self.sheets = sheets
        self.properties = properties
        self.formats = formats
    }
}

/// One sheet: a table under a header row, which the written sheet freezes and filters.
public struct Sheet: Sendable, Hashable {
    /// The tab's name (at most 31 characters, none of `[ ] : * ? / \`).
    public var name: String
    public var header: [String]
    public private(set) var rows: [[Cell]] = []

    public init(name: String, header: [String]) {
        self.name = name
        self.header = header
    }

    public mutating func append(_ row: [Cell]) { rows.append(row) }
}

/// A cell's value, with its kind: the kind chooses the number format.
public enum Cell: Sendable, Hashable {
    case text(String)
    case integer(Int)
    /// An amount in euros held in cents, as the tool holds money: written as the number
    /// cents / 100 (one division, correctly rounded) in the euro format. libxlsxwriter writes
    /// it with 16 significant digits: above some 8 million euros the XML may read
    /// `9176584278.719999` for 9 176 584 278,72 €, the same double, which Excel shows to the cent.
    case euros(cents: Int64)
    /// A share, `0.221` for 22,1 %, in the percent format.
    case share(Double)
    case empty

    /// The number written for `.euros(cents:)`: the double nearest to cents / 100, whose
    /// shortest decimal form is the amount with its cents (up to 2^53 cents).
    public static func euroNumber(cents: Int64) -> Double { Double(cents) / 100 }
}

/// The document properties of the file (docProps/core.xml). `created` is written as the
/// creation and modification time: given, never the clock, so that the same content gives
/// the same bytes.
public struct DocumentProperties: Sendable, Hashable {
    public var title: String
    public var subject: String
    public var author: String
    public var comments: String
    /// Seconds since 1970-01-01 UTC.
    public var created: Int64

    public init(title: String, subject: String = "", author: String = "", comments: String = "", created: Int64) {
        self.title = title
        self.subject = subject
        self.author = author
        self.comments = comments
        self.created = created
    }
}

/// Excel number format codes. A code is stored in Excel's own syntax (`,` groups thousands,
/// `.` is the decimal point) and each reader's Excel shows it in its language: the French
/// euro format `#,##0.00\ "€"` reads `1 234,56 €` in a French Excel.
public struct NumberFormats: Sendable, Hashable {
    public var euros: String
    public var share: String

    public init(euros: String, share: String) {
        self.euros = euros
        self.share = share
    }

    /// `1 234,56 €`, `22,1 %`.
    public static let french = NumberFormats(euros: "#,##0.00\\ \"€\"", share: "0.0%")
    /// `€1,234.56`, `22.1%`.
    public static let english = NumberFormats(euros: "\"€\"#,##0.00", share: "0.0%")
}
