// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Typed reading of a `ConfigNode` map, every problem located by key path, line and column.
public struct ConfigReader {
    public let file: String
    public let node: ConfigNode
    public let path: String
    private(set) var used: Set<String> = []

    public init(file: String, node: ConfigNode, path: String = "") {
        self.file = file
        self.node = node
        self.path = path
    }

    public func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    public func location(_ key: String?) -> SourceLocation {
        let n = key.flatMap { node[$0] } ?? node
        return SourceLocation(file: file, line: n.position.line, column: n.position.column,
                              keyPath: key.map(keyPath) ?? (path.isEmpty ? nil : path))
    }

    /// The node under `key`, remembered as a known key.
    public mutating func value(_ key: String) -> ConfigNode? {
        used.insert(key)
        guard let v = node[key] else { return nil }
        if case .scalar(let s, _) = v, s.isEmpty { return nil }
        return v
    }

    /// A reader for a nested map, or nil (with an error) when the value is not a map.
    public mutating func map(_ key: String, _ d: inout Diagnostics) -> ConfigReader? {
        guard let v = value(key) else { return nil }
        guard case .map = v else {
            d.error("config-type", at: location(key), .fr("'\(keyPath(key))' doit être une table de clés", en: "'\(keyPath(key))' must be a map of keys"),
                    found: v.kindName)
            return nil
        }
        return ConfigReader(file: file, node: v, path: keyPath(key))
    }

    public mutating func string(_ key: String, required: Bool = false, _ d: inout Diagnostics,
                                 what: Phrase = .fr("un texte", en: "a text")) -> String? {
        guard let v = value(key) else {
            if required { missing(key, what, &d) }
            return nil
        }
        guard let s = v.scalar else {
            d.error("config-type", at: location(key), .fr("'\(keyPath(key))' doit être \(what.fr)", en: "'\(keyPath(key))' must be \(what.en)"),
                    expected: what, found: v.kindName)
            return nil
        }
        return s
    }

