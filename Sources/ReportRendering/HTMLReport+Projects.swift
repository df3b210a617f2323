// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

extension HTMLReport {
    /// Every project in one table (sortable and filterable with the inline script).
    static func projectTable(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        let f = facts.f
        h.raw("<section id=\"projets\">\n")
        h.element("h2", f(.allProjects))
        h.raw("<div class=\"controls\" id=\"projects-controls\" hidden=\"hidden\">")
        h.raw("<label>\(Markup.escape(f(.search))) <input type=\"search\" id=\"projects-search\"/></label>")
        h.raw("<label>\(Markup.escape(f(.decision))) <select id=\"projects-decision\">")
        h.raw("<option value=\"\">\(Markup.escape(f(.all)))</option>")
        for (d, label) in facts.decisions {
            h.raw("<option value=\"\(Markup.escape(d))\">\(Markup.escape(label))</option>")
        }
        h.raw("</select></label><span id=\"projects-count\" class=\"note\"></span>")
        h.raw("<span class=\"note\">\(Markup.escape(f(.clickAHeader)))</span></div>\n")
        h.raw("<table id=\"projects-table\">")
        h.headerRow([(f(.project), false), (f(.title), false), (f(.decision), false),
                     (f(.amount), true), ("ESSMS", true), (f(.acq), true), ("Score", true),
                     (f(.reason), false)])
        h.raw("<tbody>\n")
        for row in facts.rows {
            h.raw("<tr data-decision=\"\(Markup.escape(row.decision))\">")
            h.raw("<td><a href=\"#p-\(Markup.identifier(row.id))\">\(Markup.escape(row.id))</a></td>")
            h.cell(row.title)
            h.cell(row.decisionLabel, cls: "decision d-\(Markup.identifier(row.decision))")
            h.cell(f.money(row.amount), numeric: true, sort: row.amount.decimalString)
            h.cell(f.integer(row.essms), numeric: true, sort: String(row.essms))
            h.cell(f.integer(row.acquisitions), numeric: true, sort: String(row.acquisitions))
            h.cell(String(row.project.score), numeric: true)
            h.cell(row.reason)
            h.raw("</tr>\n")
        }
        h.raw("</tbody></table>\n</section>\n")
    }

    /// A section per project: its decision, then every ESSMS with its euros or why it is out.
    /// Above this many projects the details are written as data and shown one project at a time
    /// (a link of the projects table, the search box): 4.8 MB of tables made the national page
    /// take seconds to open (Benchmarks/README.md, "The report's pages in a browser").
    static let lazyDetailsAbove = 400

    /// Whether the page's details are data shown on request (and, in a report folder, a file of their own).
    static func detailsOnRequest(_ facts: ReportFacts) -> Bool { facts.rows.count > lazyDetailsAbove }

    /// The section; above `lazyDetailsAbove` projects with a `file`, the text of that file.
    static func projectDetails(_ h: inout HTMLWriter, _ facts: ReportFacts, file: String?) -> String? {
        let f = facts.f
        var details: String?
        h.raw("<section id=\"details\">\n")
        h.element("h2", f(.projectDetails))
        if detailsOnRequest(facts) {
            details = lazyDetails(&h, facts, file: file)
        } else {
            for row in facts.rows { detail(&h, facts, row) }
        }
        h.raw("</section>\n")
        return details
    }

