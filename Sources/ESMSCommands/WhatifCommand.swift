// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import FundingRules
import ReportRendering
import ScenarioModel
import Selection
import Simulation
import Workflow

/// `esms whatif`: the base scenario and every variant, side by side.
struct WhatifCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Run the base scenario and every variant through fund → select → simulate, in one comparison table.",
        discussion: """
        Each variant of the scenario's 'variants' list overrides keys of the file (envelope, \
        policies, balance, objective, rules, simulation parameters: 'simulation.sigma.project', \
        'simulation.usage_targets.dmp'…). For the base and each variant: the projects' funding, \
        the committee's selection, and the Monte-Carlo on usage-target attainment of that \
        selection — with the same seed and draws for every variant (common random numbers), so \
        that the differences are the variant's and not noise. One row each: funded ESSMS, \
        acquisitions, money used, expected tranche-2 paid, expected active DUI, and the change \
        from the base. A variant whose selection fails (infeasible) gets its row with the reason.

        Exit codes: 0 done, 1 the scenario has errors or the base selection failed, 2 usage, \
        3 an output could not be written.
        """)

    @Argument(help: ArgumentHelp("The scenario file (YAML).", valueName: "scenario"))
    var scenario: String

    @Flag(help: "Print one JSON document on stdout; human text goes to stderr.")
    var json = false

    @OptionGroup var simulation: SimulationOptions

    @OptionGroup var languageOption: LanguageOption

    func validate() throws { try simulation.check() }

    func run() throws {
        var loader = ScenarioLoader()
        let (scenario, rules) = try Self.load(&loader, self.scenario, variant: nil)
        let threads = simulation.resolvedThreads
        let (rows, parameters) = try Self.table(self.scenario, base: scenario, loader: &loader, settings: simulation,
                                                progress: !json && Output.showsProgress) {
            let base = Whatif.Input(scenario: scenario, rules: rules, parameters: $0)
            return try Whatif(base: base, threads: threads).run(loading: $1, progress: $2)
        }
        if json {
            try Output.out(WhatifDocument.json(scenario: scenario.spec.id, seed: parameters.seed, draws: parameters.draws, rows: rows,
                                               fromData: parameters.fromData, calibration: parameters.calibrationFile).renderedBytes())
        } else {
            let title = scenario.spec.title.isEmpty ? scenario.spec.id : scenario.spec.title
            let language = languageOption.language
            let t = Catalogue(language)
            let note = parameters.fromData.isEmpty ? t(.allAssumptions)
                : t(.fromData, parameters.calibrationFile ?? "", parameters.fromDataSummary.joined(separator: ", "))
            try Output.out(WhatifDocument.text(title: title, seed: parameters.seed, draws: parameters.draws, rows: rows, language: language)
                           + "\n" + note + "\n")
        }
    }

    /// The what-if table of the scenario at `file` (its base `scenario`), shared by `whatif` and
    /// `report` (the note's risks): `run` makes the rows (`Whatif.run`, `CommitteeReport.whatif`)
    /// from the base's simulation parameters (`settings` over the scenario's block), a loader of
    /// the variants (with `loader`) and the progress line. The problems of a file are reported
    /// and exit 1; so does a base without a selection. Also the base's parameters: every row's
    /// seed and draws.
    static func table(_ file: String, base scenario: Scenario, loader: inout ScenarioLoader, settings: SimulationOptions, progress: Bool,
                      run: (SimulationParameters, (String) throws -> Whatif.Input, Whatif.Progress?) throws -> [Whatif.Row])
        throws -> (rows: [WhatifDocument.Row], parameters: SimulationParameters) {
        let base = try settings.parameters(scenario, file: file)
        let rows: [Whatif.Row]
        do {
            rows = try run(base, { id in
                let (s, rules) = try Self.load(&loader, file, variant: id)
                return Whatif.Input(scenario: s, rules: rules, parameters: try settings.parameters(s, file: file))
            }, progress ? { (i: Int, n: Int, id: String) in
                Output.progress(.fr("variante \(i) / \(n) : \(id)", en: "what-if \(i) / \(n): \(id)"), final: false)
            } : nil)
        } catch let e as Committee.NoSelection {
            if progress { Output.progress(.verbatim(""), final: true) }
            Output.fail(.fr("scénario de base : ", en: "base scenario: ") + e.phrase)
            throw ExitStatus.scenarioErrors
        } catch let e as SelectionProblem.BuildError {
            Output.fail(SelectionMessages.describe(e))
            throw ExitStatus.usage
        }
        if progress { Output.progress(.fr("variantes : \(rows.count) calculs faits", en: "what-if: \(rows.count) runs done"), final: true) }
        return (rows.map(WhatifDocument.Row.init), base)
    }

    static func load(_ loader: inout ScenarioLoader, _ path: String, variant: String?) throws -> (Scenario, RuleSet) {
        try ScenarioOptions.load(&loader, path, variant: variant, reportWarnings: variant == nil)
    }
}

extension WhatifDocument.Row {
    /// A row of the table as `whatif` prints it.
    init(_ row: Whatif.Row) {
        switch row.outcome {
        case .simulated(let set, let available, let r):
            self.init(variant: row.variant, changes: row.changes, status: set.status ?? "", projects: set.projects.count,
                      finess: set.finess, acquisitions: set.acquisitions, used: set.used, available: available,
                      expectedPaid: r.paid.roundedMean, paidStandardError: r.paid.standardError, tranche2Total: r.tranche2Total,
                      expectedActiveDUI: r.activeDUI.mean, expectedAttaining: r.attaining.mean, draws: r.draws)
        case .noSelection(let e):
            self.init(variant: row.variant, changes: row.changes, status: e.status, error: e.sentence)
        }
    }
}
