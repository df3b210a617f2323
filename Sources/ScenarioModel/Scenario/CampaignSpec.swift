// SPDX-License-Identifier: GPL-3.0-or-later

/// A campaign file: one region's committees of a year, in order, over one scenario's tables
/// (SCENARIO-FORMAT.md, "Campaign").
public struct CampaignSpec: Sendable {
    /// One committee of the year.
    public struct Committee: Hashable, Sendable {
        public var id: String
        public var date: Day
        /// The last deposit day it takes; nil: the committee date.
        public var depositsUntil: Day?
        /// Euros kept back for later committees (default 0; the scenario's `envelope.reserve` is not used).
        public var reserve: Money
        /// Runs only when money is left, else skipped (the September committee of [000 §8]).
        public var onlyIfEnvelopeLeft: Bool
        /// The committee's choices file (`pins:`, a path relative to the campaign file), as the
        /// deliberation page exports it; nil: the optimiser's selection.
        public var pinsFile: String?
        /// Its choices, read when the campaign is loaded.
        public var pins: PinsFile?
        public var force: [String] { pins?.force ?? [] }
        public var exclude: [String] { pins?.exclude ?? [] }

        public init(id: String, date: Day, depositsUntil: Day? = nil, reserve: Money = .zero, onlyIfEnvelopeLeft: Bool = false,
                    pinsFile: String? = nil) {
            self.id = id
            self.date = date
            self.depositsUntil = depositsUntil
            self.reserve = reserve
            self.onlyIfEnvelopeLeft = onlyIfEnvelopeLeft
            self.pinsFile = pinsFile
        }

        public var cutoff: Day { depositsUntil ?? date }
    }

    public var id: String
    public var title: String
    /// The scenario file, relative to the campaign file.
    public var scenario: String
    public var committees: [Committee]

    public init(id: String, title: String = "", scenario: String, committees: [Committee]) {
        self.id = id
        self.title = title
        self.scenario = scenario
        self.committees = committees
    }

    /// Whether a YAML tree is a campaign file rather than a scenario (it lists `committees`).
    public static func isCampaign(_ node: ConfigNode) -> Bool { node["committees"] != nil }

    static let committeeList = Phrase.verbatim("- { id: avril, date: 2024-04-12, deposits_until: 2024-03-31 }")

    /// Decodes a campaign file's tree; nil when it cannot be used, every problem in `d`.
    public static func decode(_ node: ConfigNode, file: String, diagnostics d: inout Diagnostics) -> CampaignSpec? {
        guard case .map = node else {
            d.error("config-type", at: SourceLocation(file: file, line: node.position.line, column: node.position.column),
                    .fr("un fichier de campagne est une table de clés", en: "a campaign file is a map of keys"),
                    expected: .verbatim("id:, scenario:, committees:"), found: node.kindName)
            return nil
        }
        var r = ConfigReader(file: file, node: node)
        let id = r.string("id", required: true, &d, what: .identifier)
        let title = r.string("title", &d) ?? ""
        let scenario = r.string("scenario", required: true, &d, what: .fr("le chemin du fichier de scénario dont les comités partagent les tables",
                                                                  en: "the path of the scenario file whose tables the committees share"))
        var committees: [Committee] = []
        if let list = r.value("committees") {
            if case .list(let items, _) = list {
                for (i, item) in items.enumerated() {
                    if let c = decodeCommittee(item, file: file, path: "committees[\(i)]", previous: committees.last, &d) {
                        if committees.contains(where: { $0.id == c.id }) {
                            d.error("committee-duplicate", at: SourceLocation(file: file, line: item.position.line, column: item.position.column,
                                                                             keyPath: "committees[\(i)].id"),
                                    .fr("l'id de comité '\(c.id)' est utilisé deux fois", en: "the committee id '\(c.id)' is used twice"),
                                    expected: .fr("un id unique par comité", en: "a unique id per committee"))
                        }
                        committees.append(c)
                    }
                }
                if items.isEmpty {
                    d.error("committees-empty", at: r.location("committees"), .fr("la campagne ne cite aucun comité", en: "the campaign lists no committee"),
                            expected: Self.committeeList)
                }
            } else {
                d.error("config-type", at: r.location("committees"), .fr("'committees' doit être une liste", en: "'committees' must be a list"),
                        expected: Self.committeeList, found: list.kindName)
            }
        } else {
            r.missing("committees", .fr("la liste des comités de l'année, dans l'ordre", en: "the list of the year's committees, in order"), &d)
        }
        r.reportUnknownKeys(&d)
        guard let id, let scenario, !committees.isEmpty else { return nil }
        return CampaignSpec(id: id, title: title, scenario: scenario, committees: committees)
    }

