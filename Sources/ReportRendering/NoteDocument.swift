// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

/// `note.html`: the short note to the committee — context, the method in plain words, the
/// decision and the money, the balance charts and why a share is outside its range, the risks
/// (the Monte-Carlo results), the projects retained (the regions, for a national scenario) — that
/// prints on a few numbered A4 pages;
/// the full detail stays in `index.html`, its annex. Same style and checks as `index.html`.
public enum NoteDocument {
    public static func render(_ content: ReportContent, language: ReportLanguage = .fr) -> String {
        let f = ReportFormat(language)
        let facts = ReportFacts(content, f)
        let spec = content.scenario.spec
        var h = HTMLWriter()
        h.open(language: language, generator: nil, title: f(.noteToThe) + facts.title, style: HTMLReport.style)
        h.raw("<header>\n")
        h.element("p", f(.esmsNumeriqueNote),
                  attributes: "class=\"kicker\"")
        h.element("h1", facts.title)
        var meta: [String] = []
        if let d = spec.committee { meta.append(f(.committeeOf, f.date(d))) }
        if let u = spec.depositsUntil { meta.append(f(.applicationsDepositedUntil, f.date(u))) }
        meta.append(f(.rules, content.rules.name))
        meta.append(f(.computedOn, f.dateTime(epoch: content.run.time)))
        h.element("p", meta.joined(separator: " · "), attributes: "class=\"meta\"")
        h.raw("</header>\n")

        h.raw("<section id=\"contexte\">\n")
        h.element("h2", f(.context))
        let projects = content.scenario.projects.count
        let admissible = content.assessments.filter(\.eligible).count
        h.element("p", f(.noteContext, f.integer(projects), f.integer(admissible), f.money(facts.envelope.available)))
        h.raw("</section>\n<section id=\"methode\">\n")
        h.element("h2", f(.method))
        let m = MethodText(content, f)
        for p in m.paragraphs { h.element("p", p) }
        h.raw("<ul>")
        for b in m.balances { h.element("li", b) }
        h.raw("</ul>\n</section>\n")

        HTMLReport.summary(&h, facts)
        if let s = content.selection, s.solved {
            HTMLReport.balance(&h, facts)
            outsideRange(&h, s, f, costs: m.costs)
        }
        if content.simulation != nil { HTMLReport.simulation(&h, facts) }
        // A national note gives the regions; the thousand projects stay in the annex.
        if content.redeployment != nil { HTMLReport.regions(&h, facts) } else if spec.scope == .regional { retained(&h, facts) }
        h.raw("<section id=\"annexes\">\n")
        h.element("h2", f(.annexes))
        h.raw("<ul>")
        // Above 400 projects the annex's details are a file beside it (HTMLReport.annex).
        let details: [(String, String)] = HTMLReport.detailsOnRequest(facts) ? [(HTMLReport.detailsFile, f(.detailsOfTheAnnex))] : []
        let annexes: [(String, String)] = [("index.html", f(.detailedReportEvery))] + details
            + [("deliberation.html", f(.deliberationAnnex)),
               ("pv.md", f(.minutesOfTheCommittee)),
               ("pv.odt", f(.minutesToComplete)),
               ("decisions.csv", f(.decisionsByProject)),
               ("essms.csv", f(.detailByESSMS))]
            + (spec.scope == .regional ? [("lettres.html", f(.notificationLettersTo))] : [])
        for (file, what) in annexes {
            h.raw("<li><a href=\"\(file)\">\(file)</a> — \(Markup.escape(what))</li>")
        }
        h.raw("</ul>\n</section>\n")
        h.raw("<footer><p>\(Markup.escape(f(.noteProducedBy, content.run.toolVersion)))</p></footer>\n")
        h.raw("</body>\n</html>\n")
        return h.text
    }

    /// The keys outside their range and why (a soft balance ranks after the priorities).
    static func outsideRange(_ h: inout HTMLWriter, _ s: SelectionSection, _ f: ReportFormat, costs: String) {
        let p = s.problem
        let outside = [(p.territory, p.territoryBalance(s.result.selected), f.departement as (String) -> String),
                       (p.sector, p.sectorBalance(s.result.selected), f.sector)]
            .flatMap { spec, lines, name in lines.filter { !$0.within }.map { (spec.mode, name($0.key)) } }
        guard !outside.isEmpty else { return }
        let soft = outside.filter { $0.0 == .soft }.map(\.1)
        if !soft.isEmpty {
            h.element("p", f(.noteOutsideRange, soft.joined(separator: ", "), costs),
                      attributes: "class=\"note\"")
        }
    }

    /// The projects retained, one line each.
    static func retained(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        let f = facts.f
        let rows = facts.rows("selected")
        guard !rows.isEmpty else { return }
        h.raw("<section id=\"retenus\">\n")
        h.element("h2", f(.projectsRetained) + " (\(rows.count))")
        h.raw("<table>")
        h.headerRow([(f(.project), false), (f(.title), false), ("ESSMS", true),
                     (f(.acq), true), (f(.amount), true)])
        h.raw("<tbody>\n")
        for r in rows {
            h.raw("<tr>")
            h.cell(r.id)
            h.cell(r.title)
            h.cell(f.integer(r.essms), numeric: true)
            h.cell(f.integer(r.acquisitions), numeric: true)
            h.cell(f.money(r.amount), numeric: true)
            h.raw("</tr>\n")
        }
        h.raw("<tr class=\"total\">")
        h.cell(f(.total))
        h.cell("")
        h.cell(f.integer(rows.reduce(0) { $0 + $1.essms }), numeric: true)
        h.cell(f.integer(rows.reduce(0) { $0 + $1.acquisitions }), numeric: true)
        h.cell(f.money(rows.reduce(Money.zero) { $0 + $1.amount }), numeric: true)
        h.raw("</tr>\n</tbody></table>\n</section>\n")
    }
}
