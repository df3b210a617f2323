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
/// and what to do about it.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Hashable, Comparable, Sendable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// Stable identifier of the kind of problem, e.g. `finess-check-key`.
    public var code: String
    public var message: String
    public var expected: String?
    public var found: String?
    public var hint: String?

    public init(_ severity: Severity, _ code: String, at location: SourceLocation, _ message: String,
                expected: String? = nil, found: String? = nil, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
        self.expected = expected
        self.found = found
        self.hint = hint
    }

    /// The compiler-style rendering: `file:line:col: error: message (expected …; found …)`
    /// followed by an indented hint.
    public var rendered: String {
        var s = "\(location.description): \(severity.rawValue): \(message)"
        var details: [String] = []
        if let expected { details.append("expected \(expected)") }
        if let found { details.append("found \(found)") }
        if !details.isEmpty { s += " (\(details.joined(separator: "; ")))" }
        if let hint { s += "\n    hint: \(hint)" }
        return s
    }
}

/// The problems of a run, collected rather than thrown so that a user sees all of them at once.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func append(_ d: Diagnostic) { items.append(d) }
    public mutating func append(contentsOf other: Diagnostics) { items.append(contentsOf: other.items) }

    public mutating func error(_ code: String, at location: SourceLocation, _ message: String,
                               expected: String? = nil, found: String? = nil, hint: String? = nil) {
        items.append(Diagnostic(.error, code, at: location, message, expected: expected, found: found, hint: hint))
    }

    public mutating func warning(_ code: String, at location: SourceLocation, _ message: String,
                                 expected: String? = nil, found: String? = nil, hint: String? = nil) {
        items.append(Diagnostic(.warning, code, at: location, message, expected: expected, found: found, hint: hint))
    }

    public mutating func note(_ code: String, at location: SourceLocation, _ message: String, hint: String? = nil) {
        items.append(Diagnostic(.note, code, at: location, message, hint: hint))
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errorCount: Int { items.count { $0.severity == .error } }
    public var warningCount: Int { items.count { $0.severity == .warning } }

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
