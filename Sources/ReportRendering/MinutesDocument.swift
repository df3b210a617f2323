// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// `minutes.md`: the committee's minutes — the envelope, the projects retained and rejected
/// with their reasons and amounts, the totals — in Markdown that reads as plain text too.
public enum MinutesDocument {
    public static func render(_ content: ReportContent, language: ReportLanguage = .fr) -> String {
        let f = ReportFormat(language)
        let facts = ReportFacts(content, f)
        let spec = content.scenario.spec, env = facts.envelope
        var out = "# " + f.tr("Procès-verbal", "Minutes") + " — " + md(facts.title) + "\n\n"
        var meta: [String] = []
        if let d = spec.committee { meta.append(f.tr("Comité du ", "Committee of ") + f.date(d)) }
        if let u = spec.depositsUntil { meta.append(f.tr("dossiers déposés jusqu'au ", "applications deposited until ") + f.date(u)) }
        if let d = spec.date { meta.append(f.tr("Redéploiement du ", "Redeployment of ") + f.date(d)) }
        meta.append(f.tr("scénario ", "scenario ") + "`\(spec.id)`" + (content.variant.map { f.tr(", variante ", ", variant ") + "`\($0)`" } ?? ""))
        meta.append(f.tr("règles de la campagne ", "rules of the campaign ") + content.rules.name)
        meta.append(f.tr("calculé par esms ", "computed by esms ") + content.run.toolVersion + f.tr(" le ", " on ") + f.dateTime(epoch: content.run.time))
        out += meta.joined(separator: " · ") + "\n\n"

        out += "## " + f.tr("Enveloppe", "Envelope") + "\n\n"
        var lines: [(String, Money)] = [(f.tr("Notifiée", "Notified"), env.notified)]
        if let call = env.nationalCall { lines.append((f.tr("Appel national", "National call"), call)) }
        lines.append((f.tr("Engagée antérieurement (hors projets listés)", "Engaged earlier (projects not listed)"), env.engagedEarlier))
        if env.reserve != .zero { lines.append((f.tr("Réserve", "Reserve"), env.reserve)) }
        lines.append((f.tr("Projets engagés lors de comités antérieurs", "Projects engaged at earlier committees"), env.engagedProjects))
        lines.append((f.tr("**Disponible pour ce comité**", "**Available to this committee**"), env.available))
        if let used = env.used, let left = env.left {
            lines.append((f.tr("Attribuée par ce comité", "Granted by this committee"), used))
            lines.append((f.tr("**Reliquat**", "**Left**"), left))
        }
        out += table([f.tr("Poste", "Item"), f.tr("Montant", "Amount")], lines.map { [$0.0, f.money($0.1)] }, right: [1], escape: false)

        out += "\n## " + f.tr("Décision", "Decision") + "\n\n"
        if let s = content.selection {
            let r = s.result
            if s.solved {
                out += f.tr("Le comité retient **\(r.selected.count) projets** : **\(f.ess(r.finess))** financés, dont \(f.integer(r.acquisitions)) en acquisition, pour **\(f.money(r.used))**. ",
                            "The committee retains **\(r.selected.count) projects**: **\(f.ess(r.finess))** funded, of which \(f.integer(r.acquisitions)) acquisitions, for **\(f.money(r.used))**. ")
                out += f.tr("Sélection \(f.status(r.status)) (solveur \(content.run.solverName) \(content.run.solverVersion)).\n",
                            "Selection \(f.status(r.status)) (solver \(content.run.solverName) \(content.run.solverVersion)).\n")
            } else {
                out += f.tr("Aucune sélection n'est possible : le modèle est \(f.status(r.status)).\n",
                            "No selection is possible: the model is \(f.status(r.status)).\n")
                if let inf = s.infeasibility { out += "\n" + md(SelectionAnalysisDocument.infeasibilitySentence(inf, language: f.language)) + "\n" }
            }
        } else {
            out += f.tr("Aucune sélection n'a été calculée.\n", "No selection was computed.\n")
        }

        let groups: [(String, String, Bool)] = [
            ("selected", f.tr("Projets retenus", "Projects retained"), true),
            ("engaged", f.tr("Projets engagés lors de comités antérieurs", "Projects engaged at earlier committees"), true),
            ("not-selected", f.tr("Projets recevables non retenus", "Eligible projects not retained"), true),
            ("excluded", f.tr("Projets écartés par le comité", "Projects excluded by the committee"), true),
            ("later-committee", f.tr("Projets déposés après la date limite de ce comité (présentés au comité suivant)",
                                     "Projects deposited after this committee's cut-off (for the next committee)"), true),
            ("rejected", f.tr("Projets rejetés lors de comités antérieurs", "Projects rejected at earlier committees"), false),
            ("ineligible", f.tr("Projets irrecevables", "Ineligible projects"), false),
            ("eligible", f.tr("Projets recevables", "Eligible projects"), true),
        ]
        for (d, title, withMoney) in groups {
            let rows = facts.rows(d)
            guard !rows.isEmpty else { continue }
            out += "\n## \(title) (\(rows.count))\n\n"
            let showReason = d != "selected" && d != "engaged"
            var header = [f.tr("Projet", "Project"), f.tr("Titre", "Title")]
            if withMoney { header += ["ESSMS", f.tr("Acq.", "Acq."), f.tr("Montant", "Amount")] }
            if showReason { header.append(f.tr("Motif", "Reason")) }
            var body = rows.map { r -> [String] in
                var cells = [md(r.id), md(r.title)]
                if withMoney { cells += [f.integer(r.essms), f.integer(r.acquisitions), f.money(r.amount)] }
                if showReason { cells.append(md(r.reason)) }
                return cells
            }
            if withMoney {
                var total = [f.tr("**Total**", "**Total**"), "", f.integer(rows.reduce(0) { $0 + $1.essms }),
                             f.integer(rows.reduce(0) { $0 + $1.acquisitions }), "**" + f.money(rows.reduce(Money.zero) { $0 + $1.amount }) + "**"]
                if showReason { total.append("") }
                body.append(total)
            }
            out += table(header, body, right: withMoney ? [2, 3, 4] : [], escape: false)
        }

        let exclusions = facts.rows.flatMap { r in (r.assessment?.excluded ?? []).map { (r.id, $0) } }
        if !exclusions.isEmpty {
            out += "\n## " + f.tr("ESSMS exclus des projets", "ESSMS excluded from projects") + " (\(exclusions.count))\n\n"
            out += table([f.tr("Projet", "Project"), "FINESS", f.tr("Établissement", "Establishment"), f.tr("Motif", "Reason")],
                         exclusions.map { [md($0.0), $0.1.finess.text, md(facts.establishment($0.1.finess)?.name ?? ""), f.exclusion($0.1.reason)] },
                         right: [], escape: false)
        }

        if let s = content.selection, s.solved {
            let p = s.problem
            for (title, lines, name) in [(f.tr("Équilibre territorial", "Territorial balance"), p.territoryBalance(s.result.selected), f.departement),
                                         (f.tr("Équilibre sectoriel", "Sector balance"), p.sectorBalance(s.result.selected), f.sector)]
            where !lines.isEmpty {
                out += "\n## \(title)\n\n"
                out += table([f.tr("Clé", "Key"), f.tr("Montant", "Amount"), f.tr("Part", "Share"), f.tr("Cible", "Target"), ""],
                             lines.map { [md(name($0.key)), f.money($0.money), f.percent($0.share), f.percent($0.target),
                                          $0.within ? "" : f.tr("hors plage", "outside")] },
                             right: [1, 2, 3], escape: false)
            }
            if !s.nextInLine.isEmpty {
                out += "\n## " + f.tr("Si l'enveloppe augmente", "If the envelope grows") + "\n\n"
                out += table([f.tr("Complément", "Growth"), "ESSMS", f.tr("Acq.", "Acq."), f.tr("Entrent", "Entering"), f.tr("Sortent", "Leaving")],
                             s.nextInLine.map { [($0.proven ? "+" : "≤ +") + f.money($0.growth), HTMLReport.signed($0.deltaFiness, f), HTMLReport.signed($0.deltaAcquisitions, f),
                                                 md($0.entering.joined(separator: ", ")), md($0.leaving.joined(separator: ", "))] },
                             right: [0, 1, 2], escape: false)
            }
        }
        out += "\n---\n\n" + f.tr("Empreintes des fichiers d'entrée, règles, politiques et paramètres du solveur : `audit.json`. Montants exacts au centime.\n",
                                  "Digests of the input files, rules, policies and solver settings: `audit.json`. Amounts exact to the cent.\n")
        return out
    }

    /// Text safe in a Markdown table cell: `|`, `\`, `*`, `_`, `` ` ``, `[`, `]` escaped, `<` `>` `&` as
    /// entities (no raw HTML reaches a renderer), line breaks as spaces.
    public static func md(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "|", "\\", "*", "_", "`", "[", "]", "#": out += "\\" + String(ch)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    static func table(_ header: [String], _ rows: [[String]], right: Set<Int>, escape: Bool) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { right.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for r in rows { out += "| " + r.map { escape ? md($0) : $0 }.joined(separator: " | ") + " |\n" }
        return out
    }
}
