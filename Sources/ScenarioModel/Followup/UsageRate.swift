// SPDX-License-Identifier: GPL-3.0-or-later

/// A usage rate in parts per million, exact: `0.82`, `0,82`, `82 %` and `82,5 %` are read
/// without floating point, so that a rate written equal to its target meets it.
public struct UsageRate: Hashable, Comparable, Sendable {
    public var ppm: Int64

    public init(ppm: Int64) { self.ppm = ppm }

    /// A target of the rule set (a fraction such as 0.90), to the millionth.
    public init(fraction: Double) { ppm = Int64((fraction * 1_000_000).rounded()) }

    public static let full = UsageRate(ppm: 1_000_000)

    public static func < (a: UsageRate, b: UsageRate) -> Bool { a.ppm < b.ppm }

    public var fraction: Double { Double(ppm) / 1_000_000 }

    /// Whether `count` out of `total` reaches this rate: count / total ≥ rate, exactly.
    /// A total of 0 reaches nothing.
    public func isReached(by count: Int, of total: Int) -> Bool {
        total > 0 && Int64(count) * 1_000_000 >= ppm * Int64(total)
    }

    /// Why a text is not a rate.
    public enum ParseFailure: Error, Equatable, Sendable {
        case notANumber
        case aboveFull
        case tooManyDecimals
    }

    /// Parses `0.82`, `0,82` (decimal comma when allowed), `82 %`, `82%`, `82,5 %`.
    public static func parse(_ text: String, decimalComma: Bool) -> Result<UsageRate, ParseFailure> {
        var t = Substring(text.trimmingSpaces)
        var percent = false
        if t.hasSuffix("%") {
            percent = true
            t = Substring(String(t.dropLast()).trimmingSpaces)
        }
        var whole: Int64 = 0, fraction: Int64 = 0, digits = 0, inFraction = false, seen = false
        for c in t.unicodeScalars {
            switch c {
            case "0"..."9":
                seen = true
                let v = Int64(c.value - 48)
                if inFraction {
                    digits += 1
                    if digits > 6 {
                        if v != 0 { return .failure(.tooManyDecimals) }
                    } else {
                        fraction = fraction * 10 + v
                    }
                } else {
                    whole = whole * 10 + v
                    if whole > 1_000 { return .failure(.aboveFull) }
                }
            case ".": if inFraction { return .failure(.notANumber) }; inFraction = true
            case ",": if inFraction || !decimalComma { return .failure(.notANumber) }; inFraction = true
            default: return .failure(.notANumber)
            }
        }
        guard seen else { return .failure(.notANumber) }
        for _ in min(digits, 6)..<6 { fraction *= 10 }
        let millionths = whole * 1_000_000 + fraction
        // A percentage has 4 significant decimals fewer: 82,5 % = 825 000 ppm.
        if percent {
            guard millionths % 100 == 0 else { return .failure(.tooManyDecimals) }
        }
        let ppm = percent ? millionths / 100 : millionths
        if ppm > 1_000_000 { return .failure(.aboveFull) }
        return .success(UsageRate(ppm: ppm))
    }

    /// `82 %`, `82,5 %` for a French reader.
    public var percentString: String {
        let tenths = (ppm + 50) / 100  // hundredths of a percent, half-up
        let w = tenths / 100, f = tenths % 100
        if f == 0 { return "\(w) %" }
        return f % 10 == 0 ? "\(w),\(f / 10) %" : "\(w),\(f < 10 ? "0" : "")\(f) %"
    }
}
