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

    /// Reads both tables and attaches members to their projects. Members must be in `register`.
    public static func load(projects pt: CSVTable, members mt: CSVTable, register: Register,
                            nationalScope: Bool, diagnostics d: inout Diagnostics) -> [Project] {
        var (projects, invalidIds) = readProjects(pt, nationalScope: nationalScope, &d)
        var indexById: [String: Int] = [:]
        for (i, p) in projects.enumerated() { indexById[p.id] = i }
        let ms = TableSchema(table: mt, required: memberRequired, optional: memberOptional, diagnostics: &d)
        guard memberRequired.allSatisfy(ms.has) else { return projects }
        var seen: [String: [FINESS: Int]] = [:]
        for row in mt.rows {
            let pid = ms.required(row, "project", &d, what: "the id of a project of the projects table")
            let finess = ms.finess(row, "finess", required: true, &d)
            let mode = ms.choice(row, "mode", Mode.allCases.map { ($0.rawValue, $0) }, required: true, &d)
            let quote = ms.money(row, "equipment_quote", &d)
            let eligible = ms.quantity(row, "saad_eligible_hours", &d)
            let total = ms.quantity(row, "saad_total_hours", &d)
            let validated = ms.day(row, "sons_validated", required: false, &d)
            let cancelled = ms.day(row, "sons_cancelled", required: false, &d)
            var saadOK = true
            switch (eligible, total) {
            case (nil, nil): break
            case (.some, nil), (nil, .some):
                d.error("saad-hours-incomplete", at: ms.location(row, eligible == nil ? "saad_eligible_hours" : "saad_total_hours"),
                        "SAAD hours need both columns", expected: "saad_eligible_hours and saad_total_hours together",
                        found: "only one of them", hint: "leave both empty for an ESSMS without comfort services")
                saadOK = false
            case let (e?, t?):
                if t.raw == 0 {
                    d.error("saad-hours-inconsistent", at: ms.location(row, "saad_total_hours"), "SAAD total hours are zero",
                            expected: "the total hours of year N-1, more than 0", found: "'\(t.decimalString)'")
                    saadOK = false
                }
                if e > t {
                    d.error("saad-hours-inconsistent", at: ms.location(row, "saad_eligible_hours"),
                            "SAAD eligible hours exceed the total hours",
                            expected: "eligible hours (APA, PCH, other medico-social) ≤ total hours \(t.decimalString)",
                            found: "'\(e.decimalString)'", hint: "the eligible hours are part of the total hours")
                    saadOK = false
                }
            }
            var pIndex: Int?
            if let pid {
                pIndex = indexById[pid]
                if pIndex == nil && !invalidIds.contains(pid) {
                    let close = projects.map(\.id).first { $0.lowercased() == pid.lowercased() }
                    d.error("unknown-project", at: ms.location(row, "project"), "no project '\(pid)' in \(pt.file)",
                            expected: "the id of a project of \(pt.file)", found: "'\(pid)'",
                            hint: close.map { "ids are case-sensitive: did you mean '\($0)'?" } ?? "add the project or fix the id")
                }
            }
            if let finess, register[finess] == nil {
                d.error("finess-not-in-register", at: ms.location(row, "finess"),
                        "FINESS \(finess) is not in the register",
                        expected: "a FINESS géographique of the scenario's register", found: "'\(finess)'",
                        hint: "check the number, or use a register that contains this ESSMS (a closed or too recent establishment?)")
                continue
            }
            guard let finess, let mode, let pid, let pIndex, saadOK else { continue }
            if let first = seen[pid]?[finess] {
                d.error("duplicate-member", at: ms.location(row, "finess"),
                        "FINESS \(finess) appears twice in project '\(pid)'",
                        expected: "each ESSMS once per project", found: "a second row (first on line \(first))")
                continue
            }
            seen[pid, default: [:]][finess] = row.line
            projects[pIndex].members.append(Member(
                finess: finess, mode: mode, equipmentQuote: quote, saadEligibleHours: eligible, saadTotalHours: total,
                otherEUFunds: ms.bool(row, "other_eu_funds", &d), priorFunding: ms.bool(row, "prior_esms_funding", &d),
                sonsOrder: ms.bool(row, "sons_order", &d), sonsValidated: validated, sonsCancelled: cancelled,
                nationalEntity: ms.bool(row, "national_entity", &d), software: ms.text(row, "software"), line: row.line))
        }
        for p in projects where p.members.isEmpty {
            d.warning("project-without-members", at: SourceLocation(file: pt.file, line: p.line, keyPath: "id"),
                      "project '\(p.id)' has no members in \(mt.file)", hint: "it cannot be funded")
        }
        return projects
    }

    /// The valid projects, and the ids of rows that had errors (their members are not
    /// reported again as pointing to an unknown project).
    static func readProjects(_ pt: CSVTable, nationalScope: Bool, _ d: inout Diagnostics) -> ([Project], Set<String>) {
        let ps = TableSchema(table: pt, required: projectRequired + (nationalScope ? ["region"] : []),
                             optional: projectOptional, diagnostics: &d)
        guard projectRequired.allSatisfy(ps.has) else { return ([], []) }
        var projects: [Project] = []
        var invalid: Set<String> = []
        var firstLine: [String: Int] = [:]
        for row in pt.rows {
            let id = ps.required(row, "id", &d, what: "a project identifier")
            let porteur = ps.finess(row, "porteur", required: true, &d)
            let software = ps.required(row, "software", &d, what: "the name of the DUI solution")
            let referencing = ps.choice(row, "referencing", Referencing.allCases.map { ($0.rawValue, $0) }, required: true, &d)
            let deposited = ps.day(row, "deposited", required: true, &d)
            let decision = ps.choice(row, "decision", [("", Decision.candidate), ("candidate", .candidate),
                                                       ("engaged", .engaged), ("rejected", .rejected)], required: false, &d)
            var scores: [Int?] = []
            for c in ScoreCriterion.allCases { scores.append(ps.integer(row, c.column, range: 0...3, &d)) }
            var region: String?
            if let r = ps.text(row, "region") {
                let code = r.count == 1 ? "0" + r : r
                if Geography.regionsByCode[code] == nil {
                    d.error("unknown-region", at: ps.location(row, "region"), "unknown region code",
                            expected: "an INSEE region code (01, 02, 03, 04, 06, 11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94)",
                            found: "'\(r)'")
                } else {
                    region = code
                }
            } else if nationalScope && ps.has("region") {
                d.error("missing-value", at: ps.location(row, "region"), "the 'region' field is empty",
                        expected: "the INSEE code of the ARS desk that instructs the project", found: "an empty field")
            }
            let amoa = ps.money(row, "amoa_requested", &d)
            let planned = ps.integer(row, "planned_months", range: 1...120, &d)
            let ready = ps.day(row, "ready", required: false, &d)
            let maturity = ps.integer(row, "si_maturity", range: 0...100, &d)
            let ght = ps.bool(row, "ght", &d), agreement = ps.bool(row, "national_entity_agreement", &d)
            let joinsAgreement = ps.bool(row, "joins_agreement", &d)
            guard let id, let porteur, let software, let referencing, let deposited else {
                if let id { invalid.insert(id) }
                continue
            }
            if let first = firstLine[id] {
                d.error("duplicate-project", at: ps.location(row, "id"), "project id '\(id)' is used twice",
                        expected: "a unique id per project", found: "a second project '\(id)' (first on line \(first))")
                continue
            }
            firstLine[id] = row.line
            projects.append(Project(
                id: id, title: ps.text(row, "title") ?? "", porteur: porteur, software: software, referencing: referencing,
                ght: ght, deposited: deposited, nationalEntityAgreement: agreement, joinsGrappe: ps.text(row, "joins_grappe"),
                joinsAgreement: joinsAgreement, amoaRequested: amoa ?? .zero, scores: scores, plannedMonths: planned,
                decision: decision ?? .candidate, region: region, ready: ready, siMaturity: maturity, line: row.line))
        }
        return (projects, invalid)
    }
}
