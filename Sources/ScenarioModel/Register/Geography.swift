// SPDX-License-Identifier: GPL-3.0-or-later

/// A region (2016 map) with its INSEE code.
public struct Region: Hashable, Sendable {
    public let code: String
    public let name: String
    /// Guadeloupe, Martinique, Guyane, La Réunion, Mayotte.
    public let overseas: Bool
    /// The 2024 ESMS numérique envelope notified to the region (instruction DNS/DGCS/CNSA/2024/15).
    public let envelope2024: Money

    /// Corse and the overseas regions: lower small-organisation threshold, envelope floor.
    public var isCorseOrOverseas: Bool { overseas || code == "94" }
}

/// Départements and regions of France (INSEE codes, 2016 regions).
public enum Geography {
    public static let regions: [Region] = [
        Region(code: "01", name: "Guadeloupe", overseas: true, envelope2024: Money(euros: 500000)),
        Region(code: "02", name: "Martinique", overseas: true, envelope2024: Money(euros: 500000)),
        Region(code: "03", name: "Guyane", overseas: true, envelope2024: Money(euros: 500000)),
        Region(code: "04", name: "La Réunion", overseas: true, envelope2024: Money(euros: 500000)),
        Region(code: "06", name: "Mayotte", overseas: true, envelope2024: Money(euros: 500000)),
        Region(code: "11", name: "Île-de-France", overseas: false, envelope2024: Money(euros: 8875114)),
        Region(code: "24", name: "Centre-Val de Loire", overseas: false, envelope2024: Money(euros: 2971826)),
        Region(code: "27", name: "Bourgogne-Franche-Comté", overseas: false, envelope2024: Money(euros: 4086891)),
        Region(code: "28", name: "Normandie", overseas: false, envelope2024: Money(euros: 4162575)),
        Region(code: "32", name: "Hauts-de-France", overseas: false, envelope2024: Money(euros: 6084927)),
        Region(code: "44", name: "Grand Est", overseas: false, envelope2024: Money(euros: 5625783)),
        Region(code: "52", name: "Pays de la Loire", overseas: false, envelope2024: Money(euros: 4663765)),
        Region(code: "53", name: "Bretagne", overseas: false, envelope2024: Money(euros: 3972526)),
        Region(code: "75", name: "Nouvelle-Aquitaine", overseas: false, envelope2024: Money(euros: 6909033)),
        Region(code: "76", name: "Occitanie", overseas: false, envelope2024: Money(euros: 6910715)),
        Region(code: "84", name: "Auvergne-Rhône-Alpes", overseas: false, envelope2024: Money(euros: 9418350)),
        Region(code: "93", name: "Provence-Alpes-Côte d'Azur", overseas: false, envelope2024: Money(euros: 4818495)),
        Region(code: "94", name: "Corse", overseas: false, envelope2024: Money(euros: 500000)),
    ]

    public static let regionsByCode: [String: Region] = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, $0) })

    /// INSEE département code → INSEE region code.
    public static let regionOfDepartement: [String: String] = [
        "01": "84",
        "02": "32",
        "03": "84",
        "04": "93",
        "05": "93",
        "06": "93",
        "07": "84",
        "08": "44",
        "09": "76",
        "10": "44",
        "11": "76",
        "12": "76",
        "13": "93",
        "14": "28",
        "15": "84",
        "16": "75",
        "17": "75",
        "18": "24",
        "19": "75",
        "21": "27",
        "22": "53",
        "23": "75",
        "24": "75",
        "25": "27",
        "26": "84",
        "27": "28",
        "28": "24",
        "29": "53",
        "2A": "94",
        "2B": "94",
        "30": "76",
        "31": "76",
        "32": "76",
        "33": "75",
        "34": "76",
        "35": "53",
        "36": "24",
        "37": "24",
        "38": "84",
        "39": "27",
        "40": "75",
        "41": "24",
        "42": "84",
        "43": "84",
        "44": "52",
        "45": "24",
        "46": "76",
        "47": "75",
        "48": "76",
        "49": "52",
        "50": "28",
        "51": "44",
        "52": "44",
        "53": "52",
        "54": "44",
        "55": "44",
        "56": "53",
        "57": "44",
        "58": "27",
        "59": "32",
        "60": "32",
        "61": "28",
        "62": "32",
        "63": "84",
        "64": "75",
        "65": "76",
        "66": "76",
        "67": "44",
        "68": "44",
        "69": "84",
        "70": "27",
        "71": "27",
        "72": "52",
        "73": "84",
        "74": "84",
        "75": "11",
        "76": "28",
        "77": "11",
        "78": "11",
        "79": "75",
        "80": "32",
        "81": "76",
        "82": "76",
        "83": "93",
        "84": "93",
        "85": "52",
        "86": "75",
        "87": "75",
        "88": "44",
        "89": "27",
        "90": "27",
        "91": "11",
        "92": "11",
        "93": "11",
        "94": "11",
        "95": "11",
        "971": "01",
        "972": "02",
        "973": "03",
        "974": "04",
        "976": "06",
    ]

    /// Guadeloupe (01), Martinique (02), Guyane (03), La Réunion (04), Mayotte (06).
    @inline(__always)
    public static func isOverseas(region code: String) -> Bool {
        code == "01" || code == "02" || code == "03" || code == "04" || code == "06"
    }

    /// The region of a département code (`29`, `2A`, `974`), accepting `1` for `01`.
    public static func region(ofDepartement code: String) -> String? {
        // Fast path: a 2-digit metropolitan code, by table.
        let u = code.utf8
        if u.count == 2, let a = u.first, let b = u.last, a >= 48 && a <= 57 && b >= 48 && b <= 57 {
            return regionOfNumberedDepartement[Int(a - 48) * 10 + Int(b - 48)]
        }
        return regionOfDepartement[normalisedDepartement(code)]
    }

    /// `regionOfDepartement` for `00`…`99`, by number.
    private static let regionOfNumberedDepartement: [String?] = (0..<100).map { n in
        regionOfDepartement[n < 10 ? "0\(n)" : "\(n)"]
    }

    /// `1` → `01`, `2a` → `2A`; FINESS's own overseas codes `9A`…`9F` → `971`…`976`.
    public static func normalisedDepartement(_ code: String) -> String {
        let u = code.utf8
        if u.count == 2 || u.count == 3, u.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return code }
        let c = code.trimmingSpaces.uppercased()
        if c.count == 1, c.allSatisfy(\.isNumber) { return "0" + c }
        switch c {
        case "9A": return "971"
        case "9B": return "972"
        case "9C": return "973"
        case "9D": return "974"
        case "9E": return "975"
        case "9F": return "976"
        default: return c
        }
    }
}
