// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

extension HTMLReport {
    static func summary(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        let f = facts.f, env = facts.envelope, c = facts.content
        h.raw("<section id=\"synthese\">\n")
        h.element("h2", f(.decisionSummary))
        if let s = c.selection {
            let r = s.result
            let ok = s.solved
            let sentence = ok
                ? f(.summarySelection, f.status(r.status), f.integer(r.selected.count), f.ess(r.finess), f.integer(r.acquisitions), f.money(r.used))
                : f(.summaryNoSelection, f.status(r.status))
            h.element("p", sentence, attributes: "class=\"status\(ok ? "" : " bad")\"")
        } else {
            h.element("p", f(.summaryNotComputed), attributes: "class=\"status\"")
        }
        h.raw("<div class=\"cards\">\n")
        h.card(f(.envelopeNotified), f.money(env.notified))
        if let call = env.nationalCall { h.card(f(.nationalCall), f.money(call)) }
        h.card(f(.engagedEarlierCommittees), f.money(env.engagedEarlier + env.engagedProjects))
        if env.reserve != .zero { h.card(f(.reserve), f.money(env.reserve)) }
        h.card(f(.availableToThis), f.money(env.available))
        if let used = env.used { h.card(f(.used), f.money(used)) }
        if let left = env.left { h.card(f(.left), f.money(left)) }
        if let s = c.selection, s.solved {
            h.card(f(.projectsSelected), f.integer(s.result.selected.count))
            h.card(f(.essmsFunded), f.integer(s.result.finess))
            h.card(f(.ofWhichAcquisitions), f.integer(s.result.acquisitions))
        }
        h.raw("</div>\n")
        // The envelope, line by line.
        h.raw("<table class=\"budget\">")
        h.headerRow([(f(.envelope), false), (f(.amount), true)])
        h.raw("<tbody>")
        var lines: [(String, Money)] = [(f(.envNotifiedLine), env.notified)]
        if let call = env.nationalCall { lines.append((f(.envNationalCallLine), call)) }
        lines.append((f(.envEngagedEarlierLine), env.engagedEarlier))
        if env.reserve != .zero { lines.append((f(.envReserveLine), env.reserve)) }
        lines.append((f(.envEngagedProjectsLine), env.engagedProjects))
        for (label, m) in lines {
            h.raw("<tr>"); h.cell(label); h.cell(f.money(m), numeric: true); h.raw("</tr>")
        }
        h.raw("<tr class=\"total\">"); h.cell(f(.envAvailableLine)); h.cell(f.money(env.available), numeric: true); h.raw("</tr>")
        if let used = env.used, let left = env.left {
            h.raw("<tr>"); h.cell(f(.envUsedLine)); h.cell(f.money(used), numeric: true); h.raw("</tr>")
            h.raw("<tr class=\"total\">"); h.cell(f(.envLeftLine)); h.cell(f.money(left), numeric: true); h.raw("</tr>")
        }
        h.raw("</tbody></table>\n")
        // Projects by decision.
        h.raw("<table>")
        h.headerRow([(f(.decision), false), (f(.projects), true), ("ESSMS", true),
                     (f(.acquisitions), true), (f(.amount), true)])
        h.raw("<tbody>")
        for (d, label) in facts.decisions {
            let rows = facts.rows(d)
            h.raw("<tr>")
            h.cell(label, cls: "decision d-\(d)")
            h.cell(f.integer(rows.count), numeric: true)
            h.cell(f.integer(rows.reduce(0) { $0 + $1.essms }), numeric: true)
            h.cell(f.integer(rows.reduce(0) { $0 + $1.acquisitions }), numeric: true)
            h.cell(f.money(rows.reduce(Money.zero) { $0 + $1.amount }), numeric: true)
            h.raw("</tr>")
        }
        h.raw("</tbody></table>\n")
        if let s = c.selection, !s.warnings.isEmpty {
            h.raw("<ul class=\"note\">")
            for w in s.warnings { h.element("li", w) }
            h.raw("</ul>\n")
        }
        if let s = c.selection, let inf = s.infeasibility {
            h.element("h3", inf.provenInfeasible ? f(.whyNoSelection)
                : f(.whyNoSelectionWas))
            h.element("p", SelectionAnalysisDocument.infeasibilitySentence(inf, language: f.language))
            if !inf.suggestedTolerances.isEmpty {
                h.element("p", f(.tolerancesThatWould)
                    + inf.suggestedTolerances.map { "\($0.balance) \(f.percent($0.tolerance))" }.joined(separator: ", "))
            }
        }
        h.raw("</section>\n")
    }

