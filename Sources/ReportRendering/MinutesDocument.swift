// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

/// `pv.md`: the committee's procès-verbal — the meeting (attendance, quorum, chair: placeholders
/// for the secretary), the method, the envelope, the committee's own choices with what they
/// cost, the projects retained and not retained with their reasons and amounts, the conditions
/// of payment, the votes and the signatures — in Markdown that reads as plain text too.
public enum MinutesDocument {
    public static func render(_ content: ReportContent, language: ReportLanguage = .fr) -> String {
        let f = ReportFormat(language)
        let facts = ReportFacts(content, f)
        let spec = content.scenario.spec, env = facts.envelope
        var out = "# " + f(.minutesOfThe) + " — " + md(facts.title) + "\n\n"
        var meta: [String] = []
        if let d = spec.committee { meta.append(f(.minutesCommittee, f.date(d))) }
        if let u = spec.depositsUntil { meta.append(f(.applicationsDepositedUntil, f.date(u))) }
        if let d = spec.date { meta.append(f(.minutesRedeployment, f.date(d))) }
        meta.append(f(.metaScenario, "`\(spec.id)`", content.variant.map { f(.metaVariant, "`\($0)`") } ?? ""))
        meta.append(f(.metaRules, content.rules.name))
        meta.append(f(.metaComputed, content.run.toolVersion, f.dateTime(epoch: content.run.time)))
        out += meta.joined(separator: " · ") + "\n\n"
        out += session(content, f)
        out += method(content, f)

        out += "## " + f(.envelope) + "\n\n"
        let lines = env.lines(f).filter { !$0.isReserve || $0.money != .zero }
        out += table([f(.item), f(.amount)],
                     lines.map { [$0.isTotal ? "**\($0.label)**" : $0.label, f.money($0.money)] }, right: [1], escape: false)

        out += "\n## " + f(.decision) + "\n\n"
        if let s = content.selection {
            let r = s.result
            if s.solved {
                out += f(.minutesRetained, r.selected.count, f.ess(r.finess), f.integer(r.acquisitions), f.money(r.used))
                out += f(.minutesSolver, f.status(r.status), content.run.solverName, content.run.solverVersion)
            } else {
                out += f(.minutesNoSelection, f.status(r.status))
                if let inf = s.infeasibility { out += "\n" + md(SelectionAnalysisDocument.infeasibilitySentence(inf, language: f.language)) + "\n" }
            }
        } else {
            out += f(.minutesNotComputed)
        }

        if let s = content.selection { out += pins(s, f) }

        let groups: [(String, String, Bool)] = [
            ("selected", f(.projectsRetained), true),
            ("engaged", f(.projectsEngagedAtEarlier), true),
            ("not-selected", f(.eligibleProjectsNot), true),
            ("excluded", f(.projectsExcludedBy), true),
            ("later-committee", f(.projectsDepositedAfter), true),
            ("rejected", f(.projectsRejectedAt), false),
            ("ineligible", f(.ineligibleProjects), false),
            ("eligible", f(.eligibleProjects), true),
        ]
        for (d, title, withMoney) in groups {
            let rows = facts.rows(d)
            guard !rows.isEmpty else { continue }
            out += "\n## \(title) (\(rows.count))\n\n"
            let showReason = d != "selected" && d != "engaged"
            var header = [f(.project), f(.title)]
            if withMoney { header += ["ESSMS", f(.acq), f(.amount)] }
            if showReason { header.append(f(.reason)) }
            var body = rows.map { r -> [String] in
                var cells = [md(r.id), md(r.title)]
                if withMoney { cells += [f.integer(r.essms), f.integer(r.acquisitions), f.money(r.amount)] }
                if showReason { cells.append(md(r.reason)) }
                return cells
            }
            if withMoney {
                var total = [f(.minutesTotal), "", f.integer(rows.reduce(0) { $0 + $1.essms }),
                             f.integer(rows.reduce(0) { $0 + $1.acquisitions }), "**" + f.money(rows.reduce(Money.zero) { $0 + $1.amount }) + "**"]
                if showReason { total.append("") }
                body.append(total)
            }
            out += table(header, body, right: withMoney ? [2, 3, 4] : [], escape: false)
        }

        let exclusions = facts.rows.flatMap { r in (r.assessment?.excluded ?? []).map { (r.id, $0) } }
        if !exclusions.isEmpty {
            out += "\n## " + f(.essmsExcludedFrom) + " (\(exclusions.count))\n\n"
            out += table([f(.project), "FINESS", f(.establishment), f(.reason)],
                         exclusions.map { [md($0.0), $0.1.finess.text, md(facts.establishment($0.1.finess)?.name ?? ""), f.exclusion($0.1.reason)] },
                         right: [], escape: false)
        }

        if let s = content.selection, s.solved {
            let p = s.problem
            for (title, lines, name) in [(f(.territorialBalance), p.territoryBalance(s.result.selected), f.departement),
                                         (f(.sectorBalance), p.sectorBalance(s.result.selected), f.sector)]
            where !lines.isEmpty {
                out += "\n## \(title)\n\n"
                out += table([f(.key), f(.amount), f(.share), f(.headTarget), ""],
                             lines.map { [md(name($0.key)), f.money($0.money), f.percent($0.share), f.percent($0.target),
                                          $0.within ? "" : f(.outside)] },
                             right: [1, 2, 3], escape: false)
            }
            if !s.nextInLine.isEmpty {
                out += "\n## " + f(.ifTheEnvelopeGrows) + "\n\n"
                out += table([f(.growth), "ESSMS", f(.acq), f(.entering), f(.leaving)],
                             s.nextInLine.map { [($0.proven ? "+" : "≤ +") + f.money($0.growth), HTMLReport.signed($0.deltaFiness, f), HTMLReport.signed($0.deltaAcquisitions, f),
                                                 md($0.entering.joined(separator: ", ")), md($0.leaving.joined(separator: ", "))] },
                             right: [0, 1, 2], escape: false)
            }
        }
        out += payment(content, f)
        out += closing(f)
        out += "\n---\n\n" + f(.digestsOfThe)
        return out
    }

