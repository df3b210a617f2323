// SPDX-License-Identifier: GPL-3.0-or-later

extension FollowupReports {
    public static let indicatorColumns = ["project", "finess", "period_end", "file_active", "active_records",
                                          "with_personalised_project", "with_agenda_event", "mss_rate", "dmp_rate"]
    public static let expenseColumns = ["project", "finess", "certified"]
    static let largestCount = 10_000_000

    /// Reads the indicators and expenses tables: every field typed, counts that contradict each
    /// other, rates above 100 %, duplicate rows, unknown projects and ESSMS that are not members
    /// of the project they are reported for — every problem located, all at once.
    public static func read(asOf: Day, indicators it: CSVTable, expenses et: CSVTable?, projects: [Project],
                            register: Register, diagnostics d: inout Diagnostics) -> FollowupReports {
        let members = Dictionary(projects.map { ($0.id, Set($0.members.map(\.finess))) }, uniquingKeysWith: { a, _ in a })
        var out = FollowupReports(asOf: asOf, indicators: [], indicatorsFile: it.file, expensesFile: et?.file)
        let s = TableSchema(table: it, required: indicatorColumns, optional: ["project_ended", "name"], diagnostics: &d)
        if indicatorColumns.allSatisfy(s.has) {
            var first: [String: Int] = [:]
            for row in it.rows {
                let (project, finess) = reference(s, row, members: members, register: register, &d)
                let period = s.day(row, "period_end", required: true, &d)
                let fileActive = count(s, row, "file_active", min: 1, &d)
                let active = count(s, row, "active_records", min: 0, &d)
                let pp = count(s, row, "with_personalised_project", min: 0, &d)
                let agenda = count(s, row, "with_agenda_event", min: 0, &d)
                let mss = rate(s, row, "mss_rate", &d), dmp = rate(s, row, "dmp_rate", &d)
                let ended = s.day(row, "project_ended", required: false, &d)
                if let fileActive, let active, active > fileActive {
                    inconsistent(s, row, "active_records", active, "file_active", fileActive, &d)
                }
                if let active, let pp, pp > active { inconsistent(s, row, "with_personalised_project", pp, "active_records", active, &d) }
                if let active, let agenda, agenda > active {
                    inconsistent(s, row, "with_agenda_event", agenda, "active_records", active, &d)
                }
                guard let project, let finess, let period, let fileActive, let active, let pp, let agenda,
                      active <= fileActive, pp <= active, agenda <= active, let mss, let dmp else { continue }
                let key = "\(project)\u{1F}\(finess)\u{1F}\(period.iso)"
                if let line = first[key] {
                    d.error("duplicate-report", at: s.location(row, "period_end"),
                            .fr("un deuxième relevé de l'ESSMS \(finess) dans le projet '\(project)' pour la période close le \(period.french)",
                                en: "a second report of ESSMS \(finess) in project '\(project)' for the period ending \(period.french)"),
                            expected: .fr("une ligne par projet, ESSMS et period_end", en: "one row per project, ESSMS and period_end"),
                            found: .secondRow(firstOnLine: line),
                            hint: .fr("gardez la ligne corrigée et supprimez l'autre", en: "keep the corrected row and delete the other"))
                    continue
                }
                first[key] = row.line
                var r = IndicatorReport(project: project, finess: finess, periodEnd: period, fileActive: fileActive,
                                        activeRecords: active, withPersonalisedProject: pp, withAgendaEvent: agenda,
                                        mssRate: mss, dmpRate: dmp, projectEnded: ended, line: row.line, file: it.file)
                r.projectLocation = s.location(row, "project")
                r.finessLocation = s.location(row, "finess")
                out.indicators.append(r)
            }
        }
        if let et { out.expenses = readExpenses(et, members: members, register: register, &d) }
        return out
    }

    static func readExpenses(_ et: CSVTable, members: [String: Set<FINESS>], register: Register,
                             _ d: inout Diagnostics) -> [ExpenseStatement] {
        let s = TableSchema(table: et, required: expenseColumns, optional: ["equipment_spent", "name"], diagnostics: &d)
        guard expenseColumns.allSatisfy(s.has) else { return [] }
        var out: [ExpenseStatement] = []
        var first: [String: Int] = [:]
        for row in et.rows {
            let (project, finess) = reference(s, row, members: members, register: register, &d)
            let spent = s.money(row, "equipment_spent", &d)
            let certified = s.bool(row, "certified", &d)
            guard let project, let finess else { continue }
            let key = "\(project)\u{1F}\(finess)"
            if let line = first[key] {
                d.error("duplicate-statement", at: s.location(row, "finess"),
                        .fr("un deuxième état des dépenses de l'ESSMS \(finess) dans le projet '\(project)'",
                            en: "a second statement of expenses for ESSMS \(finess) in project '\(project)'"),
                        expected: .fr("une ligne par projet et ESSMS", en: "one row per project and ESSMS"), found: .secondRow(firstOnLine: line))
                continue
            }
            first[key] = row.line
            var e = ExpenseStatement(project: project, finess: finess, equipmentSpent: spent, certified: certified,
                                     line: row.line, file: et.file)
            e.projectLocation = s.location(row, "project")
            e.finessLocation = s.location(row, "finess")
            out.append(e)
        }
        return out
    }