    static func balance(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        guard let s = facts.content.selection else { return }
        let f = facts.f, p = s.problem
        h.raw("<section id=\"equilibre\">\n")
        h.element("h2", f(.territorialAndSector))
        h.element("p", f(.balanceNote),
                  attributes: "class=\"note\"")
        let parts: [(BalanceSpec, [BalanceLine], String, (String) -> String)] = [
            (p.territory, p.territoryBalance(s.result.selected), f(.moneyByDepartement), f.departement),
            (p.sector, p.sectorBalance(s.result.selected), f(.moneyBySector), f.sector),
        ]
        for (spec, lines, title, name) in parts where !lines.isEmpty {
            let total = lines.reduce(0.0) { $0 + Double($1.money.cents) / 100 }
            let chart = BarChart(
                title: title + " (" + f.balanceMode(spec.mode) + ", " + f(.tolerancePrefix)
                    + f.percent(spec.tolerance, digits: 0) + ")",
                unit: .euros, axisTitle: f(.axisAmount), series: [f(.moneyGranted)],
                rows: lines.map { l in
                    BarChart.Row(label: name(l.key), values: [Double(l.money.cents) / 100], target: l.target * total,
                                 band: (l.low * total)...(max(l.low, l.high) * total), flagged: !l.within)
                },
                targetLabel: f(.chartTarget), bandLabel: f(.chartTolerance))
            h.raw(chart.svg(f) + "\n")
            h.raw("<table>")
            h.headerRow([(spec.name == "territory" ? f(.departement) : f(.sector), false),
                         (f(.amount), true), (f(.share), true), (f(.headTarget), true),
                         (f(.range), true), ("", false)])
            h.raw("<tbody>")
            for l in lines {
                h.raw("<tr>")
                h.cell(name(l.key))
                h.cell(f.money(l.money), numeric: true, sort: l.money.decimalString)
                h.cell(f.percent(l.share), numeric: true)
                h.cell(f.percent(l.target), numeric: true)
                h.cell("\(f.percent(l.low)) – \(f.percent(l.high))", numeric: true)
                h.cell(l.within ? "" : f(.outside), cls: l.within ? nil : "outside")
                h.raw("</tr>")
            }
            h.raw("</tbody></table>\n")
        }
        h.raw("</section>\n")
    }

    static func envelopeCharts(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        let f = facts.f, c = facts.content
        h.raw("<section id=\"enveloppe\">\n")
        h.element("h2", f(.whatEachLevel))
        if let points = c.frontier {
            let solved = points.filter { $0.status == .optimal || $0.status == .feasible }
            let chart = LineChart(
                title: f(.envelopeFrontierESSMS),
                xUnit: .euros, yUnit: .count("ESSMS"), xTitle: f(.axisEnvelope),
                yTitle: f(.essmsFunded),
                series: [
                    .init(name: f(.essmsFunded), points: solved.map { .init(Double($0.budget.cents) / 100, Double($0.finess)) }),
                    .init(name: f(.ofWhichAcquisitions), points: solved.map { .init(Double($0.budget.cents) / 100, Double($0.acquisitions)) }),
                ],
                markers: [.init(x: Double(facts.envelope.available.cents) / 100, label: f(.availableEnvelope))])
            h.raw(chart.svg(f) + "\n")
            h.raw("<table>")
            h.headerRow([(f(.envelope), true), ("%", true), (f(.essms), true),
                         (f(.acquisitions), true), (f(.used), true), (f(.projects), true),
                         (f(.status), false)])
            h.raw("<tbody>")
            let available = facts.envelope.available
            for pt in points {
                let ok = pt.status == .optimal || pt.status == .feasible
                h.raw("<tr>")
                h.cell(f.money(pt.budget), numeric: true)
                h.cell(available.cents > 0 ? f.percent(Double(pt.budget.cents) / Double(available.cents), digits: 0) : "", numeric: true)
                h.cell(ok ? f.integer(pt.finess) : "", numeric: true)
                h.cell(ok ? f.integer(pt.acquisitions) : "", numeric: true)
                h.cell(ok ? f.money(pt.used) : "", numeric: true)
                h.cell(ok ? f.integer(pt.selected.count) : "", numeric: true)
                h.cell(f.status(pt.status))
                h.raw("</tr>")
            }
            h.raw("</tbody></table>\n")
        }
        if let curve = c.tradeoff, !curve.points.isEmpty {
            let chart = LineChart(
                title: f(.tradeOffESSMS),
                xUnit: .count(""), yUnit: .count("ESSMS"), xTitle: f(.acquisitionsFundedESSMS),
                yTitle: f(.essmsFunded),
                series: [.init(name: f(.nonDominatedSelections),
                               points: curve.points.map { .init(Double($0.acquisitions), Double($0.finess)) })],
                yFromZero: false)
            h.raw(chart.svg(f) + "\n")
            h.raw("<table>")
            h.headerRow([("ESSMS", true), (f(.acquisitions), true), ("Score", true), (f(.used), true),
                         (f(.projects), true), (f(.marginalCost), false)])
            h.raw("<tbody>")
            for (i, pt) in curve.points.enumerated() {
                h.raw("<tr>")
                h.cell(f.integer(pt.finess), numeric: true)
                h.cell(f.integer(pt.acquisitions), numeric: true)
                h.cell(f.integer(pt.score), numeric: true)
                h.cell(f.money(pt.used), numeric: true)
                h.cell(f.integer(pt.selected.count), numeric: true)
                h.cell(curve.marginalCost(i).map {
                    f(.eachExtraAcquisition, f.decimal($0, digits: 2))
                } ?? "")
                h.raw("</tr>")
            }
            h.raw("</tbody></table>\n")
        }
        h.raw("</section>\n")
    }

