// SPDX-License-Identifier: GPL-3.0-or-later

/// A document built once and rendered twice: to Markdown (`pv.md`) and to OpenDocument text
/// (`pv.odt`, `TextDocument+OpenDocument.swift`). Its text is inline Markdown — user strings
/// escaped by `MinutesDocument.md`, `**bold**` and `` `code` `` from the catalogue — so that the
/// Markdown rendering is the text itself, and the other reads its spans back (`spans(_:)`).
struct TextDocument {
    enum Block {
        /// Level 1 (the title) or 2 (a section).
        case heading(Int, String)
        /// Lines of one paragraph (soft line breaks).
        case paragraph([String])
        case bullets([String])
        case table(Table)
        case rule

        /// A paragraph of `text`, its lines the catalogue's sentences (a last line break dropped).
        static func text(_ text: String) -> Block {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.count > 1, lines.last == "" { lines.removeLast() }
            return .paragraph(lines)
        }
    }

    struct Table {
        /// Signatures: in OpenDocument, without borders and over a row tall enough to sign.
        enum Role { case data, signatures }
        var header: [String]
        var rows: [[String]]
        /// The columns of numbers, right-aligned.
        var right: Set<Int> = []
        /// The last row is a total.
        var total = false
        var role = Role.data
    }

    /// A block and the blank lines before it in Markdown.
    struct Part {
        var block: Block
        var blankLines: Int
    }

    private(set) var parts: [Part] = []
    private var extraBlankLines = 0

    /// Adds `block`, after one blank line in Markdown or `blankLines`.
    mutating func add(_ block: Block, blankLines: Int = 1) {
        parts.append(Part(block: block, blankLines: blankLines + extraBlankLines))
        extraBlankLines = 0
    }

    /// One more blank line before the next block, in Markdown only.
    mutating func addBlankLine() { extraBlankLines += 1 }

    var markdown: String {
        var out = ""
        for (i, part) in parts.enumerated() {
            if i > 0 { out += String(repeating: "\n", count: part.blankLines) }
            switch part.block {
            case .heading(let level, let text): out += String(repeating: "#", count: level) + " " + text + "\n"
            case .paragraph(let lines): out += lines.map { $0 + "\n" }.joined()
            case .bullets(let items): out += items.map { "- " + $0 + "\n" }.joined()
            case .table(let t):
                out += "| " + t.header.joined(separator: " | ") + " |\n"
                out += "|" + t.header.indices.map { t.right.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
                for r in t.rows { out += "| " + r.joined(separator: " | ") + " |\n" }
            case .rule: out += "---\n"
            }
        }
        return out
    }

    /// A run of text in one style.
    struct Span: Equatable {
        enum Style { case plain, bold, code, placeholder }
        var text: String
        var style: Style
    }

    /// The spans of inline Markdown as this document writes it: `\x` is `x`, `&lt;` `&gt;`
    /// `&amp;` are `<` `>` `&`, `**` opens or closes bold, `` `…` `` is code, and an unescaped
    /// `[…]` is a placeholder for the secretary (the catalogue's; brackets of user text are escaped).
    static func spans(_ markdown: String) -> [Span] {
        let s = Array(markdown)
        var spans: [Span] = [], text = "", bold = false, placeholder = false, i = 0
        func flush(_ style: Span.Style) {
            guard !text.isEmpty else { return }
            if let last = spans.last, last.style == style { spans[spans.count - 1].text += text } else { spans.append(Span(text: text, style: style)) }
            text = ""
        }
        let entities: [(String, Character)] = [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")]
        while i < s.count {
            let c = s[i]
            if c == "\\", i + 1 < s.count {
                text.append(s[i + 1])
                i += 2
            } else if c == "`", !placeholder, let end = s[(i + 1)...].firstIndex(of: "`") {
                flush(bold ? .bold : .plain)
                text = String(s[(i + 1)..<end])
                flush(.code)
                i = end + 1
            } else if c == "*", i + 1 < s.count, s[i + 1] == "*", !placeholder {
                flush(bold ? .bold : .plain)
                bold.toggle()
                i += 2
            } else if c == "[", !placeholder {
                flush(bold ? .bold : .plain)
                placeholder = true
                text.append(c)
                i += 1
            } else if c == "]", placeholder {
                text.append(c)
                flush(.placeholder)
                placeholder = false
                i += 1
            } else if c == "&", let entity = entities.first(where: { s[i...].starts(with: $0.0) }) {
                text.append(entity.1)
                i += entity.0.count
            } else {
                text.append(c)
                i += 1
            }
        }
        flush(placeholder ? .placeholder : bold ? .bold : .plain)
        return spans
    }
}