    /// The `project` and `finess` fields of a row, checked against the projects table and the
    /// register; nil fields where they are wrong (reported). Nil when the row has no usable field.
    static func reference(_ s: TableSchema, _ row: CSVTable.Row, members: [String: Set<FINESS>], register: Register,
                          _ d: inout Diagnostics) -> (String?, FINESS?) {
        var project = s.required(row, "project", &d, what: .fr("l'id d'un projet financé", en: "the id of a funded project"))
        var finess = s.finess(row, "finess", required: true, &d)
        if let p = project, members[p] == nil {
            let close = members.keys.first { $0.lowercased() == p.lowercased() }
            d.error("unknown-project", at: s.location(row, "project"), .fr("aucun projet '\(p)' dans le scénario", en: "no project '\(p)' in the scenario"),
                    expected: .fr("l'id d'un projet financé de la table des projets", en: "the id of a funded project of the projects table"),
                    found: "'\(p)'",
                    hint: close.map { .fr("les ids distinguent majuscules et minuscules : vouliez-vous écrire '\($0)' ?",
                                          en: "ids are case-sensitive: did you mean '\($0)'?") }
                        ?? .fr("vérifiez l'id dans projects.csv", en: "check the id against projects.csv"))
            project = nil
        }
        if let f = finess, !register.contains(f) {
            d.error("finess-not-in-register", at: s.location(row, "finess"), .fr("le FINESS \(f) n'est pas dans le répertoire", en: "FINESS \(f) is not in the register"),
                    expected: .fr("un FINESS géographique d'un ESSMS financé", en: "a FINESS géographique of a funded ESSMS"), found: "'\(f)'")
            finess = nil
        } else if let f = finess, let p = project, let m = members[p], !m.contains(f) {
            d.error("not-a-member", at: s.location(row, "finess"), .fr("l'ESSMS \(f) n'est pas membre du projet '\(p)'", en: "ESSMS \(f) is not a member of project '\(p)'"),
                    expected: .fr("l'un des \(m.count) ESSMS de '\(p)' dans la table des membres",
                                  en: "one of the \(m.count) ESSMS of '\(p)' in the members table"), found: "'\(f)'",
                    hint: .fr("vérifiez le numéro FINESS et l'id du projet de cette ligne", en: "check the FINESS number and the project id of this row"))
            finess = nil
        }
        return (project, finess)
    }

    static func count(_ s: TableSchema, _ row: CSVTable.Row, _ name: String, min: Int, _ d: inout Diagnostics) -> Int? {
        let c = s.column(name)
        guard let v = s.text(row, c) else {
            d.error("missing-value", at: s.location(row, c), .fr("le champ '\(name)' est vide", en: "the '\(name)' field is empty"),
                    expected: .fr("un nombre de personnes ou de dossiers, \(min) ou plus", en: "a count of people or records, \(min) or more"),
                    found: .emptyField)
            return nil
        }
        var local = Diagnostics()
        let n = s.integer(row, c, range: min...largestCount, &local)
        if local.hasErrors {
            d.error("invalid-count", at: s.location(row, c), .fr("'\(name)' n'est pas un effectif", en: "'\(name)' is not a count"),
                    expected: .wholeNumber(min...largestCount), found: "'\(v)'",
                    hint: name == "file_active" ? .fr("la file active compte les personnes accompagnées dans l'année : plus de 0",
                                                      en: "the file active counts the people accompanied in the year: more than 0") : nil)
        }
        return n
    }

    /// A rate field: `.some(nil)` when empty (exempt), nil when invalid (reported).
    static func rate(_ s: TableSchema, _ row: CSVTable.Row, _ column: String, _ d: inout Diagnostics) -> UsageRate?? {
        let c = s.column(column)
        guard let v = s.text(row, c) else { return .some(nil) }
        switch UsageRate.parse(v, decimalComma: s.table.decimalComma) {
        case .success(let r): return .some(r)
        case .failure(let f):
            let (message, hint): (Phrase, Phrase)
            switch f {
            case .aboveFull:
                (message, hint) = (.fr("'\(column)' est un taux supérieur à 100 %", en: "'\(column)' is a rate above 100 %"),
                                   .fr("un taux vaut au plus 100 % : écrivez 0.82 ou 82 %, pas 82", en: "a rate is at most 100 %: write 0.82 or 82 %, not 82"))
            case .tooManyDecimals:
                (message, hint) = (.fr("'\(column)' a trop de décimales", en: "'\(column)' has too many decimals"),
                                   .fr("par exemple 0.825 ou 82,5 %", en: "e.g. 0.825 or 82,5 %"))
            case .notANumber:
                (message, hint) = (.fr("'\(column)' n'est pas un taux", en: "'\(column)' is not a rate"),
                                   .fr("par exemple 0.82 ou 82 % ; laissez-le vide pour un ESSMS exempté",
                                       en: "e.g. 0.82 or 82 %; leave it empty for an exempt ESSMS"))
            }
            d.error("invalid-rate", at: s.location(row, c), message,
                    expected: .fr("un taux de 0 à 100 % (0.82 ou 82 %)", en: "a rate from 0 to 100 % (0.82 or 82 %)"),
                    found: "'\(v)'", hint: hint)
            return nil
        }
    }

    static func inconsistent(_ s: TableSchema, _ row: CSVTable.Row, _ column: String, _ value: Int, _ bound: String,
                             _ limit: Int, _ d: inout Diagnostics) {
        d.error("counts-inconsistent", at: s.location(row, s.column(column)),
                .fr("'\(column)' est plus grand que '\(bound)'", en: "'\(column)' is larger than '\(bound)'"),
                expected: .fr("\(column) ≤ \(bound) (\(Phrase.french(limit)))", en: "\(column) ≤ \(bound) (\(limit))"), found: "\(value)",
                hint: bound == "file_active"
                    ? .fr("les dossiers actifs concernent des personnes de la file active : au plus un par personne",
                          en: "active records concern people of the file active: at most one per person")
                    : .fr("ces dossiers font partie des dossiers actifs", en: "these records are part of the active records"))
    }
}
