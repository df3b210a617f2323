// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

/// `pv.md`: the committee's procès-verbal — the meeting (attendance, quorum, chair: placeholders
/// for the secretary), the method, the envelope, the committee's own choices with what they
/// cost, the projects retained and not retained with their reasons and amounts, the conditions
/// of payment, the votes and the signatures — in Markdown that reads as plain text too.
public enum MinutesDocument {
    /// A blank for the committee's secretary to fill in.
    static func blank(_ f: ReportFormat, _ what: String, _ english: String) -> String { "[" + f.tr(what, english) + "]" }

    public static func render(_ content: ReportContent, language: ReportLanguage = .fr) -> String {
        let f = ReportFormat(language)
        let facts = ReportFacts(content, f)
        let spec = content.scenario.spec, env = facts.envelope
        var out = "# " + f.tr("Procès-verbal du comité de sélection", "Minutes of the selection committee") + " — " + md(facts.title) + "\n\n"
        var meta: [String] = []
        if let d = spec.committee { meta.append(f.tr("Comité du ", "Committee of ") + f.date(d)) }
        if let u = spec.depositsUntil { meta.append(f.tr("dossiers déposés jusqu'au ", "applications deposited until ") + f.date(u)) }
        if let d = spec.date { meta.append(f.tr("Redéploiement du ", "Redeployment of ") + f.date(d)) }
        meta.append(f.tr("scénario ", "scenario ") + "`\(spec.id)`" + (content.variant.map { f.tr(", variante ", ", variant ") + "`\($0)`" } ?? ""))
        meta.append(f.tr("règles de la campagne ", "rules of the campaign ") + content.rules.name)
        meta.append(f.tr("calculé par esms ", "computed by esms ") + content.run.toolVersion + f.tr(" le ", " on ") + f.dateTime(epoch: content.run.time))
        out += meta.joined(separator: " · ") + "\n\n"
        out += session(content, f)
        out += method(content, f)

        out += "## " + f.tr("Enveloppe", "Envelope") + "\n\n"
        let lines = env.lines(f).filter { !$0.isReserve || $0.money != .zero }
        out += table([f.tr("Poste", "Item"), f.tr("Montant", "Amount")],
                     lines.map { [$0.isTotal ? "**\($0.label)**" : $0.label, f.money($0.money)] }, right: [1], escape: false)

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

        if let s = content.selection { out += pins(s, f) }

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
        out += payment(content, f)
        out += closing(f)
        out += "\n---\n\n" + f.tr("Empreintes des fichiers d'entrée, règles, politiques et paramètres du solveur : `audit.json`. Montants exacts au centime.\n",
                                  "Digests of the input files, rules, policies and solver settings: `audit.json`. Amounts exact to the cent.\n")
        return out
    }

    /// The meeting: place, chair, attendance, quorum, the départements' councils consulted.
    static func session(_ content: ReportContent, _ f: ReportFormat) -> String {
        var out = "## " + f.tr("Séance", "Meeting") + "\n\n"
        out += f.tr("Le comité de sélection s'est réuni", "The selection committee met")
            + (content.scenario.spec.committee.map { f.tr(" le ", " on ") + f.date($0) } ?? "")
            + f.tr(" à ", " at ") + blank(f, "heure", "time") + f.tr(", à ", ", in ") + blank(f, "lieu", "place")
            + f.tr(", sous la présidence de ", ", chaired by ") + blank(f, "nom, fonction", "name, position") + ".\n\n"
        out += "- " + f.tr("Membres présents : ", "Members present: ") + blank(f, "noms et qualités", "names and positions") + "\n"
        out += "- " + f.tr("Membres excusés : ", "Members excused: ") + blank(f, "noms", "names") + "\n"
        out += "- " + f.tr("Quorum : ", "Quorum: ") + blank(f, "atteint / non atteint", "reached / not reached") + " ("
            + blank(f, "n", "n") + f.tr(" membres présents sur ", " members present of ") + blank(f, "N", "N") + ")\n"
        out += "- " + f.tr("Secrétaire de séance : ", "Secretary: ") + blank(f, "nom", "name") + "\n"
        out += "- " + f.tr("Conseils départementaux consultés sur les ESSMS qu'ils financent : ",
                           "Départements' councils consulted on the ESSMS they fund: ") + blank(f, "oui, le … / non", "yes, on … / no") + "\n\n"
        return out
    }

    /// The method in plain words: the order of priority, the score grid, the balances.
    static func method(_ content: ReportContent, _ f: ReportFormat) -> String {
        let m = MethodText(content, f)
        return "## " + f.tr("Méthode", "Method") + "\n\n" + m.paragraphs.map { $0 + "\n\n" }.joined()
            + m.balances.map { "- " + $0 + "\n" }.joined() + "\n"
    }

