// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import FundingRules
import ReportRendering
import ScenarioModel

/// `esms fund`: eligibility and funding of every project, to the cent.
struct FundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fund",
        abstract: "Eligibility and funding of every candidate project, to the cent, with the reason for every exclusion.",
        discussion: """
        Applies the scenario's rule set (2024, 2025 or a rules file) and policies to every project: \
        ESSMS-level exclusions (other EU funds, prior funding, SONS dates, comfort-only services), \
        project-level conditions (one solution, Ségur referencing, national-entity agreement, joining \
        a grappe, minimum size, desk, deposit window), then the amounts: per-ESSMS rates by rank \
        (1–49 / ≥ 50), acquisition or upgrade, SAAD prorata, equipment and AMOA aid for small \
        organisations. With --json, prints the 'fund' document of the scenario contract.
        """)

    @OptionGroup var options: ScenarioOptions

    @Option(help: ArgumentHelp("Also write one row per project to FILE, for Excel (';', UTF-8 with BOM, decimal comma).",
                               valueName: "file"))
    var csv: String?

    @Flag(help: "In --json, leave out the per-ESSMS detail.")
    var noMembers = false

    func run() throws {
        let (scenario, rules) = try options.load()
        let engine = FundingEngine(scenario: scenario, rules: rules)
        let assessments = engine.assess(scenario.projects)
        if let csv {
            do {
                try Output.writeAtomically(Data(FundTable.csv(scenario: scenario, assessments: assessments, language: options.language).bytes), to: csv,
                                           inputs: scenario.inputs.map(\.path))
            } catch {
                Output.fail(.verbatim("\(error)"))
                throw ExitStatus.outputFailed
            }
        }
        if options.json {
            let document = FundDocument.json(scenario: scenario.spec.id, rules: rules, assessments: assessments,
                                             members: !noMembers)
            try Output.out(document.renderedBytes())
            ExitLifetime.keep(document)
        } else {
            try Output.out(FundTable.text(scenario: scenario, rules: rules, assessments: assessments, language: options.language))
        }
        if let csv { Output.wrote(csv) }
        ExitLifetime.keep((scenario, assessments))
    }
}
