// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

/// The committee's procès-verbal — the meeting (attendance, quorum, chair: placeholders for the
/// secretary), the method, the envelope, the committee's own choices with what they cost, the
/// projects retained and not retained with their reasons and amounts, the conditions of
/// payment, the votes and the signatures — built once as a `TextDocument`, written as `pv.md`
/// (Markdown that reads as plain text too) and as `pv.odt` (for a word processor).
public enum MinutesDocument {
    public static func render(_ content: ReportContent, language: ReportLanguage = .fr) -> String {
        document(content, ReportFormat(language)).markdown
    }

    /// `pv.odt`: the same document as an OpenDocument text, dated by the run.
    public static func openDocument(_ content: ReportContent, language: ReportLanguage = .fr) throws(OpenDocumentError) -> [UInt8] {
        try document(content, ReportFormat(language))
            .openDocument(OpenDocumentProperties(generator: "esms \(content.run.toolVersion)", created: content.run.time, language: language))
    }

    static func document(_ content: ReportContent, _ f: ReportFormat) -> TextDocument {
        let facts = ReportFacts(content, f)
        let spec = content.scenario.spec, env = facts.envelope
        var doc = TextDocument()
        doc.add(.heading(1, f(.minutesOfThe) + " — " + md(facts.title)))
        var meta: [String] = []
        if let d = spec.committee { meta.append(f(.minutesCommittee, f.date(d))) }
        if let u = spec.depositsUntil { meta.append(f(.applicationsDepositedUntil, f.date(u))) }
        if let d = spec.date { meta.append(f(.minutesRedeployment, f.date(d))) }
        meta.append(f(.metaScenario, "`\(spec.id)`", content.variant.map { f(.metaVariant, "`\($0)`") } ?? ""))
        meta.append(f(.metaRules, content.rules.name))
        meta.append(f(.metaComputed, content.run.toolVersion, f.dateTime(epoch: content.run.time)))
        doc.add(.text(meta.joined(separator: " · ")))
        session(content, f, &doc)
        method(content, f, &doc)

        doc.add(.heading(2, f(.envelope)))
        let lines = env.lines(f).filter { !$0.isReserve || $0.money != .zero }
        doc.add(.table(.init(header: [f(.item), f(.amount)],
                             rows: lines.map { [$0.isTotal ? "**\($0.label)**" : $0.label, f.money($0.money)] }, right: [1])))

        doc.add(.heading(2, f(.decision)))
        if let s = content.selection {
            let r = s.result
            if s.solved {
                doc.add(.text(f(.minutesRetained, r.selected.count, f.ess(r.finess), f.integer(r.acquisitions), f.money(r.used))
                                  + f(.minutesSolver, f.status(r.status), content.run.solverName, content.run.solverVersion)))
            } else {
                doc.add(.text(f(.minutesNoSelection, f.status(r.status))))
                if let inf = s.infeasibility { doc.add(.text(md(SelectionAnalysisDocument.infeasibilitySentence(inf, language: f.language)))) }
            }
            pins(s, f, &doc)
        } else {
            doc.add(.text(f(.minutesNotComputed)))
        }
        projects(facts, &doc)
        balances(content, f, &doc)
        payment(content, f, &doc)
        closing(f, &doc)
        doc.add(.rule)
        doc.add(.text(f(.digestsOfThe)))
        return doc
    }

    /// The projects by decision, with their amounts and totals, and the ESSMS excluded.
    static func projects(_ facts: ReportFacts, _ doc: inout TextDocument) {
        let f = facts.f
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
            doc.add(.heading(2, "\(title) (\(rows.count))"))
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
            doc.add(.table(.init(header: header, rows: body, right: withMoney ? [2, 3, 4] : [], total: withMoney)))
        }

