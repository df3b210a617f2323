// SPDX-License-Identifier: GPL-3.0-or-later

/// The unit of a chart's values, which decides how ticks and labels are written.
public enum ChartUnit: Sendable, Hashable {
    /// Euros: `1 234 567 €`.
    case euros
    /// A count of something: `1 234 ESSMS`, `410 000 DUI actifs`.
    case count(String)
    /// A share in [0, 1]: `32,1 %`.
    case share

    /// The value as a label (with its unit).
    func label(_ v: Double, _ f: ReportFormat) -> String {
        switch self {
        case .euros: return f.euros(v)
        case .count(let what): return f.decimal(v, digits: 1) + (what.isEmpty ? "" : "\u{00A0}" + what)
        case .share: return f.percent(v)
        }
    }

    /// The value as a tick (the unit is on the axis title, except for euros and shares).
    func tick(_ v: Double, _ f: ReportFormat) -> String {
        switch self {
        case .euros: return f.euros(v)
        case .count: return f.decimal(v, digits: 2)
        case .share: return f.percent(v, digits: 0)
        }
    }

    /// The unit's name for an axis title: `€`, `ESSMS`, `%`.
    var axisUnit: String {
        switch self {
        case .euros: return "€"
        case .count(let what): return what
        case .share: return "%"
        }
    }
}

/// Text escaped for HTML and SVG (both read as XML): the five special characters, and control
/// characters XML does not allow dropped. Every string that comes from a user (project titles,
/// OG and ESSMS names, ids) goes through it.
public enum Markup {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                // XML 1.0 allows no other C0 control, nor U+FFFE/U+FFFF.
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A value safe as an HTML id or fragment: letters, digits, `-` and `_` kept, the rest as `_xx`.
    public static func identifier(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "-" || u == "_") {
                out.unicodeScalars.append(u)
            } else {
                out += "_" + String(u.value, radix: 16)
            }
        }
        return out
    }
}

/// Shared drawing of the charts: an SVG document with a title, axes with nice ticks, a legend.
struct SVGCanvas {
    let width: Double
    let height: Double
    let title: String
    private(set) var body = ""

    static let palette = ["#1f5a96", "#e07b28", "#3c8d3c", "#8e5ba8"]
    static let targetColor = "#b3261e"
    static let bandColor = "#dcdcdc"
    static let inkColor = "#222222"
    static let gridColor = "#e4e4e4"
    static let fontSize = 12.0

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// Approximate width of `text` at `size` (no font metrics offline: 0.56 em a character).
    static func textWidth(_ text: String, size: Double = fontSize) -> Double { Double(text.count) * size * 0.56 }

    static func n(_ x: Double) -> String { JSONValue.formatDecimal(x, digits: 1) }

    mutating func add(_ s: String) { body += s + "\n" }

    mutating func rect(x: Double, y: Double, w: Double, h: Double, fill: String, extra: String = "") {
        add("<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, w)))\" height=\"\(Self.n(max(0, h)))\" fill=\"\(fill)\"\(extra.isEmpty ? "" : " " + extra)/>")
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
                       dash: String? = nil) {
        add("<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>")
    }

    /// `anchor`: start, middle, end.
    mutating func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Double = fontSize,
                       weight: String? = nil, fill: String = inkColor, rotate: Double? = nil) {
        let transform = rotate.map { " transform=\"rotate(\(Self.n($0)) \(Self.n(x)) \(Self.n(y)))\"" } ?? ""
        add("<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(Self.n(size))\"\(weight.map { " font-weight=\"\($0)\"" } ?? "") fill=\"\(fill)\"\(transform)>\(Markup.escape(s))</text>")
    }

    /// A legend in one row at the top right, under the title: (label, swatch kind, colour).
    mutating func legend(_ items: [(String, LegendSwatch, String)], y: Double) {
        var x = width - 8
        for (label, swatch, color) in items.reversed() {
            let w = Self.textWidth(label, size: 11)
            x -= w
            text(label, x: x, y: y + 4, size: 11)
            x -= 18
            switch swatch {
            case .box: rect(x: x, y: y - 5, w: 12, h: 10, fill: color)
            case .line: line(x, y, x + 12, y, stroke: color, width: 2.5)
            case .dashed: line(x + 6, y - 6, x + 6, y + 6, stroke: color, width: 2, dash: "3 2")
            case .tick: line(x + 6, y - 6, x + 6, y + 6, stroke: color, width: 2.5)
            }
            x -= 14
        }
    }

    enum LegendSwatch { case box, line, dashed, tick }

    func rendered() -> String {
        let id = "chart-" + Markup.identifier(String(title.unicodeScalars.filter { $0.isASCII }.prefix(24)))
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" "
            + "role=\"img\" aria-labelledby=\"\(id)\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\">\n"
            + "<title id=\"\(id)\">\(Markup.escape(title))</title>\n"
            + "<text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\" fill=\"\(Self.inkColor)\">\(Markup.escape(title))</text>\n"
            + body + "</svg>"
    }
}

/// Nice, round tick values covering [low, high].
enum NiceScale {
    static func ticks(low: Double, high: Double, count: Int = 5, integer: Bool = false) -> [Double] {
        var lo = low, hi = high
        if !(hi > lo) { hi = lo + (lo == 0 ? 1 : abs(lo) * 0.1) }
        let raw = (hi - lo) / Double(max(1, count))
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        var step = magnitude
        for m in (integer ? [1.0, 2.0, 5.0, 10.0] : [1.0, 2.0, 2.5, 5.0, 10.0]) where magnitude * m >= raw {
            step = magnitude * m
            break
        }
        if integer { step = max(1, step.rounded(.up)) }
        lo = (lo / step).rounded(.down) * step
        hi = (hi / step).rounded(.up) * step
        var out: [Double] = []
        var v = lo
        while v <= hi + step * 1e-9 && out.count < 50 {
            out.append(abs(v) < step * 1e-9 ? 0 : v)
            v += step
        }
        return out
    }
}
