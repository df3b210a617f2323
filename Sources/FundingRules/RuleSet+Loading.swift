// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ScenarioModel

extension RuleSet {
    /// The rule set a scenario names (`2024`, `2025`, or a rules file relative to the scenario),
    /// with the scenario's `policies` applied.
    public static func resolve(for spec: ScenarioSpec, scenarioFile: String, diagnostics d: inout Diagnostics) -> RuleSet? {
        var rules: RuleSet
        if let node = spec.rulesNode, case .map = node {
            guard let inline = fromFile(node, file: scenarioFile, path: "rules", diagnostics: &d) else { return nil }
            rules = inline
        } else if let builtin = builtin(spec.rules) {
            rules = builtin
        } else {
            let dir = (scenarioFile as NSString).deletingLastPathComponent
            let path = spec.rules.hasPrefix("/") || dir.isEmpty ? spec.rules : dir + "/" + spec.rules
            guard let data = FileManager.default.contents(atPath: path) else {
                let pos = spec.rulesNode?.position
                d.error("rules-unknown", at: SourceLocation(file: scenarioFile, line: pos?.line, column: pos?.column, keyPath: "rules"),
                        .fr("jeu de règles '\(spec.rules)' inconnu", en: "unknown rule set '\(spec.rules)'"),
                        expected: .fr("2024, 2025, ou le chemin d'un fichier de règles relatif au scénario",
                                      en: "2024, 2025, or the path of a rules file relative to the scenario"),
                        found: .fr("'\(spec.rules)' (aucun fichier : \(path))", en: "'\(spec.rules)' (no such file: \(path))"))
                return nil
            }
            guard let node = ConfigNode.parse(bytes: [UInt8](data), file: path, diagnostics: &d),
                  let loaded = fromFile(node, file: path, diagnostics: &d) else { return nil }
            rules = loaded
        }
        if let p = spec.policies {
            rules.policies = Policies.overriding(rules.policies, with: p, file: scenarioFile, path: "policies", diagnostics: &d)
        }
        return rules
    }

