// SPDX-License-Identifier: GPL-3.0-or-later
import Yams

/// A YAML value with the position it was read at: scenario and rules files are decoded from
/// this tree by hand, so that every problem names its key path, line and column (no
/// `DecodingError` ever reaches a user), and what-if variants can override any key.
public indirect enum ConfigNode: Sendable {
    case scalar(String, Position)
    case map([(key: String, value: ConfigNode)], Position)
    case list([ConfigNode], Position)

    public struct Position: Sendable, Hashable {
        public var line: Int
        public var column: Int
        /// Whether the scalar was quoted in the file (a quoted `2024` is the text "2024").
        public var quoted: Bool = false
        public init(line: Int, column: Int, quoted: Bool = false) {
            self.line = line
            self.column = column
            self.quoted = quoted
        }
    }

    public var position: Position {
        switch self {
        case .scalar(_, let p), .map(_, let p), .list(_, let p): return p
        }
    }

    public var scalar: String? { if case .scalar(let s, _) = self { return s }; return nil }

    public subscript(key: String) -> ConfigNode? {
        if case .map(let pairs, _) = self { return pairs.first { $0.key == key }?.value }
        return nil
    }

    public var kindName: String {
        switch self {
        case .scalar(let s, _): return s.isEmpty ? "an empty value" : "the value '\(s)'"
        case .map: return "a map of keys"
        case .list: return "a list"
        }
    }

    /// Parses YAML text; syntax errors are reported with their line and column.
    public static func parse(yaml: String, file: String, diagnostics d: inout Diagnostics) -> ConfigNode? {
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                d.error("yaml-empty", at: SourceLocation(file: file, line: 1), "the file is empty",
                        expected: "a YAML map of scenario keys (id, rules, envelope…)", found: "no content")
                return nil
            }
            return convert(node, file: file, path: "", diagnostics: &d)
        } catch let error as YamlError {
            d.append(yamlDiagnostic(error, file: file))
            return nil
        } catch {
            d.error("yaml-syntax", at: SourceLocation(file: file), "the file could not be read as YAML",
                    found: String(describing: type(of: error)))
            return nil
        }
    }

    static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        func make(_ problem: String, _ mark: Mark, _ context: YamlError.Context?) -> Diagnostic {
            Diagnostic(.error, "yaml-syntax", at: SourceLocation(file: file, line: mark.line, column: mark.column),
                       "YAML syntax error: \(problem)" + (context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""),
                       hint: "check the indentation (spaces, not tabs) and that every 'key: value' has a space after the colon")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return make(problem, mark, context)
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, "yaml-encoding", at: SourceLocation(file: file),
                              "the file could not be decoded: \(problem)", expected: "UTF-8 text")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(.error, "yaml-duplicate-key",
                              at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                              "a key is given twice: \(duplicates.joined(separator: ", "))",
                              hint: "keep one occurrence of each key")
        default:
            return Diagnostic(.error, "yaml-syntax", at: SourceLocation(file: file), "the file could not be read as YAML")
        }
    }

    static func convert(_ node: Node, file: String, path: String, diagnostics d: inout Diagnostics) -> ConfigNode {
        let pos = node.mark.map { Position(line: $0.line, column: $0.column) } ?? Position(line: 0, column: 0)
        switch node {
        case .scalar(let s):
            let quoted = s.style == .singleQuoted || s.style == .doubleQuoted
            let text = (s.tag.description.hasSuffix(":null") || s.string == "~") && !quoted ? "" : s.string
            return .scalar(text, Position(line: pos.line, column: pos.column, quoted: quoted))
        case .sequence(let seq):
            return .list(seq.enumerated().map { convert($0.element, file: file, path: "\(path)[\($0.offset)]", diagnostics: &d) }, pos)
        case .mapping(let m):
            var pairs: [(key: String, value: ConfigNode)] = []
            for (k, v) in m {
                let key = k.string ?? ""
                let sub = path.isEmpty ? key : "\(path).\(key)"
                if pairs.contains(where: { $0.key == key }) {
                    d.error("yaml-duplicate-key", at: SourceLocation(file: file, line: k.mark?.line, column: k.mark?.column, keyPath: sub),
                            "the key '\(key)' is given twice", hint: "keep one occurrence")
                    continue
                }
                pairs.append((key, convert(v, file: file, path: sub, diagnostics: &d)))
            }
            return .map(pairs, pos)
        case .alias:
            return .scalar("", pos)
        }
    }

    /// The tree with the value at a dotted key path replaced (created when absent), as a
    /// variant's `set: { envelope.notified: 3575273 }` asks.
    public func setting(_ keyPath: [String], to value: ConfigNode) -> ConfigNode {
        guard let first = keyPath.first else { return value }
        let rest = Array(keyPath.dropFirst())
        switch self {
        case .map(var pairs, let pos):
            if let i = pairs.firstIndex(where: { $0.key == first }) {
                pairs[i].value = pairs[i].value.setting(rest, to: value)
            } else {
                pairs.append((first, ConfigNode.map([], value.position).setting(rest, to: value)))
            }
            return .map(pairs, pos)
        default:
            return ConfigNode.map([], position).setting(keyPath, to: value)
        }
    }
}
