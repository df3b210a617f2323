// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// `index.html`: one self-contained file (no network: styles, charts and the small table script
/// are inline; above 400 projects, in a report folder, its details in a file beside it, `annex`)
/// that reads on screen and prints on A4. It is written as well-formed XML
/// (every element closed, every attribute quoted, only XML's entities), so that it can be checked
/// by an XML parser, and every user string goes through `Markup.escape`.
public enum HTMLReport {
    /// The file beside `index.html` that holds its details above `lazyDetailsAbove` projects
    /// (`annex`; `Report.files` writes both).
    public static let detailsFile = "index-details.js"

    /// The page alone, self-contained: above `lazyDetailsAbove` projects its details are data
    /// inside it (10 MB for the national scenario), which the page's common `script` reads.
    public static func render(_ content: ReportContent, language: ReportLanguage = .fr) -> String {
        annex(content, language: language, detailsFile: nil).page
    }

    /// The page and, above `lazyDetailsAbove` projects, the script `detailsFile` that holds its
    /// details: the page loads it on the first request for a detail (a `<script src>`, which a
    /// page opened from the disk may load where it may not `fetch`), so that opening the page
    /// does not read them. Without `detailsFile` the details stay in the page (`render`).
    public static func annex(_ content: ReportContent, language: ReportLanguage = .fr,
                             detailsFile: String?) -> (page: String, details: String?) {
        let f = ReportFormat(language)
        let facts = ReportFacts(content, f)
        var h = HTMLWriter()
        h.open(language: language, generator: content.run.toolVersion, title: facts.title, style: style)
        header(&h, facts)
        navigation(&h, facts)
        summary(&h, facts)
        if content.redeployment != nil { regions(&h, facts) }
        if content.selection?.solved == true { balance(&h, facts) }
        if content.frontier != nil || content.tradeoff != nil { envelopeCharts(&h, facts) }
        if content.simulation != nil { simulation(&h, facts) }
        if content.campaign != nil { campaign(&h, facts) }
        if content.followup != nil { followup(&h, facts) }
        projectTable(&h, facts)
        if let s = content.selection, !s.nextInLine.isEmpty { nextInLine(&h, facts, s) }
        let details = projectDetails(&h, facts, file: detailsFile)
        audit(&h, facts)
        h.raw("<footer><p>\(Markup.escape(f(.reportProducedBy, content.run.toolVersion)))</p></footer>\n")
        if details != nil { h.raw("<script>\n//<![CDATA[\n\(detailsLoader)//]]>\n</script>\n") }
        h.raw("<script>\n//<![CDATA[\n\(script)//]]>\n</script>\n</body>\n</html>\n")
        return (h.text, details)
    }

    static func header(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        let f = facts.f, c = facts.content, spec = c.scenario.spec
        h.raw("<header>\n")
        h.element("p", f(.esmsNumeriqueSelection),
                  attributes: "class=\"kicker\"")
        h.element("h1", facts.title)
        var meta: [String] = [f(.scenario, spec.id)]
        if let v = c.variant { meta.append(f(.variant, v)) }
        meta.append(f(.rules, c.rules.name))
        if spec.scope == .regional, let r = spec.region { meta.append(f(.region, f.region(r))) }
        if spec.scope == .national { meta.append(f(.nationalScope)) }
        if let d = spec.committee { meta.append(f(.committeeOf, f.date(d))) }
        if let u = spec.depositsUntil { meta.append(f(.applicationsDepositedUntil, f.date(u))) }
        if let d = spec.date { meta.append(f(.redeploymentOf, f.date(d))) }
        meta.append(f(.computedOn, f.dateTime(epoch: c.run.time)))
        h.element("p", meta.joined(separator: " · "), attributes: "class=\"meta\"")
        h.raw("</header>\n")
    }

    static func navigation(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        let f = facts.f, c = facts.content
        var links: [(String, String)] = [("synthese", f(.summary))]
        if c.redeployment != nil { links.append(("regions", f(.regions))) }
        if c.selection?.solved == true { links.append(("equilibre", f(.balance))) }
        if c.frontier != nil || c.tradeoff != nil { links.append(("enveloppe", f(.envelope))) }
        if c.simulation != nil { links.append(("simulation", f(.simulation))) }
        if c.campaign != nil { links.append(("campagne", f(.campaign))) }
        if c.followup != nil { links.append(("suivi", f(.followUpAnd))) }
        links.append(("projets", f(.projects)))
        if c.selection?.nextInLine.isEmpty == false { links.append(("suivants", f(.nextInLine))) }
        links.append(("details", f(.projectDetails)))
        links.append(("audit", f(.audit)))
        h.raw("<nav><ul>")
        for (id, label) in links { h.raw("<li><a href=\"#\(id)\">\(Markup.escape(label))</a></li>") }
        if c.selection != nil { h.raw("<li><a href=\"deliberation.html\">\(Markup.escape(f(.deliberate)))</a></li>") }
        h.raw("</ul></nav>\n")
    }

