// SPDX-License-Identifier: GPL-3.0-or-later
import CampaignYear
import ScenarioModel
import Selection
import Simulation

/// The committee report on the workflow: after the committee's selection, what else the report
/// runs and when — the simulation of the selection, the what-if variants beside it (the base
/// row taken from that simulation when it is the run the table would make), the national
/// redeployment, the projects the follow-up funds and the calibration on what they reported.
/// The command reads the files, prints, and turns the results into the report's sections.
public struct CommitteeReport: Sendable {
    public let committee: Committee
    /// The committee's selection, explained (`Committee.select`).
    public let run: SelectionRun
    /// How `run` was solved.
    public let settings: SolveSettings

    public init(committee: Committee, run: SelectionRun, settings: SolveSettings) {
        self.committee = committee
        self.run = run
        self.settings = settings
    }

    /// Whether the report simulates the selection: there is one, and the simulation is
    /// `wanted` (not left out).
    public func simulates(_ wanted: Bool) -> Bool { wanted && run.solved }

    /// The Monte-Carlo of the selection as it is (not solved again), with the tornado.
    public func simulation(parameters: SimulationParameters, threads: Int) throws -> SimulationOutcome {
        try committee.simulate(.given(run.result), parameters: parameters, threads: threads, tornado: true)
    }

    /// Whether the scenario's variants go beside the selection, for the note's risks: when the
    /// simulation is `wanted` and there is a selection; not in a report of one variant (`variant`),
    /// nor with pins (the variants are the scenario's, without the committee's choices).
    public func comparesVariants(_ wanted: Bool, variant: String?) -> Bool {
        let p = committee.problem
        return wanted && variant == nil && p.forced.isEmpty && p.excluded.isEmpty && run.solved
            && !committee.scenario.spec.variants.isEmpty
    }

    /// The what-if table of the report's scenario, `parameters` the base's: its base row is
    /// `simulation` when that is the run the table would make (`baseRow`), else run again.
    public func whatif(parameters: SimulationParameters, threads: Int, simulation: SimulationOutcome?,
                       loading load: (_ variant: String) throws -> Whatif.Input, progress: Whatif.Progress? = nil) throws -> [Whatif.Row] {
        let base = Whatif.Input(scenario: committee.scenario, rules: committee.rules, parameters: parameters)
        let table = Whatif(base: base, threads: threads)
        return try table.run(loading: load, base: simulation.flatMap { baseRow(of: table, simulation: $0) }, progress: progress)
    }

    /// `simulation` as the base row of `whatif` when the table would compute the same: the same
    /// selection (no pins; solved by the default selector: no time limit, no gap; an objective
    /// without expected attaining, which the table weights first) simulated on the same
    /// parameters (the tornado aside). Nil otherwise: the table runs its base itself.
    public func baseRow(of whatif: Whatif, simulation: SimulationOutcome) -> Whatif.Row? {
        let p = committee.problem
        var parameters = simulation.parameters
        parameters.sensitivityDraws = 0
        guard p.forced.isEmpty, p.excluded.isEmpty, settings.timeLimit == nil, settings.relativeGap == 0,
              !Committee.usesExpectedAttaining(p.objective), simulation.selection != nil,
              parameters == whatif.parameters else { return nil }
        return Whatif.Row(variant: "base", changes: [],
                          outcome: .simulated(set: simulation.set, available: p.available, report: simulation.report))
    }

    /// Whether the report has the redeployment of the regions' unengaged AE: a national scenario.
    public var redeploys: Bool { committee.scenario.spec.scope == .national }

    /// The redeployment under the scenario's policy (pooled when it names none), each selection
    /// within the report's time limit.
    public func redeployment() throws(Selector.Failure) -> (national: NationalRedeployment, result: RedeploymentResult) {
        let national = NationalRedeployment(scenario: committee.scenario, rules: committee.rules)
        return (national, try national.run(national.scenarioPolicy, selector: Selector(timeLimit: settings.timeLimit)))
    }

    /// Whether the report follows the funded projects: the scenario has a followup block.
    public var followsUp: Bool { committee.scenario.followup != nil }

    /// The projects the follow-up funds beside the engaged ones, without a campaign: the
    /// report's selection (none without one).
    public var funded: [String] { run.solved ? run.result.selectedIDs(committee.problem) : [] }

    /// The simulation calibrated on the indicators `followup` reported, the scenario's
    /// `parameters` as the prior; nil when too few projects have ended to fit it.
    public func calibration(_ followup: FollowupResult, parameters: SimulationParameters) -> CalibrationRun? {
        try? Calibrating.run(scenario: committee.scenario, rules: committee.rules, followup: followup, parameters: parameters)
    }
}
