// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import FundingRules
import LinearOptimizer
import ReportRendering
import ScenarioModel
import Selection

/// `esms select`: the committee's recommended selection, proven optimal and explained.
struct SelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Select the projects to fund: most ESSMS, then acquisitions, then priority score, under the envelope.",
        discussion: """
        Solves the selection model of the scenario contract with GLPK: one binary per eligible \
        candidate, the remaining envelope (notified − engaged − reserve − engaged projects), one \
        grant per ESSMS, the territorial (département) and sector balance (hard, soft or off), \
        engaged projects fixed in. The objective is the scenario's: lexicographic by default \
        (finess, acquisition, score — each solved in turn and fixed before the next), or weighted; \
        soft balance slack is minimised last. Every project is explained: selected (and what \
        removing it frees), or why not (ineligible, over the envelope, conflict on a FINESS, or \
        displaced: what forcing it in would cost). 'Next in line' gives the projects that come in \
        first if the envelope grows, and the growth needed, to the cent. When a hard balance makes \
        the model infeasible, the keys that cannot be met are named with the tolerance that would \
        admit a selection (from an elastic model: the same rows with slack, total slack minimised); \
        that diagnosis takes at most --time-limit, or 10 s without it, and says when it was cut short \
        (its tolerances then still admit a selection, but may be larger than needed).

        Without --time-limit, the search for a first selection meeting the hard constraints may \
        open \(Selector.defaultFirstSelectionNodes) branch-and-bound nodes (a count, the same on every \
        machine): a hard balance that no selection can meet exactly, which GLPK cannot always \
        prove, ends there as 'time-limit', with the same diagnosis (the keys no selection found \
        meets, the tolerance that admits one); --time-limit searches as long as it says instead. \
        Once a selection is found, only --time-limit bounds the search.

        Exit codes: 0 a selection was found (optimal or not: see 'status'), 1 the scenario has \
        errors or the model is infeasible, 2 usage, 3 an output could not be written, 4 no \
        selection was found and none was proven impossible before the limit (status \
        'time-limit'), or the solver failed ('solver-error').
        """)

    @OptionGroup var options: ScenarioOptions

    @OptionGroup(title: "Committee pins")
    var pins: CommitteePins
    var force: [String] { pins.force }
    var exclude: [String] { pins.exclude }

    @Option(help: ArgumentHelp("Time limit for the whole solve, in seconds; also bounds the diagnosis of an infeasible model (10 s without it).", valueName: "seconds"))
    var timeLimit: Double?

    @Option(help: ArgumentHelp("Relative gap at which a stage may stop (0 = prove optimality).", valueName: "gap"))
    var gap: Double = 0

    @Option(help: ArgumentHelp("Write the model solved last as FILE.mps (free MPS) or FILE.lp (CPLEX LP), for any solver.",
                               valueName: "file"))
    var exportModel: String?

    @Option(help: ArgumentHelp("Re-solves made to explain projects (forcing in, taking out), at most this many of each (default: 200, or 20 above 400 candidates, where each re-solve is a national-scale solve). Each re-solve may open 500 nodes per stage and all together 40 000: past that, figures are marked not proven, or not computed; a count of nodes, not seconds, so the output is the same on every machine.",
                               valueName: "n"))
    var explainLimit: Int?

    @Option(help: ArgumentHelp("Changes of the selection reported if the envelope grows (0 for none).", valueName: "n"))
    var nextInLine: Int = 3

    @Flag(help: ArgumentHelp("Report wall times: 'seconds' of each stage and a 'timings' object in --json, seconds in the text (off by default so that the output is reproducible)."))
    var timings = false

    func validate() throws {
        try NumericOptions.timeLimit.check(timeLimit)
        try NumericOptions.gap.check(gap)
        if let e = exportModel, !(e.hasSuffix(".mps") || e.hasSuffix(".lp")) {
            throw ValidationError("--export-model needs a file ending in .mps or .lp, got '\(e)'")
        }
        try NumericOptions.explainLimit.check(explainLimit)
        try NumericOptions.nextInLine.check(nextInLine)
    }

    func run() throws {
        let clock = ContinuousClock()
        var phases: [(String, Double)] = []
        var mark = clock.now
        func lap(_ name: String) {
            let now = clock.now
            let d = mark.duration(to: now).components
            phases.append((name, Double(d.seconds) + Double(d.attoseconds) * 1e-18))
            mark = now
        }
        let (scenario, rules, problem) = try SelectionMessages.problem(options, force: force, exclude: exclude)
        lap("load")
        let warnings = SelectionMessages.warnings(problem)
        for w in warnings { Output.error("warning: \(w)") }
        let selector = Selector(timeLimit: timeLimit, relativeGap: gap)
        let result: SelectionResult
        do {
            result = try selector.solve(problem)
        } catch {
            Output.error("error: \(SelectionMessages.describe(error))")
            throw ExitStatus.scenarioErrors
        }
        lap("select")
        if let exportModel {
            do {
                try GLPKSolver().export(result.model.model, as: exportModel.hasSuffix(".lp") ? .cplexLP : .freeMPS,
                                        to: URL(fileURLWithPath: exportModel))
                Output.error("wrote the model to \(exportModel)")
            } catch {
                Output.error("error: cannot write \(exportModel): \(error)")
                throw ExitStatus.outputFailed
            }
        }
        let explanations = result.status == .optimal || result.status == .feasible
            ? Explainer(selector: selector, resolveLimit: explainLimit ?? Explainer.defaultResolveLimit(candidates: problem.candidates.count))
                .explain(problem, result, projects: scenario.projects.map { ($0.id, $0.title) })
            : []
        lap("explain")
        var infeasibility: InfeasibilityReport?
        var next: [NextInLineChange] = []
        do {
            if result.status == .infeasible || result.status == .timeLimit {
                infeasibility = try InfeasibilityAnalyzer.sharing(timeLimit: timeLimit, relativeGap: gap)
                    .analyze(problem, undecided: result.status == .timeLimit)
            } else if result.status == .optimal || result.status == .feasible {
                next = try NextInLine(selector: selector, changes: nextInLine).compute(problem, result)
            }
        } catch {
            Output.error("warning: \(SelectionMessages.describe(error))")
        }
        lap(result.status == .infeasible || result.status == .timeLimit ? "infeasibility" : "next_in_line")
        if options.json {
            var extra: [(String, JSONValue)] = [("warnings", .array(warnings.map { .string($0) }))]
            if timings {
                // Wall seconds of each phase: loading and assessing the scenario, the lexicographic
                // selection (every stage), the explanations, next in line or the infeasibility report.
                extra.append(("timings", .object(phases.map { ($0.0, .double($0.1)) })))
            }
            if let infeasibility {
                extra.append(("infeasibility", SelectionAnalysisDocument.infeasibility(infeasibility, problem: problem)))
            }
            if nextInLine > 0 && (result.status == .optimal || result.status == .feasible) {
                extra.append(("next_in_line", SelectionAnalysisDocument.nextInLine(next)))
            }
            try Output.out(SelectDocument.json(scenario: scenario, rules: rules, problem: problem, result: result,
                                           explanations: explanations, extra: extra, timings: timings).rendered())
        } else {
            var text = SelectionText.render(scenario: scenario, problem: problem, result: result, explanations: explanations,
                                            timings: timings)
            if let infeasibility { text += SelectionAnalysisDocument.infeasibilityText(infeasibility, problem: problem) }
            if nextInLine > 0 && (result.status == .optimal || result.status == .feasible) {
                text += SelectionAnalysisDocument.nextInLineText(next)
            }
            if timings {
                text += "\nTimings: " + phases.map { "\($0.0.replacingOccurrences(of: "_", with: " ")) \(JSONValue.formatDecimal($0.1, digits: 3)) s" }
                    .joined(separator: "; ") + "\n"
            }
            try Output.out(text)
        }
        try SelectionMessages.failIfUndecided(result, infeasibility: infeasibility, timeLimit: timeLimit)
    }
}

