// SPDX-License-Identifier: GPL-3.0-or-later

/// A FINESS number: 9 characters, the département first (`29`, `2A`, `97` + a digit overseas),
/// then an order number and a Luhn check digit computed after mapping Corsica's `A`→1, `B`→2.
public struct FINESS: Hashable, Comparable, Sendable {
    /// The nine characters, as written in the register.
    public let text: String

    public enum Invalid: Error, Equatable, Sendable {
        case length(Int)
        case character
        case checkKey(expected: Int)
    }

    /// Validates `text` (spaces around are not accepted here: callers trim).
    public init(_ text: String) throws(Invalid) {
        let bytes = Array(text.utf8)
        guard bytes.count == 9 else { throw .length(text.count) }
        var digits = [Int](repeating: 0, count: 9)
        for (i, b) in bytes.enumerated() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits[i] = Int(b) - 48
            case UInt8(ascii: "A"), UInt8(ascii: "a") where i == 1: digits[i] = 1
            case UInt8(ascii: "B"), UInt8(ascii: "b") where i == 1: digits[i] = 2
            default: throw .character
            }
        }
        if !FINESS.luhnValid(digits) {
            var body = digits
            body[8] = 0
            let key = (10 - FINESS.luhnSum(body) % 10) % 10
            throw .checkKey(expected: key)
        }
        self.text = text.uppercased()
    }

    /// Accepts a known-valid number without checking (register rows already checked).
    public init(unchecked text: String) { self.text = text }

    /// The valid FINESS number that starts with these 8 characters (the check digit appended).
    public static func completing(_ first8: String) -> FINESS? {
        guard first8.utf8.count == 8 else { return nil }
        for k in 0...9 {
            if let f = try? FINESS(first8 + String(k)) { return f }
        }
        return nil
    }

    /// Whether `text` is a valid FINESS number.
    public static func isValid(_ text: String) -> Bool { (try? FINESS(text)) != nil }

    static func luhnSum(_ digits: [Int]) -> Int {
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            if i % 2 == 1 {
                let x = d * 2
                sum += x > 9 ? x - 9 : x
            } else {
                sum += d
            }
        }
        return sum
    }

    static func luhnValid(_ digits: [Int]) -> Bool { luhnSum(digits) % 10 == 0 }

    /// The INSEE département code this number was issued in: `29`, `2A`, `971`…`976`.
    /// FINESS writes overseas numbers `97` + the 4th character (`9701…` is Guadeloupe).
    public var departement: String {
        let chars = Array(text)
        if chars[0] == "9" && chars[1] == "7" { return "97" + String(chars[3]) }
        return String(chars[0...1])
    }

    public static func < (a: FINESS, b: FINESS) -> Bool { a.text < b.text }
}

extension FINESS: CustomStringConvertible {
    public var description: String { text }
}

extension FINESS.Invalid {
    /// A sentence for a user, naming what was found.
    public func explanation(_ found: String) -> String {
        switch self {
        case .length(let n): return "'\(found)' has \(n) characters; a FINESS number has 9"
        case .character: return "'\(found)' contains a character other than digits (and 2A/2B for Corsica)"
        case .checkKey(let k): return "'\(found)' fails the FINESS check key (Luhn); its last digit would be \(k)"
        }
    }
}