    /// One project's block: its facts, its reason, its amounts and its ESSMS.
    static func detail(_ h: inout HTMLWriter, _ facts: ReportFacts, _ row: ReportFacts.ProjectRow) {
        let f = facts.f, p = row.project
        h.raw("<div class=\"project\" id=\"p-\(Markup.identifier(p.id))\">\n<div class=\"project-head\">")
        h.element("h3", p.title.isEmpty ? p.id : "\(p.id) — \(p.title)")
        var facts1 = [f(.decisionLabel) + row.decisionLabel,
                      f(.porteurPrefix) + p.porteur.text, f(.softwarePrefix) + p.software,
                      f(.deposited, f.date(p.deposited))]
        if let a = row.assessment { facts1.append(f(.deskLabel, f.guichet(a.guichet))) }
        h.element("p", facts1.joined(separator: " · "))
        h.element("p", row.reason, attributes: "class=\"note\"")
        if let a = row.assessment {
            let amount = a.amount
            h.element("p", f(.amountLabel, f.money(amount.total)) + " ("
                + f(.usageAmount, f.money(amount.usage)) + ", " + f(.softwareAmount, f.money(amount.software))
                + ", " + f(.equipmentAmount, f.money(amount.equipment)) + ", AMOA " + f.money(amount.amoa) + ")")
            let warnings = a.issues.filter { $0.severity == .warning }
            if !warnings.isEmpty {
                h.element("p", f(.warnings) + warnings.map { f.ruleCode($0.code) }.joined(separator: ", "),
                          attributes: "class=\"note\"")
            }
        }
        h.raw("</div>\n")
        essmsTable(&h, facts, row)
        h.raw("</div>\n")
    }

    /// The details as data (each project's block, written by `detail`), shown one at a time by the
    /// page's script: from a link of the projects table or the search box. Without the script
    /// the page says where the detail is (essms.csv). With a `file`, the data is that file's
    /// text, a script that hands it to the page (`detailsLoader`), which the page loads on the
    /// first request and says so meanwhile, or names the file if it cannot be loaded; without,
    /// the data is in the page.
    static func lazyDetails(_ h: inout HTMLWriter, _ facts: ReportFacts, file: String?) -> String? {
        let f = facts.f
        h.element("p", f(.detailsOnDemand, f.integer(facts.rows.count)), attributes: "class=\"note\"")
        h.raw("<div class=\"controls\" id=\"details-controls\" hidden=\"hidden\"><label>\(Markup.escape(f(.search))) "
              + "<input type=\"search\" id=\"details-search\" list=\"details-ids\"/></label></div>\n<datalist id=\"details-ids\">")
        for row in facts.rows { h.raw("<option value=\"\(Markup.escape(row.id))\"></option>") }
        h.raw("</datalist>\n")
        let blocks: [JSONValue] = facts.rows.map { row in
            var one = HTMLWriter()
            detail(&one, facts, row)
            return .array([.string(row.id), .string("p-" + Markup.identifier(row.id)), .string(one.text)])
        }
        guard let file else {
            h.raw("<div id=\"details-shown\"></div>\n")
            h.jsonData(id: "details-data", .array(blocks))
            return nil
        }
        h.raw("<div id=\"details-shown\" data-src=\"\(Markup.escape(file))\" data-loading=\"\(Markup.escape(f(.detailsLoading)))\" "
              + "data-missing=\"\(Markup.escape(f(.detailsMissing, file)))\"></div>\n")
        return "// esms: the details of the projects of index.html, loaded by the page on the first request.\n"
            + "esmsDetails(" + JSONValue.array(blocks).rendered().dropLast() + ");\n"
    }

