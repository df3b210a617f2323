// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An .xlsx file read back from its XML parts, as Excel would see it: each sheet's name, cells
/// (the shared strings resolved, the number format of each cell), frozen rows, filter and
/// column widths, and the document's creation time.
public struct XLSXContents {
    public struct Cell: Sendable, Hashable {
        /// The text, or the number as written in the XML (`161212.7`).
        public var value: String
        public var isNumber: Bool
        /// The cell's number format code (`General` when none).
        public var format: String
    }

    public struct Sheet: Sendable {
        public var name: String
        /// Row by row from row 1, column by column from A; nil for a cell not written.
        public var rows: [[Cell?]]
        /// `A1:U151`.
        public var autoFilter: String?
        /// Rows frozen at the top (the pane's ySplit).
        public var frozenRows: Int
        /// The width of each column given, by column from 0.
        public var widths: [Int: Double]

        public var header: [String] { rows.first?.map { $0?.value ?? "" } ?? [] }
        /// The cells of column `title` under the header.
        public func column(_ title: String) -> [Cell?] {
            guard let i = header.firstIndex(of: title) else { return [] }
            return rows.dropFirst().map { i < $0.count ? $0[i] : nil }
        }
    }

    public let zip: ZipArchive
    public let sheets: [Sheet]
    /// `dcterms:created` of docProps/core.xml.
    public let created: String?

    public init(_ bytes: [UInt8]) throws {
        let zip = try ZipArchive(bytes)
        self.zip = zip
        let strings = try XMLTree(zip.contents("xl/sharedStrings.xml")).all("si").map { $0.all("t").map(\.text).joined() }
        let styles = try XMLTree(zip.contents("xl/styles.xml"))
        var custom: [String: String] = [:]
        for f in styles.all("numFmt") { custom[f["numFmtId"] ?? ""] = f["formatCode"] }
        let builtin = ["0": "General", "1": "0", "2": "0.00", "3": "#,##0", "4": "#,##0.00", "9": "0%", "10": "0.00%"]
        let xfs = styles.all("cellXfs").first?.children.filter { $0.name == "xf" } ?? []
        let formats = xfs.map { xf in xf["numFmtId"].flatMap { custom[$0] ?? builtin[$0] } ?? "General" }
        let targets = Dictionary(try XMLTree(zip.contents("xl/_rels/workbook.xml.rels")).all("Relationship").map { ($0["Id"] ?? "", $0["Target"] ?? "") },
                                 uniquingKeysWith: { a, _ in a })
        sheets = try XMLTree(zip.contents("xl/workbook.xml")).all("sheet").map { s in
            let target = targets[s["r:id"] ?? ""] ?? ""
            let xml = try XMLTree(zip.contents(target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target))
            var rows: [[Cell?]] = []
            for row in xml.all("row") {
                let r = Int(row["r"] ?? "") ?? rows.count + 1
                while rows.count < r { rows.append([]) }
                for c in row.children where c.name == "c" {
                    let (column, _) = Self.position(c["r"] ?? "A1")
                    let raw = c.all("v").first?.text ?? c.all("t").first?.text ?? ""
                    let type = c["t"]
                    let value = type == "s" ? (Int(raw).flatMap { $0 < strings.count ? strings[$0] : nil } ?? "") : raw
                    let format = Int(c["s"] ?? "0").flatMap { $0 < formats.count ? formats[$0] : nil } ?? "General"
                    while rows[r - 1].count <= column { rows[r - 1].append(nil) }
                    rows[r - 1][column] = Cell(value: value, isNumber: type == nil || type == "n", format: format)
                }
            }
            var widths: [Int: Double] = [:]
            for col in xml.all("col") {
                guard let lo = Int(col["min"] ?? ""), let hi = Int(col["max"] ?? ""), let w = Double(col["width"] ?? "") else { continue }
                for i in lo...hi { widths[i - 1] = w }
            }
            let pane = xml.all("pane").first
            return Sheet(name: s["name"] ?? "", rows: rows, autoFilter: xml.all("autoFilter").first?["ref"],
                         frozenRows: pane?["state"] == "frozen" ? Int(pane?["ySplit"] ?? "") ?? 0 : 0, widths: widths)
        }
        created = try XMLTree(zip.contents("docProps/core.xml")).all("dcterms:created").first?.text
    }

    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    /// A decimal of the XML (`161212.7`, `-0.05`, `9176584278.719999`) rounded to the cent,
    /// half away from zero, read as text: never through a Double.
    public static func cents(_ text: String) -> Int64? {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]) else { return nil }
        let fraction = Array(parts.count == 2 ? String(parts[1]) : "").map { Int64(String($0)) }
        guard fraction.allSatisfy({ $0 != nil }) else { return nil }
        let digit = { (i: Int) -> Int64 in i < fraction.count ? fraction[i]! : 0 }
        let c = whole * 100 + digit(0) * 10 + digit(1) + (digit(2) >= 5 ? 1 : 0)
        return negative ? -c : c
    }

    /// `(2, 4)` for `C5`: column and row from 0.
    static func position(_ reference: String) -> (Int, Int) {
        var column = 0, digits = ""
        for ch in reference {
            if let a = ch.asciiValue, a >= 65, a <= 90 { column = column * 26 + Int(a - 64) } else { digits.append(ch) }
        }
        return (column - 1, (Int(digits) ?? 1) - 1)
    }
}

/// A small XML tree: enough to read the parts of a workbook or of an OpenDocument text.
public final class XMLTree: NSObject, XMLParserDelegate {
    public let name: String
    public let attributes: [String: String]
    public private(set) var children: [XMLTree] = []
    /// The element's own text.
    public private(set) var text = ""
    /// The text of the element and of those under it, in document order, with OpenDocument's
    /// spaces (`text:s`), tabs and line breaks.
    public private(set) var content = ""
    private var stack: [XMLTree] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Parses `bytes`; the root's one child is the document's element.
    public convenience init(_ bytes: [UInt8]) throws {
        self.init(name: "", attributes: [:])
        stack = [self]
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        stack = []
    }

    public subscript(_ attribute: String) -> String? { attributes[attribute] }

    /// Every element named `name` under this one, in document order.
    public func all(_ name: String) -> [XMLTree] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
    }

    public func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                       qualifiedName: String?, attributes: [String: String] = [:]) {
        let whitespace = ["text:s": String(repeating: " ", count: Int(attributes["text:c"] ?? "") ?? 1),
                          "text:tab": "\t", "text:line-break": "\n"][elementName]
        if let whitespace { for e in stack { e.content += whitespace } }
        let e = XMLTree(name: elementName, attributes: attributes)
        stack.last?.children.append(e)
        stack.append(e)
    }

    public func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
        for e in stack { e.content += string }
    }
}
