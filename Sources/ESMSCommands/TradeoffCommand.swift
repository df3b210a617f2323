// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import ReportRendering
import ScenarioModel
import Selection
import Workflow

/// `esms tradeoff`: funded ESSMS against acquisitions, so the committee picks its point knowingly.
struct TradeoffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tradeoff",
        abstract: "Show the trade-off between funded ESSMS and acquisitions (Pareto curve).",
        discussion: """
        Putting 'finess' first buys upgrades (5 000 € per ESSMS) rather than acquisitions \
        (21 000 €), the 2024 priority. This command computes the non-dominated selections under \
        the envelope by ε-constraint: most ESSMS (then acquisitions, then score) subject to at \
        least ε acquisitions, for ε from the acquisitions of the finess-first optimum up to the \
        acquisition-first optimum. Between consecutive points it gives the marginal cost: how many \
        funded ESSMS each extra acquisition costs. The scenario's balance rules and pins apply.

        Exit codes: 0 the curve was computed, 1 the scenario has errors or the model is \
        infeasible, 2 usage, 4 no selection was found and none proven impossible before the \
        search's limit, or the solver failed.
        """)

    @OptionGroup var options: ScenarioOptions

    @Option(help: ArgumentHelp("Solves at most, the two end points included (2 to 101); every point is found when the range of acquisitions is small enough.",
                               valueName: "n"))
    var points: Int = 11

    @OptionGroup(title: "Committee pins")
    var pins: CommitteePins

    @OptionGroup(title: "Solver")
    var solve: SolveOptions

    func validate() throws {
        try NumericOptions.points.check(points)
    }

    func run() throws {
        let committee = try SelectionMessages.committee(options, pins: pins)
        let (scenario, problem) = (committee.scenario, committee.problem)
        SelectionMessages.warn(committee)
        let curve: TradeoffCurve
        do {
            let shown = !options.json && Output.showsProgress
            defer { if shown { Output.clearProgress() } }
            curve = try committee.tradeoff(points: points, selector: solve.selector, progress: shown ? { done, total in
                Output.progress(.fr("arbitrage : \(done) / \(total) résolutions au plus", en: "trade-off: \(done) / \(total) solves at most"),
                                final: false)
            } : nil)
        } catch {
            Output.fail(SelectionMessages.describe(error))
            throw ExitStatus.scenarioErrors
        }
        SelectionMessages.noteUnproven(.fr("points non prouvés optimaux", en: "points not proven optimal"),
                                       count: curve.points.filter { $0.status == .feasible }.count, of: curve.points.count,
                                       timeLimited: solve.timeLimit != nil)
        if options.json {
            try Output.out(TradeoffDocument.json(problem: problem, curve: curve).rendered())
        } else {
            let title = scenario.spec.title.isEmpty ? scenario.spec.id : scenario.spec.title
            try Output.out(TradeoffDocument.text(title: title, problem: problem, curve: curve, language: options.language))
        }
        if curve.points.isEmpty {
            Output.fail(.fr("aucune sélection (statut : \(ReportFormat(.fr).status(curve.status))) ; 'esms select' en donne les raisons",
                            en: "no selection: the model is \(curve.status.rawValue); run 'esms select' for the reasons"))
            throw curve.status == .timeLimit || curve.status == .solverError ? ExitStatus.undecided : ExitStatus.scenarioErrors
        }
    }
}