    static func simulation(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        guard let sim = facts.content.simulation else { return }
        let f = facts.f
        h.raw("<section id=\"simulation\">\n")
        h.element("h2", f(.monteCarloSimulation))
        h.element("p", f(.drawsSeedDashed, f.integer(sim.draws), sim.seed), attributes: "class=\"note\"")
        for hist in sim.histograms {
            h.raw(DistributionCharts.histogram(hist, yTitle: f(.draws), f) + "\n")
        }
        if let t = sim.tornado {
            h.raw(DistributionCharts.tornado(t, lowLabel: f(.lowInput), highLabel: f(.highInput), f) + "\n")
        }
        h.raw("</section>\n")
        whatif(&h, facts)
    }

    /// The base and the scenario's variants side by side: each figure with its change from the base.
    static func whatif(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        guard let w = facts.content.whatif, w.rows.count > 1 else { return }
        let f = facts.f
        h.raw("<section id=\"variantes\">\n")
        h.element("h3", f(.whatifVariants))
        h.element("p", f(.whatifNote, f.integer(w.draws), w.seed), attributes: "class=\"note\"")
        h.raw("<table>")
        h.headerRow([(f(.whatifVariant), false), (f(.whatifChanges), false), (f(.projects), true), ("ESSMS", true), (f(.acquisitions), true),
                     (f(.used), true), (f(.whatifExpectedPaid2), true), (f(.whatifExpectedDUI), true)])
        h.raw("<tbody>")
        let base = w.rows.first.flatMap { $0.error == nil ? $0 : nil }
        func with(_ text: String, _ value: Int64, _ b: Int64?, money: Bool) -> String {
            guard let b, value != b else { return text }
            let d = value - b
            return text + " (" + (d > 0 ? "+" : "−") + (money ? f.money(Money(cents: Int64(d.magnitude))) : f.integer(Int(d.magnitude))) + ")"
        }
        for (i, r) in w.rows.enumerated() {
            h.raw("<tr>")
            h.cell(i == 0 ? f(.whatifBase) : r.variant)
            h.cell(r.changes.map(f.variantChange).joined(separator: f.language == .fr ? " ; " : "; "))
            if let e = r.error {
                h.raw("<td colspan=\"6\">\(Markup.escape(f(.whatifFailed, e)))</td>")
            } else {
                let b = i == 0 ? nil : base
                h.cell(with(f.integer(r.projects), Int64(r.projects), b.map { Int64($0.projects) }, money: false), numeric: true)
                h.cell(with(f.integer(r.finess), Int64(r.finess), b.map { Int64($0.finess) }, money: false), numeric: true)
                h.cell(with(f.integer(r.acquisitions), Int64(r.acquisitions), b.map { Int64($0.acquisitions) }, money: false), numeric: true)
                h.cell(with(f.money(r.used), r.used.cents, b?.used.cents, money: true), numeric: true)
                h.cell(with(f.money(Money(cents: r.expectedPaid)), r.expectedPaid, b?.expectedPaid, money: true), numeric: true)
                let dui = Int64(r.expectedActiveDUI.rounded())
                h.cell(with(f.integer(Int(dui)), dui, b.map { Int64($0.expectedActiveDUI.rounded()) }, money: false), numeric: true)
            }
            h.raw("</tr>")
        }
        h.raw("</tbody></table>\n</section>\n")
    }

