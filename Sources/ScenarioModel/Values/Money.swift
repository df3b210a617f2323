// SPDX-License-Identifier: GPL-3.0-or-later

/// An amount of money in euro cents. Amounts are parsed from text and never pass through
/// floating point: the programme's decisions are public and must add up to the cent.
public struct Money: Hashable, Comparable, Sendable {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }
    public init(euros: Int64) { self.cents = euros * 100 }

    public static let zero = Money(cents: 0)

    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static func += (a: inout Money, b: Money) { a.cents += b.cents }
    public static func -= (a: inout Money, b: Money) { a.cents -= b.cents }
    public static func * (a: Money, k: Int64) -> Money { Money(cents: a.cents * k) }

    /// The amount multiplied by `numerator / denominator`, rounded half-up to the cent.
    /// `denominator` must be positive; the product must fit in 64 bits (amounts here are below
    /// 10^10 cents and ratios below 10^8).
    public func prorated(_ numerator: Int64, over denominator: Int64) -> Money {
        precondition(denominator > 0, "prorata over a non-positive total")
        let product = cents * numerator
        let (q, r) = product.quotientAndRemainder(dividingBy: denominator)
        // Half-up (away from zero for the non-negative amounts handled here).
        return Money(cents: r * 2 >= denominator ? q + 1 : q)
    }

    /// The amount as the shortest exact decimal number of euros: `1234`, `1234.5`, `1234.05`
    /// (the form JSON documents carry).
    public var decimalString: String {
        let sign = cents < 0 ? "-" : ""
        let a = cents.magnitude
        let euros = a / 100, c = a % 100
        if c == 0 { return "\(sign)\(euros)" }
        if c % 10 == 0 { return "\(sign)\(euros).\(c / 10)" }
        return "\(sign)\(euros).\(c < 10 ? "0" : "")\(c)"
    }

    /// The amount for a French reader: `1 234 567 €`, `1 234,50 €` (narrow no-break spaces).
    public var frenchString: String {
        let sign = cents < 0 ? "-" : ""
        let a = cents.magnitude
        let euros = String(a / 100)
        var grouped = ""
        for (i, ch) in euros.enumerated() {
            if i > 0 && (euros.count - i) % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(ch)
        }
        let c = a % 100
        let fraction = c == 0 ? "" : ",\(c < 10 ? "0" : "")\(c)"
        return "\(sign)\(grouped)\(fraction)\u{00A0}€"
    }
}

extension Money: CustomStringConvertible {
    public var description: String { decimalString + " €" }
}

extension Money {
    /// Why a text is not an amount.
    public enum ParseFailure: Error, Equatable, Sendable {
        case notANumber
        case negative
        case tooManyDecimals
        case tooLarge

        /// What is wrong with the text, for a message after its name: "is an amount over the
        /// maximum of 10 000 000 000 €", "est un montant négatif".
        public var problem: Phrase {
            switch self {
            case .notANumber: return .fr("n'est pas un montant", en: "is not an amount")
            case .negative: return .fr("est un montant négatif", en: "is a negative amount")
            case .tooManyDecimals: return .fr("est un montant à plus de deux décimales", en: "is an amount with more than two decimals")
            case .tooLarge:
                return .fr("est un montant au-delà du maximum de \(Money.maximumParsed.frenchString)",
                           en: "is an amount over the maximum of \(Money.maximumParsed.frenchString)")
            }
        }
    }

    /// The largest amount accepted from a file: ten billion euros.
    public static let maximumParsed = Money(euros: 10_000_000_000)

    /// What an amount read from a file may be, for messages.
    public static var acceptedDescription: Phrase { .fr("des euros, ", en: "euros, ") + acceptedLimits }

    /// `0 or more, at most 2 decimals, at most 10 000 000 000 €`.
    public static var acceptedLimits: Phrase {
        .fr("0 ou plus, au plus 2 décimales, au plus \(maximumParsed.frenchString)",
            en: "0 or more, at most 2 decimals, at most \(maximumParsed.frenchString)")
    }

    /// Parses an amount in euros: `1234`, `1234.5`, `1 234,50` (decimal comma when allowed),
    /// an optional trailing `€`. Spaces (also no-break) group thousands.
    public static func parse(_ text: String, decimalComma: Bool) -> Result<Money, ParseFailure> {
        var euros: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenDigit = false
        var inFraction = false
        var negative = false
        var scalars = Substring(text).unicodeScalars[...]
        // Trailing currency sign and spaces.
        while let last = scalars.last, last == "€" || isSpace(last) { scalars.removeLast() }
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        if scalars.first == "-" { negative = true; scalars.removeFirst() } else if scalars.first == "+" { scalars.removeFirst() }
        for s in scalars {
            switch s {
            case "0"..."9":
                seenDigit = true
                let d = Int64(s.value - 48)
                if inFraction {
                    fractionDigits += 1
                    if fractionDigits > 2 {
                        if d != 0 { return .failure(.tooManyDecimals) }
                    } else {
                        fraction = fraction * 10 + d
                    }
                } else {
                    euros = euros * 10 + d
                    if euros > maximumParsed.cents / 100 { return .failure(.tooLarge) }
                }
            case ".":
                if inFraction { return .failure(.notANumber) }
                inFraction = true
            case ",":
                if !decimalComma || inFraction { return .failure(.notANumber) }
                inFraction = true
            default:
                if isSpace(s) && !inFraction { continue }
                return .failure(.notANumber)
            }
        }
        if !seenDigit { return .failure(.notANumber) }
        if fractionDigits == 1 { fraction *= 10 }
        let cents = euros * 100 + fraction
        if negative && cents != 0 { return .failure(.negative) }
        return .success(Money(cents: cents))
    }

    /// The common case from ASCII bytes without making a `String`: digits, then optionally `.`
    /// (or `,` when allowed) and one or two digits. Nil for anything else (the full parser
    /// then decides, with its error).
    static func parsePlain(_ b: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Money? {
        guard !b.isEmpty, b.count <= 12 else { return nil }
        var euros: Int64 = 0, fraction: Int64 = 0, fractionDigits = 0, inFraction = false, k = 0
        while k < b.count {
            let c = b[k]
            if c >= 48 && c <= 57 {
                if inFraction {
                    fractionDigits += 1
                    guard fractionDigits <= 2 else { return nil }
                    fraction = fraction * 10 + Int64(c - 48)
                } else {
                    euros = euros * 10 + Int64(c - 48)
                }
            } else if !inFraction && k > 0 && (c == UInt8(ascii: ".") || (decimalComma && c == UInt8(ascii: ","))) {
                inFraction = true
            } else {
                return nil
            }
            k += 1
        }
        if inFraction && fractionDigits == 0 { return nil }
        if fractionDigits == 1 { fraction *= 10 }
        return Money(cents: euros * 100 + fraction)
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\u{00A0}" || s == "\u{202F}" || s == "\t"
    }
}