    public mutating func money(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> Money? {
        guard let s = string(key, required: required, &d, what: .fr("un montant en euros", en: "an amount in euros")) else { return nil }
        switch Money.parse(s, decimalComma: false) {
        case .success(let m): return m
        case .failure(let f):
            d.error("config-amount", at: location(key), .verbatim("'\(keyPath(key))' ") + f.problem,
                    expected: Money.acceptedDescription + .fr(" (par exemple 3972526 ou 3972526.50)", en: " (e.g. 3972526 or 3972526.50)"),
                    found: "'\(s)'")
            return nil
        }
    }

    public mutating func day(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> Day? {
        guard let s = string(key, required: required, &d, what: .fr("une date (AAAA-MM-JJ)", en: "a date (YYYY-MM-DD)")) else { return nil }
        if let day = Day.parse(s) { return day }
        d.error("config-date", at: location(key), .fr("'\(keyPath(key))' n'est pas une date", en: "'\(keyPath(key))' is not a date"),
                expected: .dateFormats, found: "'\(s)'")
        return nil
    }

    public mutating func integer(_ key: String, range: ClosedRange<Int>, _ d: inout Diagnostics) -> Int? {
        guard let s = string(key, &d, what: .fr("un nombre entier", en: "a whole number")) else { return nil }
        if let n = Int(s.replacingOccurrences(of: "_", with: "")), range.contains(n) { return n }
        d.error("config-integer", at: location(key), .fr("'\(keyPath(key))' est hors limites ou n'est pas un nombre entier",
                    en: "'\(keyPath(key))' is out of range or not a whole number"),
                expected: .wholeNumber(range), found: "'\(s)'")
        return nil
    }

    public mutating func unsigned(_ key: String, _ d: inout Diagnostics) -> UInt64? {
        guard let s = string(key, &d, what: .wholeNumberAtLeastZero) else { return nil }
        if let n = UInt64(s.replacingOccurrences(of: "_", with: "")) { return n }
        d.error("config-integer", at: location(key), .fr("'\(keyPath(key))' n'est pas un nombre entier ≥ 0", en: "'\(keyPath(key))' is not a whole number ≥ 0"),
                expected: .wholeNumberAtLeastZero, found: "'\(s)'")
        return nil
    }

    /// A decimal number (shares, tolerances, weights, model parameters); accepts `20%`.
    public mutating func number(_ key: String, range: ClosedRange<Double>, _ d: inout Diagnostics) -> Double? {
        guard let s = string(key, &d, what: .fr("un nombre", en: "a number")) else { return nil }
        if let x = ConfigReader.parseNumber(s), range.contains(x) { return x }
        d.error("config-number", at: location(key), .fr("'\(keyPath(key))' est hors limites ou n'est pas un nombre", en: "'\(keyPath(key))' is out of range or not a number"),
                expected: .number(range), found: "'\(s)'")
        return nil
    }

    public static func parseNumber(_ s: String) -> Double? {
        let t = s.trimmingSpaces
        if t.hasSuffix("%"), let x = Double(String(t.dropLast()).trimmingSpaces) { return x / 100 }
        return Double(t)
    }

    public mutating func bool(_ key: String, _ d: inout Diagnostics) -> Bool? {
        guard let s = string(key, &d, what: .trueOrFalse) else { return nil }
        switch s.lowercased() {
        case "true", "yes", "oui", "on", "1": return true
        case "false", "no", "non", "off", "0": return false
        default:
            d.error("config-boolean", at: location(key), .fr("'\(keyPath(key))' n'est ni true ni false", en: "'\(keyPath(key))' is not true or false"),
                    expected: .trueOrFalse, found: "'\(s)'")
            return nil
        }
    }

    public mutating func choice<T>(_ key: String, _ options: [(String, T)], required: Bool = false,
                                   _ d: inout Diagnostics) -> T? {
        let names = options.map(\.0)
        guard let s = string(key, required: required, &d, what: .oneOf(names)) else { return nil }
        if let o = options.first(where: { $0.0 == s.lowercased() }) { return o.1 }
        d.error("config-choice", at: location(key), .fr("valeur inconnue pour '\(keyPath(key))'", en: "unknown value for '\(keyPath(key))'"),
                expected: .oneOf(names), found: "'\(s)'")
        return nil
    }

    public func missing(_ key: String, _ what: Phrase, _ d: inout Diagnostics) {
        d.error("config-missing", at: location(nil).with(keyPath: keyPath(key)),
                .fr("la clé '\(keyPath(key))' est absente", en: "the key '\(keyPath(key))' is missing"),
                expected: what, hint: .fr("ajoutez '\(key): …' \(path.isEmpty ? "au fichier" : "à '\(path)'")",
                                          en: "add '\(key): …' to \(path.isEmpty ? "the file" : "'\(path)'")"))
    }

    /// Notes keys that were never read (a typo in a key silently ignored is a classic trap).
    public func reportUnknownKeys(_ d: inout Diagnostics, known extra: Set<String> = []) {
        guard case .map(let pairs, _) = node else { return }
        let keys = used.union(extra).sorted().joined(separator: ", ")
        let known = Phrase.fr("clés connues ici : \(keys)", en: "known keys here: \(keys)")
        for (k, v) in pairs where !used.contains(k) && !extra.contains(k) {
            d.warning("config-unknown-key",
                      at: SourceLocation(file: file, line: v.position.line, column: v.position.column, keyPath: keyPath(k)),
                      .fr("la clé '\(keyPath(k))' est inconnue et a été ignorée", en: "the key '\(keyPath(k))' is not known and was ignored"),
                      hint: known)
        }
    }
}

extension SourceLocation {
    func with(keyPath: String) -> SourceLocation {
        var l = self
        l.keyPath = keyPath
        return l
    }
}
