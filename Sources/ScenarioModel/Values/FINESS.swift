// SPDX-License-Identifier: GPL-3.0-or-later

/// A FINESS number: 9 characters, the département first (`29`, `2A`, `97` + a digit overseas),
/// then an order number and a Luhn check digit computed after mapping Corsica's `A`→1, `B`→2.
public struct FINESS: Hashable, Comparable, Sendable {
    /// The nine characters packed 6 bits each, first character in the highest bits, so that
    /// integer order is text order and hashing costs one word (the national register is
    /// indexed by it).
    public let code: UInt64

    public enum Invalid: Error, Equatable, Sendable {
        case length(Int)
        case character
        case checkKey(expected: Int)
    }

    /// A number already validated, from its packed form.
    init(packed: UInt64) { self.code = packed }

    /// Validates `text` (spaces around are not accepted here: callers trim).
    public init(_ text: String) throws(Invalid) {
        var text = text
        let result: Result<UInt64, Invalid> = text.withUTF8 { FINESS.parse($0) }
        switch result {
        case .success(let code): self.code = code
        case .failure(let e):
            if case .length = e { throw .length(text.count) }
            throw e
        }
    }

    /// Parses 9 bytes: digits, and `A`/`B` (Corsica) in second position; checks the Luhn key
    /// computed with `A`→1, `B`→2.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<UInt64, Invalid> {
        guard bytes.count == 9 else { return .failure(.length(bytes.count)) }
        var code: UInt64 = 0
        var sum = 0
        for i in 0..<9 {
            let b = bytes[i]
            let digit: Int, packed: UInt64
            switch b {
            case 48...57: digit = Int(b) - 48; packed = UInt64(digit)
            case UInt8(ascii: "A") where i == 1, UInt8(ascii: "a") where i == 1: digit = 1; packed = 10
            case UInt8(ascii: "B") where i == 1, UInt8(ascii: "b") where i == 1: digit = 2; packed = 11
            default: return .failure(.character)
            }
            code = code << 6 | packed
            // Luhn: from the right, every second digit doubled (positions 7, 5, 3, 1 from the left, 0-based).
            if (8 - i) % 2 == 1 {
                let x = digit * 2
                sum += x > 9 ? x - 9 : x
            } else {
                sum += digit
            }
        }
        if sum % 10 != 0 {
            let last = Int(bytes[8]) - 48
            return .failure(.checkKey(expected: ((sum - last) * 9) % 10))
        }
        return .success(code)
    }

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

    /// The nine characters, as written in the register (Corsican letters in capitals).
    public var text: String {
        var bytes = [UInt8](repeating: 0, count: 9)
        var c = code
        for i in stride(from: 8, through: 0, by: -1) {
            let v = UInt8(c & 63)
            bytes[i] = v < 10 ? 48 + v : (v == 10 ? UInt8(ascii: "A") : UInt8(ascii: "B"))
            c >>= 6
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The INSEE département code this number was issued in: `29`, `2A`, `971`…`976`.
    /// FINESS writes overseas numbers `97` + the 4th character (`9701…` is Guadeloupe).
    public var departement: String {
        let chars = Array(text)
        if chars[0] == "9" && chars[1] == "7" { return "97" + String(chars[3]) }
        return String(chars[0...1])
    }

    public static func < (a: FINESS, b: FINESS) -> Bool { a.code < b.code }
}

extension FINESS: CustomStringConvertible {
    public var description: String { text }
}

extension FINESS.Invalid {
    /// A sentence for a user, naming what was found.
    public func explanation(_ found: String) -> Phrase {
        switch self {
        case .length(let n):
            return .fr("'\(found)' a \(n) caractère\(n > 1 ? "s" : "") ; un numéro FINESS en a 9",
                       en: "'\(found)' has \(n) characters; a FINESS number has 9")
        case .character:
            return .fr("'\(found)' contient un caractère autre que des chiffres (et 2A/2B pour la Corse)",
                       en: "'\(found)' contains a character other than digits (and 2A/2B for Corsica)")
        case .checkKey(let k):
            return .fr("'\(found)' n'a pas la bonne clé FINESS (Luhn) ; son dernier chiffre serait \(k)",
                       en: "'\(found)' fails the FINESS check key (Luhn); its last digit would be \(k)")
        }
    }
}
