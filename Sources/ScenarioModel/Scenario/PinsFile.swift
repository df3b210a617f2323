// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// A committee's choices in a file (`--pins FILE`): the projects it retains whatever they cost
/// (`force`) and those it sets aside (`exclude`), as the deliberation page exports them or as
/// written by hand. The page writes the committee's whole list (every candidate in one list or
/// the other), so that the re-solve gives that list or says why it cannot; a hand-written file
/// may name only a few projects, and the optimiser completes the rest.
///
/// ```yaml
/// scenario: bretagne-2024-juin          # optional: the scenario the choices were made on
/// inputs_sha256: 6f1c…                  # optional: the digest of its input files then
/// force: [BRE-041, BRE-052]
/// exclude: [BRE-007]
/// ```
public struct PinsFile: Sendable, Hashable {
    public var scenario: String?
    public var inputsSHA256: String?
    public var force: [String]
    public var exclude: [String]

    public init(scenario: String? = nil, inputsSHA256: String? = nil, force: [String] = [], exclude: [String] = []) {
        self.scenario = scenario
        self.inputsSHA256 = inputsSHA256
        self.force = force
        self.exclude = exclude
    }

    static let example = Phrase.verbatim("force: [BRE-041, BRE-052]")

    /// Why these choices (read from `file`) cannot be used on scenario `id`: they name another
    /// scenario. Nil when they name none or that one.
    public func otherScenario(than id: String, file: String) -> Phrase? {
        guard let made = scenario, made != id else { return nil }
        return .fr("\(file) : ces choix ont été faits sur le scénario '\(made)', pas sur '\(id)'",
                   en: "\(file): these choices were made on scenario '\(made)', not on '\(id)'")
    }

    /// Decodes a pins file's tree; nil when it cannot be used, every problem in `d`.
    public static func decode(_ node: ConfigNode, file: String, diagnostics d: inout Diagnostics) -> PinsFile? {
        guard case .map = node else {
            d.error("config-type", at: SourceLocation(file: file, line: node.position.line, column: node.position.column),
                    .fr("un fichier de choix du comité est une table de clés", en: "a committee's choices file is a map of keys"),
                    expected: .verbatim("force: [...], exclude: [...]"), found: node.kindName)
            return nil
        }
        var r = ConfigReader(file: file, node: node)
        let errors = d.errorCount
        let scenario = r.string("scenario", &d)
        let digest = r.string("inputs_sha256", &d)
        let force = ids("force", &r, &d)
        let exclude = ids("exclude", &r, &d)
        r.reportUnknownKeys(&d)
        if r.value("force") == nil && r.value("exclude") == nil {
            d.error("pins-empty", at: r.location(nil),
                    .fr("le fichier ne cite aucun projet à retenir ni à écarter", en: "the file names no project to force in or to exclude"),
                    expected: Self.example)
        }
        for id in Set(force).intersection(exclude).sorted() {
            d.error("pins-both", at: r.location("exclude"),
                    .fr("le projet '\(id)' est à la fois dans 'force' et dans 'exclude'", en: "project '\(id)' is in both 'force' and 'exclude'"),
                    expected: .fr("chaque projet dans une liste au plus", en: "each project in one list at most"))
        }
        guard d.errorCount == errors else { return nil }
        return PinsFile(scenario: scenario, inputsSHA256: digest, force: force, exclude: exclude)
    }

    /// A list of project ids under `key` (absent: empty); each id once.
    static func ids(_ key: String, _ r: inout ConfigReader, _ d: inout Diagnostics) -> [String] {
        guard let node = r.value(key) else { return [] }
        guard case .list(let items, _) = node else {
            d.error("config-type", at: r.location(key), .fr("'\(key)' doit être une liste d'identifiants de projet", en: "'\(key)' must be a list of project ids"),
                    expected: Self.example, found: node.kindName)
            return []
        }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            let at = SourceLocation(file: r.file, line: item.position.line, column: item.position.column, keyPath: "\(key)[\(i)]")
            guard let id = item.scalar, !id.trimmingCharacters(in: .whitespaces).isEmpty else {
                d.error("config-type", at: at, .fr("un identifiant de projet est attendu", en: "a project id is expected"),
                        expected: .verbatim("BRE-041"), found: item.kindName)
                continue
            }
            if out.contains(id) {
                d.error("pins-duplicate", at: at, .fr("le projet '\(id)' est cité deux fois dans '\(key)'", en: "project '\(id)' is named twice in '\(key)'"),
                        expected: .fr("chaque projet une fois", en: "each project once"))
                continue
            }
            out.append(id)
        }
        return out
    }

    /// Reads a pins file: its choices, or every problem of the file.
    public static func load(_ path: String) -> Result<PinsFile, ScenarioError> {
        var d = Diagnostics()
        guard let bytes = ScenarioLoader.read(path) else {
            d.error("file-missing", at: SourceLocation(file: path),
                    .fr("le fichier de choix du comité ne peut pas être lu", en: "the committee's choices file cannot be read"),
                    expected: .readableYAML, found: .fr("aucun fichier de ce nom, ou un fichier illisible", en: "no such file or an unreadable one"),
                    hint: .checkPath)
            return .failure(ScenarioError(d))
        }
        guard let node = ConfigNode.parse(bytes: bytes, file: path, diagnostics: &d),
              let pins = decode(node, file: path, diagnostics: &d), !d.hasErrors else { return .failure(ScenarioError(d)) }
        return .success(pins)
    }
}
