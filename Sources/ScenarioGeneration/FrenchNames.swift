// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// French names used in generated titles: départements, regions, categories, dates.
enum FrenchNames {
    /// INSEE département code → (name, the name with its preposition "de": "du Finistère").
    static var departements: [String: (name: String, of: String)] { Geography.departements }

    static func departement(_ code: String) -> String { departements[code]?.name ?? code }
    /// "du Finistère", "d'Ille-et-Vilaine".
    static func ofDepartement(_ code: String) -> String { departements[code]?.of ?? "du \(code)" }

    /// Short names of the categories that name a grappe ("Grappe EHPAD du Finistère").
    static let categoryShortNames: [String: String] = [
        "500": "EHPAD", "202": "résidences autonomie", "207": "accueils de jour", "460": "SAAD", "354": "SSIAD",
        "209": "SPASAD", "182": "SESSAD", "183": "IME", "186": "ITEP", "189": "CMPP", "190": "CAMSP", "246": "ESAT",
        "255": "MAS", "437": "FAM", "382": "foyers de vie", "445": "SAMSAH", "446": "SAVS", "448": "EAM",
        "449": "EANM", "252": "foyers d'hébergement", "177": "MECS", "214": "CHRS", "443": "CADA", "340": "MJPM",
        "197": "CSAPA", "257": "FJT", "462": "lieux de vie",
    ]

    static func sectorPhrase(_ s: Sector) -> String {
        switch s {
        case .pa: return "personnes âgées"
        case .ph: return "handicap"
        case .domicile: return "aide et soins à domicile"
        case .ahi: return "AHI"
        case .pjm: return "PJM"
        case .pe: return "protection de l'enfance"
        case .autre: return "autres ESSMS"
        }
    }

    /// Three letters naming a region in project ids (`BRE-001`).
    static let regionPrefix: [String: String] = [
        "01": "GUA", "02": "MAR", "03": "GUY", "04": "REU", "06": "MAY", "11": "IDF", "24": "CVL", "27": "BFC",
        "28": "NOR", "32": "HDF", "44": "GES", "52": "PDL", "53": "BRE", "75": "NAQ", "76": "OCC", "84": "ARA",
        "93": "PAC", "94": "COR",
    ]

    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                         "octobre", "novembre", "décembre"]

    /// "14 juin 2024", "1er octobre 2024".
    static func date(_ d: Day) -> String {
        "\(d.day == 1 ? "1er" : String(d.day)) \(months[d.month - 1]) \(d.year)"
    }

    /// Lower-case ASCII words joined by '-': "Provence-Alpes-Côte d'Azur" → "provence-alpes-cote-d-azur".
    static func slug(_ s: String) -> String {
        let folded: [Character: String] = ["à": "a", "â": "a", "ä": "a", "ç": "c", "é": "e", "è": "e", "ê": "e",
                                           "ë": "e", "î": "i", "ï": "i", "ô": "o", "ö": "o", "ù": "u", "û": "u",
                                           "ü": "u", "ÿ": "y", "œ": "oe", "æ": "ae"]
        var out = ""
        var dash = false
        for ch in s.lowercased() {
            let t = folded[ch] ?? String(ch)
            if t.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) {
                if dash && !out.isEmpty { out += "-" }
                out += t
                dash = false
            } else {
                dash = true
            }
        }
        return out
    }

    private static let acronyms: Set<String> = [
        "EHPAD", "EHPA", "SAAD", "SSIAD", "SPASAD", "SESSAD", "IME", "ITEP", "CMPP", "CAMSP", "ESAT", "MAS", "FAM",
        "SAMSAH", "SAVS", "EAM", "EANM", "MECS", "CHRS", "CADA", "CPH", "CSAPA", "CAARUD", "FJT", "LHSS", "ACT",
        "CH", "CHU", "CHI", "CCAS", "CIAS", "ADMR", "APF", "ADAPEI", "APAJH", "UDAF", "AEMO", "AED", "MJPM", "CLIC",
        "SAD", "SAMU", "ADMR", "EPSM", "PEP", "MARPA", "UEROS", "II", "III", "IV",
    ]
    private static let particles: Set<String> = ["de", "du", "des", "la", "le", "les", "et", "à", "au", "aux", "en", "sur", "d'", "l'"]

    /// A register name for a title: "EHPAD LES TILLEULS DE PLOUHA" → "EHPAD Les Tilleuls de Plouha".
    static func displayName(_ raw: String) -> String {
        let words = raw.split(separator: " ").map(String.init)
        var out: [String] = []
        for (i, w) in words.enumerated() {
            if acronyms.contains(w.uppercased()) { out.append(w.uppercased()); continue }
            let lower = w.lowercased()
            if i > 0 && particles.contains(lower) { out.append(lower); continue }
            if lower.hasPrefix("d'") || lower.hasPrefix("l'") {
                let rest = lower.dropFirst(2)
                out.append(String(lower.prefix(2)) + rest.prefix(1).uppercased() + rest.dropFirst())
                continue
            }
            out.append(lower.prefix(1).uppercased() + lower.dropFirst())
        }
        return out.joined(separator: " ")
    }
}

extension Day {
    func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }
}
