// SPDX-License-Identifier: GPL-3.0-or-later

/// Reading the projects and members tables of a scenario.
public enum ProjectTables {
    public static let projectRequired = ["id", "porteur", "software", "referencing", "deposited"]
    public static let projectOptional = ["title", "ght", "national_entity_agreement", "joins_grappe", "joins_agreement",
                                         "amoa_requested", "planned_months", "decision", "region", "ready", "si_maturity"]
        + ScoreCriterion.allCases.map(\.column)
    public static let memberRequired = ["project", "finess", "mode"]
    public static let memberOptional = ["equipment_quote", "saad_eligible_hours", "saad_total_hours", "other_eu_funds",
                                        "prior_esms_funding", "sons_order", "sons_validated", "sons_cancelled",
                                        "national_entity", "software"]

    /// Reads both tables and attaches members to their projects. Members must be in `register`;
    /// a `joins_grappe` must name a project of the table or one of `fundedGrappes`.
    public static func load(projects pt: CSVTable, members mt: CSVTable, register: Register,
                            nationalScope: Bool, fundedGrappes: [String] = [], diagnostics d: inout Diagnostics) -> [Project] {
        var (projects, invalidIds) = readProjects(pt, nationalScope: nationalScope, fundedGrappes: fundedGrappes, &d)
        var indexById: [String: Int] = [:]
        for (i, p) in projects.enumerated() { indexById[p.id] = i }
        let ms = TableSchema(table: mt, required: memberRequired, optional: memberOptional, diagnostics: &d)
        guard memberRequired.allSatisfy(ms.has) else { return projects }
        let ms_project = ms.column("project")
        let ms_finess = ms.column("finess")
        let ms_mode = ms.column("mode")
        let ms_equipment_quote = ms.column("equipment_quote")
        let ms_saad_eligible_hours = ms.column("saad_eligible_hours")
        let ms_saad_total_hours = ms.column("saad_total_hours")
        let ms_sons_validated = ms.column("sons_validated")
        let ms_sons_cancelled = ms.column("sons_cancelled")
        let ms_other_eu_funds = ms.column("other_eu_funds")
        let ms_prior_esms_funding = ms.column("prior_esms_funding")
        let ms_sons_order = ms.column("sons_order")
        let ms_national_entity = ms.column("national_entity")
        let ms_software = ms.column("software")
        for row in mt.rows {
            let pid = ms.required(row, ms_project, &d, what: .fr("l'id d'un projet de la table des projets",
                                                                     en: "the id of a project of the projects table"))
            let finess = ms.finess(row, ms_finess, required: true, &d)
            let mode = ms.choice(row, ms_mode, Mode.allCases.map { ($0.rawValue, $0) }, required: true, &d)
            let quote = ms.money(row, ms_equipment_quote, &d)
            let eligible = ms.quantity(row, ms_saad_eligible_hours, &d)
            let total = ms.quantity(row, ms_saad_total_hours, &d)
            let validated = ms.day(row, ms_sons_validated, required: false, &d)
            let cancelled = ms.day(row, ms_sons_cancelled, required: false, &d)
            var saadOK = true
            switch (eligible, total) {
            case (nil, nil): break
            case (.some, nil), (nil, .some):
                d.error("saad-hours-incomplete", at: ms.location(row, eligible == nil ? "saad_eligible_hours" : "saad_total_hours"),
                        .fr("les heures SAAD demandent les deux colonnes", en: "SAAD hours need both columns"),
                        expected: .fr("saad_eligible_hours et saad_total_hours ensemble", en: "saad_eligible_hours and saad_total_hours together"),
                        found: .fr("une seule des deux", en: "only one of them"),
                        hint: .fr("laissez les deux vides pour un ESSMS sans services de confort",
                                  en: "leave both empty for an ESSMS without comfort services"))
                saadOK = false
            case let (e?, t?):
                if t.raw == 0 {
                    d.error("saad-hours-inconsistent", at: ms.location(row, ms_saad_total_hours), .fr("le total des heures SAAD est nul", en: "SAAD total hours are zero"),
                            expected: .fr("le total des heures de l'année N-1, plus de 0", en: "the total hours of year N-1, more than 0"),
                            found: "'\(t.decimalString)'")
                    saadOK = false
                }
                if e > t {
                    d.error("saad-hours-inconsistent", at: ms.location(row, ms_saad_eligible_hours),
                            .fr("les heures SAAD éligibles dépassent le total des heures", en: "SAAD eligible hours exceed the total hours"),
                            expected: .fr("heures éligibles (APA, PCH, autre médico-social) ≤ total des heures \(t.decimalString.replacingOccurrences(of: ".", with: ","))",
                                          en: "eligible hours (APA, PCH, other medico-social) ≤ total hours \(t.decimalString)"),
                            found: "'\(e.decimalString)'",
                            hint: .fr("les heures éligibles font partie du total des heures", en: "the eligible hours are part of the total hours"))
                    saadOK = false
                }
            }
            var pIndex: Int?
            if let pid {
                pIndex = indexById[pid]
                if pIndex == nil && !invalidIds.contains(pid) {
                    let close = projects.map(\.id).first { $0.lowercased() == pid.lowercased() }
                    d.error("unknown-project", at: ms.location(row, ms_project), .fr("aucun projet '\(pid)' dans \(pt.file)", en: "no project '\(pid)' in \(pt.file)"),
                            expected: .fr("l'id d'un projet de \(pt.file)", en: "the id of a project of \(pt.file)"), found: "'\(pid)'",
                            hint: close.map { .fr("les ids distinguent majuscules et minuscules : vouliez-vous écrire '\($0)' ?",
                                                  en: "ids are case-sensitive: did you mean '\($0)'?") }
                                ?? .fr("ajoutez le projet ou corrigez l'id", en: "add the project or fix the id"))
                }
            }
            if let finess, !register.contains(finess) {
                d.error("finess-not-in-register", at: ms.location(row, ms_finess),
                        .fr("le FINESS \(finess) n'est pas dans le répertoire", en: "FINESS \(finess) is not in the register"),
                        expected: .fr("un FINESS géographique du répertoire du scénario", en: "a FINESS géographique of the scenario's register"),
                        found: "'\(finess)'",
                        hint: .fr("vérifiez le numéro, ou utilisez un répertoire qui contient cet ESSMS (un établissement fermé ou trop récent ?)",
                                  en: "check the number, or use a register that contains this ESSMS (a closed or too recent establishment?)"))
                continue
            }
            guard let finess, let mode, let pid, let pIndex, saadOK else { continue }
            if let first = projects[pIndex].members.first(where: { $0.finess == finess })?.line {
                d.error("duplicate-member", at: ms.location(row, ms_finess),
                        .fr("le FINESS \(finess) figure deux fois dans le projet '\(pid)'", en: "FINESS \(finess) appears twice in project '\(pid)'"),
                        expected: .fr("chaque ESSMS une fois par projet", en: "each ESSMS once per project"), found: .secondRow(firstOnLine: first))
                continue
            }
            projects[pIndex].members.append(Member(
                finess: finess, mode: mode, equipmentQuote: quote, saadEligibleHours: eligible, saadTotalHours: total,
                otherEUFunds: ms.bool(row, ms_other_eu_funds, &d), priorFunding: ms.bool(row, ms_prior_esms_funding, &d),
                sonsOrder: ms.bool(row, ms_sons_order, &d), sonsValidated: validated, sonsCancelled: cancelled,
                nationalEntity: ms.bool(row, ms_national_entity, &d), software: ms.text(row, ms_software), line: row.line))
        }
        for p in projects where p.members.isEmpty {
            d.warning("project-without-members", at: SourceLocation(file: pt.file, line: p.line, keyPath: "id"),
                      .fr("le projet '\(p.id)' n'a aucun membre dans \(mt.file)", en: "project '\(p.id)' has no members in \(mt.file)"),
                      hint: .fr("il ne peut pas être financé", en: "it cannot be funded"))
        }
        return projects
    }

