// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// A diagnostic as JSON: its texts in `language` (French by default), its `code` stable.
public enum DiagnosticDocument {
    public static func json(_ d: Diagnostic, language: Language = .fr) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("file", .string(d.location.file)),
        ]
        if let l = d.location.line { pairs.append(("line", .int(l))) }
        if let c = d.location.column { pairs.append(("column", .int(c))) }
        if let k = d.location.keyPath { pairs.append(("key", .string(k))) }
        pairs.append(("message", .string(d.messageText.text(language))))
        if let e = d.expectedText { pairs.append(("expected", .string(e.text(language)))) }
        if let f = d.foundText { pairs.append(("found", .string(f.text(language)))) }
        if let h = d.hintText { pairs.append(("hint", .string(h.text(language)))) }
        return .object(pairs)
    }
}