    /// The committee's own choices (projects forced in or excluded) and what they cost.
    static func pins(_ s: SelectionSection, _ f: ReportFormat) -> String {
        let p = s.problem
        guard !p.forced.isEmpty || !p.excluded.isEmpty else { return "" }
        var out = "## " + f.tr("Choix du comité", "The committee's choices") + "\n\n"
        if !p.forced.isEmpty {
            out += "- " + f.tr("Projets retenus par décision du comité : ", "Projects retained by the committee's decision: ")
                + p.forced.sorted().map(md).joined(separator: ", ") + "\n"
        }
        if !p.excluded.isEmpty {
            out += "- " + f.tr("Projets écartés par décision du comité : ", "Projects excluded by the committee's decision: ")
                + p.excluded.sorted().map(md).joined(separator: ", ") + "\n"
        }
        if let c = s.pinCost {
            let sheet = Explainer.balanceSheet(
                [(c.finess, f.tr("ESSMS financés", "funded ESSMS")), (c.acquisitions, f.tr("acquisitions", "acquisitions")),
                 (c.score, f.tr("points de score", "score points"))],
                lose: f.tr("coûtent", "cost"), gain: f.tr("apportent", "bring"), same: f.tr("ne coûtent rien", "cost nothing"))
            out += "\n" + f.tr("Par rapport à la sélection sans ces choix (\(f.ess(c.unpinnedFiness)), \(f.integer(c.unpinnedAcquisitions)) acquisitions, score \(f.integer(c.unpinnedScore)), \(f.money(c.unpinnedUsed))), ces choix ",
                                "Against the selection without these choices (\(f.ess(c.unpinnedFiness)), \(f.integer(c.unpinnedAcquisitions)) acquisitions, score \(f.integer(c.unpinnedScore)), \(f.money(c.unpinnedUsed))), these choices ")
                + sheet + (c.proven ? "" : f.tr(" (sélections non prouvées optimales)", " (selections not proven optimal)")) + ".\n"
            if !c.forcedOutWithout.isEmpty {
                out += f.tr("Sans ces choix, ne seraient pas retenus : ", "Without these choices, not retained: ")
                    + c.forcedOutWithout.map(md).joined(separator: ", ") + ".\n"
            }
            if !c.excludedInWithout.isEmpty {
                out += f.tr("Sans ces choix, seraient retenus : ", "Without these choices, retained: ")
                    + c.excludedInWithout.map(md).joined(separator: ", ") + ".\n"
            }
        }
        return out + "\n"
    }

    /// The conditions of payment of the grants.
    static func payment(_ content: ReportContent, _ f: ReportFormat) -> String {
        let t = content.rules.usageTargets
        var out = "\n## " + f.tr("Conditions de versement", "Conditions of payment") + "\n\n"
        out += f.tr("Chaque financement est versé en deux fois : 50 % à la signature de la convention entre l'ARS et le porteur ; le solde à la fin du projet, sur état certifié des dépenses, ",
                    "Each grant is paid in two halves: 50 % when the agreement between the ARS and the porteur is signed; the balance at the end of the project, on a certified statement of expenses, ")
            + (content.rules.policies.secondTranche == .perESSMS
               ? f.tr("au prorata des ESSMS qui atteignent les cibles d'usage", "in proportion to the ESSMS that reach the usage targets")
               : f.tr("si tous les ESSMS du projet atteignent les cibles d'usage", "if every ESSMS of the project reaches the usage targets"))
            + f.tr(" (mesurées sur les trois derniers mois) : ", " (measured over the last three months): ")
            + [(f.tr("dossiers actifs", "active records"), t.activeRecords),
               (f.tr("avec projet personnalisé", "with a personalised project"), t.personalisedProject),
               (f.tr("avec un événement d'agenda", "with an agenda event"), t.agendaEvent),
               ("MSSanté", t.mssante), ("DMP", t.dmp)].map { $0.0 + " " + f.percent($0.1) }.joined(separator: ", ")
            + f.tr(". Durées indicatives : 9 mois sans changement de logiciel, 18 mois pour une acquisition.\n",
                   ". Indicative durations: 9 months without a change of software, 18 months for an acquisition.\n")
        return out
    }

    /// Opinions, votes, closing and signatures.
    static func closing(_ f: ReportFormat) -> String {
        var out = "\n## " + f.tr("Avis et vote", "Opinions and vote") + "\n\n"
        out += f.tr("Observations des membres : ", "Members' remarks: ") + blank(f, "…", "…") + "\n\n"
        out += f.tr("La liste des projets retenus ci-dessus est adoptée par ", "The list of projects retained above is adopted with ")
            + blank(f, "n", "n") + f.tr(" voix pour, ", " votes for, ") + blank(f, "n", "n") + f.tr(" voix contre et ", " against and ")
            + blank(f, "n", "n") + f.tr(" abstentions.\n", " abstentions.\n")
        out += "\n## " + f.tr("Clôture", "Closing") + "\n\n"
        out += f.tr("La séance est levée à ", "The meeting closed at ") + blank(f, "heure", "time") + ".\n\n"
        out += "| " + f.tr("Le président du comité", "The chair") + " | " + f.tr("Le secrétaire de séance", "The secretary") + " |\n| --- | --- |\n"
        out += "| " + blank(f, "nom, signature", "name, signature") + " | " + blank(f, "nom, signature", "name, signature") + " |\n"
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
