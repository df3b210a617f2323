// SPDX-License-Identifier: GPL-3.0-or-later
import CYaml

/// Builds a `ConfigNode` tree straight from libyaml's events (the C parser under Yams), in one
/// pass and linear time, within a budget checked before anything is expanded:
/// - at most `maximumNodes` values once aliases are expanded — a scalar, a list and a map count
///   one, an alias what it repeats — so that an "alias bomb" (nine lines of anchors repeating
///   each other ten times: 10^9 values) is refused at its line and column, not run out of memory;
/// - at most `maximumDepth` levels of lists and maps.
///
/// A scenario file holds a few hundred values; the national scenario with its variants some
/// thousands. Keys are checked for duplicates with a set (Yams' composer hashes every key node
/// and resolves its tag with regular expressions, which made 200 000 keys take seconds).
public enum YAMLReader {
    /// The most values a YAML file may hold, its aliases expanded.
    public static let maximumNodes = 1_000_000
    /// The deepest nesting of lists and maps, the top-level map included.
    public static let maximumDepth = 100

    /// An open list or map.
    private struct Frame {
        var isMap: Bool
        var position: ConfigNode.Position
        var anchor: String?
        var path: String
        var items: [ConfigNode] = []
        var pairs: [(key: String, value: ConfigNode)] = []
        var seen: Set<String> = []
        var key: (name: String, position: ConfigNode.Position)?
        /// Values under it so far, itself included.
        var nodes = 1

        var node: ConfigNode { isMap ? .map(pairs, position) : .list(items, position) }

        /// The key path of the next value added.
        var childPath: String {
            if isMap, let key { return path.isEmpty ? key.name : "\(path).\(key.name)" }
            return isMap ? path : "\(path)[\(items.count)]"
        }
    }

