// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Selection

/// `deliberation.html`: the page the committee deliberates with. Every candidate of the
/// committee has a box, ticked as the optimiser proposes; ticking a project in or out shows at
/// once the envelope left, the ESSMS funded, the acquisitions, the score, the balance against
/// its range and what breaks a rule (the envelope, one grant per ESSMS, a hard balance), with
/// the optimiser's explanation of that project. The committee's list is exported as a choices
/// file (`force:` every project ticked, `exclude:` every other candidate) that
/// `esms select SCENARIO --pins FILE` and `esms report … --pins FILE` take back and re-solve:
/// the selection is then that list, or the tool says why it cannot be.
///
/// The choices also live in the address (`#+BRE-041,-BRE-007`: changes from the proposal), so
/// that a reload keeps them and a link carries them. One self-contained file, written as
/// well-formed XML like `index.html`; the figures are computed in cents, as the tool does.
public enum DeliberationPage {
    public static func render(_ content: ReportContent, language: ReportLanguage = .fr) -> String {
        let f = ReportFormat(language)
        let facts = ReportFacts(content, f)
        var h = HTMLWriter()
        h.open(language: language, generator: content.run.toolVersion, title: f(.deliberationTitle, facts.title),
               style: HTMLReport.style + style)
        h.raw("<header>\n")
        h.element("p", f(.deliberationKicker), attributes: "class=\"kicker\"")
        h.element("h1", facts.title)
        var meta = [f(.scenario, content.scenario.spec.id), f(.rules, content.rules.name)]
        if let d = content.scenario.spec.committee { meta.append(f(.committeeOf, f.date(d))) }
        meta.append(f(.computedOn, f.dateTime(epoch: content.run.time)))
        h.element("p", meta.joined(separator: " · "), attributes: "class=\"meta\"")
        h.raw("</header>\n")
        guard let s = content.selection else {
            h.element("p", f(.deliberationNoSelection), attributes: "class=\"status bad\"")
            h.raw("</body>\n</html>\n")
            return h.text
        }
        h.element("p", f(.deliberationHow), attributes: "class=\"note\"")
        if !s.solved {
            h.element("p", f(.deliberationNoProposal, f.status(s.result.status)), attributes: "class=\"status bad\"")
        }
        // One line that stays at the top while the committee scrolls the candidates.
        h.raw("<div id=\"bar\" class=\"bar\" aria-live=\"polite\"></div>\n")
        h.raw("<section id=\"tableau\" class=\"board\">\n<div class=\"cards\">\n")
        for (id, label) in [("available", f(.availableToThis)), ("used", f(.used)), ("left", f(.left)),
                            ("projects", f(.projectsSelected)), ("essms", f(.essmsFunded)),
                            ("acquisitions", f(.ofWhichAcquisitions)), ("score", f(.deliberationScore))] {
            h.raw("<div class=\"card\"><div class=\"label\">\(Markup.escape(label))</div>"
                  + "<div class=\"value\" id=\"v-\(id)\">–</div><div class=\"delta\" id=\"d-\(id)\"></div></div>\n")
        }
        h.raw("</div>\n<ul id=\"alerts\" class=\"alerts\"></ul>\n")
        h.raw("<p id=\"changes\" class=\"changes\"></p>\n")
        h.raw("<div class=\"controls\"><button type=\"button\" id=\"reset\">\(Markup.escape(f(.deliberationReset)))</button>"
              + "<button type=\"button\" id=\"export\">\(Markup.escape(f(.deliberationExport)))</button></div>\n")
        h.raw("<div id=\"last\" class=\"last\" hidden=\"hidden\"><h3 id=\"last-title\"></h3><p id=\"last-reason\"></p></div>\n")
        h.raw("</section>\n")
        h.element("h2", f(.balance))
        h.raw("<div id=\"balances\"></div>\n")
        h.element("h2", f(.deliberationCandidates, f.integer(s.problem.candidates.count + s.problem.excludedCandidates.count)))
        h.raw("<div class=\"controls\"><label>\(Markup.escape(f(.search))) <input type=\"search\" id=\"filter\"/></label></div>\n")
        h.raw("<table id=\"candidates\">")
        h.headerRow([("", false), (f(.project), false), (f(.title), false), (f(.dept), false), ("ESSMS", true), (f(.acq), true),
                     ("Score", true), (f(.amount), true), (f(.deliberationProposal), false), (f(.deliberationExplanation), false)])
        h.raw("<tbody></tbody></table>\n")
        h.element("h2", f(.deliberationExportTitle))
        h.element("p", f(.deliberationExportHow, content.scenario.spec.id), attributes: "class=\"note\"")
        h.raw("<textarea id=\"export-text\" readonly=\"readonly\" rows=\"8\" spellcheck=\"false\"></textarea>\n")
        h.jsonData(id: "deliberation-data", data(content, s, facts))
        h.raw("<script>\n//<![CDATA[\n\(script)//]]>\n</script>\n</body>\n</html>\n")
        return h.text
    }

