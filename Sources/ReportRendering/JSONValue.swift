// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// A JSON document built in a fixed key order and written byte-for-byte the same every time.
/// Money is written as an exact decimal number of euros (never through `Double`).
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// A number written as given (already formatted exactly).
    case number(String)
    case bool(Bool)
    case null

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

    public static func money(_ m: Money) -> JSONValue { .number(m.decimalString) }
    public static func int(_ n: Int) -> JSONValue { .number(String(n)) }
    public static func double(_ x: Double, digits: Int = 6) -> JSONValue {
        guard x.isFinite else { return .null }
        return .number(formatDecimal(x, digits: digits))
    }

    /// `x` with at most `digits` decimals, trailing zeros removed, no exponent.
    public static func formatDecimal(_ x: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (x * scale).rounded() / scale
        if r == 0 { return "0" }
        let negative = r < 0
        let magnitude = abs(r)
        let whole = magnitude.rounded(.down)
        var fraction = Int64(((magnitude - whole) * scale).rounded())
        var wholeInt = Int64(whole)
        if Double(fraction) >= scale { wholeInt += 1; fraction = 0 }
        var s = String(wholeInt)
        if fraction > 0 {
            var f = String(fraction)
            while f.count < digits { f = "0" + f }
            while f.hasSuffix("0") { f.removeLast() }
            s += "." + f
        }
        return negative ? "-" + s : s
    }

    /// Pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var out = ""
        write(&out, indent: 0)
        out.append("\n")
        return out
    }

    private func write(_ out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent)
        switch self {
        case .object(let pairs):
            if pairs.isEmpty { out.append("{}"); return }
            out.append("{\n")
            for (i, (k, v)) in pairs.enumerated() {
                out.append(pad + "  ")
                JSONValue.writeString(k, &out)
                out.append(": ")
                v.write(&out, indent: indent + 1)
                out.append(i + 1 < pairs.count ? ",\n" : "\n")
            }
            out.append(pad + "}")
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            if items.allSatisfy(\.isScalar) && items.count <= 40 {
                out.append("[")
                for (i, v) in items.enumerated() {
                    v.write(&out, indent: indent)
                    if i + 1 < items.count { out.append(", ") }
                }
                out.append("]")
                return
            }
            out.append("[\n")
            for (i, v) in items.enumerated() {
                out.append(pad + "  ")
                v.write(&out, indent: indent + 1)
                out.append(i + 1 < items.count ? ",\n" : "\n")
            }
            out.append(pad + "]")
        case .string(let s): JSONValue.writeString(s, &out)
        case .number(let n): out.append(n)
        case .bool(let b): out.append(b ? "true" : "false")
        case .null: out.append("null")
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    static func writeString(_ s: String, _ out: inout String) {
        out.append("\"")
        for u in s.unicodeScalars {
            switch u {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "<": out.append("\\u003c")
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out.append("\"")
    }
}
