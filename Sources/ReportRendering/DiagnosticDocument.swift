// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// A diagnostic as JSON.
public enum DiagnosticDocument {
    public static func json(_ d: Diagnostic) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("file", .string(d.location.file)),
        ]
        if let l = d.location.line { pairs.append(("line", .int(l))) }
        if let c = d.location.column { pairs.append(("column", .int(c))) }
        if let k = d.location.keyPath { pairs.append(("key", .string(k))) }
        pairs.append(("message", .string(d.message)))
        if let e = d.expected { pairs.append(("expected", .string(e))) }
        if let f = d.found { pairs.append(("found", .string(f))) }
        if let h = d.hint { pairs.append(("hint", .string(h))) }
        return .object(pairs)
    }
}
