// SPDX-License-Identifier: GPL-3.0-or-later
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

    public var kindName: Phrase {
        switch self {
        case .scalar(let s, _): return s.isEmpty ? .fr("une valeur vide", en: "an empty value")
            : .fr("la valeur '\(s)'", en: "the value '\(s)'")
        case .map: return .fr("une table de clés", en: "a map of keys")
        case .list: return .fr("une liste", en: "a list")
        }
    }

    /// The tree with a what-if variant's overrides applied, in the order they are written.
    public func applying(_ variant: Variant) -> ConfigNode {
        var node = self
        for (keyPath, value) in variant.set {
            // A rule value set on a scenario that names a built-in rule set: the name becomes
            // the base of an inline rule set (`rules: 2024` + `rules.volume_rank: 40`).
            if keyPath.count > 1, keyPath[0] == "rules", case .scalar(let name, let pos)? = node["rules"] {
                node = node.setting(["rules"], to: .map([("base", .scalar(name, pos))], pos))
            }
            node = node.setting(keyPath, to: value)
        }
        return node
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
