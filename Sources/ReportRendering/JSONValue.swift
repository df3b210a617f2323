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
    public func rendered() -> String { String(decoding: renderedBytes(), as: UTF8.self) }

    /// The UTF-8 bytes of `rendered()`.
    public func renderedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(&out, indent: 0)
        out.append(10)
        return out
    }

    private static func pad(_ out: inout [UInt8], _ indent: Int) {
        for _ in 0..<(indent * 2) { out.append(32) }
    }

    private func write(_ out: inout [UInt8], indent: Int) {
        switch self {
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: [123, 125]); return }
            out.append(contentsOf: [123, 10])
            for (i, (k, v)) in pairs.enumerated() {
                JSONValue.pad(&out, indent + 1)
                JSONValue.writeString(k, &out)
                out.append(contentsOf: [58, 32])
                v.write(&out, indent: indent + 1)
                if i + 1 < pairs.count { out.append(44) }
                out.append(10)
            }
            JSONValue.pad(&out, indent)
            out.append(125)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: [91, 93]); return }
            if items.count <= 40 && items.allSatisfy(\.isScalar) {
                out.append(91)
                for (i, v) in items.enumerated() {
                    v.write(&out, indent: indent)
                    if i + 1 < items.count { out.append(contentsOf: [44, 32]) }
                }
                out.append(93)
                return
            }
            out.append(contentsOf: [91, 10])
            for (i, v) in items.enumerated() {
                JSONValue.pad(&out, indent + 1)
                v.write(&out, indent: indent + 1)
                if i + 1 < items.count { out.append(44) }
                out.append(10)
            }
            JSONValue.pad(&out, indent)
            out.append(93)
        case .string(let s): JSONValue.writeString(s, &out)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    static func writeString(_ s: String, _ out: inout [UInt8]) {
        out.append(34)
        for b in s.utf8 {
            switch b {
            case 34: out.append(contentsOf: [92, 34])
            case 92: out.append(contentsOf: [92, 92])
            case 10: out.append(contentsOf: [92, 110])
            case 13: out.append(contentsOf: [92, 114])
            case 9: out.append(contentsOf: [92, 116])
            case 60: out.append(contentsOf: Array("\\u003c".utf8))  // '<', so that JSON is safe inside HTML
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(34)
    }
}
