// SPDX-License-Identifier: GPL-3.0-or-later
import CampaignYear
import ReportRendering
import ScenarioModel
import Selection
import Simulation
import Workflow

/// The report's sections after the selection, as the workflow decides and runs them
/// (`CommitteeReport`): here the files are read, the problems said, the results made sections.
extension ReportCommand {
    /// The simulation of the selection (`simulate`: not left out), the what-if variants beside
    /// it (not for a report of `variant`), the redeployment of a national scenario (left out,
    /// with a warning, when a selection fails), then `yearSections`.
    static func runSections(_ content: inout ReportContent, _ report: CommitteeReport, file: String, settings: SimulationOptions,
                            simulate: Bool, variant: String?, campaign: String?, language: ReportLanguage) throws {
        let (scenario, rules) = (report.committee.scenario, report.committee.rules)
        let threads = settings.resolvedThreads
        var simulated: SimulationOutcome?
        if report.simulates(simulate) {
            let parameters = try settings.parameters(scenario, file: file)
            let outcome = try report.simulation(parameters: parameters, threads: threads)
            content.simulation = SimulationSection(outcome.context(report.committee), seed: parameters.seed, language: language)
            simulated = outcome
        }
        if report.comparesVariants(simulate, variant: variant) {
            var loader = ScenarioLoader()
            let (rows, p) = try WhatifCommand.table(file, base: scenario, loader: &loader, settings: settings,
                                                    progress: Output.showsProgress) {
                try report.whatif(parameters: $0, threads: threads, simulation: simulated, loading: $1, progress: $2)
            }
            let document = WhatifDocument.json(scenario: scenario.spec.id, seed: p.seed, draws: p.draws, rows: rows,
                                               fromData: p.fromData, calibration: p.calibrationFile)
            content.whatif = WhatifSection(rows: rows, draws: p.draws, seed: p.seed, document: document)
        }
        if report.redeploys {
            do {
                let (national, result) = try report.redeployment()
                content.redeployment = RedeploymentSection(scenario: scenario, rules: rules.name, problem: national.problem, result: result)
            } catch {
                let why = SelectionMessages.describe(error)
                Output.warn(.fr("la partie redéploiement est omise : \(why.fr)", en: "the redeployment section is left out: \(why.en)"))
            }
        }
        try yearSections(&content, report, campaign: campaign, scenarioFile: file)
    }

    /// The campaign of the year (`--campaign`) and the follow-up of the funded projects with
    /// the simulation calibrated on it (a scenario with a followup block).
    static func yearSections(_ content: inout ReportContent, _ report: CommitteeReport, campaign: String?, scenarioFile: String) throws {
        if let campaign {
            let (c, run) = try CampaignFile.run(campaign, timeLimit: report.settings.timeLimit)
            if c.scenario.spec.id != content.scenario.spec.id || c.scenario.inputs.first?.bytes != content.scenario.inputs.first?.bytes {
                Output.fail(.fr("--campaign \(campaign) : son scénario (\(c.spec.scenario)) n'est pas \(scenarioFile)",
                                en: "--campaign \(campaign): its scenario (\(c.spec.scenario)) is not \(scenarioFile)"))
                throw ExitStatus.usage
            }
            content.campaign = run
        }
        guard report.followsUp else { return }
        let followup = try FollowupRun.compute(content.scenario, rules: content.rules, campaign: content.campaign,
                                               selection: report.funded, file: scenarioFile)
        content.followup = followup
        // The scenario's own simulation block, without the command's options, as 'calibrate' takes it.
        let prior = try SimulationOptions.parse([]).parameters(content.scenario, file: scenarioFile)
        content.calibration = report.calibration(followup, parameters: prior)
    }
}
