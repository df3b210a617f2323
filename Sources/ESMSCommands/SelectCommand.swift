// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import FundingRules
import LinearOptimizer
import ReportRendering
import ScenarioModel
import Selection
import Workflow

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
        prove, ends there as 'time-limit' (unless the least violation of the hard balance, searched \
        on its own within \(Selector.hardBalanceStartNodes) more nodes, is a selection that meets it: \
        the search then starts from it), with the same diagnosis (the keys no selection found \
        meets, the tolerance that admits one); --time-limit searches as long as it says instead. \
        Once a selection is found, the priority stages (ESSMS, acquisitions, score) search until \
        they are proven optimal, bounded only by --time-limit; the soft-balance stage opens at most \
        \(Selector.defaultBalanceStageNodes) nodes without --time-limit, after which the selection is \
        'feasible': every priority proven optimal, its imbalance the least found, not proven least.

        Exit codes: 0 a selection was found (optimal or not: see 'status'), 1 the scenario has \
        errors or the model is infeasible, 2 usage, 3 an output could not be written, 4 no \
        selection was found and none was proven impossible before the limit (status \
        'time-limit'), or the solver failed ('solver-error').
        """)

    @OptionGroup var options: ScenarioOptions

    @OptionGroup(title: "Committee pins")
    var pins: CommitteePins

    @OptionGroup(title: "Solver")
    var solve: SolveOptions
    var timeLimit: Double? { solve.timeLimit }
    var gap: Double { solve.gap }

    @Option(help: ArgumentHelp("Write the model solved last as FILE.mps (free MPS) or FILE.lp (CPLEX LP), for any solver.",
                               valueName: "file"))
    var exportModel: String?

    @Option(help: ArgumentHelp("Re-solves made to explain projects (forcing in, taking out), at most this many of each (default: every project; a national committee of 1 879 candidates takes some 9 s on two cores): the projects left out with the highest priority score first, the selected ones with the lowest. Each re-solve may open 500 nodes per stage and all together 40 000, or 100 per re-solve above 400 re-solves: past that, figures are marked not proven, or not computed; a count of nodes, not seconds, so the output is the same on every machine.",
                               valueName: "n"))
    var explainLimit: Int?

    @Option(name: .customLong("explain"), help: ArgumentHelp("Explain project ID by its re-solve (what forcing it in would cost, or what removing it frees), whatever --explain-limit, before the others (repeatable). With --explain-limit 0, only the projects named are re-solved: the answer to one committee member's question takes one re-solve, not the whole committee's.",
                               valueName: "id"))
    var explain: [String] = []

    @Option(help: ArgumentHelp("Changes of the selection reported if the envelope grows (0 for none).", valueName: "n"))
    var nextInLine: Int = 3

    @Flag(help: ArgumentHelp("Report wall times: 'seconds' of each stage and a 'timings' object in --json, seconds in the text (off by default so that the output is reproducible)."))
    var timings = false

    func validate() throws {
        if let e = exportModel, !(e.hasSuffix(".mps") || e.hasSuffix(".lp")) {
            throw Output.usage(.fr("--export-model demande un fichier en .mps ou .lp, reçu '\(e)'",
                                   en: "--export-model needs a file ending in .mps or .lp, got '\(e)'"))
        }
        try NumericOptions.explainLimit.check(explainLimit)
        try NumericOptions.nextInLine.check(nextInLine)
    }

    func run() throws {
        let clock = ContinuousClock()
        let began = clock.now
        let committee = try SelectionMessages.committee(options, pins: pins)
        let load = seconds(began.duration(to: clock.now))
        let (scenario, rules, problem) = (committee.scenario, committee.rules, committee.problem)
        let warnings = committee.warnings
        try SelectionMessages.checkExplained(explain, in: scenario)
        SelectionMessages.warn(committee)
        let run: SelectionRun
        let shown = !options.json && Output.showsProgress
        do {
            defer { if shown { Output.clearProgress() } }
            run = try committee.select(SolveSettings(timeLimit: timeLimit, relativeGap: gap, explainLimit: explainLimit,
                                                     nextInLine: nextInLine, explain: explain), clock: clock,
                                       progress: SelectionMessages.progress(shown: shown))
        } catch {
            Output.fail(SelectionMessages.describe(error))
            throw ExitStatus.scenarioErrors
        }
        let result = run.result
        if let exportModel {
            do {
                try GLPKSolver().export(result.model.model, as: exportModel.hasSuffix(".lp") ? .cplexLP : .freeMPS,
                                        to: URL(fileURLWithPath: exportModel))
                Output.say(.fr("modèle écrit : \(exportModel)", en: "wrote the model to \(exportModel)"))
            } catch {
                Output.fail(.cannotWrite(exportModel, "\(error)"))
                throw ExitStatus.outputFailed
            }
        }
        if let failure = run.analysisFailure { Output.warn(SelectionMessages.describe(failure)) }
        let phases = [("load", load)] + run.phases.map { ($0.name, $0.seconds) }
        if options.json {
            var extra: [(String, JSONValue)] = [("warnings", .array(warnings.map { .string($0) }))]
            if timings {
                // Wall seconds of each phase: loading and assessing the scenario, the lexicographic
                // selection (every stage), the explanations, next in line or the infeasibility report.
                extra.append(("timings", .object(phases.map { ($0.0, .double($0.1)) })))
            }
            if let infeasibility = run.infeasibility {
                extra.append(("infeasibility", SelectionAnalysisDocument.infeasibility(infeasibility, problem: problem)))
            }
            if nextInLine > 0 && run.solved {
                extra.append(("next_in_line", SelectionAnalysisDocument.nextInLine(run.nextInLine)))
            }
            try Output.out(SelectDocument.json(scenario: scenario, rules: rules, problem: problem, result: result,
                                           explanations: run.explanations, extra: extra, timings: timings).rendered())
        } else {
            let language = options.language
            let assessments = Dictionary(committee.assessments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var text = SelectionText.render(scenario: scenario, problem: problem, result: result, explanations: run.explanations,
                                            timings: timings, language: language, assessments: assessments)
            if let infeasibility = run.infeasibility {
                text += SelectionAnalysisDocument.infeasibilityText(infeasibility, problem: problem, language: language)
            }
            if nextInLine > 0 && run.solved {
                text += SelectionAnalysisDocument.nextInLineText(run.nextInLine, language: language)
            }
            if timings {
                let f = ReportFormat(language)
                text += "\n" + Catalogue(language)(.timings) + (language == .fr ? " : " : ": ")
                    + phases.map { "\($0.0.replacingOccurrences(of: "_", with: " ")) \(language == .fr ? f.decimal($0.1, digits: 3) : JSONValue.formatDecimal($0.1, digits: 3)) s" }
                    .joined(separator: language == .fr ? " ; " : "; ") + "\n"
            }
            try Output.out(text)
        }
        SelectionMessages.noteBalanceUnproven(result, timeLimit: timeLimit)
        try SelectionMessages.failIfUndecided(result, infeasibility: run.infeasibility, timeLimit: timeLimit)
    }
}

/// Sentences for selection errors and warnings.
enum SelectionMessages {
    /// Loads the scenario, assesses it and builds its selection problem with the committee pins;
    /// reports and exits on errors.
    static func committee(_ options: ScenarioOptions, pins: CommitteePins) throws -> Committee {
        let (scenario, rules) = try options.load()
        let (force, exclude) = try pins.resolved(for: scenario)
        return try committee(scenario, rules, force: force, exclude: exclude)
    }

    /// Assesses `scenario` and builds its selection problem with the pins `force` and `exclude`;
    /// a pin that cannot be honoured is said and exits 2.
    static func committee(_ scenario: Scenario, _ rules: RuleSet, force: [String] = [], exclude: [String] = []) throws -> Committee {
        do {
            return try Committee(scenario: scenario, rules: rules, force: force, exclude: exclude)
        } catch {
            Output.fail(describe(error))
            throw ExitStatus.usage
        }
    }

    /// Exit 2, saying which, when a project named by --explain is not in the scenario.
    static func checkExplained(_ ids: [String], in scenario: Scenario) throws {
        let known = Set(scenario.projects.map(\.id))
        guard let unknown = ids.first(where: { !known.contains($0) }) else { return }
        Output.fail(describe(SelectionProblem.BuildError.unknownProject(unknown, option: "--explain")))
        throw ExitStatus.usage
    }

    /// The committee's warnings before solving, on stderr.
    static func warn(_ committee: Committee) {
        for w in committee.warningPhrases { Output.warn(w) }
    }

    /// Exit 1 for an infeasible selection, 4 for one not decided (the search stopped at its
    /// limit with no selection, or the solver failed), each with its sentence on stderr.
    static func failIfUndecided(_ result: SelectionResult, infeasibility: InfeasibilityReport?, timeLimit: Double?) throws {
        let l = Output.language
        let sentence = SelectionText.sentence(result, language: l)
            + (infeasibility.map { " — " + SelectionAnalysisDocument.infeasibilitySentence($0, language: l) } ?? "")
        switch result.status {
        case .optimal, .feasible:
            return
        case .infeasible:
            Output.fail(.fr("aucune sélection ne respecte les contraintes impératives du scénario : \(sentence)",
                            en: "no selection satisfies the scenario's hard constraints: \(sentence)"))
            throw ExitStatus.scenarioErrors
        case .timeLimit:
            let nodes = Selector.defaultFirstSelectionNodes
            let limit: Phrase = timeLimit.map {
                .fr("sa limite de temps (--time-limit \(JSONValue.formatDecimal($0, digits: 3)) s)",
                    en: "its time limit (--time-limit \(JSONValue.formatDecimal($0, digits: 3)) s)")
            } ?? .fr("ses \(ReportFormat(.fr).terminalInteger(nodes)) premiers nœuds (donnez --time-limit pour chercher plus longtemps)",
                     en: "its first \(nodes) nodes (give --time-limit to search longer)")
            Output.fail(.fr("aucune sélection respectant les contraintes impératives du scénario n'a été trouvée dans \(limit.fr), et aucune n'a été prouvée impossible : \(sentence)",
                            en: "no selection meeting the scenario's hard constraints was found within \(limit.en), and none was proven impossible: \(sentence)"))
            throw ExitStatus.undecided
        case .solverError:
            Output.fail(.fr("le solveur a échoué, aucune sélection n'a été décidée : \(sentence)",
                            en: "the solver failed, no selection was decided: \(sentence)"))
            throw ExitStatus.undecided
        }
    }

    static func describe(_ error: Error) -> Phrase {
        switch error {
        case let e as SelectionProblem.BuildError:
            switch e {
            case .unknownProject(let id, let option):
                return .fr("\(option) \(id) : aucun projet '\(id)' dans le scénario", en: "\(option) \(id): no project '\(id)' in the scenario")
            case .forcedAndExcluded(let id):
                return .fr("le projet '\(id)' est à la fois imposé (--force) et exclu (--exclude)",
                           en: "project '\(id)' is both forced (--force) and excluded (--exclude)")
            case .forcedNotCandidate(let id, let reason):
                return .fr("--force \(id) : le projet ne peut pas être retenu : \(reason.fr)",
                           en: "--force \(id): the project cannot be selected: \(reason.en)")
            }
        case let e as Selector.Failure:
            switch e {
            case .unsupportedObjective(let s): return .verbatim(s)
            case .solver(let s): return .fr("le solveur a refusé le modèle : \(s.message)", en: "the solver refused the model: \(s.message)")
            }
        default:
            return .verbatim("\(error)")
        }
    }
}