    /// The tree of UTF-8 `text`, or nil with the problem in `d`.
    static func read(_ text: [UInt8], file: String, diagnostics d: inout Diagnostics) -> ConfigNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return text.withUnsafeBufferPointer { buffer -> ConfigNode? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var anchors: [String: (node: ConfigNode, nodes: Int)] = [:]
            var open: [Frame] = []
            var root: ConfigNode?
            var total = 0, documents = 0
            var event = yaml_event_t()

            /// Adds a finished value to the open collection (or makes it the root).
            func add(_ node: ConfigNode, nodes: Int) {
                let top = open.count - 1
                guard top >= 0 else { root = node; return }
                open[top].nodes += nodes
                guard open[top].isMap else { open[top].items.append(node); return }
                guard let key = open[top].key else {
                    open[top].key = (node.scalar ?? "", node.position)
                    return
                }
                open[top].key = nil
                guard open[top].seen.insert(key.name).inserted else {
                    let path = open[top].path.isEmpty ? key.name : "\(open[top].path).\(key.name)"
                    d.error("yaml-duplicate-key", at: SourceLocation(file: file, line: key.position.line, column: key.position.column, keyPath: path),
                            .fr("la clé '\(key.name)' est donnée deux fois", en: "the key '\(key.name)' is given twice"),
                            hint: .fr("n'en gardez qu'une", en: "keep one occurrence"))
                    return
                }
                open[top].pairs.append((key.name, node))
            }

            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    d.append(syntaxError(parser, text: text, file: file))
                    return nil
                }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                let position = ConfigNode.Position(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                let location = SourceLocation(file: file, line: position.line, column: position.column)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    if root == nil {
                        d.error("yaml-empty", at: SourceLocation(file: file, line: 1), .fr("le fichier est vide", en: "the file is empty"),
                                expected: .fr("une table YAML de clés de scénario (id, rules, envelope…)",
                                              en: "a YAML map of scenario keys (id, rules, envelope…)"), found: .noContent)
                    }
                    return root
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        d.append(Diagnostic(.error, "yaml-syntax", at: location,
                                            .fr("erreur de syntaxe YAML : un autre document a été trouvé (un seul document attendu, commencé à la ligne 1)",
                                                en: "YAML syntax error: but found another document (expected a single document in the stream at line 1)"),
                                            hint: .fr("gardez un seul document : supprimez le second '---'", en: "keep one document: remove the second '---'")))
                        return nil
                    }
                case YAML_SCALAR_EVENT:
                    total += 1
                    if total > maximumNodes { d.append(tooLarge(location, alias: nil)); return nil }
                    let s = event.data.scalar
                    let quoted = s.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || s.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                    var value = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                    let tag = string(s.tag)
                    if !quoted && (tag?.hasSuffix(":null") == true || (tag == nil && s.length <= 4 && isNull(value))) { value = "" }
                    let node = ConfigNode.scalar(value, ConfigNode.Position(line: position.line, column: position.column, quoted: quoted))
                    if let anchor = string(s.anchor) { anchors[anchor] = (node, 1) }
                    add(node, nodes: 1)
                case YAML_ALIAS_EVENT:
                    let name = string(event.data.alias.anchor) ?? ""
                    guard let (node, nodes) = anchors[name].map({ ($0.node, $0.nodes) }) else {
                        d.append(Diagnostic(.error, "yaml-syntax", at: location, .fr("erreur de syntaxe YAML : alias *\(name) non défini", en: "YAML syntax error: found undefined alias *\(name)"),
                                            hint: .fr("définissez l'ancre &\(name) avant de l'utiliser", en: "define the anchor &\(name) before it is used")))
                        return nil
                    }
                    // `total` and every count stay at most `maximumNodes`: no sum here overflows.
                    total += nodes
                    if total > maximumNodes { d.append(tooLarge(location, alias: (name, nodes))); return nil }
                    add(node, nodes: nodes)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    total += 1
                    if total > maximumNodes { d.append(tooLarge(location, alias: nil)); return nil }
                    let isMap = event.type == YAML_MAPPING_START_EVENT
                    let anchor = string(isMap ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    open.append(Frame(isMap: isMap, position: position, anchor: anchor, path: open.last?.childPath ?? ""))
                    if open.count > maximumDepth {
                        d.error("yaml-too-deep", at: location, .fr("les listes et les tables sont imbriquées sur plus de \(maximumDepth) niveaux",
                                    en: "lists and maps are nested more than \(maximumDepth) deep"),
                                expected: .fr("au plus \(maximumDepth) niveaux", en: "at most \(maximumDepth) levels"),
                                found: .fr("un niveau \(open.count)", en: "a level \(open.count)"),
                                hint: .fr("un fichier de scénario n'a besoin que de quelques niveaux : vérifiez l'indentation ou les crochets",
                                          en: "a scenario file needs a few levels: check the indentation or the brackets"))
                        return nil
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let closed = open.popLast() else { continue }
                    let node = closed.node
                    if let anchor = closed.anchor { anchors[anchor] = (node, closed.nodes) }
                    add(node, nodes: closed.nodes)
                default:
                    continue
                }
            }
        }
    }

    private static func tooLarge(_ location: SourceLocation, alias: (String, Int)?) -> Diagnostic {
        let n = Phrase.french(maximumNodes)
        return Diagnostic(.error, "yaml-too-large", at: location,
                   .fr("le fichier contient plus de \(n) valeurs une fois ses alias développés",
                       en: "the file holds more than \(maximumNodes) values once its aliases are expanded"),
                   expected: .fr("au plus \(n) valeurs (scalaires, listes et tables)",
                                 en: "at most \(maximumNodes) values (scalars, lists and maps)"),
                   found: alias.map { .fr("l'alias *\($0.0), qui répète \(Phrase.french($0.1)) valeurs, au-delà de la limite",
                                          en: "the alias *\($0.0), which repeats \($0.1) values, past the limit") }
                       ?? .fr("davantage de valeurs", en: "more values than that"),
                   hint: alias == nil ? .fr("mettez les données volumineuses dans des tables CSV", en: "put large data in CSV tables")
                       : .fr("des ancres qui se répètent les unes les autres se multiplient : écrivez les valeurs, ou utilisez moins d'alias",
                             en: "anchors that repeat each other multiply: write the values out, or use fewer aliases"))
    }

    /// libyaml's error, located: a syntax error at its mark, an encoding error at its byte.
    private static func syntaxError(_ parser: yaml_parser_t, text: [UInt8], file: String) -> Diagnostic {
        let problem = string(parser.problem) ?? "unknown error"
        if parser.error == YAML_READER_ERROR {
            let (line, column) = TextDecoding.position(ofByte: parser.problem_offset, in: text)
            return Diagnostic(.error, "yaml-encoding", at: SourceLocation(file: file, line: line, column: column),
                              .fr("le fichier n'a pas pu être décodé : \(problem)", en: "the file could not be decoded: \(problem)"),
                              expected: .fr("du texte UTF-8", en: "UTF-8 text"))
        }
        let mark = parser.problem_mark
        let context = string(parser.context).map { c in
            Phrase.fr(" (\(c) à la ligne \(parser.context_mark.line + 1))", en: " (\(c) at line \(parser.context_mark.line + 1))")
        } ?? .verbatim("")
        return Diagnostic(.error, "yaml-syntax", at: SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1),
                          .fr("erreur de syntaxe YAML : \(problem)", en: "YAML syntax error: \(problem)") + context,
                          hint: .fr("vérifiez l'indentation (des espaces, pas de tabulations) et que chaque 'clé: valeur' a une espace après les deux-points",
                                    en: "check the indentation (spaces, not tabs) and that every 'key: value' has a space after the colon"))
    }

    /// The plain scalars YAML reads as null (an empty value here).
    private static func isNull(_ s: String) -> Bool {
        switch s {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    private static func string(_ p: UnsafePointer<CChar>?) -> String? { p.map { String(cString: $0) } }
    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? { p.map { String(cString: $0) } }
}
