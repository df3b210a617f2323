// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

/// The `envelopes` results: the split of a total between regions, beside the 2024 table.
public enum EnvelopeDocument {
    public static func json(_ shares: [EnvelopeShare], total: Money, floor: Money, register: String,
                            registerDate: String?, registerESSMS: Int) -> JSONValue {
        .object([
            ("total", .money(total)), ("floor", .money(floor)),
            ("floor_regions", .array(shares.filter(\.atFloor).map { .string($0.region) })),
            ("register", .object([("file", .string(register)), ("date", registerDate.map { .string($0) } ?? .null),
                                  ("essms", .int(registerESSMS))])),
            ("regions", .array(shares.map { s in
                var pairs: [(String, JSONValue)] = [
                    ("region", .string(s.region)), ("name", .string(Geography.regionsByCode[s.region]?.name ?? "")),
                    ("essms", .int(s.essms)), ("floor", .bool(s.atFloor)), ("envelope", .money(s.envelope)),
                ]
                if let o = s.official2024, let d = s.difference {
                    pairs += [("official_2024", .money(o)), ("difference", .money(d)),
                              ("difference_percent", o.cents == 0 ? .null : .double(Double(d.cents) * 100 / Double(o.cents), digits: 2))]
                }
                return .object(pairs)
            })),
        ])
    }

    public static func text(_ shares: [EnvelopeShare], total: Money, floor: Money, register: String,
                            registerDate: String?, registerESSMS: Int, language: ReportLanguage = .en) -> String {
        let t = Catalogue(language), f = ReportFormat(language)
        let french = language == .fr
        let n = f.terminalInteger
        let official = shares.contains { $0.official2024 != nil }
        var out = t(.envSplit, total.frenchString, floor.frenchString, shares.filter(\.atFloor).map(\.region).joined(separator: ", ")) + "\n"
        out += t(.envRegister, register, n(registerESSMS), registerDate ?? t(.envUnknownDate)) + "\n\n"
        var rows = [[t(.headRegion), "", t(.headESSMS), t(.headEnvelope)] + (official ? [t(.headOfficial), t(.headDifference), "%"] : [])]
        for s in shares {
            var row = [s.region, Geography.regionsByCode[s.region]?.name ?? "", s.atFloor ? t(.envFloor, n(s.essms)) : n(s.essms), euros(s.envelope)]
            if official {
                if let o = s.official2024, let d = s.difference {
                    row += [euros(o), signed(d), o.cents == 0 ? "" : percent(d, of: o, french: french)]
                } else {
                    row += ["", "", ""]
                }
            }
            rows.append(row)
        }
        let sum = shares.reduce(Money.zero) { $0 + $1.envelope }
        let officialSum = shares.reduce(Money.zero) { $0 + ($1.official2024 ?? .zero) }
        rows.append([t(.rowTotal), "", n(shares.reduce(0) { $0 + $1.essms }), euros(sum)]
                    + (official ? [euros(officialSum), signed(sum - officialSum), ""] : []))
        out += TextTable.render(rows, rightAligned: Set(2..<rows[0].count))
        if official {
            let prorata = shares.filter { !$0.atFloor && ($0.official2024?.cents ?? 0) > 0 }
            if !prorata.isEmpty {
                let errors = prorata.map { abs(Double($0.difference!.cents) / Double($0.official2024!.cents)) }
                let mean = errors.reduce(0, +) / Double(errors.count)
                out += "\n" + t(.envMeanDifference, n(prorata.count),
                                french ? f.percent(mean) : JSONValue.formatDecimal(mean * 100, digits: 1) + " %") + "\n"
            }
        }
        return out
    }

    static func euros(_ m: Money) -> String { m.frenchString.replacingOccurrences("€", "").trimmingSpaces }
    static func signed(_ m: Money) -> String { (m > .zero ? "+" : "") + euros(m) }
    static func percent(_ d: Money, of o: Money, french: Bool = false) -> String {
        let x = Double(d.cents) * 100 / Double(o.cents)
        return (x > 0 ? "+" : "") + (french ? ReportFormat(.fr).decimal(x, digits: 1) + "\u{00A0}%" : JSONValue.formatDecimal(x, digits: 1) + " %")
    }
}