    /// The page's script for details in a file of their own (`lazyDetails`): on the first request
    /// it inserts `<script src>` for the file, which calls `esmsDetails` with the data; the
    /// request waits for it. A file that cannot be loaded, or that does not call back, is named
    /// in the detail's place.
    static let detailsLoader = """
    (function () {
      var shown = document.getElementById('details-shown');
      var src = shown && shown.getAttribute('data-src');
      if (!src) { return; }
      var search = document.getElementById('details-search');
      var blocks = null, waiting = null, loading = false;
      function failed() { loading = false; waiting = null; shown.textContent = shown.getAttribute('data-missing'); }
      window.esmsDetails = function (data) {
        blocks = data;
        if (waiting) { var then = waiting; waiting = null; then(); }
      };
      function withBlocks(then) {
        if (blocks) { then(); return; }
        waiting = then;
        shown.textContent = shown.getAttribute('data-loading');
        if (loading) { return; }
        loading = true;
        var script = document.createElement('script');
        script.src = src;
        script.onerror = failed;
        script.onload = function () { if (!blocks) { failed(); } };
        document.head.appendChild(script);
      }
      function show(find, scroll) {
        withBlocks(function () {
          for (var i = 0; i < blocks.length; i++) {
            if (find(blocks[i])) {
              shown.innerHTML = blocks[i][2];
              if (scroll) { shown.scrollIntoView(); }
              return;
            }
          }
          if (shown.textContent === shown.getAttribute('data-loading')) { shown.textContent = ''; }
        });
      }
      function fromHash() {
        var anchor = decodeURIComponent(location.hash.replace(/^#/, ''));
        if (anchor.indexOf('p-') === 0) { show(function (b) { return b[1] === anchor; }, true); }
      }
      document.getElementById('details-controls').hidden = false;
      search.addEventListener('change', function () { show(function (b) { return b[0] === search.value.trim(); }, false); });
      window.addEventListener('hashchange', fromHash);
      fromHash();
    })();

    """

    static func essmsTable(_ h: inout HTMLWriter, _ facts: ReportFacts, _ row: ReportFacts.ProjectRow) {
        let f = facts.f
        h.raw("<table>")
        h.headerRow([("FINESS", false), (f(.establishment), false), (f(.dept), false),
                     (f(.sector), false), (f(.mode), false), (f(.rank), true),
                     (f(.amount), true), (f(.exclusion), false)])
        h.raw("<tbody>")
        for line in EssmsLine.lines(row, facts) {
            h.raw("<tr>")
            h.cell(line.finess, cls: "mono")
            h.cell(line.name)
            h.cell(line.departement)
            h.cell(line.sector.map(f.sector) ?? "")
            h.cell(f.mode(line.mode))
            h.cell(line.rank.map { String($0) } ?? "", numeric: true)
            h.cell(line.amount.map { f.money($0.total) } ?? "", numeric: true)
            h.cell(line.exclusion ?? "", cls: line.exclusion == nil ? nil : "outside")
            h.raw("</tr>")
        }
        h.raw("</tbody></table>\n")
    }
}

/// One ESSMS of a project, funded or excluded, as the tables of the report show it.
struct EssmsLine {
    var finess: String
    var name: String
    var departement: String
    var sector: String?
    var mode: Mode
    var rank: Int?
    var amount: Amount?
    var fullRate: Bool?
    var smallOrganisation: Bool?
    /// Why it is out of the project, in the report's language.
    var exclusion: String?

    /// The members of the project in the members table's order: the funded ones with their
    /// money, the excluded ones with their reason.
    static func lines(_ row: ReportFacts.ProjectRow, _ facts: ReportFacts) -> [EssmsLine] {
        let f = facts.f
        let funded = Dictionary((row.assessment?.funded ?? []).map { ($0.finess, $0) }, uniquingKeysWith: { a, _ in a })
        let excluded = Dictionary((row.assessment?.excluded ?? []).map { ($0.finess, $0) }, uniquingKeysWith: { a, _ in a })
        return row.project.members.map { m in
            let e = facts.establishment(m.finess)
            var line = EssmsLine(finess: m.finess.text, name: e?.name ?? "", departement: e?.departement ?? m.finess.departement,
                                 sector: e?.sector.rawValue, mode: m.mode)
            if let fe = funded[m.finess] {
                line.rank = fe.rank
                line.amount = fe.amount
                line.fullRate = fe.fullRate
                line.smallOrganisation = fe.smallOrganisation
            } else if let x = excluded[m.finess] {
                line.exclusion = f.exclusion(x.reason)
            } else if e == nil {
                line.exclusion = f(.notInThe)
            } else {
                line.exclusion = f(.leftOutBy)
            }
            return line
        }
    }
}