        let exclusions = facts.rows.flatMap { r in (r.assessment?.excluded ?? []).map { (r.id, $0) } }
        if !exclusions.isEmpty {
            doc.add(.heading(2, f(.essmsExcludedFrom) + " (\(exclusions.count))"))
            doc.add(.table(.init(header: [f(.project), "FINESS", f(.establishment), f(.reason)],
                                 rows: exclusions.map { [md($0.0), $0.1.finess.text, md(facts.establishment($0.1.finess)?.name ?? ""), f.exclusion($0.1.reason)] })))
        }
    }

    /// The territorial and sector balance of the selection, and the next in line.
    static func balances(_ content: ReportContent, _ f: ReportFormat, _ doc: inout TextDocument) {
        guard let s = content.selection, s.solved else { return }
        let p = s.problem
        for (title, lines, name) in [(f(.territorialBalance), p.territoryBalance(s.result.selected), f.departement),
                                     (f(.sectorBalance), p.sectorBalance(s.result.selected), f.sector)]
        where !lines.isEmpty {
            doc.add(.heading(2, title))
            doc.add(.table(.init(header: [f(.key), f(.amount), f(.share), f(.headTarget), ""],
                                 rows: lines.map { [md(name($0.key)), f.money($0.money), f.percent($0.share), f.percent($0.target),
                                                    $0.within ? "" : f(.outside)] },
                                 right: [1, 2, 3])))
        }
        if !s.nextInLine.isEmpty {
            doc.add(.heading(2, f(.ifTheEnvelopeGrows)))
            doc.add(.table(.init(header: [f(.growth), "ESSMS", f(.acq), f(.entering), f(.leaving)],
                                 rows: s.nextInLine.map { [($0.proven ? "+" : "≤ +") + f.money($0.growth), HTMLReport.signed($0.deltaFiness, f),
                                                           HTMLReport.signed($0.deltaAcquisitions, f),
                                                           md($0.entering.joined(separator: ", ")), md($0.leaving.joined(separator: ", "))] },
                                 right: [0, 1, 2])))
        }
    }

    /// The meeting: place, chair, attendance, quorum, the départements' councils consulted.
    static func session(_ content: ReportContent, _ f: ReportFormat, _ doc: inout TextDocument) {
        doc.add(.heading(2, f(.meeting)))
        doc.add(.text(f(.committeeMet, content.scenario.spec.committee.map { f(.on, f.date($0)) } ?? "")))
        doc.add(.bullets([f(.membersPresent), f(.membersExcused), f(.quorum), f(.secretary), f(.departementsCouncilsConsulted)]))
    }

    /// The method in plain words: the order of priority, the score grid, the balances.
    static func method(_ content: ReportContent, _ f: ReportFormat, _ doc: inout TextDocument) {
        let m = MethodText(content, f)
        doc.add(.heading(2, f(.method)))
        for p in m.paragraphs { doc.add(.text(p)) }
        doc.add(.bullets(m.balances))
    }

    /// The committee's own choices (projects forced in or excluded) and what they cost: right
    /// under the decision in pv.md, and two blank lines after (its layout since its first version).
    static func pins(_ s: SelectionSection, _ f: ReportFormat, _ doc: inout TextDocument) {
        let p = s.problem
        guard !p.forced.isEmpty || !p.excluded.isEmpty else { return }
        doc.add(.heading(2, f(.theCommitteesChoices)), blankLines: 0)
        var items: [String] = []
        if !p.candidates.isEmpty && p.candidates.allSatisfy({ p.forced.contains($0.id) }) {
            // The committee's whole list (the deliberation page's choices file): the tables below
            // name every project; what it changed is the comparison that follows.
            items.append(f(.committeeFixedTheList, f.integer(p.forced.count), f.integer(p.excluded.count)))
        } else {
            if !p.forced.isEmpty { items.append(f(.projectsRetainedBy) + p.forced.sorted().map(md).joined(separator: ", ")) }
            if !p.excluded.isEmpty { items.append(f(.projectsExcludedByThe) + p.excluded.sorted().map(md).joined(separator: ", ")) }
        }
        doc.add(.bullets(items))
        if let c = s.pinCost {
            // Only the terms the objective ranks: on the others, the optimiser's selection is one
            // of the selections tied on the objective, and the difference is not a cost.
            let ranked = Explainer.rankedCountTerms(p.objective)
            let sheet = Explainer.balanceSheet(
                [(ObjectiveTerm.finess, c.finess, f(.choiceFinanced)), (.acquisition, c.acquisitions, f(.choiceAcquisitions)),
                 (.score, c.score, f(.choiceScore))].filter { ranked.contains($0.0) }.map { ($0.1, $0.2) },
                lose: f(.choiceCost), gain: f(.choiceBring), same: f(.choiceNothing), separator: f.language == .fr ? " ; " : "; ")
            var text = f(.againstTheSelection, f.ess(c.unpinnedFiness), f.integer(c.unpinnedAcquisitions), f.integer(c.unpinnedScore), f.money(c.unpinnedUsed))
                + sheet + (c.proven ? "" : f(.selectionsNotProven)) + ".\n"
            if !c.forcedOutWithout.isEmpty { text += f(.withoutChoicesOut, c.forcedOutWithout.map(md).joined(separator: ", ")) }
            if !c.excludedInWithout.isEmpty { text += f(.withoutChoicesIn, c.excludedInWithout.map(md).joined(separator: ", ")) }
            doc.add(.text(text))
        }
        doc.addBlankLine()
    }

    /// The conditions of payment of the grants.
    static func payment(_ content: ReportContent, _ f: ReportFormat, _ doc: inout TextDocument) {
        let t = content.rules.usageTargets
        let targets = [(f(.activeRecords), t.activeRecords),
                       (f(.withAPersonalised), t.personalisedProject),
                       (f(.withAnAgenda), t.agendaEvent),
                       ("MSSanté", t.mssante), ("DMP", t.dmp)].map { $0.0 + " " + f.percent($0.1) }
        doc.add(.heading(2, f(.conditionsOfPayment)))
        doc.add(.text(f(.paymentConditions, content.rules.policies.secondTranche == .perESSMS ? f(.minutesPerESSMS) : f(.minutesAllOrNothing),
                         targets.joined(separator: ", "))))
    }

    /// Opinions, votes, closing and signatures.
    static func closing(_ f: ReportFormat, _ doc: inout TextDocument) {
        doc.add(.heading(2, f(.opinionsAndVote)))
        doc.add(.text(f(.membersRemarks)))
        doc.add(.text(f(.listAdopted)))
        doc.add(.heading(2, f(.closing)))
        doc.add(.text(f(.meetingClosed)))
        doc.add(.table(.init(header: [f(.theChair), f(.theSecretary)], rows: [[f(.nameSignature), f(.nameSignature)]], role: .signatures)))
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
}
