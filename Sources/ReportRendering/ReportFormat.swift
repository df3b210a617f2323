// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// The language of a report: French by default (the committee's), English on request; the
/// same as the diagnostics' (`ScenarioModel.Language`).
public typealias ReportLanguage = Language

/// Numbers, money, percentages and dates as a reader of the report's language writes them:
/// French `1 234 567 €`, `32,1 %`, `14/06/2024` (narrow no-break spaces between thousands,
/// no-break space before the unit); English `€1,234,567`, `32.1%`, `2024-06-14`.
public struct ReportFormat: Sendable {
    public var language: ReportLanguage

    public init(_ language: ReportLanguage) { self.language = language }

    static let narrowSpace = "\u{202F}"
    static let noBreakSpace = "\u{00A0}"

    public func money(_ m: Money) -> String {
        switch language {
        case .fr: return m.frenchString
        case .en:
            let sign = m.cents < 0 ? "-" : ""
            let a = m.cents.magnitude
            let c = a % 100
            return "\(sign)€\(Self.grouped(String(a / 100), ","))" + (c == 0 ? "" : ".\(c < 10 ? "0" : "")\(c)")
        }
    }

    /// Whole euros, rounded half up (chart labels).
    public func euros(_ x: Double) -> String {
        let rounded = Money(euros: Int64(x.rounded()))
        return money(rounded)
    }

    public func integer(_ n: Int) -> String {
        let body = Self.grouped(String(n.magnitude), language == .fr ? Self.narrowSpace : ",")
        return (n < 0 ? "−" : "") + body
    }

    /// A count in the terminal text: grouped in French (`1 234`), plain in English (`1234`, as
    /// the English text has always printed it).
    public func terminalInteger(_ n: Int) -> String { language == .fr ? integer(n) : String(n) }

    /// A decimal in the terminal text: `decimal` in French (`0,275`), plain in English (`0.275`).
    public func terminalDecimal(_ x: Double, digits: Int) -> String {
        language == .fr ? decimal(x, digits: digits) : JSONValue.formatDecimal(x, digits: digits)
    }

    /// `x` with at most `digits` decimals (trailing zeros dropped), thousands grouped.
    public func decimal(_ x: Double, digits: Int = 1) -> String {
        let plain = JSONValue.formatDecimal(x, digits: digits)
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        var out = Self.grouped(String(parts[0]), language == .fr ? Self.narrowSpace : ",")
        if parts.count == 2 { out += (language == .fr ? "," : ".") + parts[1] }
        return (negative ? "−" : "") + out
    }

    /// A share (0.321) as a percentage: `32,1 %`.
    public func percent(_ share: Double, digits: Int = 1) -> String {
        decimal(share * 100, digits: digits) + (language == .fr ? Self.noBreakSpace + "%" : "%")
    }

    public func date(_ d: Day) -> String { language == .fr ? d.french : d.iso }

    /// A time since the epoch, in UTC: `14/06/2024 08:00 UTC`.
    public func dateTime(epoch: Int64) -> String {
        let (y, m, d, hh, mm, _) = Self.civil(epoch)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch language {
        case .fr: return "\(two(d))/\(two(m))/\(y) \(two(hh)):\(two(mm)) UTC"
        case .en: return "\(y)-\(two(m))-\(two(d)) \(two(hh)):\(two(mm)) UTC"
        }
    }

    /// ISO 8601 in UTC: `2024-06-14T08:00:00Z`.
    public static func iso8601(epoch: Int64) -> String {
        let (y, m, d, hh, mm, ss) = civil(epoch)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(hh)):\(two(mm)):\(two(ss))Z"
    }

    /// Year, month, day, hour, minute, second of a time since the epoch (UTC, proleptic
    /// Gregorian calendar; H. Hinnant's `civil_from_days`), without the system's calendar.
    static func civil(_ epoch: Int64) -> (Int, Int, Int, Int, Int, Int) {
        let days = epoch >= 0 ? epoch / 86_400 : (epoch - 86_399) / 86_400
        let secs = Int(epoch - days * 86_400)
        let day = Day(ordinal: Int(days))
        let (y, m, d) = (day.year, day.month, day.day)
        return (Int(y), Int(m), Int(d), secs / 3600, secs % 3600 / 60, secs % 60)
    }

    static func grouped(_ digits: String, _ separator: String) -> String {
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return out
    }

    // MARK: Names

    public func sector(_ code: String) -> String {
        guard let s = Sector(rawValue: code) else { return code }
        switch language {
        case .fr: return s.frenchName
        case .en:
            switch s {
            case .pa: return "Older people"
            case .ph: return "Disabled people"
            case .domicile: return "Home care"
            case .ahi: return "Shelter and social inclusion"
            case .pjm: return "Legal protection of adults"
            case .pe: return "Child protection"
            case .autre: return "Other"
            }
        }
    }

    /// `Finistère (29)`.
    public func departement(_ code: String) -> String {
        let name = Geography.departementName(code)
        return name == code ? code : "\(name) (\(code))"
    }

    /// `Bretagne (53)`.
    public func region(_ code: String) -> String {
        let name = Geography.regionName(code)
        return name == code ? code : "\(name) (\(code))"
    }
}