    /// What the page computes from: the envelope, the balances with the engaged projects' money,
    /// every candidate with its figures, its money by key, the candidates it shares an ESSMS with,
    /// the engaged project that holds one of its ESSMS, the proposal and the explanation.
    static func data(_ content: ReportContent, _ s: SelectionSection, _ facts: ReportFacts) -> JSONValue {
        let f = facts.f, p = s.problem
        let all = p.candidates + p.excludedCandidates
        let proposed = Set(s.result.status.hasSelection ? s.result.selectedIDs(p) : [])
        let rows = Dictionary(facts.rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let projects = Dictionary(content.scenario.projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byFINESS: [FINESS: [Int]] = [:]
        for (i, c) in all.enumerated() { for x in c.finess { byFINESS[x, default: []].append(i) } }
        var engagedHolder: [FINESS: String] = [:]
        for e in p.engaged { for x in e.finess { engagedHolder[x] = e.id } }
        func money(_ m: [String: Int64]) -> JSONValue {
            .object(m.sorted { $0.key < $1.key }.filter { $0.value != 0 }.map { ($0.key, .number(String($0.value))) })
        }
        let candidates: [JSONValue] = all.enumerated().map { i, c in
            let shared = Set(c.finess.flatMap { byFINESS[$0] ?? [] }).subtracting([i]).sorted()
            let holder = c.finess.compactMap { engagedHolder[$0] }.first
            let row = rows[c.id]
            let place = projects[c.id].map { DecisionsCSV.place($0, content.scenario).departement } ?? ""
            return .object([
                ("id", .string(c.id)), ("title", .string(c.title)), ("dept", .string(place)),
                ("essms", .int(c.finessCount)), ("acq", .int(c.acquisitions)), ("score", .int(c.score)),
                ("amount", .number(String(c.amount.cents))),
                ("terr", money(c.territoryMoney)), ("sect", money(c.sectorMoney)),
                ("shares", .array(shared.map { .int($0) })), ("held", holder.map { .string($0) } ?? .null),
                ("proposed", .bool(proposed.contains(c.id))), ("forced", .bool(p.forced.contains(c.id))),
                ("excluded", .bool(p.excluded.contains(c.id))),
                ("decision", .string(row?.decisionLabel ?? "")), ("reason", .string(row?.reason ?? "")),
            ])
        }
        func balance(_ spec: BalanceSpec, title: String, money: KeyPath<Candidate, [String: Int64]>, field: String,
                     name: (String) -> String) -> JSONValue? {
            guard spec.mode != .off, !spec.keys.isEmpty else { return nil }
            var engaged: [String: Int64] = [:]
            for e in p.engaged { for (k, v) in e[keyPath: money] { engaged[k, default: 0] += v } }
            return .object([
                ("title", .string(title)), ("mode", .string(spec.mode == .hard ? "hard" : "soft")),
                ("tolerance", .double(spec.tolerance)), ("field", .string(field)),
                ("keys", .array(spec.keys.map { k in
                    .object([("key", .string(k)), ("label", .string(name(k))), ("target", .double(spec.targets[k] ?? 0, digits: 9)),
                             ("engaged", .number(String(engaged[k] ?? 0)))])
                })),
            ])
        }
        let balances = [balance(p.territory, title: f(.territorialBalance), money: \.territoryMoney, field: "terr", name: f.departement),
                        balance(p.sector, title: f(.sectorBalance), money: \.sectorMoney, field: "sect", name: f.sector)].compactMap { $0 }
        return .object([
            ("language", .string(f.language.rawValue)),
            ("scenario", .string(content.scenario.spec.id)),
            ("inputs_sha256", .string(AuditDocument.inputsDigest(content.scenario))),
            ("available", .number(String(p.available.cents))),
            ("balances", .array(balances)),
            ("candidates", .array(candidates)),
            ("text", .object(texts(f))),
        ])
    }

    /// The sentences the script writes, in the page's language.
    static func texts(_ f: ReportFormat) -> [(String, JSONValue)] {
        let keys: [(String, ReportCatalogue.Key)] = [
            ("overEnvelope", .deliberationOverEnvelope), ("sharesESSMS", .deliberationSharesESSMS),
            ("heldByEngaged", .deliberationHeldByEngaged), ("hardOutside", .deliberationHardOutside),
            ("softOutside", .deliberationSoftOutside), ("allGood", .deliberationAllGood),
            ("noChange", .deliberationNoChange), ("added", .deliberationAdded), ("removed", .deliberationRemoved),
            ("proposed", .deliberationProposed), ("notProposed", .deliberationNotProposed),
            ("key", .key), ("share", .share), ("target", .headTarget), ("range", .range), ("amount", .amount),
            ("within", .deliberationWithin), ("outside", .outside), ("hard", .hardConstraint), ("soft", .softConstraint),
            ("exportHeader", .deliberationExportHeader), ("exportResolve", .deliberationExportResolve),
            ("exportChanges", .deliberationExportChanges), ("exportNone", .deliberationNoChange),
            ("ticked", .deliberationTicked), ("unticked", .deliberationUnticked),
            ("bar", .deliberationBar), ("barProblems", .deliberationBarProblems),
        ]
        return keys.map { ($0.0, .string(f($0.1))) }
    }

    static let style = """
    .bar { position: sticky; top: 0; z-index: 2; background: var(--paper); border-bottom: 2px solid var(--accent); padding: 6px 0; font-size: 13px; font-weight: bold; }
    .bar .bad { color: var(--bad); }
    .board { border-bottom: 1px solid var(--line); padding-bottom: 6px; }
    .card .delta { font-size: 12px; color: var(--muted); min-height: 1em; }
    .card .delta.up { color: var(--good); }
    .card .delta.down { color: var(--bad); }
    .alerts { margin: 6px 0; padding-left: 18px; }
    .alerts li.bad { color: var(--bad); font-weight: bold; }
    .alerts li.warn { color: #8a5a00; }
    .alerts li.good { color: var(--good); list-style: none; margin-left: -18px; }
    .changes { margin: 4px 0; font-size: 13px; }
    .last { border-left: 4px solid var(--accent); padding: 2px 10px; margin: 6px 0; background: #f6f8fb; }
    .last h3 { margin: 4px 0; }
    button { font: inherit; padding: 4px 10px; cursor: pointer; }
    #candidates td:first-child { width: 2em; }
    #candidates tr.changed td { background: #fff6d6; }
    #candidates tr.conflict td { background: #fcebea; }
    #export-text { width: 100%; font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12px; }
    @media print { .bar { display: none; } button, #filter { display: none; } }

    """

    /// The page's arithmetic and its export, in cents like the tool (integers below 2^53 are
    /// exact in JavaScript). Shares are compared with the same 1e-9 margin as `BalanceLine`.
    static let script = """
    (function () {
      var data = JSON.parse(document.getElementById('deliberation-data').textContent);
      var T = data.text, fr = data.language === 'fr', cands = data.candidates;
      var ticked = cands.map(function (c) { return c.proposed; });
      function group(s, sep) { return s.replace(/\\B(?=(\\d{3})+(?!\\d))/g, sep); }
      function money(cents) {
        var neg = cents < 0, a = Math.abs(cents), e = String(Math.floor(a / 100)), c = a % 100;
        var frac = c === 0 ? '' : (fr ? ',' : '.') + (c < 10 ? '0' : '') + c;
        return fr ? (neg ? '-' : '') + group(e, '\\u202f') + frac + '\\u00a0€' : (neg ? '-' : '') + '€' + group(e, ',') + frac;
      }
      function integer(n) { return (n < 0 ? '−' : '') + group(String(Math.abs(n)), fr ? '\\u202f' : ','); }
      function signed(n) { return n === 0 ? '' : (n > 0 ? '+' : '') + integer(n); }
      function percent(x) {
        var s = (Math.round(x * 1000) / 10).toFixed(1).replace(/\\.0$/, '');
        return (fr ? s.replace('.', ',') : s) + (fr ? '\\u00a0%' : '%');
      }
      function fill(t, args) { return t.replace(/\\{(\\d+)\\}/g, function (m, i) { return args[Number(i)]; }); }
      function el(name, text, cls) { var e = document.createElement(name); if (text !== undefined) { e.textContent = text; } if (cls) { e.className = cls; } return e; }
      function totals(sel) {
        var t = { used: 0, projects: 0, essms: 0, acquisitions: 0, score: 0 };
        cands.forEach(function (c, i) { if (sel[i]) { t.used += c.amount; t.projects += 1; t.essms += c.essms; t.acquisitions += c.acq; t.score += c.score; } });
        t.left = data.available - t.used;
        return t;
      }
      var proposal = totals(cands.map(function (c) { return c.proposed; }));
      // The choices in the address: changes from the proposal, `+ID` ticked, `-ID` unticked.
      function readHash() {
        var h = location.hash.replace(/^#/, '');
        if (!h) { return; }
        h.split(',').forEach(function (part) {
          var on = part.charAt(0) === '+', id;
          try { id = decodeURIComponent(part.slice(1)); } catch (e) { return; }
          cands.forEach(function (c, i) { if (c.id === id) { ticked[i] = on; } });
        });
      }
      // Each id encoded on its own, so that one with a comma or a plus stays whole.
      function writeHash() {
        var parts = [];
        cands.forEach(function (c, i) { if (ticked[i] !== c.proposed) { parts.push((ticked[i] ? '+' : '-') + encodeURIComponent(c.id)); } });
        var h = parts.length ? '#' + parts.join(',') : '';
        if (history.replaceState) { history.replaceState(null, '', location.pathname + location.search + h); }
      }
      var body = document.querySelector('#candidates tbody'), rows = [], boxes = [];
      cands.forEach(function (c, i) {
        var tr = document.createElement('tr');
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.setAttribute('aria-label', c.id);
        box.id = 'c-' + i;
        box.addEventListener('change', function () { ticked[i] = box.checked; last = i; update(); });
        var td = el('td'); td.appendChild(box); tr.appendChild(td);
        tr.appendChild(el('td', c.id));
        tr.appendChild(el('td', c.title));
        tr.appendChild(el('td', c.dept));
        [integer(c.essms), integer(c.acq), integer(c.score), money(c.amount)].forEach(function (v) { tr.appendChild(el('td', v, 'num')); });
        tr.appendChild(el('td', c.decision, 'decision'));
        tr.appendChild(el('td', c.reason));
        tr.setAttribute('data-id', c.id);
        body.appendChild(tr);
        rows.push(tr);
        boxes.push(box);
      });
      var last = -1;
      function card(id, value, delta) {
        document.getElementById('v-' + id).textContent = value;
        var d = document.getElementById('d-' + id);
        d.textContent = delta === undefined ? '' : signed(delta);
        d.className = 'delta' + (delta > 0 ? ' up' : delta < 0 ? ' down' : '');
      }
      function balances(alerts) {
        var box = document.getElementById('balances');
        box.textContent = '';
        data.balances.forEach(function (b) {
          var byKey = {}, total = 0;
          b.keys.forEach(function (k) { byKey[k.key] = k.engaged; });
          cands.forEach(function (c, i) { if (!ticked[i]) { return; } var m = c[b.field]; for (var k in m) { if (byKey[k] !== undefined) { byKey[k] += m[k]; } } });
          b.keys.forEach(function (k) { total += byKey[k.key]; });
          box.appendChild(el('h3', b.title + ' (' + (b.mode === 'hard' ? T.hard : T.soft) + ', ±' + percent(b.tolerance) + ')'));
          var table = el('table'); table.className = 'balance'; table.setAttribute('data-balance', b.field);
          var head = el('tr');
          [T.key, T.amount, T.share, T.target, T.range, ''].forEach(function (h, j) { head.appendChild(el('th', h, j > 0 && j < 5 ? 'num' : '')); });
          var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
          var tbody = el('tbody');
          b.keys.forEach(function (k) {
            var a = byKey[k.key], share = total > 0 ? a / total : 0, low = (1 - b.tolerance) * k.target, high = (1 + b.tolerance) * k.target;
            var within = total === 0 || (share >= low - 1e-9 && share <= high + 1e-9);
            var tr = el('tr');
            tr.setAttribute('data-key', k.key);
            tr.appendChild(el('td', k.label));
            tr.appendChild(el('td', money(a), 'num'));
            tr.appendChild(el('td', percent(share), 'num'));
            tr.appendChild(el('td', percent(k.target), 'num'));
            tr.appendChild(el('td', percent(low) + ' – ' + percent(high), 'num'));
            tr.appendChild(el('td', within ? T.within : T.outside, within ? '' : 'outside'));
            tbody.appendChild(tr);
            if (!within) { alerts.push([b.mode === 'hard' ? 'bad' : 'warn', fill(b.mode === 'hard' ? T.hardOutside : T.softOutside, [k.label, percent(share), percent(low), percent(high)])]); }
          });
          table.appendChild(tbody);
          box.appendChild(table);
        });
      }
      function update() {
        var t = totals(ticked), alerts = [], conflicted = {};
        card('available', money(data.available));
        card('used', money(t.used));
        card('left', money(t.left));
        card('projects', integer(t.projects), t.projects - proposal.projects);
        card('essms', integer(t.essms), t.essms - proposal.essms);
        card('acquisitions', integer(t.acquisitions), t.acquisitions - proposal.acquisitions);
        card('score', integer(t.score), t.score - proposal.score);
        if (t.left < 0) { alerts.push(['bad', fill(T.overEnvelope, [money(-t.left)])]); }
        cands.forEach(function (c, i) {
          if (!ticked[i]) { return; }
          if (c.held) { conflicted[i] = true; alerts.push(['bad', fill(T.heldByEngaged, [c.id, c.held])]); }
          c.shares.forEach(function (j) { if (ticked[j] && j > i) { conflicted[i] = conflicted[j] = true; alerts.push(['bad', fill(T.sharesESSMS, [c.id, cands[j].id])]); } });
        });
        balances(alerts);
        var bar = document.getElementById('bar'), bad = alerts.filter(function (a) { return a[0] === 'bad'; }).length;
        bar.textContent = '';
        bar.appendChild(el('span', fill(T.bar, [money(t.used), money(t.left), integer(t.projects), integer(t.essms), integer(t.acquisitions), integer(t.score)])));
        if (bad) { bar.appendChild(el('span', ' · ' + fill(T.barProblems, [integer(bad)]), 'bad')); }
        var list = document.getElementById('alerts');
        list.textContent = '';
        if (!alerts.length) { alerts.push(['good', T.allGood]); }
        alerts.forEach(function (a) { list.appendChild(el('li', a[1], a[0])); });
        var added = [], removed = [];
        cands.forEach(function (c, i) {
          boxes[i].checked = ticked[i];
          var changed = ticked[i] !== c.proposed;
          if (changed) { (ticked[i] ? added : removed).push(c.id); }
          rows[i].className = (changed ? 'changed' : '') + (conflicted[i] ? ' conflict' : '');
        });
        var changes = document.getElementById('changes');
        changes.textContent = added.length || removed.length
          ? [added.length ? T.added + ' ' + added.join(', ') : '', removed.length ? T.removed + ' ' + removed.join(', ') : ''].filter(Boolean).join(' ; ')
          : T.noChange;
        if (last >= 0) {
          var c = cands[last];
          document.getElementById('last').hidden = false;
          document.getElementById('last-title').textContent = c.id + ' — ' + c.title + ' (' + (ticked[last] ? T.ticked : T.unticked) + ')';
          document.getElementById('last-reason').textContent = (c.proposed ? T.proposed : T.notProposed) + ' ' + c.reason;
        }
        var exported = document.getElementById('export-text');
        exported.textContent = exportText(added, removed);
        exported.value = exported.textContent;
        writeHash();
      }
      function quote(id) { return '"' + id.replace(/\\\\/g, '\\\\\\\\').replace(/"/g, '\\\\"') + '"'; }
      function exportText(added, removed) {
        var force = [], exclude = [];
        cands.forEach(function (c, i) { (ticked[i] ? force : exclude).push(quote(c.id)); });
        var lines = ['# ' + T.exportHeader, '# ' + fill(T.exportResolve, [data.scenario]),
          '# ' + (added.length || removed.length ? fill(T.exportChanges, [added.join(', ') || '—', removed.join(', ') || '—']) : T.exportNone),
          'scenario: ' + quote(data.scenario), 'inputs_sha256: ' + quote(data.inputs_sha256),
          'force: [' + force.join(', ') + ']', 'exclude: [' + exclude.join(', ') + ']', ''];
        return lines.join('\\n');
      }
      document.getElementById('reset').addEventListener('click', function () {
        cands.forEach(function (c, i) { ticked[i] = c.proposed; });
        last = -1; document.getElementById('last').hidden = true; update();
      });
      document.getElementById('export').addEventListener('click', function () {
        var blob = new Blob([document.getElementById('export-text').value], { type: 'text/yaml' });
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'choix-comite-' + data.scenario + '.yaml';
        document.body.appendChild(a); a.click(); document.body.removeChild(a);
      });
      var filter = document.getElementById('filter');
      filter.addEventListener('input', function () {
        var q = filter.value.toLowerCase();
        rows.forEach(function (r) { r.style.display = !q || r.textContent.toLowerCase().indexOf(q) !== -1 ? '' : 'none'; });
      });
      window.addEventListener('hashchange', function () { cands.forEach(function (c, i) { ticked[i] = c.proposed; }); readHash(); update(); });
      readHash();
      update();
      document.body.setAttribute('data-ready', 'true');
      // Milliseconds from the navigation to the page ready, for Benchmarks/README.md.
      if (window.performance && performance.now) { document.body.setAttribute('data-ready-ms', String(Math.round(performance.now()))); }
    })();

    """
}
