// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import CampaignYear
import Foundation
import ReportRendering
import ScenarioModel
import Simulation
import Workflow

/// `esms calibrate`: the usage part of the attainment model fitted to the indicators reported
/// in a follow-up, with intervals, how well it predicts the attainment reported, and a file the
/// scenario's `simulation:` block loads.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit the simulation's usage rates and spreads to the indicators reported in a follow-up.",
        discussion: """
        Reads the follow-up of a scenario (its followup block) or of a campaign file, as 'esms \
        followup' does, and keeps the ESSMS of ended projects with a report at as_of. Their rates \
        (active records over the file active, personalised project and agenda event over the \
        active records, MSSanté and DMP) are put on the attainment model's logit scale, less the \
        model's effects (acquisition, small OG, maturity, grappe size: the scenario's, held fixed), \
        and the model logit(rate) = logit(usage_rate) + effects + project + ESSMS + indicator \
        spreads is fitted by maximum likelihood (EM, then 95 % intervals from the observed \
        information; docs/SIMULATION.md, "Calibration"). Printed: each parameter, the scenario's \
        assumption, the estimate and its interval; the attainment reported against the fitted \
        model's, by indicator and by sector. -o writes the fitted values to a file that a \
        scenario loads with simulation: { calibration: FILE } (its own keys still override); then \
        'simulate' and 'whatif' say which parameters come from data.

        Exit codes: 0 fitted, 1 the scenario, the campaign or a report has errors, or fewer than \
        3 ended projects reported, 2 usage, 3 an output could not be written, 4 the selection to \
        follow was not decided.
        """)

    @Argument(help: ArgumentHelp("The scenario file with a followup block, or a campaign file.", valueName: "scenario"))
    var scenario: String

    @OptionGroup var options: YearOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the fitted parameters to FILE (YAML) for a scenario's simulation: { calibration: FILE }.",
                                                    valueName: "file"))
    var output: String?

    @Flag(help: "Count as funded only the projects with decision: engaged (no selection is solved), as 'followup --engaged-only'.")
    var engagedOnly = false

    func validate() throws { try options.check() }

    func run() throws {
        let (scenario, rules, followup) = try FollowupRun.computeWithRules(self.scenario, engagedOnly: engagedOnly, timeLimit: options.timeLimit)
        let scenarioFile = scenario.inputs.first?.path ?? self.scenario
        let parameters = try SimulationOptions.parse([]).parameters(scenario, file: scenarioFile)
        let run: CalibrationRun
        do {
            run = try Calibrating.run(scenario: scenario, rules: rules, followup: followup, parameters: parameters)
        } catch {
            switch error {
            case .tooFewProjects(let n):
                Output.fail(.fr("\(self.scenario) : \(n) projet\(n > 1 ? "s" : "") terminé\(n > 1 ? "s" : "") déclaré\(n > 1 ? "s" : "") au \(followup.asOf.french) ; le calibrage en demande au moins 3 (l'effet projet s'estime d'un projet à l'autre)",
                                en: "\(self.scenario): \(n) ended project(s) reported by \(followup.asOf.french); the calibration needs at least 3 (the project effect is estimated across projects)"))
            }
            throw ExitStatus.scenarioErrors
        }
        if let output {
            do {
                try Output.writeAtomically(Data(CalibrationDocument.yaml(run, scenario: scenario.spec.id).utf8), to: output,
                                           inputs: scenario.inputs.map(\.path))
                Output.wrote(output)
            } catch {
                Output.fail(.verbatim("\(error)"))
                throw ExitStatus.outputFailed
            }
        }
        if options.json {
            try Output.out(CalibrationDocument.json(run, scenario: scenario.spec.id, file: output).renderedBytes())
        } else {
            try Output.out(CalibrationDocument.text(run, scenario: scenario.spec.id, language: options.language))
        }
    }
}
