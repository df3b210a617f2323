// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import CampaignYear
import Foundation
import FundingRules
import ReportRendering
import ScenarioModel
import Selection
import Workflow

/// `esms followup`: the funded projects' reports, to the second-tranche payment.
struct FollowupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Follow the funded projects to the second-tranche payment: first half paid, second half due or withheld, to recover.",
        discussion: """
        Reads the scenario's followup block (indicators.csv, optional expenses.csv, as_of) and \
        gives, to the cent, per funded ESSMS and project: the grant (equipment capped at what was \
        spent), the first half paid at signature (half the grant, rounded half-up), the second half \
        due or withheld with its reason (no-report, targets-not-met, not-ended, not-certified), and \
        what is to recover when the capped grant is under the first half; each indicator's rate and \
        whether its target is met (90 % for the three record indicators, 70 % for MSSanté and DMP, \
        PJM exempt from those two under the 2025 rules; a rate equal to its target meets it); the \
        policy second_tranche (per-essms or all-or-nothing); the active DUI reported and the ESSMS \
        meeting every target (per region too, for a national scenario). The latest report whose \
        period_end is on or before as_of counts; later ones are ignored.

        The funded projects are those with decision: engaged, plus the projects 'esms select' \
        selects on the scenario (--engaged-only: engaged ones only). Given a campaign file instead \
        of a scenario, they are the scenario's engaged projects plus every committee's selection, \
        and the followup block is the campaign's scenario's.

          esms followup Scenarios/bretagne-2024-campagne/campaign.yaml
          esms followup Scenarios/bretagne-2024-campagne/campaign.yaml --csv payments.csv

        Exit codes: 0 done, 1 the scenario or a report has errors (all listed, with file, line and \
        column), or the selection to follow is infeasible, 2 usage, 3 an output could not be \
        written, 4 the selection to follow was not decided (--engaged-only follows the engaged \
        projects alone).
        """)

    @Argument(help: ArgumentHelp("The scenario file with a followup block, or a campaign file.", valueName: "scenario"))
    var scenario: String

    @OptionGroup var options: YearOptions

    @Option(help: ArgumentHelp("Also write the payments to order (second halves due, amounts to recover) to FILE, for Excel (';', UTF-8 with BOM, decimal comma).",
                               valueName: "file"))
    var csv: String?

    @Flag(help: "Count as funded only the projects with decision: engaged (no selection is solved).")
    var engagedOnly = false

    func validate() throws { try options.check() }

    func run() throws {
        let (scenario, result) = try FollowupRun.compute(scenario, engagedOnly: engagedOnly, timeLimit: options.timeLimit)
        if let csv {
            do {
                try Output.writeAtomically(Data(FollowupDocument.csv(result, scenario: scenario).bytes), to: csv,
                                           inputs: scenario.inputs.map(\.path))
            } catch {
                Output.fail(.verbatim("\(error)"))
                throw ExitStatus.outputFailed
            }
        }
        if options.json {
            try Output.out(FollowupDocument.json(result).renderedBytes())
        } else {
            try Output.out(FollowupDocument.text(result, language: options.language))
        }
        if let csv { Output.wrote(csv) }
        ExitLifetime.keep((scenario, result))
    }
}

/// Which projects are funded, and their follow-up; shared by `followup` and `report`.
enum FollowupRun {
    /// Loads `path` (a scenario, or a campaign file) and computes the follow-up of its funded
    /// projects; reports every problem and exits 1 on errors.
    static func compute(_ path: String, engagedOnly: Bool, timeLimit: Double?) throws -> (Scenario, FollowupResult) {
        let (scenario, _, result) = try computeWithRules(path, engagedOnly: engagedOnly, timeLimit: timeLimit)
        return (scenario, result)
    }

    /// `compute`, with the rule set it used (for `calibrate`).
    static func computeWithRules(_ path: String, engagedOnly: Bool, timeLimit: Double?) throws -> (Scenario, RuleSet, FollowupResult) {
        if CampaignSpec.isCampaignFile(path) {
            let (campaign, run) = try CampaignFile.run(path, timeLimit: timeLimit)
            return (campaign.scenario, campaign.rules, try compute(campaign.scenario, rules: campaign.rules, campaign: run, selection: nil,
                                                                   file: path))
        }
        var loader = ScenarioLoader()
        let (scenario, rules) = try ScenarioOptions.load(&loader, path, variant: nil, reportWarnings: true)
        var selection: [String]?
        if !engagedOnly {
            selection = try select(scenario, rules, timeLimit: timeLimit)
        }
        return (scenario, rules, try compute(scenario, rules: rules, campaign: nil, selection: selection, file: path))
    }

    /// What `esms select` selects on the scenario.
    static func select(_ scenario: Scenario, _ rules: RuleSet, timeLimit: Double?) throws -> [String] {
        do {
            let (result, selected) = try FundedFollowUp.selection(scenario: scenario, rules: rules, timeLimit: timeLimit)
            guard result.status.hasSelection else {
                // No selection, so no funded projects to follow: said, not followed as if none were.
                Output.note(.fr("le suivi a besoin de la sélection du comité ; --engaged-only suit les seuls projets engagés",
                                en: "the follow-up needs the committee's selection; --engaged-only follows the engaged projects alone"))
                try SelectionMessages.failIfUndecided(result, infeasibility: nil, timeLimit: timeLimit)
                return []
            }
            return selected
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Output.fail(SelectionMessages.describe(error))
            throw ExitStatus.scenarioErrors
        }
    }

    /// The follow-up of the engaged projects plus `campaign`'s or `selection`'s; reports the
    /// problems of the reports and exits 1 on errors.
    static func compute(_ scenario: Scenario, rules: RuleSet, campaign: CampaignResult?, selection: [String]?,
                        file: String) throws -> FollowupResult {
        let (result, d) = FundedFollowUp.compute(scenario: scenario, rules: rules, campaign: campaign, selection: selection, file: file)
        Output.report(d)
        guard let result, !d.hasErrors else {
            if result != nil {
                Output.say(.fr("\(file) : les relevés du suivi contiennent des erreurs, corrigez-les ci-dessus",
                               en: "\(file): the follow-up reports have errors, fix them above"))
            }
            throw ExitStatus.scenarioErrors
        }
        return result
    }
}
