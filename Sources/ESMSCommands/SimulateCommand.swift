// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import FundingRules
import ReportRendering
import ScenarioModel
import Selection
import Simulation
import Workflow

/// `esms simulate`: Monte-Carlo on the usage-target attainment of the committee's selection.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Monte-Carlo on usage-target attainment of the selection: tranche-2 money at risk, active DUI.",
        discussion: """
        Selects first, as 'select' does (with an 'expected_attaining' objective, each candidate's \
        expected ESSMS reaching their targets is simulated first), then simulates the selected \
        projects: per draw, each project's deployment (duration drawn around planned_months, \
        longer for acquisitions; an ESSMS not deployed by the measurement date attains nothing), \
        and per ESSMS and indicator (active records, personalised project, agenda — 90 %; \
        MSSanté, DMP — 70 %; PJM exempt from the 2025 rules) a usage rate drawn around a mean that \
        depends on the project (acquisition or upgrade, IS maturity, small OG with or without \
        AMOA, grappe size, maturity score), with a shared project effect. Tranche 2 is paid per \
        the 'second_tranche' policy; active DUI = file active × active-records rate. The model, \
        its defaults and their reasons: docs/SIMULATION.md; the scenario's 'simulation' block \
        overrides any assumption.

        Reports the mean, standard error, p5/p50/p95 and a histogram of ESSMS attaining, \
        tranche-2 paid and unpaid, active DUI; the contribution to the national targets (410 000 \
        active DUI, 29 000 ESMS funded: programme totals) — a national run also gives the \
        probability of reaching 410 000 over what it knows, and a target given with \
        --target-active-dui gets its probability; per project P(every ESSMS attains) and the expected unpaid balance; a tornado \
        (each assumption moved low and high, one at a time). Deterministic: the same seed gives \
        the same bytes on any number of threads.

        Exit codes: 0 done, 1 the scenario has errors or no selection was found, 2 usage, \
        3 an output could not be written.
        """)

    @OptionGroup var options: ScenarioOptions
    @OptionGroup var simulation: SimulationOptions

    @Flag(help: "Simulate every eligible candidate project instead of the selection (no solve).")
    var allEligible = false

    @Option(help: ArgumentHelp("Write the compiled model (flat arrays) as JSON, for another implementation.", valueName: "file"))
    var exportInstance: String?

    @Flag(help: ArgumentHelp("Report wall times and samples per second ('timings' in --json; off by default so that the output is reproducible)."))
    var timings = false

    func validate() throws { try simulation.check() }

    func run() throws {
        let clock = ContinuousClock()
        let began = clock.now
        let (scenario, rules) = try options.load()
        let parameters = try simulation.parameters(scenario, file: options.scenario)
        let committee = try SelectionMessages.committee(scenario, rules)
        let outcome: SimulationOutcome
        do {
            outcome = try committee.simulate(allEligible ? .allEligible : .selection, parameters: parameters,
                                             threads: simulation.resolvedThreads, tornado: true,
                                             progress: !options.json && Output.showsProgress ? Self.progressLine : .silent)
        } catch let e as Committee.NoSelection {
            Output.fail(e.phrase)
            throw ExitStatus.scenarioErrors
        }
        if let exportInstance {
            let doc = SimulationInstance.json(outcome.model, scenario: scenario.spec.id, draws: outcome.parameters.draws,
                                              seed: outcome.parameters.seed)
            do {
                try Output.writeAtomically(Data(doc.renderedBytes()), to: exportInstance, inputs: scenario.inputs.map(\.path))
                Output.say(.fr("modèle compilé écrit : \(exportInstance)", en: "wrote the compiled model to \(exportInstance)"))
            } catch {
                Output.fail(.verbatim("\(error)"))
                throw ExitStatus.outputFailed
            }
        }
        let context = outcome.context(committee)
        let total = began.duration(to: clock.now)
        let samples = Double(outcome.report.essms) * 5 * Double(outcome.report.draws)
        let timing: [(String, Double)] = [
            ("total", seconds(total)), ("select", outcome.selectSeconds), ("simulate", outcome.simulateSeconds),
            ("sensitivity", outcome.sensitivitySeconds), ("samples", samples),
            ("samples_per_second", outcome.simulateSeconds > 0 ? samples / outcome.simulateSeconds : 0),
        ]
        if options.json {
            var extra: [(String, JSONValue)] = []
            if !committee.warnings.isEmpty { extra.append(("warnings", .array(committee.warnings.map { .string($0) }))) }
            if timings { extra.append(("timings", .object(timing.map { ($0.0, .double($0.1, digits: 4)) }))) }
            try Output.out(SimulationDocument.json(context, extra: extra).renderedBytes())
        } else {
            var text = SimulationText.render(context, language: options.language)
            if timings {
                text += "\nTimings: select \(JSONValue.formatDecimal(outcome.selectSeconds, digits: 3)) s; simulate "
                    + "\(JSONValue.formatDecimal(outcome.simulateSeconds, digits: 3)) s (\(JSONValue.formatDecimal(samples / max(1e-9, outcome.simulateSeconds) / 1e6, digits: 1)) million samples/s, "
                    + "\(simulation.resolvedThreads) threads); sensitivity \(JSONValue.formatDecimal(outcome.sensitivitySeconds, digits: 3)) s\n"
            }
            try Output.out(text)
        }
        ExitLifetime.keep((committee, outcome))
    }

    /// The progress line of the draws, the convergence and the tornado's assumptions.
    static var progressLine: SimulationProgress {
        SimulationProgress(
            draws: { done, total in Output.progress(.fr("simulation : \(done) / \(total) tirages", en: "simulating: \(done) / \(total) draws"), final: done == total) },
            converged: { draws in Output.progress(.fr("simulation : convergée après \(draws) tirages", en: "simulating: converged after \(draws) draws"), final: true) },
            sensitivity: { done, total in Output.progress(.fr("sensibilité : \(done) / \(total) hypothèses", en: "sensitivity: \(done) / \(total) assumptions"), final: done == total) })
    }
}

