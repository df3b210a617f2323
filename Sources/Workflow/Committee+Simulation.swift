// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection
import Simulation

/// A Monte-Carlo run of usage-target attainment over a set of projects, with what it was run on.
public struct SimulationOutcome: Sendable {
    public var set: SimulatedSet
    /// The committee's selection, when the set is it.
    public var selection: SelectionResult?
    public var parameters: SimulationParameters
    public var model: AttainmentModel
    public var report: SimulationReport
    public var tornado: Sensitivity.Tornado?
    public var selectSeconds: Double
    public var simulateSeconds: Double
    public var sensitivitySeconds: Double
}

/// Where long simulations say how far they are (the commands draw a progress line; nil: silent).
public struct SimulationProgress {
    public var draws: MonteCarlo.Progress?
    public var converged: ((_ draws: Int) -> Void)?
    public var sensitivity: ((_ done: Int, _ total: Int) -> Void)?

    public init(draws: MonteCarlo.Progress? = nil, converged: ((Int) -> Void)? = nil,
                sensitivity: ((Int, Int) -> Void)? = nil) {
        self.draws = draws
        self.converged = converged
        self.sensitivity = sensitivity
    }

    public static var silent: SimulationProgress { SimulationProgress() }
}

extension Committee {
    /// What is simulated: the committee's selection, or every eligible candidate.
    public enum SimulatedProjects: Sendable {
        case selection
        case allEligible
        /// A selection already made (the report's): simulated as it is, not solved again.
        case given(SelectionResult)
    }

    /// No selection to simulate (infeasible, undecided, a solver failure): its status and sentence.
    public struct NoSelection: Error, Sendable {
        public var status: String
        public var sentence: String
        /// The selection that has none (nil when the solver refused the model).
        public var result: SelectionResult? = nil
        public var message: String { "no selection to simulate: \(status) — \(sentence)" }
    }

    static func usesExpectedAttaining(_ o: Objective) -> Bool {
        switch o {
        case .lexicographic(let terms): return terms.contains(.expectedAttaining)
        case .weighted(let w): return (w[.expectedAttaining] ?? 0) != 0
        }
    }

    /// Selects (unless told otherwise) and simulates the attainment of the usage targets, with
    /// the tornado of the assumptions when `tornado` and the parameters ask for it. With the
    /// objective `expected_attaining`, each candidate's expected ESSMS reaching their targets is
    /// estimated first (at most 4 000 draws) and the selection maximises it.
    public func simulate(_ what: SimulatedProjects, parameters: SimulationParameters, threads: Int, tornado: Bool,
                         progress: SimulationProgress = .silent) throws -> SimulationOutcome {
        try simulate(what, parameters: parameters, threads: threads, tornado: tornado, progress: progress, clock: ContinuousClock())
    }

    /// `simulate(…)`, its phases timed by `clock`.
    public func simulate<C: Clock>(_ what: SimulatedProjects, parameters: SimulationParameters, threads: Int, tornado: Bool,
                                   progress: SimulationProgress, clock: C) throws -> SimulationOutcome where C.Duration == Duration {
        let selectStart = clock.now
        var selection: SelectionResult?
        let set: SimulatedSet
        switch what {
        case .allEligible:
            let c = problem.candidates
            set = SimulatedSet(kind: .eligibleCandidates, status: nil, projects: c.map(\.id), finess: c.reduce(0) { $0 + $1.finessCount },
                               acquisitions: c.reduce(0) { $0 + $1.acquisitions }, used: c.reduce(Money.zero) { $0 + $1.amount })
        case .selection, .given:
            let result: SelectionResult
            if case .given(let r) = what {
                result = r
            } else {
                var p = problem
                if Self.usesExpectedAttaining(p.objective) {
                    let input = SimulationInput(ids: p.candidates.map(\.id), projects: scenario.projects, assessments: assessments,
                                                register: scenario.register, rules: rules)
                    let weights = ExpectedAttaining.weights(input, parameters: parameters, draws: min(parameters.draws, 4_000),
                                                            seed: parameters.seed, threads: threads)
                    for i in p.candidates.indices { p.candidates[i].expectedAttaining = weights[p.candidates[i].id] ?? 0 }
                }
                do {
                    result = try Selector().solve(p)
                } catch {
                    switch error {
                    case .unsupportedObjective(let sentence): throw NoSelection(status: "error", sentence: sentence)
                    case .solver(let e): throw NoSelection(status: "error", sentence: "the solver refused the model: \(e.message)")
                    }
                }
            }
            guard result.status.hasSelection else { throw NoSelection(status: result.status.rawValue, sentence: result.sentence, result: result) }
            selection = result
            set = SimulatedSet(kind: .selection, status: result.status.rawValue, projects: result.selectedIDs(problem),
                               finess: result.finess, acquisitions: result.acquisitions, used: result.used)
        }
        let selectSeconds = Self.seconds(selectStart.duration(to: clock.now))
        let input = SimulationInput(ids: set.projects, projects: scenario.projects, assessments: assessments,
                                    register: scenario.register, rules: rules)
        let model = AttainmentModel(input, parameters: parameters)
        let simulateStart = clock.now
        let run = MonteCarlo.run(model, draws: parameters.draws, seed: parameters.seed, threads: threads,
                                 tolerance: parameters.tolerance, batch: parameters.batch, progress: progress.draws)
        if run.draws < parameters.draws { progress.converged?(run.draws) }
        let simulateSeconds = Self.seconds(simulateStart.duration(to: clock.now))
        let target = parameters.targetActiveDUI.map(Int64.init) ?? SimulationReport.defaultTarget(scenario: scenario, rules: rules)
        let report = SimulationReport(model: model, run: run, target: target)
        let sensitivityStart = clock.now
        var bars: Sensitivity.Tornado?
        if tornado && parameters.sensitivityDraws > 0 && model.essmsCount > 0 {
            bars = Sensitivity.tornado(input, parameters: parameters, draws: parameters.sensitivityDraws, seed: parameters.seed,
                                       threads: threads, progress: progress.sensitivity)
        }
        return SimulationOutcome(set: set, selection: selection, parameters: parameters, model: model, report: report, tornado: bars,
                             selectSeconds: selectSeconds, simulateSeconds: simulateSeconds,
                             sensitivitySeconds: Self.seconds(sensitivityStart.duration(to: clock.now)))
    }
}