    /// The meeting: place, chair, attendance, quorum, the départements' councils consulted.
    static func session(_ content: ReportContent, _ f: ReportFormat) -> String {
        var out = "## " + f(.meeting) + "\n\n"
        out += f(.committeeMet, content.scenario.spec.committee.map { f(.on, f.date($0)) } ?? "") + "\n\n"
        out += "- " + f(.membersPresent) + "\n"
        out += "- " + f(.membersExcused) + "\n"
        out += "- " + f(.quorum) + "\n"
        out += "- " + f(.secretary) + "\n"
        out += "- " + f(.departementsCouncilsConsulted) + "\n\n"
        return out
    }

    /// The method in plain words: the order of priority, the score grid, the balances.
    static func method(_ content: ReportContent, _ f: ReportFormat) -> String {
        let m = MethodText(content, f)
        return "## " + f(.method) + "\n\n" + m.paragraphs.map { $0 + "\n\n" }.joined()
            + m.balances.map { "- " + $0 + "\n" }.joined() + "\n"
    }

    /// The committee's own choices (projects forced in or excluded) and what they cost.
    static func pins(_ s: SelectionSection, _ f: ReportFormat) -> String {
        let p = s.problem
        guard !p.forced.isEmpty || !p.excluded.isEmpty else { return "" }
        var out = "## " + f(.theCommitteesChoices) + "\n\n"
        if !p.forced.isEmpty {
            out += "- " + f(.projectsRetainedBy)
                + p.forced.sorted().map(md).joined(separator: ", ") + "\n"
        }
        if !p.excluded.isEmpty {
            out += "- " + f(.projectsExcludedByThe)
                + p.excluded.sorted().map(md).joined(separator: ", ") + "\n"
        }
        if let c = s.pinCost {
            let sheet = Explainer.balanceSheet(
                [(c.finess, f(.choiceFinanced)), (c.acquisitions, f(.choiceAcquisitions)),
                 (c.score, f(.choiceScore))],
                lose: f(.choiceCost), gain: f(.choiceBring), same: f(.choiceNothing))
            out += "\n" + f(.againstTheSelection, f.ess(c.unpinnedFiness), f.integer(c.unpinnedAcquisitions), f.integer(c.unpinnedScore), f.money(c.unpinnedUsed))
                + sheet + (c.proven ? "" : f(.selectionsNotProven)) + ".\n"
            if !c.forcedOutWithout.isEmpty {
                out += f(.withoutChoicesOut, c.forcedOutWithout.map(md).joined(separator: ", "))
            }
            if !c.excludedInWithout.isEmpty {
                out += f(.withoutChoicesIn, c.excludedInWithout.map(md).joined(separator: ", "))
            }
        }
        return out + "\n"
    }

    /// The conditions of payment of the grants.
    static func payment(_ content: ReportContent, _ f: ReportFormat) -> String {
        let t = content.rules.usageTargets
        var out = "\n## " + f(.conditionsOfPayment) + "\n\n"
        let targets = [(f(.activeRecords), t.activeRecords),
                       (f(.withAPersonalised), t.personalisedProject),
                       (f(.withAnAgenda), t.agendaEvent),
                       ("MSSanté", t.mssante), ("DMP", t.dmp)].map { $0.0 + " " + f.percent($0.1) }
        out += f(.paymentConditions, content.rules.policies.secondTranche == .perESSMS ? f(.minutesPerESSMS) : f(.minutesAllOrNothing),
                 targets.joined(separator: ", "))
        return out
    }

    /// Opinions, votes, closing and signatures.
    static func closing(_ f: ReportFormat) -> String {
        var out = "\n## " + f(.opinionsAndVote) + "\n\n"
        out += f(.membersRemarks) + "\n\n"
        out += f(.listAdopted) + "\n"
        out += "\n## " + f(.closing) + "\n\n"
        out += f(.meetingClosed) + "\n\n"
        out += "| " + f(.theChair) + " | " + f(.theSecretary) + " |\n| --- | --- |\n"
        out += "| " + f(.nameSignature) + " | " + f(.nameSignature) + " |\n"
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
