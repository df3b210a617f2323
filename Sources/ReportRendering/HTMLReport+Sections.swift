// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

extension HTMLReport {
    static func summary(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        let f = facts.f, env = facts.envelope, c = facts.content
        h.raw("<section id=\"synthese\">\n")
        h.element("h2", f.tr("Synthèse de la décision", "Decision summary"))
        if let s = c.selection {
            let r = s.result
            let ok = s.solved
            let sentence = ok
                ? f.tr("Sélection \(f.status(r.status)) : \(r.selected.count) projets retenus, \(f.ess(r.finess)) financés dont \(f.integer(r.acquisitions)) en acquisition, pour \(f.money(r.used)).",
                       "Selection \(f.status(r.status)): \(r.selected.count) projects selected, \(f.ess(r.finess)) funded of which \(f.integer(r.acquisitions)) acquisitions, for \(f.money(r.used)).")
                : f.tr("Aucune sélection : le modèle est \(f.status(r.status)).", "No selection: the model is \(f.status(r.status)).")
            h.element("p", sentence, attributes: "class=\"status\(ok ? "" : " bad")\"")
        } else {
            h.element("p", f.tr("Aucune sélection n'a été calculée : le rapport présente la recevabilité et les montants.",
                                "No selection was computed: the report shows eligibility and amounts."), attributes: "class=\"status\"")
        }
        h.raw("<div class=\"cards\">\n")
        h.card(f.tr("Enveloppe notifiée", "Envelope notified"), f.money(env.notified))
        if let call = env.nationalCall { h.card(f.tr("Appel national", "National call"), f.money(call)) }
        h.card(f.tr("Engagé (comités antérieurs)", "Engaged (earlier committees)"), f.money(env.engagedEarlier + env.engagedProjects))
        if env.reserve != .zero { h.card(f.tr("Réserve", "Reserve"), f.money(env.reserve)) }
        h.card(f.tr("Disponible pour ce comité", "Available to this committee"), f.money(env.available))
        if let used = env.used { h.card(f.tr("Utilisé", "Used"), f.money(used)) }
        if let left = env.left { h.card(f.tr("Reliquat", "Left"), f.money(left)) }
        if let s = c.selection, s.solved {
            h.card(f.tr("Projets retenus", "Projects selected"), f.integer(s.result.selected.count))
            h.card(f.tr("ESSMS financés", "ESSMS funded"), f.integer(s.result.finess))
            h.card(f.tr("dont acquisitions", "of which acquisitions"), f.integer(s.result.acquisitions))
        }
        h.raw("</div>\n")
        // The envelope, line by line.
        h.raw("<table class=\"budget\">")
        h.headerRow([(f.tr("Enveloppe", "Envelope"), false), (f.tr("Montant", "Amount"), true)])
        h.raw("<tbody>")
        var lines: [(String, Money)] = [(f.tr("Notifiée", "Notified"), env.notified)]
        if let call = env.nationalCall { lines.append((f.tr("+ appel national", "+ national call"), call)) }
        lines.append((f.tr("− engagée antérieurement (hors projets listés)", "− engaged earlier (projects not listed)"), env.engagedEarlier))
        if env.reserve != .zero { lines.append((f.tr("− réserve", "− reserve"), env.reserve)) }
        lines.append((f.tr("− projets engagés lors de comités antérieurs", "− projects engaged at earlier committees"), env.engagedProjects))
        for (label, m) in lines {
            h.raw("<tr>"); h.cell(label); h.cell(f.money(m), numeric: true); h.raw("</tr>")
        }
        h.raw("<tr class=\"total\">"); h.cell(f.tr("= disponible", "= available")); h.cell(f.money(env.available), numeric: true); h.raw("</tr>")
        if let used = env.used, let left = env.left {
            h.raw("<tr>"); h.cell(f.tr("utilisé par la sélection", "used by the selection")); h.cell(f.money(used), numeric: true); h.raw("</tr>")
            h.raw("<tr class=\"total\">"); h.cell(f.tr("= reliquat", "= left")); h.cell(f.money(left), numeric: true); h.raw("</tr>")
        }
        h.raw("</tbody></table>\n")
        // Projects by decision.
        h.raw("<table>")
        h.headerRow([(f.tr("Décision", "Decision"), false), (f.tr("Projets", "Projects"), true), ("ESSMS", true),
                     (f.tr("Acquisitions", "Acquisitions"), true), (f.tr("Montant", "Amount"), true)])
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
            h.element("h3", inf.provenInfeasible ? f.tr("Pourquoi aucune sélection n'est possible", "Why no selection is possible")
                : f.tr("Pourquoi aucune sélection n'a été trouvée (non prouvée impossible)", "Why no selection was found (not proven impossible)"))
            h.element("p", SelectionAnalysisDocument.infeasibilitySentence(inf, language: f.language))
            if !inf.suggestedTolerances.isEmpty {
                h.element("p", f.tr("Tolérances qui rendraient une sélection possible : ", "Tolerances that would admit a selection: ")
                    + inf.suggestedTolerances.map { "\($0.balance) \(f.percent($0.tolerance))" }.joined(separator: ", "))
            }
        }
        h.raw("</section>\n")
    }

    static func balance(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        guard let s = facts.content.selection else { return }
        let f = facts.f, p = s.problem
        h.raw("<section id=\"equilibre\">\n")
        h.element("h2", f.tr("Équilibre territorial et sectoriel", "Territorial and sector balance"))
        h.element("p", f.tr("Montants de la sélection et des projets engagés, par département et par secteur des ESSMS, rapportés à leur part cible (part des ESSMS du territoire dans le répertoire FINESS) ; la zone grise est la plage de tolérance.",
                            "Money of the selection and of the engaged projects, by département and by sector of the ESSMS, against each key's target share (its share of the scope's ESSMS in the FINESS register); the grey box is the tolerance range."),
                  attributes: "class=\"note\"")
        let parts: [(BalanceSpec, [BalanceLine], String, (String) -> String)] = [
            (p.territory, p.territoryBalance(s.result.selected), f.tr("Montant par département", "Money by département"), f.departement),
            (p.sector, p.sectorBalance(s.result.selected), f.tr("Montant par secteur", "Money by sector"), f.sector),
        ]
        for (spec, lines, title, name) in parts where !lines.isEmpty {
            let total = lines.reduce(0.0) { $0 + Double($1.money.cents) / 100 }
            let chart = BarChart(
                title: title + " (" + f.balanceMode(spec.mode) + ", " + f.tr("tolérance ", "tolerance ")
                    + f.percent(spec.tolerance, digits: 0) + ")",
                unit: .euros, axisTitle: f.tr("Montant (€)", "Amount (€)"), series: [f.tr("Montant attribué", "Money granted")],
                rows: lines.map { l in
                    BarChart.Row(label: name(l.key), values: [Double(l.money.cents) / 100], target: l.target * total,
                                 band: (l.low * total)...(max(l.low, l.high) * total), flagged: !l.within)
                },
                targetLabel: f.tr("cible", "target"), bandLabel: f.tr("tolérance", "tolerance"))
            h.raw(chart.svg(f) + "\n")
            h.raw("<table>")
            h.headerRow([(spec.name == "territory" ? f.tr("Département", "Département") : f.tr("Secteur", "Sector"), false),
                         (f.tr("Montant", "Amount"), true), (f.tr("Part", "Share"), true), (f.tr("Cible", "Target"), true),
                         (f.tr("Plage", "Range"), true), ("", false)])
            h.raw("<tbody>")
            for l in lines {
                h.raw("<tr>")
                h.cell(name(l.key))
                h.cell(f.money(l.money), numeric: true, sort: l.money.decimalString)
                h.cell(f.percent(l.share), numeric: true)
                h.cell(f.percent(l.target), numeric: true)
                h.cell("\(f.percent(l.low)) – \(f.percent(l.high))", numeric: true)
                h.cell(l.within ? "" : f.tr("hors plage", "outside"), cls: l.within ? nil : "outside")
                h.raw("</tr>")
            }
            h.raw("</tbody></table>\n")
        }
        h.raw("</section>\n")
    }

    static func envelopeCharts(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        let f = facts.f, c = facts.content
        h.raw("<section id=\"enveloppe\">\n")
        h.element("h2", f.tr("Ce que chaque niveau d'enveloppe permet", "What each level of envelope buys"))
        if let points = c.frontier {
            let solved = points.filter { $0.status == .optimal || $0.status == .feasible }
            let chart = LineChart(
                title: f.tr("Frontière de l'enveloppe : ESSMS financés selon l'enveloppe", "Envelope frontier: ESSMS funded by envelope"),
                xUnit: .euros, yUnit: .count("ESSMS"), xTitle: f.tr("Enveloppe (€)", "Envelope (€)"),
                yTitle: f.tr("ESSMS financés", "ESSMS funded"),
                series: [
                    .init(name: f.tr("ESSMS financés", "ESSMS funded"), points: solved.map { .init(Double($0.budget.cents) / 100, Double($0.finess)) }),
                    .init(name: f.tr("dont acquisitions", "of which acquisitions"), points: solved.map { .init(Double($0.budget.cents) / 100, Double($0.acquisitions)) }),
                ],
                markers: [.init(x: Double(facts.envelope.available.cents) / 100, label: f.tr("enveloppe disponible", "available envelope"))])
            h.raw(chart.svg(f) + "\n")
            h.raw("<table>")
            h.headerRow([(f.tr("Enveloppe", "Envelope"), true), ("%", true), (f.tr("ESSMS", "ESSMS"), true),
                         (f.tr("Acquisitions", "Acquisitions"), true), (f.tr("Utilisé", "Used"), true), (f.tr("Projets", "Projects"), true),
                         (f.tr("Statut", "Status"), false)])
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
                title: f.tr("Arbitrage : ESSMS financés contre acquisitions", "Trade-off: ESSMS funded against acquisitions"),
                xUnit: .count(""), yUnit: .count("ESSMS"), xTitle: f.tr("Acquisitions financées (ESSMS)", "Acquisitions funded (ESSMS)"),
                yTitle: f.tr("ESSMS financés", "ESSMS funded"),
                series: [.init(name: f.tr("sélections non dominées", "non-dominated selections"),
                               points: curve.points.map { .init(Double($0.acquisitions), Double($0.finess)) })],
                yFromZero: false)
            h.raw(chart.svg(f) + "\n")
            h.raw("<table>")
            h.headerRow([("ESSMS", true), (f.tr("Acquisitions", "Acquisitions"), true), ("Score", true), (f.tr("Utilisé", "Used"), true),
                         (f.tr("Projets", "Projects"), true), (f.tr("Coût marginal", "Marginal cost"), false)])
            h.raw("<tbody>")
            for (i, pt) in curve.points.enumerated() {
                h.raw("<tr>")
                h.cell(f.integer(pt.finess), numeric: true)
                h.cell(f.integer(pt.acquisitions), numeric: true)
                h.cell(f.integer(pt.score), numeric: true)
                h.cell(f.money(pt.used), numeric: true)
                h.cell(f.integer(pt.selected.count), numeric: true)
                h.cell(curve.marginalCost(i).map {
                    f.tr("chaque acquisition de plus coûte \(f.decimal($0, digits: 2)) ESSMS", "each extra acquisition costs \(f.decimal($0, digits: 2)) ESSMS")
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
        h.element("h2", f.tr("Simulation de Monte-Carlo", "Monte-Carlo simulation"))
        h.element("p", f.tr("\(f.integer(sim.draws)) tirages, graine \(sim.seed) ; traits pointillés : percentiles 5, 50 et 95.",
                            "\(f.integer(sim.draws)) draws, seed \(sim.seed); dashed lines: percentiles 5, 50 and 95."), attributes: "class=\"note\"")
        for hist in sim.histograms {
            h.raw(DistributionCharts.histogram(hist, yTitle: f.tr("Tirages", "Draws"), f) + "\n")
        }
        if let t = sim.tornado {
            h.raw(DistributionCharts.tornado(t, lowLabel: f.tr("hypothèse basse", "low input"), highLabel: f.tr("hypothèse haute", "high input"), f) + "\n")
        }
        h.raw("</section>\n")
    }

    static func regions(_ h: inout HTMLWriter, _ facts: ReportFacts) {
        guard let r = facts.content.redeployment else { return }
        let f = facts.f
        h.raw("<section id=\"regions\">\n")
        h.element("h2", f.tr("Redéploiement entre régions", "Redeployment between regions"))
        h.element("p", f.tr("Politique : ", "Policy: ") + f.policyValue(r.policy), attributes: "class=\"note\"")
        let series = [f.tr("Libéré", "Released"), f.tr("Reçu", "Received"), f.tr("Financé", "Funded")]
        let chart = BarChart(title: f.tr("AE libérées, reçues et financées par région", "AE released, received and funded by region"),
                             unit: .euros, axisTitle: f.tr("Montant (€)", "Amount (€)"), series: series,
                             rows: r.regions.map { .init(label: Geography.regionName($0.region), values: [$0.released, $0.received, $0.funded].map { Double($0.cents) / 100 }) })
        h.raw(chart.svg(f) + "\n")
        h.raw("<table>")
        h.headerRow([(f.tr("Région", "Region"), false)] + series.map { ($0, true) } + [(f.tr("Projets", "Projects"), true), ("ESSMS", true)])
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
        h.cell(f.tr("Total", "Total"))
        for k in [\RedeploymentSection.RegionFlow.released, \.received, \.funded] { h.cell(f.money(total(k)), numeric: true) }
        h.cell(f.integer(r.regions.reduce(0) { $0 + $1.projects }), numeric: true)
        h.cell(f.integer(r.regions.reduce(0) { $0 + $1.essms }), numeric: true)
        h.raw("</tr></tbody></table>\n</section>\n")
    }

    static func nextInLine(_ h: inout HTMLWriter, _ facts: ReportFacts, _ s: SelectionSection) {
        let f = facts.f
        h.raw("<section id=\"suivants\">\n")
        h.element("h2", f.tr("Si l'enveloppe augmente : projets suivants", "If the envelope grows: next in line"))
        h.element("p", f.tr("Chaque ligne donne le complément d'enveloppe, au centime, à partir duquel la sélection s'améliore, et les projets qui entrent ou sortent par rapport à la sélection recommandée.",
                            "Each row gives the growth of the envelope, to the cent, from which the selection improves, and the projects entering or leaving against the recommended selection."),
                  attributes: "class=\"note\"")
        h.raw("<table>")
        h.headerRow([(f.tr("Complément", "Growth"), true), (f.tr("Enveloppe", "Envelope"), true), ("ESSMS", true),
                     (f.tr("Acquisitions", "Acquisitions"), true), (f.tr("Entrent", "Entering"), false), (f.tr("Sortent", "Leaving"), false)])
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
        h.element("h2", f.tr("Traçabilité", "Audit record"))
        h.element("p", f.tr("Le fichier audit.json du même dossier contient l'enregistrement complet : empreintes des entrées et des sorties, règles, politiques, solveur et paramètres.",
                            "The audit.json file of the same folder holds the full record: digests of inputs and outputs, rules, policies, solver and settings."),
                  attributes: "class=\"note\"")
        h.raw("<table>")
        h.headerRow([(f.tr("Fichier d'entrée", "Input file"), false), (f.tr("Octets", "Bytes"), true), ("SHA-256", false)])
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
            (f.tr("Outil", "Tool"), "esms \(c.run.toolVersion)"),
            (f.tr("Règles", "Rules"), c.rules.name),
        ]
        lines += c.rules.policies.entries.map { (f.tr("Politique ", "Policy ") + $0.0, f.policyValue($0.1)) }
        if let s = c.selection {
            let french = f.language == .fr, t = Catalogue(f.language)
            lines.append((f.tr("Solveur", "Solver"), "\(c.run.solverName) \(c.run.solverVersion)"))
            lines.append((f.tr("Statut", "Status"), f.status(s.result.status) + " — "
                + (french ? SelectionText.statusSentence(s.result, t) : s.result.sentence)))
            lines.append((f.tr("Écart relatif", "Relative gap"), f.decimal(s.result.gap, digits: 6)))
            lines.append((f.tr("Étapes", "Stages"), s.result.stages.map { SelectionText.stageText($0, t, french: french, value: false, timings: false) }
                .joined(separator: ", ")))
        }
        if let sim = c.simulation { lines.append((f.tr("Graine", "Seed"), "\(sim.seed)")) }
        lines.append((f.tr("Heure du calcul", "Time of the run"), f.dateTime(epoch: c.run.time)
            + (c.run.timeSource == .sourceDateEpoch ? " (SOURCE_DATE_EPOCH)" : "")))
        for (k, v) in lines {
            h.raw("<tr><th scope=\"row\">\(Markup.escape(k))</th>")
            h.cell(v)
            h.raw("</tr>\n")
        }
        h.raw("</tbody></table>\n</section>\n")
    }
}
