// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import FundingRules
import ScenarioModel
import Selection

/// A loaded scenario ready for its committee: every project assessed (eligibility and funding),
/// and the selection problem with the committee's pins. Every command that selects starts here,
/// then asks for what it renders (`select`, `simulate`, `followup`, `redeploy`); it prints
/// nothing and never exits: the commands say what went wrong.
public struct Committee: Sendable {
    public let scenario: Scenario
    public let rules: RuleSet
    public let assessments: [ProjectAssessment]
    public var problem: SelectionProblem

    /// Assesses the projects of `scenario` and builds the selection problem (`force` and
    /// `exclude`: the committee's pins, by project id).
    public init(scenario: Scenario, rules: RuleSet, force: [String] = [], exclude: [String] = []) throws(SelectionProblem.BuildError) {
        self.scenario = scenario
        self.rules = rules
        assessments = FundingEngine(scenario: scenario, rules: rules).assess(scenario.projects)
        problem = try SelectionProblem.build(scenario: scenario, assessments: assessments, force: force, exclude: exclude)
    }

    /// What to say before solving: keys of a balance with no fundable candidate, an overspent
    /// envelope. In English (the `warnings` of the JSON documents); `warningPhrases` in both languages.
    public var warnings: [String] { warningPhrases.map(\.en) }

    /// The warnings before solving, in French and in English.
    public var warningPhrases: [Phrase] {
        let p = problem
        var out: [Phrase] = []
        if p.available < .zero {
            out.append(.fr("l'enveloppe est dépassée avant ce comité : \(p.available.frenchString) disponibles",
                           en: "the envelope is overspent before this committee: \(p.available.frenchString) available"))
        }
        for (spec, money) in [(p.territory, \Candidate.territoryMoney), (p.sector, \Candidate.sectorMoney)] where spec.mode != .off {
            let funded = Set(p.candidates.flatMap { $0[keyPath: money].keys } + p.engaged.flatMap { $0[keyPath: money].keys })
            let empty = spec.keys.filter { !funded.contains($0) && (spec.targets[$0] ?? 0) > 0 }
            if !empty.isEmpty {
                let keys = empty.joined(separator: ", ")
                let consequence: Phrase = spec.mode == .hard
                    ? .fr("en mode hard, sa borne basse impose une sélection vide : mettez la cible de cette clé à 0, élargissez la tolérance ou passez en mode soft",
                          en: "with mode hard its lower bound forces an empty selection: set that key's target to 0, loosen the tolerance or use mode soft")
                    : .fr("sa part restera à 0", en: "its share will stay at 0")
                let nom = spec.name == "territory" ? "territorial" : spec.name == "sector" ? "sectoriel" : spec.name
                out.append(.fr("équilibre \(nom) : aucun candidat finançable pour \(keys) ; \(consequence.fr)",
                               en: "\(spec.name) balance: no fundable candidate for \(keys); \(consequence.en)"))
            }
        }
        return out
    }

    /// `(id, title)` of every project of the scenario, in its order: what the explanations cover.
    public var projectTitles: [(id: String, title: String)] { scenario.projects.map { ($0.id, $0.title) } }

    /// The ESSMS of the projects engaged before this committee.
    public var engagedESSMS: Int { problem.engaged.reduce(0) { $0 + $1.finessCount } }
}

/// How a committee's selection is solved and explained; the commands' options.
public struct SolveSettings: Sendable {
    /// Seconds for the whole selection (nil: none; then the first stage has
    /// `Selector.defaultFirstSelectionNodes` to find a selection). Also bounds the diagnosis of
    /// an infeasible or undecided selection (`InfeasibilityAnalyzer.defaultTimeBudget` without it).
    public var timeLimit: Double?
    public var relativeGap: Double
    /// Re-solves of each kind made to explain projects (nil: `Explainer.defaultResolveLimit`).
    public var explainLimit: Int?
    /// Changes of the selection reported if the envelope grows (0: none).
    public var nextInLine: Int
    /// Projects explained by their re-solve first, whatever `explainLimit` (`Explainer.asked`).
    public var explain: [String]

    public init(timeLimit: Double? = nil, relativeGap: Double = 0, explainLimit: Int? = nil, nextInLine: Int = 3,
                explain: [String] = []) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.explainLimit = explainLimit
        self.nextInLine = nextInLine
        self.explain = explain
    }

    public var selector: Selector { Selector(timeLimit: timeLimit, relativeGap: relativeGap) }
}

/// The committee's selection with everything said about it: the explanation of every project,
/// the next in line, or why there is no selection; and the wall time of each phase.
public struct SelectionRun: Sendable {
    public var result: SelectionResult
    public var explanations: [ProjectExplanation]
    public var nextInLine: [NextInLineChange]
    /// Infeasible, or undecided at the search's limit: which keys, and what tolerance would do.
    public var infeasibility: InfeasibilityReport?
    /// The next in line or the diagnosis could not be computed (a solver failure): the selection
    /// stands, this says what is missing.
    public var analysisFailure: Selector.Failure?
    /// What the committee's pins cost against the selection without them (nil without pins).
    public var pinCost: PinCost?
    /// Seconds of `select`, `explain`, and `next_in_line` or `infeasibility`, then `pins` when there are
    /// (the next in line runs beside the explanations: its seconds are the wait for it after them).
    public var phases: [(name: String, seconds: Double)]

