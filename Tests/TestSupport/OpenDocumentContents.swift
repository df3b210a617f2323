// SPDX-License-Identifier: GPL-3.0-or-later

/// An OpenDocument text read back from its parts, as a word processor shows it: the parsed
/// `content.xml`, `styles.xml`, `meta.xml` and manifest, and the body as lines of text in
/// reading order — one per heading, per line of a paragraph, per list item and per table row
/// (its cells joined by ` | `) — which `MarkdownText.lines` reads the same way from Markdown.
public struct OpenDocumentContents {
    public let zip: ZipArchive
    public let content: XMLTree
    public let styles: XMLTree
    public let meta: XMLTree
    public let manifest: XMLTree
    /// The blocks of the text: headings, paragraphs, lists and tables.
    public let body: [XMLTree]
    /// The body's text, line by line (see above).
    public let lines: [String]

    public init(_ bytes: [UInt8]) throws {
        zip = try ZipArchive(bytes)
        content = try XMLTree(zip.contents("content.xml"))
        styles = try XMLTree(zip.contents("styles.xml"))
        meta = try XMLTree(zip.contents("meta.xml"))
        manifest = try XMLTree(zip.contents("META-INF/manifest.xml"))
        body = content.all("office:text").first?.children ?? []
        lines = body.flatMap { block -> [String] in
            switch block.name {
            case "text:list": return block.all("text:list-item").map(\.content)
            case "table:table": return block.all("table:table-row").map { $0.children.map(\.content).joined(separator: " | ") }
            default: return block.content.split(separator: "\n").map(String.init)
            }
        }.filter { !$0.isEmpty }
    }

    /// Each heading's outline level and text, in order.
    public var headings: [(level: Int, text: String)] {
        content.all("text:h").map { (Int($0["text:outline-level"] ?? "") ?? 0, $0.content) }
    }

    /// The rows of cells of the first table after the heading that starts with `heading`.
    public func table(after heading: String) -> [[XMLTree]]? {
        guard let h = body.firstIndex(where: { $0.name == "text:h" && $0.content.hasPrefix(heading) }),
              let t = body[h...].first(where: { $0.name == "table:table" }) else { return nil }
        return t.all("table:table-row").map { $0.children.filter { $0.name == "table:table-cell" } }
    }
}

/// Markdown as this project writes it, read as plain text: a line per heading, paragraph line,
/// list item and table row (cells joined by ` | `), the separators of tables and rules left
/// out, and the inline markup undone — `\x` is `x`, `&lt;` `&gt;` `&amp;` are `<` `>` `&`,
/// `**` and `` ` `` are dropped.
public enum MarkdownText {
    public static func lines(_ markdown: String) -> [String] {
        markdown.split(separator: "\n").compactMap { line -> String? in
            if line == "---" || line.hasPrefix("| ---") { return nil }
            if line.hasPrefix("| ") && line.hasSuffix(" |") {
                return line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { plain(Substring($0)) }.joined(separator: " | ")
            }
            if line.hasPrefix("- ") { return plain(line.dropFirst(2)) }
            if line.hasPrefix("#") { return plain(line.drop { $0 == "#" }.dropFirst()) }
            return plain(line)
        }
    }

    /// The headings: level (the number of `#`) and text.
    public static func headings(_ markdown: String) -> [(level: Int, text: String)] {
        markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.map { line in
            let level = line.prefix { $0 == "#" }.count
            return (level, plain(line.dropFirst(level + 1)))
        }
    }

    public static func plain(_ s: Substring) -> String {
        var out = "", rest = s
        while let c = rest.first {
            if c == "\\", let next = rest.dropFirst().first {
                out.append(next)
                rest = rest.dropFirst(2)
            } else if let entity = [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")].first(where: { rest.hasPrefix($0.0) }) {
                out += entity.1
                rest = rest.dropFirst(entity.0.count)
            } else if rest.hasPrefix("**") {
                rest = rest.dropFirst(2)
            } else {
                if c != "`" { out.append(c) }
                rest = rest.dropFirst()
            }
        }
        return out
    }
}
