// SPDX-License-Identifier: GPL-3.0-or-later

/// Where a problem is: a file and a line and column (tables, YAML), or a key path (YAML).
public struct SourceLocation: Hashable, Comparable, Sendable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var keyPath: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line ?? 0, a.column ?? 0, a.keyPath ?? "") < (b.file, b.line ?? 0, b.column ?? 0, b.keyPath ?? "")
    }

    /// `projects.csv:12:5` or `scenario.yaml:4:3 (envelope.notified)`.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        if let keyPath { s += " (\(keyPath))" }
        return s
    }
}

/// One problem found in the user's files: what is wrong, what was expected, what was found,
/// and what to do about it, in French and in English (`found` is mostly the user's own data).
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Hashable, Comparable, Sendable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

        /// `erreur`, `avertissement`, `note`; `error`, `warning`, `note`.
        public func word(_ language: Language) -> String {
            guard language == .fr else { return rawValue }
            return self == .error ? "erreur" : self == .warning ? "avertissement" : "note"
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// Stable identifier of the kind of problem, e.g. `finess-check-key`.
    public var code: String
    public var messageText: Phrase
    public var expectedText: Phrase?
    public var foundText: Phrase?
    public var hintText: Phrase?

    public init(_ severity: Severity, _ code: String, at location: SourceLocation, _ message: Phrase,
                expected: Phrase? = nil, found: Phrase? = nil, hint: Phrase? = nil) {
        self.severity = severity
        self.location = location
        self.code = code
        self.messageText = message
        self.expectedText = expected
        self.foundText = found
        self.hintText = hint
    }

    /// The English texts.
    public var message: String { messageText.en }
    public var expected: String? { expectedText?.en }
    public var found: String? { foundText?.en }
    public var hint: String? { hintText?.en }

    /// The compiler-style rendering: `file:line:col: error: message (expected …; found …)`
    /// followed by an indented hint; in French `file:line:col : erreur : message (attendu : … ;
    /// trouvé : …)` and `conseil : …`.
    public func rendered(in language: Language) -> String {
        let fr = language == .fr
        let colon = fr ? " : " : ": "
        var s = location.description + colon + severity.word(language) + colon + messageText.text(language)
        var details: [String] = []
        if let e = expectedText { details.append((fr ? "attendu : " : "expected ") + e.text(language)) }
        if let f = foundText { details.append((fr ? "trouvé : " : "found ") + f.text(language)) }
        if !details.isEmpty { s += " (\(details.joined(separator: fr ? " ; " : "; ")))" }
        if let h = hintText { s += "\n    " + (fr ? "conseil : " : "hint: ") + h.text(language) }
        return s
    }

    /// The rendering in French, the tool's default language.
    public var rendered: String { rendered(in: .fr) }
}

/// The problems of a run, collected rather than thrown so that a user sees all of them at once.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func append(_ d: Diagnostic) { items.append(d) }
    public mutating func append(contentsOf other: Diagnostics) { items.append(contentsOf: other.items) }

    public mutating func error(_ code: String, at location: SourceLocation, _ message: Phrase,
                               expected: Phrase? = nil, found: String? = nil, hint: Phrase? = nil) {
        error(code, at: location, message, expected: expected, found: found.map(Phrase.verbatim), hint: hint)
    }

    public mutating func error(_ code: String, at location: SourceLocation, _ message: Phrase,
                               expected: Phrase? = nil, found: Phrase?, hint: Phrase? = nil) {
        items.append(Diagnostic(.error, code, at: location, message, expected: expected, found: found, hint: hint))
    }

    public mutating func warning(_ code: String, at location: SourceLocation, _ message: Phrase,
                                 expected: Phrase? = nil, found: String? = nil, hint: Phrase? = nil) {
        warning(code, at: location, message, expected: expected, found: found.map(Phrase.verbatim), hint: hint)
    }

    public mutating func warning(_ code: String, at location: SourceLocation, _ message: Phrase,
                                 expected: Phrase? = nil, found: Phrase?, hint: Phrase? = nil) {
        items.append(Diagnostic(.warning, code, at: location, message, expected: expected, found: found, hint: hint))
    }

    public mutating func note(_ code: String, at location: SourceLocation, _ message: Phrase, hint: Phrase? = nil) {
        items.append(Diagnostic(.note, code, at: location, message, hint: hint))
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errorCount: Int { items.count { $0.severity == .error } }
    public var warningCount: Int { items.count { $0.severity == .warning } }

    /// `6 erreurs, 0 avertissement` / `6 errors, 0 warnings`.
    public func summary(in language: Language) -> String {
        let e = errorCount, w = warningCount
        if language == .fr { return "\(e) erreur\(e > 1 ? "s" : ""), \(w) avertissement\(w > 1 ? "s" : "")" }
        return "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
    }

    /// Sorted by file, line, column, then severity: the order a user fixes them in.
    public var sorted: [Diagnostic] {
        items.enumerated().sorted { a, b in
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// Thrown when loading cannot produce a usable value; carries every problem found.
public struct ScenarioError: Error, Sendable {
    public var diagnostics: Diagnostics
    public init(_ diagnostics: Diagnostics) { self.diagnostics = diagnostics }
}
