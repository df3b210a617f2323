// SPDX-License-Identifier: GPL-3.0-or-later

/// The language of the text a person reads: French by default, English on request (`--lang en`).
public enum Language: String, CaseIterable, Sendable {
    case fr, en
}

/// A text for a person in both languages of the tool. The user's own data (a value found in a
/// file, a key, a name) is the same in both: `verbatim`.
public struct Phrase: Hashable, Sendable {
    public var fr: String
    public var en: String

    /// `.fr("…", en: "…")` at a diagnostic's site.
    public static func fr(_ fr: String, en: String) -> Phrase { Phrase(fr: fr, en: en) }

    /// A text that is the same in both languages: the user's data, a key, an example.
    public static func verbatim(_ s: String) -> Phrase { Phrase(fr: s, en: s) }

    public func text(_ language: Language) -> String { language == .fr ? fr : en }

    public static func + (a: Phrase, b: Phrase) -> Phrase { Phrase(fr: a.fr + b.fr, en: a.en + b.en) }
}

/// Phrases that many diagnostics share.
extension Phrase {
    public static let emptyField = Phrase.fr("un champ vide", en: "an empty field")
    public static let noContent = Phrase.fr("aucun contenu", en: "no content")
    public static let endOfFile = Phrase.fr("la fin du fichier", en: "the end of the file")

    /// `a second row (first on line 12)`.
    public static func secondRow(firstOnLine line: Int) -> Phrase {
        .fr("une deuxième ligne (la première à la ligne \(line))", en: "a second row (first on line \(line))")
    }

    /// `3 fields`.
    public static func fields(_ n: Int) -> Phrase {
        .fr("\(n) champ\(n > 1 ? "s" : "")", en: "\(n) field\(n == 1 ? "" : "s")")
    }
}

/// Descriptions of what a value may be, shared by the tables and the YAML files.
extension Phrase {
    public static let dateFormats = Phrase.fr("une date écrite AAAA-MM-JJ ou JJ/MM/AAAA",
                                              en: "a date written YYYY-MM-DD or DD/MM/YYYY")

    /// `a whole number from 1 to 100000` / `un nombre entier de 1 à 100 000`.
    public static func wholeNumber<T: BinaryInteger>(_ range: ClosedRange<T>) -> Phrase {
        .fr("un nombre entier de \(french(range.lowerBound)) à \(french(range.upperBound))",
            en: "a whole number from \(range.lowerBound) to \(range.upperBound)")
    }

    /// `a number from 0.0 to 1.0` / `un nombre de 0 à 1`.
    public static func number(_ range: ClosedRange<Double>) -> Phrase {
        .fr("un nombre de \(french(range.lowerBound)) à \(french(range.upperBound))",
            en: "a number from \(range.lowerBound) to \(range.upperBound)")
    }

    /// `one of a, b, c` / `l'une des valeurs a, b, c`.
    public static func oneOf(_ names: [String]) -> Phrase {
        let list = names.joined(separator: ", ")
        return .fr("l'une des valeurs \(list)", en: "one of \(list)")
    }

    /// An integer as a French reader writes it: `100 000` (narrow no-break spaces from five
    /// digits on, so that years stay `2024`).
    public static func french<T: BinaryInteger>(_ n: T) -> String {
        let digits = String(n.magnitude)
        guard digits.count > 4 else { return n < 0 ? "-" + digits : digits }
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(ch)
        }
        return (n < 0 ? "-" : "") + grouped
    }

    /// A decimal number with a decimal comma: `0,25`, `1`, `1e+12` stays as Swift writes it.
    public static func french(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return french(Int64(x)) }
        return "\(x)".replacingOccurrences(of: ".", with: ",")
    }
}

extension Phrase {
    public static let wholeNumberAtLeastZero = Phrase.fr("un nombre entier ≥ 0", en: "a whole number ≥ 0")
    public static let trueOrFalse = Phrase.fr("true ou false", en: "true or false")
}

extension Phrase {
    public static let identifier = Phrase.fr("un identifiant en minuscules, chiffres et '-'",
                                             en: "an identifier of lower-case letters, digits and '-'")
    public static let cutoffAfterCommittee = Phrase.fr("la date limite de dépôt est postérieure à la date du comité",
                                                       en: "the deposit cut-off is after the committee date")
    public static let readableYAML = Phrase.fr("un fichier YAML lisible", en: "a readable YAML file")
    public static let checkPath = Phrase.fr("vérifiez le chemin ; il est relatif au dossier courant",
                                            en: "check the path; it is relative to the current directory")
    public static let unknownRegion = Phrase.fr("code de région inconnu", en: "unknown region code")
}

extension Phrase {
    public static let unknownDepartement = Phrase.fr("code de département inconnu", en: "unknown département code")
    public static let departementCode = Phrase.fr("un code INSEE de département (01…95, 2A, 2B, 971…976)",
                                                  en: "an INSEE département code (01…95, 2A, 2B, 971…976)")
    public static let oneRowPerFINESS = Phrase.fr("une ligne par FINESS géographique", en: "one row per FINESS géographique")
}

extension Phrase {
    public static let unclosedQuote = Phrase.fr("un champ entre guillemets n'est jamais fermé", en: "a quoted field is never closed")
    public static let closingQuote = Phrase.fr("un \" fermant", en: "a closing \"")
}
