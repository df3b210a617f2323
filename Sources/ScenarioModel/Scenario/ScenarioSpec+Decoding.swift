// SPDX-License-Identifier: GPL-3.0-or-later

extension ScenarioSpec {
    /// Decodes a scenario file's tree. Returns nil when a required key is unusable; every
    /// problem is in `d`.
    public static func decode(_ node: ConfigNode, file: String, diagnostics d: inout Diagnostics) -> ScenarioSpec? {
        guard case .map = node else {
            d.error("config-type", at: SourceLocation(file: file, line: node.position.line, column: node.position.column),
                    .fr("un fichier de scénario est une table de clés", en: "a scenario file is a map of keys"),
                    expected: .verbatim("id:, rules:, envelope:, register:…"), found: node.kindName)
            return nil
        }
        var r = ConfigReader(file: file, node: node)
        let id = r.string("id", required: true, &d, what: .identifier)
        if let id, id.isEmpty || !id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            d.error("config-id", at: r.location("id"), .fr("l'id du scénario nomme le dossier du rapport", en: "the scenario id names the report folder"),
                    expected: .fr("des minuscules, des chiffres et '-' (par exemple bretagne-2024-juin)",
                                  en: "lower-case letters, digits and '-' (e.g. bretagne-2024-juin)"), found: "'\(id)'")
        }
        let title = r.string("title", &d) ?? ""
        // `rules:` names a rule set (2024, 2025, a rules file) or holds one inline, as a map with
        // `base:` and the values it overrides (so that a variant can set `rules.volume_rank`).
        let rulesNode = r.value("rules")
        let rules: String?
        if case .map = rulesNode {
            rules = "inline"
        } else {
            rules = r.string("rules", required: true, &d, what: .fr("2024, 2025, le chemin d'un fichier de règles, ou une table avec base: et les valeurs à changer",
                                                       en: "2024, 2025, the path of a rules file, or a map with base: and the values to change"))
        }
        let scope = r.choice("scope", [("regional", Scope.regional), ("national", .national)], &d) ?? .regional
        var region = r.string("region", &d)
        if let reg = region {
            let code = reg.count == 1 ? "0" + reg : reg
            if Geography.regionsByCode[code] == nil {
                d.error("unknown-region", at: r.location("region"), .unknownRegion,
                        expected: .fr("un code INSEE de région tel que \"53\" (Bretagne)", en: "an INSEE region code such as \"53\" (Bretagne)"),
                        found: "'\(reg)'",
                        hint: .fr("mettez-le entre guillemets en YAML (\"06\") pour garder un zéro initial",
                                  en: "quote it in YAML (\"06\") so that a leading zero is kept"))
                region = nil
            } else {
                region = code
            }
        } else if scope == .regional {
            r.missing("region", .fr("le code INSEE de la région, par exemple \"53\"", en: "the INSEE code of the region, e.g. \"53\""), &d)
        }
        let (committee, depositsUntil) = decodeCommittee(&r, required: scope == .regional, &d)
        var envelope = Envelope(notified: .zero)
        if var e = r.map("envelope", &d) {
            envelope.notified = e.money("notified", required: true, &d) ?? .zero
            envelope.engaged = e.money("engaged", &d) ?? .zero
            envelope.reserve = e.money("reserve", &d) ?? .zero
            e.reportUnknownKeys(&d)
        } else if scope == .regional {
            r.missing("envelope", .fr("une table avec notified (euros), engaged et reserve",
                                      en: "a map with notified (euros), engaged and reserve"), &d)
        }
        let register = r.string("register", required: true, &d, what: .fr("le chemin du CSV du répertoire", en: "the path of the register CSV"))
        let projects = r.string("projects", required: true, &d, what: .fr("le chemin du CSV des projets", en: "the path of the projects CSV"))
        let members = r.string("members", required: true, &d, what: .fr("le chemin du CSV des membres", en: "the path of the members CSV"))
        let policies = r.value("policies")
        var territory = defaultTerritory, sector = defaultSector
        if var b = r.map("balance", &d) {
            if let t = decodeBalance(&b, "territory", &d) { territory = t }
            if let s = decodeBalance(&b, "sector", &d) { sector = s }
            b.reportUnknownKeys(&d)
        }
        let objective = decodeObjective(&r, &d) ?? .default
        let simulation = r.value("simulation")
        let variants = decodeVariants(&r, &d)
        let date = r.day("date", required: scope == .national, &d)
        let deadline = r.day("deadline", &d)
        let regions = r.string("regions", required: scope == .national, &d, what: .fr("le chemin du CSV des régions", en: "the path of the regions CSV"))
        var policy: String?
        if var red = r.map("redeployment", &d) {
            policy = red.choice("policy", [("pooled", "pooled"), ("own-first", "own-first"), ("prorata-essms", "prorata-essms")], &d)
            red.reportUnknownKeys(&d)
        }
        let nationalCall = r.money("national_call", &d)
        let fundedGrappes = decodeFundedGrappes(&r, &d)
        let followup = decodeFollowup(&r, &d)
        r.reportUnknownKeys(&d)
        guard let id, let rules, let register, let projects, let members else { return nil }
        var spec = ScenarioSpec(id: id, title: title, rules: rules, rulesNode: rulesNode, scope: scope, region: region,
                            committee: committee, depositsUntil: depositsUntil, envelope: envelope, register: register, projects: projects,
                            members: members, policies: policies, territory: territory, sector: sector,
                            objective: objective, simulation: simulation, variants: variants, date: date,
                            deadline: deadline, regions: regions, redeploymentPolicy: policy, nationalCall: nationalCall,
                            fundedGrappes: fundedGrappes, node: node)
        spec.followup = followup
        return spec
    }

    /// `committee: 2024-06-14` or `committee: { date: 2024-06-14, deposits_until: 2024-05-31 }`.
    static func decodeCommittee(_ r: inout ConfigReader, required: Bool, _ d: inout Diagnostics) -> (Day?, Day?) {
        guard case .map? = r.value("committee") else { return (r.day("committee", required: required, &d), nil) }
        guard var m = r.map("committee", &d) else { return (nil, nil) }
        let date = m.day("date", required: true, &d)
        let until = m.day("deposits_until", &d)
        if let date, let until, until > date {
            d.error("committee-cutoff", at: m.location("deposits_until"),
                    .cutoffAfterCommittee,
                    expected: .fr("un jour au plus tard le \(date.iso) (le comité d'avril prend les dépôts jusqu'à fin mars) [000 §8]",
                                  en: "a day on or before \(date.iso) (the April committee takes the deposits until end of March) [000 §8]"),
                    found: until.iso)
        }
        m.reportUnknownKeys(&d)
        return (date, until)
    }

    /// `funded_grappes: [BRE-2023-101, …]`: grappes funded outside the scenario's tables.
    static func decodeFundedGrappes(_ r: inout ConfigReader, _ d: inout Diagnostics) -> [String] {
        guard let node = r.value("funded_grappes") else { return [] }
        guard case .list(let items, _) = node else {
            d.error("config-type", at: r.location("funded_grappes"), .fr("'funded_grappes' doit être une liste d'identifiants de grappes",
                        en: "'funded_grappes' must be a list of grappe identifiers"),
                    expected: .verbatim("[BRE-2023-101, BRE-2023-117]"), found: node.kindName)
            return []
        }
        var out: [String] = []
        for item in items {
            guard case .scalar(let s, _) = item, !s.isEmpty else {
                d.error("config-type", at: SourceLocation(file: r.file, line: item.position.line, column: item.position.column,
                                                          keyPath: "funded_grappes"),
                        .fr("une grappe financée est désignée par son identifiant", en: "a funded grappe is named by its identifier"),
                        expected: .fr("un texte tel que BRE-2023-101", en: "a text such as BRE-2023-101"), found: item.kindName)
                continue
            }
            out.append(s)
        }
        return out
    }

    static func decodeBalance(_ b: inout ConfigReader, _ key: String, _ d: inout Diagnostics) -> BalanceRule? {
        guard var m = b.map(key, &d) else { return nil }
        var rule = key == "territory" ? defaultTerritory : defaultSector
        if let mode = m.choice("mode", [("soft", BalanceRule.Mode.soft), ("hard", .hard), ("off", .off)], &d) { rule.mode = mode }
        if let t = m.number("tolerance", range: 0...10, &d) { rule.tolerance = t }
        if let basis = m.value("basis") {
            switch basis {
            case .scalar(let s, _) where s.lowercased() == "essms":
                rule.basis = .essms
            case .map(let pairs, _):
                var shares: [String: Double] = [:]
                var sm = ConfigReader(file: m.file, node: basis, path: m.keyPath("basis"))
                for (k, _) in pairs {
                    if let x = sm.number(k, range: 0...1, &d) { shares[k] = x }
                }
                let total = shares.values.reduce(0, +)
                if abs(total - 1) > 0.001 {
                    d.error("balance-shares", at: m.location("basis"), .fr("les parts cibles de '\(m.keyPath("basis"))' n'ont pas 1 pour somme",
                                en: "the target shares of '\(m.keyPath("basis"))' do not sum to 1"),
                            expected: .fr("des parts de somme 1 (par exemple { \"29\": 0.3, \"35\": 0.3, … })",
                                          en: "shares summing to 1 (e.g. { \"29\": 0.3, \"35\": 0.3, … })"),
                            found: .fr("une somme de \(Phrase.french(total))", en: "a sum of \(total)"))
                }
                rule.basis = .shares(shares)
            default:
                d.error("balance-basis", at: m.location("basis"), .fr("base d'équilibre inconnue", en: "unknown balance basis"),
                        expected: .fr("essms, ou une table de parts cibles par clé", en: "essms, or a map of target shares by key"),
                        found: basis.kindName)
            }
        }
        m.reportUnknownKeys(&d)
        return rule
    }

    static func decodeObjective(_ r: inout ConfigReader, _ d: inout Diagnostics) -> Objective? {
        guard let node = r.value("objective") else { return nil }
        let names = ObjectiveTerm.allCases.map(\.rawValue)
        func term(_ s: String, _ pos: ConfigNode.Position) -> ObjectiveTerm? {
            if let t = ObjectiveTerm(rawValue: s) { return t }
            d.error("objective-term", at: SourceLocation(file: r.file, line: pos.line, column: pos.column, keyPath: "objective"),
                    .fr("terme d'objectif inconnu", en: "unknown objective term"), expected: .oneOf(names), found: "'\(s)'")
            return nil
        }
        switch node {
        case .list(let items, _):
            var terms: [ObjectiveTerm] = []
            for item in items {
                guard case .scalar(let s, let pos) = item else { continue }
                if let t = term(s, pos) {
                    if terms.contains(t) {
                        d.error("objective-term", at: SourceLocation(file: r.file, line: pos.line, column: pos.column, keyPath: "objective"),
                                .fr("le terme d'objectif '\(s)' figure deux fois", en: "the objective term '\(s)' is listed twice"))
                    } else {
                        terms.append(t)
                    }
                }
            }
            if terms.isEmpty {
                d.error("objective-empty", at: r.location("objective"), .fr("l'objectif ne cite aucun terme", en: "the objective lists no term"),
                        expected: .fr("par exemple [finess, acquisition, score]", en: "e.g. [finess, acquisition, score]"))
                return nil
            }
            return .lexicographic(terms)
        case .map(let pairs, _):
            var m = ConfigReader(file: r.file, node: node, path: "objective")
            var weights: [ObjectiveTerm: Double] = [:]
            for (k, v) in pairs {
                guard let t = term(k, v.position) else { continue }
                if let w = m.number(k, range: -1e9...1e9, &d) { weights[t] = w }
            }
            return weights.isEmpty ? nil : .weighted(weights)
        case .scalar(let s, let pos):
            return term(s, pos).map { .lexicographic([$0]) }
        }
    }

    static func decodeVariants(_ r: inout ConfigReader, _ d: inout Diagnostics) -> [Variant] {
        guard let node = r.value("variants") else { return [] }
        guard case .list(let items, _) = node else {
            d.error("config-type", at: r.location("variants"), .fr("'variants' doit être une liste", en: "'variants' must be a list"),
                    expected: .fr("- id: …\n  set: { chemin.de.clé: valeur }", en: "- id: …\n  set: { key.path: value }"), found: node.kindName)
            return []
        }
        var out: [Variant] = []
        var ids: Set<String> = []
        for (i, item) in items.enumerated() {
            var v = ConfigReader(file: r.file, node: item, path: "variants[\(i)]")
            guard case .map = item, let id = v.string("id", required: true, &d, what: .fr("un identifiant", en: "an identifier")) else { continue }
            if !ids.insert(id).inserted {
                d.error("variant-duplicate", at: v.location("id"), .fr("l'id de variante '\(id)' est utilisé deux fois", en: "the variant id '\(id)' is used twice"))
            }
            var sets: [(keyPath: [String], value: ConfigNode)] = []
            if let s = v.value("set") {
                if case .map(let pairs, _) = s {
                    for (k, value) in pairs { sets.append((k.split(separator: ".").map(String.init), value)) }
                } else {
                    d.error("config-type", at: v.location("set"), .fr("'set' doit être une table de chemins de clés vers des valeurs", en: "'set' must be a map of key paths to values"),
                            expected: .verbatim("{ envelope.notified: 3575273 }"), found: s.kindName)
                }
            }
            v.reportUnknownKeys(&d)
            out.append(Variant(id: id, set: sets))
        }
        return out
    }
}