    static let style = """
    :root { --ink: #1d1d1f; --muted: #5b5b60; --line: #d5d5da; --accent: #1f5a96; --bad: #b3261e; --good: #2e7d32; --paper: #ffffff; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 14px; line-height: 1.45; color: var(--ink); background: var(--paper); }
    header { border-bottom: 3px solid var(--accent); margin-bottom: 12px; }
    .kicker { margin: 0; color: var(--accent); font-weight: bold; text-transform: uppercase; letter-spacing: .04em; font-size: 12px; }
    h1 { font-size: 24px; margin: 4px 0 6px; }
    h2 { font-size: 19px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); color: var(--accent); }
    h3 { font-size: 15px; margin: 18px 0 6px; }
    .meta, .note { color: var(--muted); font-size: 12.5px; }
    nav ul { list-style: none; padding: 0; margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 4px 14px; }
    nav a { color: var(--accent); text-decoration: none; font-size: 13px; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; margin: 12px 0; }
    .card { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 4px; padding: 8px 10px; }
    .card .label { color: var(--muted); font-size: 12px; }
    .card .value { font-size: 19px; font-weight: bold; white-space: nowrap; }
    .status { padding: 8px 12px; border-radius: 4px; background: #eef4fb; border: 1px solid #c8d9ee; }
    .status.bad { background: #fcebea; border-color: #f0c2bf; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 13px; }
    th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
    th { background: #f3f4f7; font-weight: bold; }
    #projects-table td:first-child { white-space: nowrap; }
    #projects-table th:nth-child(2) { width: 30%; }
    #projects-table th:nth-child(3) { width: 12%; }
    #projects-table th:nth-child(8) { width: 30%; }
    #projects-table td.decision { white-space: normal; }
    td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tr.total td { font-weight: bold; border-top: 2px solid var(--ink); }
    .decision { white-space: nowrap; font-weight: bold; }
    .d-selected, .d-engaged { color: var(--good); }
    .d-not-selected, .d-excluded, .d-rejected { color: #8a5a00; }
    .d-ineligible { color: var(--bad); }
    .outside { color: var(--bad); font-weight: bold; }
    svg.chart { width: 100%; height: auto; max-width: 900px; display: block; margin: 8px 0 16px; }
    .controls { display: flex; gap: 12px; align-items: center; margin: 6px 0; flex-wrap: wrap; }
    .controls input, .controls select { font: inherit; padding: 3px 6px; }
    th[data-col] { cursor: pointer; user-select: none; }
    th[aria-sort="ascending"]::after { content: " ▲"; }
    th[aria-sort="descending"]::after { content: " ▼"; }
    .project { border-top: 1px solid var(--line); padding-top: 4px; }
    .project h3 { margin-top: 10px; }
    .project p { margin: 2px 0 4px; }
    code, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12px; }
    .hash { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 11px; word-break: break-all; }
    footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); }
    @media screen and (max-width: 700px) {
      body { padding: 12px 10px 32px; }
      table { display: block; overflow-x: auto; }
      .cards { grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); }
    }
    @page { size: A4; margin: 14mm 12mm 16mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; color: #5b5b60; } }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      nav, .controls { display: none; }
      h2 { break-after: avoid; page-break-after: avoid; }
      h3 { break-after: avoid; }
      svg.chart, .cards, tr, .project-head { break-inside: avoid; page-break-inside: avoid; }
      table { font-size: 9pt; }
      thead { display: table-header-group; }
      a { color: inherit; text-decoration: none; }
      #details { break-before: page; }
      .status { background: none; }
    }

    """