    static func regions(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        guard let r = facts.content.redeployment else { return }
        let f = facts.f
        h.raw("<section id=\"regions\">\n")
        h.element("h2", f(.redeploymentBetweenRegions))
        h.element("p", f(.policy, f.policyValue(r.policy)), attributes: "class=\"note\"")
        let series = [f(.released), f(.received), f(.funded)]
        let chart = BarChart(title: f(.aeReleasedReceived),
                             unit: .euros, axisTitle: f(.axisAmount), series: series,
                             rows: r.regions.map { .init(label: Geography.regionName($0.region), values: [$0.released, $0.received, $0.funded].map { Double($0.cents) / 100 }) })
        h.raw(chart.svg(f) + "\n")
        h.raw("<table>")
        h.headerRow([(f(.headRegion), false)] + series.map { ($0, true) } + [(f(.projects), true), ("ESSMS", true)])
        h.raw("<tbody>")
        for row in r.regions {
            h.raw("<tr>")
            h.cell(f.region(row.region))
            for m in [row.released, row.received, row.funded] { h.cell(f.money(m), numeric: true, sort: m.decimalString) }
            h.cell(f.integer(row.projects), numeric: true)
            h.cell(f.integer(row.essms), numeric: true)
            h.raw("</tr>")
        }
        let total = { (k: KeyPath<RedeploymentSection.RegionFlow, Money>) in r.regions.reduce(Money.zero) { $0 + $1[keyPath: k] } }
        h.raw("<tr class=\"total\">")
        h.cell(f(.total))
        for k in [\RedeploymentSection.RegionFlow.released, \.received, \.funded] { h.cell(f.money(total(k)), numeric: true) }
        h.cell(f.integer(r.regions.reduce(0) { $0 + $1.projects }), numeric: true)
        h.cell(f.integer(r.regions.reduce(0) { $0 + $1.essms }), numeric: true)
        h.raw("</tr></tbody></table>\n</section>\n")
    }

    static func nextInLine(_ h: inout HTMLWriter, _ facts: ReportFacts, _ s: SelectionSection) {
        let f = facts.f
        h.raw("<section id=\"suivants\">\n")
        h.element("h2", f(.ifTheEnvelope))
        h.element("p", f(.nextInLineNote),
                  attributes: "class=\"note\"")
        h.raw("<table>")
        h.headerRow([(f(.growth), true), (f(.envelope), true), ("ESSMS", true),
                     (f(.acquisitions), true), (f(.entering), false), (f(.leaving), false)])
        h.raw("<tbody>")
        for c in s.nextInLine {
            h.raw("<tr>")
            h.cell((c.proven ? "+" : "≤ +") + f.money(c.growth), numeric: true)
            h.cell(f.money(c.budget), numeric: true)
            h.cell(signed(c.deltaFiness, f), numeric: true)
            h.cell(signed(c.deltaAcquisitions, f), numeric: true)
            h.cell(c.entering.joined(separator: ", "))
            h.cell(c.leaving.joined(separator: ", "))
            h.raw("</tr>")
        }
        h.raw("</tbody></table>\n</section>\n")
    }

    static func signed(_ n: Int, _ f: ReportFormat) -> String { n > 0 ? "+" + f.integer(n) : f.integer(n) }

    static func audit(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        let f = facts.f, c = facts.content
        h.raw("<section id=\"audit\">\n")
        h.element("h2", f(.auditRecord))
        h.element("p", f(.auditNote),
                  attributes: "class=\"note\"")
        h.raw("<table>")
        h.headerRow([(f(.inputFile), false), (f(.bytes), true), ("SHA-256", false)])
        h.raw("<tbody>")
        for input in c.scenario.inputs {
            h.raw("<tr>")
            h.cell(input.path)
            h.cell(f.integer(input.bytes.count), numeric: true)
            h.cell(AuditDocument.sha256(input.bytes), cls: "hash")
            h.raw("</tr>")
        }
        h.raw("</tbody></table>\n<table><tbody>\n")
        var lines: [(String, String)] = [
            (f(.tool), "esms \(c.run.toolVersion)"),
            (f(.auditRules), c.rules.name),
        ]
        lines += c.rules.policies.entries.map { (f(.auditPolicy) + $0.0, f.policyValue($0.1)) }
        if let s = c.selection {
            let french = f.language == .fr, t = Catalogue(f.language)
            lines.append((f(.solver), "\(c.run.solverName) \(c.run.solverVersion)"))
            lines.append((f(.status), f.status(s.result.status) + " — "
                + (french ? SelectionText.statusSentence(s.result, t) : s.result.sentence)))
            lines.append((f(.relativeGap), f.decimal(s.result.gap, digits: 6)))
            lines.append((f(.stages), s.result.stages.map { SelectionText.stageText($0, t, french: french, value: false, timings: false) }
                .joined(separator: ", ")))
        }
        if let sim = c.simulation { lines.append((f(.seed), "\(sim.seed)")) }
        lines.append((f(.timeOfThe), f.dateTime(epoch: c.run.time)
            + (c.run.timeSource == .sourceDateEpoch ? " (SOURCE_DATE_EPOCH)" : "")))
        for (k, v) in lines {
            h.raw("<tr><th scope=\"row\">\(Markup.escape(k))</th>")
            h.cell(v)
            h.raw("</tr>\n")
        }
        h.raw("</tbody></table>\n</section>\n")
    }
}