/// Sentences for selection errors and warnings.
enum SelectionMessages {
    /// Loads the scenario and builds its selection problem with the committee pins; reports
    /// and exits on errors.
    static func problem(_ options: ScenarioOptions, force: [String], exclude: [String]) throws
        -> (Scenario, RuleSet, SelectionProblem)
    {
        let (scenario, rules) = try options.load()
        let assessments = FundingEngine(scenario: scenario, rules: rules).assess(scenario.projects)
        do {
            let problem = try SelectionProblem.build(scenario: scenario, assessments: assessments, force: force, exclude: exclude)
            return (scenario, rules, problem)
        } catch {
            Output.error("error: \(describe(error))")
            throw ExitStatus.usage
        }
    }

    /// Exit 1 for an infeasible selection, 4 for one not decided (the search stopped at its
    /// limit with no selection, or the solver failed), each with its sentence on stderr.
    static func failIfUndecided(_ result: SelectionResult, infeasibility: InfeasibilityReport?, timeLimit: Double?) throws {
        let diagnosis = infeasibility.map { " — \($0.sentence)" } ?? ""
        switch result.status {
        case .optimal, .feasible:
            return
        case .infeasible:
            Output.error("error: no selection satisfies the scenario's hard constraints: \(result.sentence)\(diagnosis)")
            throw ExitStatus.scenarioErrors
        case .timeLimit:
            let limit = timeLimit.map { "its time limit (--time-limit \(JSONValue.formatDecimal($0, digits: 3)) s)" }
                ?? "its first \(Selector.defaultFirstSelectionNodes) nodes (give --time-limit to search longer)"
            Output.error("error: no selection meeting the scenario's hard constraints was found within \(limit), and none was proven impossible: \(result.sentence)\(diagnosis)")
            throw ExitStatus.undecided
        case .solverError:
            Output.error("error: the solver failed, no selection was decided: \(result.sentence)")
            throw ExitStatus.undecided
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case let e as SelectionProblem.BuildError:
            switch e {
            case .unknownProject(let id, let option): return "\(option) \(id): no project '\(id)' in the scenario"
            case .forcedAndExcluded(let id): return "project '\(id)' is both forced (--force) and excluded (--exclude)"
            case .forcedNotCandidate(let id, let reason): return "--force \(id): the project cannot be selected: \(reason)"
            }
        case let e as Selector.Failure:
            switch e {
            case .unsupportedObjective(let s): return s
            case .solver(let s): return "the solver refused the model: \(s.message)"
            }
        default:
            return "\(error)"
        }
    }

    /// Warnings before solving: keys with no fundable candidate, an overspent envelope.
    static func warnings(_ p: SelectionProblem) -> [String] {
        var out: [String] = []
        if p.available < .zero {
            out.append("the envelope is overspent before this committee: \(p.available.frenchString) available")
        }
        for (spec, money) in [(p.territory, \Candidate.territoryMoney), (p.sector, \Candidate.sectorMoney)] where spec.mode != .off {
            let funded = Set(p.candidates.flatMap { $0[keyPath: money].keys } + p.engaged.flatMap { $0[keyPath: money].keys })
            let empty = spec.keys.filter { !funded.contains($0) && (spec.targets[$0] ?? 0) > 0 }
            if !empty.isEmpty {
                let consequence = spec.mode == .hard
                    ? "with mode hard its lower bound forces an empty selection: set that key's target to 0, loosen the tolerance or use mode soft"
                    : "its share will stay at 0"
                out.append("\(spec.name) balance: no fundable candidate for \(empty.joined(separator: ", ")); \(consequence)")
            }
        }
        return out
    }
}