    /// Sorting and filtering of the projects table; without it the table is complete and in the
    /// scenario's order, and the controls stay hidden.
    static let script = """
    (function () {
      var table = document.getElementById('projects-table');
      var controls = document.getElementById('projects-controls');
      if (!table || !controls || !table.tBodies.length) { return; }
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var search = document.getElementById('projects-search');
      var decision = document.getElementById('projects-decision');
      var count = document.getElementById('projects-count');
      controls.hidden = false;
      function apply() {
        var q = search.value.toLowerCase(), d = decision.value, shown = 0;
        rows.forEach(function (r) {
          var ok = (!d || r.getAttribute('data-decision') === d) && (!q || r.textContent.toLowerCase().indexOf(q) !== -1);
          r.style.display = ok ? '' : 'none';
          if (ok) { shown += 1; }
        });
        count.textContent = shown + ' / ' + rows.length;
      }
      search.addEventListener('input', apply);
      decision.addEventListener('change', apply);
      var heads = table.tHead.rows[0].cells;
      Array.prototype.forEach.call(heads, function (th, col) {
        th.setAttribute('data-col', String(col));
        th.tabIndex = 0;
        function sort() {
          var ascending = th.getAttribute('aria-sort') !== 'ascending';
          Array.prototype.forEach.call(heads, function (other) { other.removeAttribute('aria-sort'); });
          th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var numeric = th.classList.contains('num');
          var keyed = rows.map(function (r, i) {
            var cell = r.cells[col];
            var key = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
            return { row: r, key: numeric ? parseFloat(key) || 0 : key.toLowerCase(), index: i };
          });
          keyed.sort(function (a, b) {
            var c = a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index;
            return ascending ? c : -c;
          });
          keyed.forEach(function (k) { body.appendChild(k.row); });
        }
        th.addEventListener('click', sort);
        th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
      });
      apply();
    })();
    // The details of a large report, one project at a time (HTMLReport.lazyDetails).
    (function () {
      var data = document.getElementById('details-data');
      if (!data) { return; }
      // Parsed on the first request, not when the page opens.
      var blocks = null, shown = document.getElementById('details-shown');
      var search = document.getElementById('details-search');
      document.getElementById('details-controls').hidden = false;
      function show(find, scroll) {
        if (!blocks) { blocks = JSON.parse(data.textContent); }
        for (var i = 0; i < blocks.length; i++) {
          if (find(blocks[i])) {
            shown.innerHTML = blocks[i][2];
            if (scroll) { shown.scrollIntoView(); }
            return true;
          }
        }
        return false;
      }
      function fromHash() {
        var anchor = decodeURIComponent(location.hash.replace(/^#/, ''));
        if (anchor.indexOf('p-') === 0) { show(function (b) { return b[1] === anchor; }, true); }
      }
      search.addEventListener('change', function () { show(function (b) { return b[0] === search.value.trim(); }, false); });
      window.addEventListener('hashchange', fromHash);
      fromHash();
    })();
    // Milliseconds from the navigation to the script's end, for Benchmarks/README.md.
    if (window.performance && performance.now) { document.body.setAttribute('data-ready-ms', String(Math.round(performance.now()))); }

    """
}

/// Builds HTML text; `element` escapes its content.
struct HTMLWriter {
    var text = ""

    mutating func raw(_ s: String) { text += s }

    /// A JSON data element for the page's script, safe in a page that is valid XML: `<`, `>` and
    /// `&` only occur in JSON strings, where their `\u` escapes mean the same.
    mutating func jsonData(id: String, _ v: JSONValue) {
        raw("<script type=\"application/json\" id=\"\(id)\">\n")
        raw(v.rendered().replacingOccurrences("&", "\\u0026").replacingOccurrences("<", "\\u003c").replacingOccurrences(">", "\\u003e"))
        raw("</script>\n")
    }

    /// A page's opening up to `<body>`: language, viewport, the generator (when given), title and style.
    mutating func open(language: ReportLanguage, generator: String?, title: String, style: String) {
        raw("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        if let generator { raw("<meta name=\"generator\" content=\"esms \(Markup.escape(generator))\"/>\n") }
        element("title", title)
        raw("<style>\n\(style)</style>\n</head>\n<body>\n")
    }

    /// `<name attributes>escaped text</name>` and a newline.
    mutating func element(_ name: String, _ content: String, attributes: String = "") {
        text += "<\(name)\(attributes.isEmpty ? "" : " " + attributes)>\(Markup.escape(content))</\(name)>\n"
    }

    /// A table cell with escaped text.
    mutating func cell(_ content: String, numeric: Bool = false, sort: String? = nil, cls: String? = nil) {
        var classes: [String] = []
        if numeric { classes.append("num") }
        if let cls { classes.append(cls) }
        text += "<td" + (classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")
            + (sort.map { " data-sort=\"\(Markup.escape($0))\"" } ?? "") + ">\(Markup.escape(content))</td>"
    }

    mutating func headerRow(_ cells: [(String, Bool)]) {
        text += "<thead><tr>" + cells.map { "<th\($0.1 ? " class=\"num\"" : "") scope=\"col\">\(Markup.escape($0.0))</th>" }.joined() + "</tr></thead>\n"
    }

    mutating func card(_ label: String, _ value: String) {
        text += "<div class=\"card\"><div class=\"label\">\(Markup.escape(label))</div><div class=\"value\">\(Markup.escape(value))</div></div>\n"
    }
}