    static func decodeCommittee(_ node: ConfigNode, file: String, path: String, previous: Committee?,
                                _ d: inout Diagnostics) -> Committee? {
        var m = ConfigReader(file: file, node: node, path: path)
        guard case .map = node else {
            d.error("config-type", at: m.location(nil), .fr("un comité est une table de clés", en: "a committee is a map of keys"),
                    expected: .verbatim("{ id: juin, date: 2024-06-14, deposits_until: 2024-05-31 }"), found: node.kindName)
            return nil
        }
        let id = m.string("id", required: true, &d, what: .fr("un identifiant de comité (par exemple juin)", en: "a committee identifier (e.g. juin)"))
        let date = m.day("date", required: true, &d)
        let until = m.day("deposits_until", &d)
        let reserve = m.money("reserve", &d) ?? .zero
        let onlyIfLeft = m.bool("only_if_envelope_left", &d) ?? false
        let pins = m.string("pins", &d, what: .fr("le chemin du fichier de choix du comité (exporté de deliberation.html)",
                                                  en: "the path of the committee's choices file (exported from deliberation.html)"))
        m.reportUnknownKeys(&d)
        guard let id, let date else { return nil }
        if let until, until > date {
            d.error("committee-cutoff", at: m.location("deposits_until"), .cutoffAfterCommittee,
                    expected: .fr("un jour au plus tard le \(date.iso) [000 §8]", en: "a day on or before \(date.iso) [000 §8]"), found: until.iso)
            return nil
        }
        let c = Committee(id: id, date: date, depositsUntil: until, reserve: reserve, onlyIfEnvelopeLeft: onlyIfLeft, pinsFile: pins)
        if let previous, c.date <= previous.date || c.cutoff < previous.cutoff {
            d.error("committee-order", at: m.location(c.date <= previous.date ? "date" : "deposits_until"),
                    .fr("les comités ne sont pas dans l'ordre", en: "the committees are not in order"),
                    expected: .fr("un comité après '\(previous.id)' (\(previous.date.iso), dépôts jusqu'au \(previous.cutoff.iso))",
                                  en: "a committee after '\(previous.id)' (\(previous.date.iso), deposits until \(previous.cutoff.iso))"),
                    found: .fr("date \(c.date.iso), dépôts jusqu'au \(c.cutoff.iso)", en: "date \(c.date.iso), deposits until \(c.cutoff.iso)"),
                    hint: .fr("listez les comités de l'année dans l'ordre où ils se réunissent",
                              en: "list the committees of the year in the order they meet"))
        }
        return c
    }
}

extension CampaignSpec {
    /// Reads a campaign file; the path of its scenario is resolved against the campaign's folder.
    public static func load(_ path: String) -> Result<(spec: CampaignSpec, scenarioPath: String), ScenarioError> {
        var d = Diagnostics()
        guard let bytes = ScenarioLoader.read(path) else {
            d.error("file-missing", at: SourceLocation(file: path), .fr("le fichier de campagne ne peut pas être lu", en: "the campaign file cannot be read"),
                    expected: .readableYAML, found: .fr("aucun fichier de ce nom, ou un fichier illisible", en: "no such file or an unreadable one"),
                    hint: .checkPath)
            return .failure(ScenarioError(d))
        }
        guard let node = ConfigNode.parse(bytes: bytes, file: path, diagnostics: &d),
              var spec = decode(node, file: path, diagnostics: &d), !d.hasErrors else { return .failure(ScenarioError(d)) }
        let dir = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        func resolved(_ p: String) -> String { p.hasPrefix("/") || dir.isEmpty ? p : dir + "/" + p }
        // Each committee's choices file, every problem of every file reported together.
        for i in spec.committees.indices {
            guard let file = spec.committees[i].pinsFile else { continue }
            switch PinsFile.load(resolved(file)) {
            case .failure(let e): d.append(contentsOf: e.diagnostics)
            case .success(let pins): spec.committees[i].pins = pins
            }
        }
        if d.hasErrors { return .failure(ScenarioError(d)) }
        return .success((spec, resolved(spec.scenario)))
    }

    /// Whether the file at `path` is a campaign file (a YAML map with `committees`); false when
    /// it cannot be read or parsed (the scenario loader then says why).
    public static func isCampaignFile(_ path: String) -> Bool {
        guard let bytes = ScenarioLoader.read(path) else { return false }
        var d = Diagnostics()
        guard let node = ConfigNode.parse(bytes: bytes, file: path, diagnostics: &d) else { return false }
        return isCampaign(node)
    }
}