    /// The valid projects, and the ids of rows that had errors (their members are not
    /// reported again as pointing to an unknown project).
    static func readProjects(_ pt: CSVTable, nationalScope: Bool, fundedGrappes: [String] = [],
                             _ d: inout Diagnostics) -> ([Project], Set<String>) {
        let ps = TableSchema(table: pt, required: projectRequired + (nationalScope ? ["region"] : []),
                             optional: projectOptional, diagnostics: &d)
        guard projectRequired.allSatisfy(ps.has) else { return ([], []) }
        let scoreColumns = ScoreCriterion.allCases.map { ps.column($0.column) }
        let ps_id = ps.column("id")
        let ps_porteur = ps.column("porteur")
        let ps_software = ps.column("software")
        let ps_referencing = ps.column("referencing")
        let ps_deposited = ps.column("deposited")
        let ps_decision = ps.column("decision")
        let ps_region = ps.column("region")
        let ps_amoa_requested = ps.column("amoa_requested")
        let ps_planned_months = ps.column("planned_months")
        let ps_ready = ps.column("ready")
        let ps_si_maturity = ps.column("si_maturity")
        let ps_ght = ps.column("ght")
        let ps_national_entity_agreement = ps.column("national_entity_agreement")
        let ps_joins_agreement = ps.column("joins_agreement")
        let ps_title = ps.column("title")
        let ps_joins_grappe = ps.column("joins_grappe")
        var projects: [Project] = []
        var invalid: Set<String> = []
        var firstLine: [String: Int] = [:]
        var joins: [(grappe: String, location: SourceLocation)] = []
        for row in pt.rows {
            let id = ps.required(row, ps_id, &d, what: .fr("un identifiant de projet", en: "a project identifier"))
            let porteur = ps.finess(row, ps_porteur, required: true, &d)
            let software = ps.required(row, ps_software, &d, what: .fr("le nom de la solution DUI", en: "the name of the DUI solution"))
            let referencing = ps.choice(row, ps_referencing, Referencing.allCases.map { ($0.rawValue, $0) }, required: true, &d)
            let deposited = ps.day(row, ps_deposited, required: true, &d)
            let decision = ps.choice(row, ps_decision, [("", Decision.candidate), ("candidate", .candidate),
                                                       ("engaged", .engaged), ("rejected", .rejected)], required: false, &d)
            var scores: [Int?] = []
            for c in scoreColumns { scores.append(ps.integer(row, c, range: 0...3, &d)) }
            var region: String?
            if let r = ps.text(row, ps_region) {
                let code = r.count == 1 ? "0" + r : r
                if Geography.regionsByCode[code] == nil {
                    d.error("unknown-region", at: ps.location(row, ps_region), .unknownRegion,
                            expected: .fr("un code INSEE de région (01, 02, 03, 04, 06, 11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94)",
                                          en: "an INSEE region code (01, 02, 03, 04, 06, 11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94)"),
                            found: "'\(r)'")
                } else {
                    region = code
                }
            } else if nationalScope && ps.has("region") {
                d.error("missing-value", at: ps.location(row, ps_region), .fr("le champ 'region' est vide", en: "the 'region' field is empty"),
                        expected: .fr("le code INSEE de la région de l'ARS qui instruit le projet",
                                      en: "the INSEE code of the ARS desk that instructs the project"), found: .emptyField)
            }
            let amoa = ps.money(row, ps_amoa_requested, &d)
            let planned = ps.integer(row, ps_planned_months, range: 1...120, &d)
            let ready = ps.day(row, ps_ready, required: false, &d)
            let maturity = ps.integer(row, ps_si_maturity, range: 0...100, &d)
            let ght = ps.bool(row, ps_ght, &d), agreement = ps.bool(row, ps_national_entity_agreement, &d)
            let joinsAgreement = ps.bool(row, ps_joins_agreement, &d)
            guard let id, let porteur, let software, let referencing, let deposited else {
                if let id { invalid.insert(id) }
                continue
            }
            if let first = firstLine[id] {
                d.error("duplicate-project", at: ps.location(row, ps_id), .fr("l'id de projet '\(id)' est utilisé deux fois", en: "project id '\(id)' is used twice"),
                        expected: .fr("un id unique par projet", en: "a unique id per project"),
                        found: .fr("un deuxième projet '\(id)' (le premier à la ligne \(first))",
                                   en: "a second project '\(id)' (first on line \(first))"))
                continue
            }
            firstLine[id] = row.line
            if let g = ps.text(row, ps_joins_grappe) { joins.append((g, ps.location(row, ps_joins_grappe))) }
            projects.append(Project(
                id: id, title: ps.text(row, ps_title) ?? "", porteur: porteur, software: software, referencing: referencing,
                ght: ght, deposited: deposited, nationalEntityAgreement: agreement, joinsGrappe: ps.text(row, ps_joins_grappe),
                joinsAgreement: joinsAgreement, amoaRequested: amoa ?? .zero, scores: scores, plannedMonths: planned,
                decision: decision ?? .candidate, region: region, ready: ready, siMaturity: maturity, line: row.line))
        }
        // [000 §3.2.D] an isolated ESSMS joins a grappe "déjà financé": an unknown reference is an
        // input error, never an exemption from the minimum size.
        let known = Set(firstLine.keys).union(invalid).union(fundedGrappes)
        for (g, location) in joins where !known.contains(g) {
            d.error("unknown-grappe", at: location, .fr("joins_grappe ne désigne aucune grappe connue", en: "joins_grappe names no known grappe"),
                    expected: .fr("l'id d'un projet de cette table (decision: engaged) ou d'une grappe listée dans funded_grappes du scénario",
                                  en: "the id of a project of this table (decision: engaged) or of a grappe listed in the scenario's funded_grappes"),
                    found: "'\(g)'",
                    hint: .fr("une grappe financée lors d'une campagne précédente se déclare dans le fichier de scénario : funded_grappes: [\(g)]",
                              en: "a grappe funded at an earlier campaign goes in the scenario file: funded_grappes: [\(g)]"))
        }
        return (projects, invalid)
    }
}
