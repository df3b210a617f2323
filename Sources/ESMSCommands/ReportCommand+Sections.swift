// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ReportRendering
import ScenarioModel
import Selection
import Simulation
import Workflow

/// The optional sections of the report: the Monte-Carlo simulation of the selection, and the
/// national redeployment of a national scenario.
extension ReportCommand {
    /// Simulates the selected projects (and the tornado), as `esms simulate` does.
    static func simulationSection(_ committee: Committee, file: String, settings: SimulationOptions,
                                  result: SelectionResult, language: ReportLanguage) throws -> SimulationSection {
        let (scenario, rules, problem) = (committee.scenario, committee.rules, committee.problem)
        let parameters = try settings.parameters(scenario, file: file)
        let outcome = try committee.simulate(.given(result), parameters: parameters, threads: settings.resolvedThreads, tornado: true)
        let (report, tornado) = (outcome.report, outcome.tornado)
        let context = SimulationDocument.Context(scenario: scenario, rules: rules, set: outcome.set, model: outcome.model, report: report,
                                                 drawsRequested: parameters.draws, targetGiven: parameters.targetActiveDUI != nil,
                                                 tornado: tornado, engagedESSMS: problem.engaged.reduce(0) { $0 + $1.finessCount })
        let french = language == .fr
        func histogram(_ title: String, _ unit: ChartUnit, _ s: Summary, scale: Double) -> HistogramData {
            HistogramData(title: title, unit: unit,
                          bins: s.histogram.map { .init(low: Double($0.low) / scale, high: Double($0.high) / scale, count: $0.count) },
                          p5: Double(s.p5) / scale, p50: Double(s.p50) / scale, p95: Double(s.p95) / scale)
        }
        let histograms = [
            histogram(french ? "Tranche 2 versée" : "Tranche 2 paid", .euros, report.paid, scale: 100),
            histogram(french ? "DUI actifs" : "Active DUI", .count(french ? "DUI actifs" : "active DUI"), report.activeDUI, scale: 1),
        ]
        let bars = tornado.map { t in
            TornadoData(title: french ? "Sensibilité de la tranche 2 versée" : "Sensitivity of tranche 2 paid", unit: .euros,
                        base: t.basePaid / 100,
                        rows: t.bars.map {
                            TornadoData.Row(label: french ? assumptionLabels[$0.key] ?? $0.key : $0.key,
                                            low: $0.paidLow / 100, high: $0.paidHigh / 100)
                        })
        }
        return SimulationSection(draws: report.draws, seed: parameters.seed, histograms: histograms, tornado: bars,
                                 document: SimulationDocument.json(context))
    }

    /// The campaign of the year (`--campaign`) and the follow-up of the funded projects (a
    /// scenario with a followup block).
    static func yearSections(_ content: inout ReportContent, campaign: String?, scenarioFile: String,
                             timeLimit: Double?) throws {
        if let campaign {
            let (c, run) = try CampaignFile.run(campaign, timeLimit: timeLimit)
            if c.scenario.spec.id != content.scenario.spec.id || c.scenario.inputs.first?.bytes != content.scenario.inputs.first?.bytes {
                Output.fail(.fr("--campaign \(campaign) : son scénario (\(c.spec.scenario)) n'est pas \(scenarioFile)",
                                en: "--campaign \(campaign): its scenario (\(c.spec.scenario)) is not \(scenarioFile)"))
                throw ExitStatus.usage
            }
            content.campaign = run
        }
        guard content.scenario.followup != nil else { return }
        let selection = content.selection.flatMap { $0.solved ? $0.result.selectedIDs($0.problem) : nil } ?? []
        content.followup = try FollowupRun.compute(content.scenario, rules: content.rules, campaign: content.campaign,
                                                   selection: selection, file: scenarioFile)
        // The simulation calibrated on what was reported, when enough projects have ended.
        if let followup = content.followup {
            let parameters = try SimulationOptions.parse([]).parameters(content.scenario, file: scenarioFile)
            content.calibration = try? Calibrating.run(scenario: content.scenario, rules: content.rules, followup: followup,
                                                       parameters: parameters)
        }
    }

    /// The redeployment of a national scenario under its policy (pooled by default).
    static func redeploymentSection(scenario: Scenario, rules: RuleSet, timeLimit: Double?) throws -> RedeploymentSection {
        let national = NationalRedeployment(scenario: scenario, rules: rules)
        let policy = national.scenarioPolicy
        let result = try national.run(policy, selector: Selector(timeLimit: timeLimit))
        let flows = result.regions.map { r in
            RedeploymentSection.RegionFlow(region: r.account.region, released: r.released, received: r.received,
                                           funded: r.funded, projects: r.projects.count, essms: r.finess)
        }
        return RedeploymentSection(policy: policy.rawValue, regions: flows,
                                   document: RedeployDocument.json(scenario: scenario, rules: rules.name, problem: national.problem,
                                                                   result: result, timings: false))
    }

    /// The simulation's assumptions (docs/SIMULATION.md) in the committee's words.
    static let assumptionLabels: [String: String] = [
        "usage_shift": "niveau d'usage général",
        "sigma.indicator": "dispersion entre indicateurs",
        "sigma.essms": "dispersion entre ESSMS",
        "sigma.project": "effet commun à la grappe",
        "deployment.deadline_margin": "marge après les durées indicatives (9 / 18 mois)",
        "deployment.deadline_upgrade": "délai de mesure (mises à niveau)",
        "deployment.deadline_acquisition": "délai de mesure (acquisitions)",
        "deployment.overrun_upgrade": "dépassement de durée (mises à niveau)",
        "deployment.overrun_acquisition": "dépassement de durée (acquisitions)",
        "deployment.sigma": "incertitude sur la durée",
        "deployment.stagger_sigma": "échelonnement des ESSMS",
        "effects.acquisition": "effet acquisition",
        "effects.si_maturity": "effet maturité SI",
        "effects.small_og_without_amoa": "petit OG sans AMOA",
        "effects.small_og_with_amoa": "petit OG avec AMOA",
        "effects.score_maturite": "effet maturité du projet",
        "effects.grappe_size": "effet taille de grappe",
        "file_active.scale": "taille des files actives",
    ]
}
