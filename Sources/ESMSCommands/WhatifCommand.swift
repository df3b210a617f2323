// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import FundingRules
import ReportRendering
import ScenarioModel
import Selection
import Simulation

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
        let base = try Self.load(&loader, scenario, variant: nil)
        let progress = !json && Output.showsProgress
        let (rows, baseParameters, draws, seed) = try Self.rows(scenario, base: base, loader: &loader, settings: simulation, progress: progress)
        if json {
            try Output.out(WhatifDocument.json(scenario: base.0.spec.id, seed: seed, draws: draws, rows: rows, fromData: baseParameters.fromData,
                                               calibration: baseParameters.calibrationFile).renderedBytes())
        } else {
            let title = base.0.spec.title.isEmpty ? base.0.spec.id : base.0.spec.title
            let language = languageOption.language
            let t = Catalogue(language)
            let note = baseParameters.fromData.isEmpty ? t(.allAssumptions)
                : t(.fromData, baseParameters.calibrationFile ?? "", baseParameters.fromDataSummary.joined(separator: ", "))
            try Output.out(WhatifDocument.text(title: title, seed: seed, draws: draws, rows: rows, language: language) + "\n" + note + "\n")
        }
    }

    /// The base and every variant of the scenario at `file` through fund → select → simulate,
    /// with the same seed and draws (no tornado): one row each, a failed variant's with its
    /// reason; the base's failure is reported and exits 1. `whatif` prints them, `report`
    /// puts them in the note.
    static func rows(_ file: String, base: (Scenario, RuleSet), loader: inout ScenarioLoader, settings given: SimulationOptions,
                     progress: Bool) throws -> (rows: [WhatifDocument.Row], base: SimulationParameters, draws: Int, seed: UInt64) {
        var settings = given
        // The tornado is `simulate`'s: here one run per variant.
        settings.sensitivityDraws = 0
        let baseParameters = try settings.parameters(base.0, file: file)
        if settings.seed == nil { settings.seed = baseParameters.seed }
        if settings.draws == nil { settings.draws = baseParameters.draws }
        var rows: [WhatifDocument.Row] = []
        let runs: [(String, [String])] = [("base", [])] + base.0.spec.variants.map { v in
            (v.id, v.set.map { "\($0.keyPath.joined(separator: ".")) = \(Self.describe($0.value))" })
        }
        for (i, (id, changes)) in runs.enumerated() {
            if progress { Output.progress(.fr("variante \(i + 1) / \(runs.count) : \(id)", en: "what-if \(i + 1) / \(runs.count): \(id)"), final: false) }
            let (s, rules) = i == 0 ? base : try Self.load(&loader, file, variant: id)
            do {
                let o = try SimulationPipeline.run(scenario: s, rules: rules, file: file, settings: settings,
                                                   allEligible: false, progress: false, tornado: false)
                let r = o.report
                rows.append(WhatifDocument.Row(
                    variant: id, changes: changes, status: o.set.status ?? "", projects: o.set.projects.count,
                    finess: o.set.finess, acquisitions: o.set.acquisitions, used: o.set.used, available: o.problem.available,
                    expectedPaid: r.paid.roundedMean, paidStandardError: r.paid.standardError, tranche2Total: r.tranche2Total,
                    expectedActiveDUI: r.activeDUI.mean, expectedAttaining: r.attaining.mean, draws: r.draws))
            } catch let e as SimulationPipeline.NoSelection {
                if i == 0 {
                    if progress { Output.progress(.verbatim(""), final: true) }
                    Output.fail(.fr("scénario de base : ", en: "base scenario: ") + e.phrase)
                    throw ExitStatus.scenarioErrors
                }
                rows.append(WhatifDocument.Row(variant: id, changes: changes, status: e.status, error: e.sentence))
            }
        }
        if progress { Output.progress(.fr("variantes : \(runs.count) calculs faits", en: "what-if: \(runs.count) runs done"), final: true) }
        return (rows, baseParameters, settings.draws ?? baseParameters.draws, settings.seed ?? baseParameters.seed)
    }

    static func load(_ loader: inout ScenarioLoader, _ path: String, variant: String?) throws -> (Scenario, RuleSet) {
        try ScenarioOptions.load(&loader, path, variant: variant, reportWarnings: variant == nil)
    }

    static func describe(_ node: ConfigNode) -> String {
        switch node {
        case .scalar(let s, _): return s
        case .list(let items, _): return "[" + items.map(describe).joined(separator: ", ") + "]"
        case .map(let pairs, _): return "{ " + pairs.map { "\($0.key): \(describe($0.value))" }.joined(separator: ", ") + " }"
        }
    }
}