    /// Whether there is a selection (optimal or feasible).
    public var solved: Bool { result.status.hasSelection }
}

/// Where a selection run says how far it is (the commands draw a progress line; silent by default).
public struct SelectionProgress: Sendable {
    /// The phases of a run, in order.
    public enum Phase: Sendable, Equatable {
        case selecting, explaining, nextInLine, diagnosing, pins
    }

    /// A phase starts.
    public var phase: (@Sendable (Phase) -> Void)?
    /// Explanation re-solves done, of how many (from the worker threads, one call at a time).
    public var resolves: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(phase: (@Sendable (Phase) -> Void)? = nil, resolves: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        self.phase = phase
        self.resolves = resolves
    }

    public static var silent: SelectionProgress { SelectionProgress() }
}

extension Committee {
    /// Solves the selection, explains every project, then computes the next in line, or the
    /// diagnosis when there is no selection. A solver failure of the selection itself throws;
    /// one of the analyses after it is kept in `analysisFailure`.
    public func select(_ settings: SolveSettings, progress: SelectionProgress = .silent) throws(Selector.Failure) -> SelectionRun {
        try select(settings, clock: ContinuousClock(), progress: progress)
    }

    /// `select(_:)`, its phases timed by `clock`.
    public func select<C: Clock>(_ settings: SolveSettings, clock: C, progress: SelectionProgress = .silent)
        throws(Selector.Failure) -> SelectionRun where C.Duration == Duration {
        var phases: [(String, Double)] = []
        var mark = clock.now
        func lap(_ name: String) {
            let now = clock.now
            phases.append((name, Self.seconds(mark.duration(to: now))))
            mark = now
        }
        let selector = settings.selector
        progress.phase?(.selecting)
        let result = try selector.solve(problem)
        lap("select")
        var explainer = Explainer(selector: selector,
                                  resolveLimit: settings.explainLimit ?? Explainer.defaultResolveLimit(candidates: problem.candidates.count))
        explainer.progress = progress.resolves
        explainer.asked = Set(settings.explain)
        let undecided = result.status == .infeasible || result.status == .timeLimit
        // The next in line does not depend on the explanations: it is computed beside them, on a
        // thread of its own, and its answer is the same (each solve is deterministic). The
        // explanations keep every core busy; the next in line, a chain of solves one after the
        // other, then only adds its share of the CPU to the run instead of its whole length.
        let problem = problem, nextInLine = NextInLine(selector: selector, changes: settings.nextInLine)
        let pending = !undecided && result.status.hasSelection && settings.nextInLine > 0
            ? BackgroundWork { () throws(Selector.Failure) in try nextInLine.compute(problem, result) } : nil
        if result.status.hasSelection { progress.phase?(.explaining) }
        let explanations = result.status.hasSelection ? explainer.explain(problem, result, projects: projectTitles) : []
        lap("explain")
        var run = SelectionRun(result: result, explanations: explanations, nextInLine: [], infeasibility: nil,
                               analysisFailure: nil, pinCost: nil, phases: [])
        do {
            if undecided {
                progress.phase?(.diagnosing)
                run.infeasibility = try InfeasibilityAnalyzer.sharing(timeLimit: settings.timeLimit, relativeGap: settings.relativeGap)
                    .analyze(problem, undecided: result.status == .timeLimit)
            } else if let pending {
                progress.phase?(.nextInLine)
                run.nextInLine = try pending.wait().get()
            }
        } catch {
            run.analysisFailure = error
        }
        // For the next in line: what is left of it once the explanations are done.
        lap(undecided ? "infeasibility" : "next_in_line")
        if !problem.forced.isEmpty || !problem.excluded.isEmpty, result.status.hasSelection {
            progress.phase?(.pins)
            do {
                let unpinned = try SelectionProblem.build(scenario: scenario, assessments: assessments, force: [], exclude: [])
                run.pinCost = try PinCost.measure(problem, result, unpinned: unpinned, selector: selector)
            } catch let error as Selector.Failure {
                run.analysisFailure = run.analysisFailure ?? error
            } catch {}
            lap("pins")
        }
        run.phases = phases
        return run
    }

    static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}

/// A computation run on a thread of its own (not one of the workers the explanations keep
/// busy), started at once and waited for later.
final class BackgroundWork<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the thread before `done` is signalled, read after `wait` has it.
    private var outcome: Result<T, Selector.Failure>?

    init(_ body: @escaping @Sendable () throws(Selector.Failure) -> T) {
        let thread = Thread { [self] in
            do throws(Selector.Failure) {
                outcome = .success(try body())
            } catch {
                outcome = .failure(error)
            }
            done.signal()
        }
        // The main thread's stack, on which this work ran before.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The outcome, once the thread has it.
    func wait() -> Result<T, Selector.Failure> {
        done.wait()
        return outcome!
    }
}
