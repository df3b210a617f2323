// SPDX-License-Identifier: GPL-3.0-or-later

/// The document as the `content.xml` of an OpenDocument text: headings, paragraphs, lists and
/// tables under the named styles of `OpenDocumentStyles` (which a secretary edits in the word
/// processor); only the tables' own shapes (widths, borders) are automatic styles here.
extension TextDocument {
    func openDocumentContent() -> String {
        var body = "", columns = ""
        var tables = 0
        for part in parts {
            switch part.block {
            case .heading(let level, let text):
                body += "<text:h text:style-name=\"Heading_20_\(level)\" text:outline-level=\"\(level)\">\(Self.inline(text))</text:h>\n"
            case .paragraph(let lines):
                body += "<text:p text:style-name=\"Text_20_body\">" + lines.map(Self.inline).joined(separator: "<text:line-break/>") + "</text:p>\n"
            case .bullets(let items) where !items.isEmpty:
                body += "<text:list text:style-name=\"Bullets\">"
                    + items.map { "<text:list-item><text:p text:style-name=\"List_20_Bullet\">\(Self.inline($0))</text:p></text:list-item>" }.joined()
                    + "</text:list>\n"
            case .bullets: break
            case .table(let t):
                tables += 1
                let (xml, styles) = Self.table(t, name: "Table\(tables)")
                body += xml
                columns += styles
            case .rule:
                body += "<text:p text:style-name=\"Horizontal_20_Line\"/>\n"
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(OpenDocumentStyles.namespaces) office:version="1.3">
            <office:automatic-styles>
            \(OpenDocumentStyles.tableStyles)\(columns)</office:automatic-styles>
            <office:body>
            <office:text>
            \(body)</office:text>
            </office:body>
            </office:document-content>

            """
    }

    /// A table and its columns' styles: widths shared out over the text width by the length
    /// of each column's longest text, two characters more for the padding, between 5 and 40
    /// (an identifier stays on one line, a title wraps): the same for the same content.
    static func table(_ t: Table, name: String) -> (String, String) {
        let signatures = t.role == .signatures
        var weights = t.header.map { plainLength($0) }
        for row in t.rows { for (i, cell) in row.enumerated() where i < weights.count { weights[i] = max(weights[i], plainLength(cell)) } }
        weights = weights.map { min(40, max(5, $0 + 2)) }
        if signatures { weights = weights.map { _ in 1 } }
        let total = max(1, weights.reduce(0, +))
        var columns = "", xml = "<table:table table:name=\"\(name)\" table:style-name=\"\(signatures ? "Signatures" : "Table")\">\n"
        for (i, w) in weights.enumerated() {
            let width = OpenDocumentStyles.textWidth * w / total
            columns += "<style:style style:name=\"\(name).C\(i + 1)\" style:family=\"table-column\"><style:table-column-properties "
                + "style:column-width=\"\(OpenDocumentStyles.centimetres(width))\" style:rel-width=\"\(w * 1000)*\"/></style:style>\n"
            xml += "<table:table-column table:style-name=\"\(name).C\(i + 1)\"/>\n"
        }
        // The paragraph style of a cell by its row (header, body, total) and alignment.
        let styles = [["Table_20_Heading", "Table_20_Contents", "Table_20_Total"],
                      ["Table_20_Heading_20_Number", "Table_20_Number", "Table_20_Total_20_Number"]]
        func row(_ cells: [String], _ kind: Int) -> String {
            "<table:table-row" + (signatures && kind > 0 ? " table:style-name=\"Signature_20_Row\"" : "") + ">"
                + cells.enumerated().map { i, cell in
                    let paragraph = signatures ? "Signature" : styles[t.right.contains(i) ? 1 : 0][kind]
                    let cellStyle = signatures ? "Signature_20_Cell" : kind == 0 ? "Heading_20_Cell" : "Cell"
                    return "<table:table-cell table:style-name=\"\(cellStyle)\" office:value-type=\"string\"><text:p text:style-name=\"\(paragraph)\">"
                        + inline(cell) + "</text:p></table:table-cell>"
                }.joined() + "</table:table-row>\n"
        }
        xml += "<table:table-header-rows>\n" + row(t.header, 0) + "</table:table-header-rows>\n"
        for (i, cells) in t.rows.enumerated() { xml += row(cells, t.total && i == t.rows.count - 1 ? 2 : 1) }
        return (xml + "</table:table>\n", columns)
    }

    static func plainLength(_ markdown: String) -> Int { spans(markdown).reduce(0) { $0 + $1.text.count } }

    /// Inline Markdown as paragraph content: bold, code and placeholders as text styles; a space
    /// after a space (or first) as `<text:s/>`, which OpenDocument would otherwise collapse.
    static func inline(_ markdown: String) -> String {
        var out = "", afterSpace = true
        for span in spans(markdown) {
            var text = ""
            for ch in span.text {
                switch ch {
                case " ": text += afterSpace ? "<text:s/>" : " "
                case "\t": text += "<text:tab/>"
                default: text += Markup.escape(String(ch))
                }
                afterSpace = ch == " "
            }
            switch span.style {
            case .plain: out += text
            case .bold: out += "<text:span text:style-name=\"Strong_20_Emphasis\">\(text)</text:span>"
            case .code: out += "<text:span text:style-name=\"Source_20_Text\">\(text)</text:span>"
            case .placeholder: out += "<text:span text:style-name=\"Placeholder\">\(text)</text:span>"
            }
        }
        return out
    }
}