func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) * 1e-18
}

/// The options of the simulation commands; each overrides the scenario's `simulation` block.
struct SimulationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Number of draws (default: simulation.draws of the scenario, else 10 000).", valueName: "n"))
    var draws: Int?

    @Option(help: ArgumentHelp("Seed of the generators (default: simulation.seed of the scenario, else 1).", valueName: "s"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Threads (default: the number of cores). The results do not depend on it.", valueName: "n"))
    var threads: Int?

    @Option(help: ArgumentHelp("Active DUI to reach, for its probability (default: none in a regional run, the national 410 000 in a national run).", valueName: "n"))
    var targetActiveDui: Int?

    @Option(help: ArgumentHelp("Stop early when the standard error of tranche-2 paid is below this fraction of it (e.g. 0.002), checked every 1 000 draws.", valueName: "x"))
    var tolerance: Double?

    @Option(help: ArgumentHelp("Draws of each tornado run (default 1 000; 0: no sensitivity analysis).", valueName: "n"))
    var sensitivityDraws: Int?

    func check() throws {
        try NumericOptions.draws.check(draws)
        try NumericOptions.threads.check(threads)
        try NumericOptions.targetActiveDUI.check(targetActiveDui)
        try NumericOptions.tolerance.check(tolerance)
        try NumericOptions.sensitivityDraws.check(sensitivityDraws)
    }

    var resolvedThreads: Int { threads ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The scenario's `simulation` block with these options applied; reports and exits on errors.
    func parameters(_ scenario: Scenario, file: String) throws -> SimulationParameters {
        var d = Diagnostics()
        var p = SimulationParameters.decode(scenario.spec.simulation, file: file, diagnostics: &d)
        if d.errorCount + d.warningCount > 0 { Output.report(d) }
        if d.hasErrors {
            Output.say(.fr("\(file) : le bloc 'simulation' contient des erreurs", en: "\(file): the 'simulation' block has errors"))
            throw ExitStatus.scenarioErrors
        }
        if let draws { p.draws = draws }
        if let seed { p.seed = seed }
        if let targetActiveDui { p.targetActiveDUI = targetActiveDui }
        if let tolerance { p.tolerance = tolerance }
        if let sensitivityDraws { p.sensitivityDraws = sensitivityDraws }
        return p
    }
}

extension SimulationOutcome {
    /// The simulation document's context: what `committee` simulated, and with what.
    func context(_ committee: Committee) -> SimulationDocument.Context {
        SimulationDocument.Context(scenario: committee.scenario, rules: committee.rules, set: set, model: model, report: report,
                                   drawsRequested: parameters.draws, targetGiven: parameters.targetActiveDUI != nil,
                                   tornado: tornado, engagedESSMS: committee.engagedESSMS)
    }
}

extension Committee.NoSelection {
    /// `message` in both languages.
    var phrase: Phrase {
        let fr = result.map { "\(ReportFormat(.fr).status($0.status)) — \(SelectionText.sentence($0, language: .fr))" }
            ?? "erreur — \(sentence)"
        return .fr("aucune sélection à simuler : \(fr)", en: message)
    }
}