    /// A rules file: `base: 2024` (or 2025) and any value overridden.
    public static func fromFile(_ node: ConfigNode, file: String, path: String = "",
                                diagnostics d: inout Diagnostics) -> RuleSet? {
        var r = ConfigReader(file: file, node: node, path: path)
        guard let baseName = r.string("base", required: true, &d, what: .fr("2024 ou 2025, le jeu de règles dont part ce fichier",
                                                                      en: "2024 or 2025, the rule set this file starts from"))
        else { return nil }
        guard var rules = builtin(baseName) else {
            d.error("rules-base", at: r.location("base"), .fr("jeu de règles de base inconnu", en: "unknown base rule set"),
                    expected: .fr("2024 ou 2025", en: "2024 or 2025"), found: "'\(baseName)'")
            return nil
        }
        rules.name = r.string("name", &d) ?? (path.isEmpty ? (file as NSString).lastPathComponent as String : "\(baseName) (modified)")
        if let y = r.integer("campaign_year", range: 2021...2100, &d) { rules.campaignYear = y }
        if var rates = r.map("rates", &d) {
            func set(_ key: String, _ kp: WritableKeyPath<Rates, Money>) {
                if let m = rates.money(key, &d) { rules.rates[keyPath: kp] = m }
            }
            set("acquisition_usage", \.acquisitionUsage)
            set("acquisition_software", \.acquisitionSoftware)
            set("acquisition_usage_volume", \.acquisitionUsageVolume)
            set("acquisition_software_volume", \.acquisitionSoftwareVolume)
            set("upgrade_usage", \.upgradeUsage)
            set("upgrade_usage_volume", \.upgradeUsageVolume)
            rates.reportUnknownKeys(&d)
        }
        if let v = r.integer("volume_rank", range: 1...100_000, &d) { rules.volumeRank = v }
        if let v = r.integer("small_organisation_threshold", range: 1...100_000, &d) { rules.smallOrganisationThreshold = v }
        if let v = r.integer("small_organisation_threshold_corse_overseas", range: 1...100_000, &d) {
            rules.smallOrganisationThresholdCorseOverseas = v
        }
        if let m = r.money("equipment_cap", &d) { rules.equipmentCap = m }
        if let m = r.money("amoa_cap", &d) { rules.amoaCap = m }
        if let v = r.integer("national_desk_threshold", range: 1...100_000, &d) { rules.nationalDeskThreshold = v }
        if var w = r.map("windows", &d) {
            func window(_ key: String, _ kp: WritableKeyPath<RuleSet, Window>) {
                guard var m = w.map(key, &d) else { return }
                let opens = m.day("opens", &d), closes = m.day("closes", &d)
                if let opens { rules[keyPath: kp].opens = opens }
                if let closes { rules[keyPath: kp].closes = closes }
                if rules[keyPath: kp].opens > rules[keyPath: kp].closes {
                    d.error("rules-window", at: m.location(nil), .fr("la fenêtre '\(m.path)' se ferme avant de s'ouvrir", en: "the window '\(m.path)' closes before it opens"))
                }
                m.reportUnknownKeys(&d)
            }
            window("regional", \.regionalWindow)
            window("multi_regional", \.multiRegionalWindow)
            window("national_call", \.nationalCallWindow)
            w.reportUnknownKeys(&d)
        }
        if let day = r.day("sons_validation_cutoff", &d) { rules.sonsValidationCutoff = day }
        if let v = r.value("sons_cancellation_deadline") {
            if v.scalar?.lowercased() == "none" { rules.sonsCancellationDeadline = nil } else if let day = r.day("sons_cancellation_deadline", &d) {
                rules.sonsCancellationDeadline = day
            }
        }
        if let b = r.bool("pjm_exempt_from_mssante_dmp", &d) { rules.pjmExemptFromMSSanteAndDMP = b }
        if var m = r.map("indicative_months", &d) {
            if let v = m.integer("upgrade", range: 1...120, &d) { rules.indicativeMonthsUpgrade = v }
            if let v = m.integer("acquisition", range: 1...120, &d) { rules.indicativeMonthsAcquisition = v }
            m.reportUnknownKeys(&d)
        }
        if var t = r.map("usage_targets", &d) {
            func set(_ key: String, _ kp: WritableKeyPath<UsageTargets, Double>) {
                if let x = t.number(key, range: 0...1, &d) { rules.usageTargets[keyPath: kp] = x }
            }
            set("active_records", \.activeRecords)
            set("personalised_project", \.personalisedProject)
            set("agenda_event", \.agendaEvent)
            set("mssante", \.mssante)
            set("dmp", \.dmp)
            t.reportUnknownKeys(&d)
        }
        if let v = r.integer("national_active_dui_target", range: 0...100_000_000, &d) { rules.nationalActiveDUITarget = v }
        if let v = r.integer("national_funded_essms_target", range: 0...100_000_000, &d) { rules.nationalFundedESSMSTarget = v }
        if let p = r.value("policies") {
            rules.policies = Policies.overriding(rules.policies, with: p, file: file, path: r.keyPath("policies"), diagnostics: &d)
        }
        r.reportUnknownKeys(&d)
        return rules
    }
}

extension Policies {
    /// `base` with the keys of a `policies:` map applied.
    public static func overriding(_ base: Policies, with node: ConfigNode, file: String, path: String,
                                  diagnostics d: inout Diagnostics) -> Policies {
        var p = base
        var r = ConfigReader(file: file, node: node, path: path)
        guard case .map = node else {
            d.error("config-type", at: r.location(nil), .fr("'\(path)' doit être une table de politiques", en: "'\(path)' must be a map of policies"), found: node.kindName)
            return p
        }
        if let v = r.choice("mixed_rank_order", MixedRankOrder.allCases.map { ($0.rawValue, $0) }, &d) { p.mixedRankOrder = v }
        if let v = r.choice("amoa_requires", AMOARequires.allCases.map { ($0.rawValue, $0) }, &d) { p.amoaRequires = v }
        if let v = r.choice("second_tranche", SecondTranche.allCases.map { ($0.rawValue, $0) }, &d) { p.secondTranche = v }
        if let node = r.value("minimum_size") {
            if node.scalar != nil {
                if let v = r.integer("minimum_size", range: 0...10_000, &d) { p.minimumSize.value = v }
            } else if var m = r.map("minimum_size", &d) {
                if let v = m.integer("value", range: 0...10_000, &d) { p.minimumSize.value = v }
                if let h = m.bool("hard", &d) { p.minimumSize.hard = h }
                m.reportUnknownKeys(&d)
            }
        }
        r.reportUnknownKeys(&d)
        return p
    }
}
