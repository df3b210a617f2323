// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection
import Simulation
import Testing
import TestSupport
import Workflow

/// What the committee report runs after the selection: its what-if table takes the report's own
/// simulation as the base row when that is the run the table would make — the same rows as a
/// table run afresh — and runs the base itself otherwise.
@Suite struct CommitteeReportTests {
    /// The report of the shipped Bretagne committee, selected with `settings` and `force`/`exclude`.
    static func report(_ settings: SolveSettings = SolveSettings(explainLimit: 0, nextInLine: 0),
                       force: [String] = [], exclude: [String] = []) throws -> CommitteeReport {
        let (scenario, rules) = try CommitteeTests.load("Scenarios/bretagne-2024/scenario.yaml")
        let committee = try Committee(scenario: scenario, rules: rules, force: force, exclude: exclude)
        return CommitteeReport(committee: committee, run: try committee.select(settings), settings: settings)
    }

    @Test func theWhatifTableReusesTheReportsSimulationAndGivesTheRowsOfAFreshRun() throws {
        let report = try Self.report()
        #expect(report.simulates(true) && !report.simulates(false))
        #expect(report.comparesVariants(true, variant: nil))
        #expect(!report.comparesVariants(false, variant: nil) && !report.comparesVariants(true, variant: "reserve-septembre"))
        let load = WhatifTests.Loader(draws: 400)
        var parameters = try load.input(nil).parameters
        parameters.sensitivityDraws = 40
        let simulation = try report.simulation(parameters: parameters, threads: 2)
        #expect(simulation.tornado != nil)

        let reused = try report.whatif(parameters: parameters, threads: 2, simulation: simulation, loading: { try load.input($0) })
        let fresh = try Whatif(base: Whatif.Input(scenario: report.committee.scenario, rules: report.committee.rules,
                                                  parameters: parameters), threads: 1).run(loading: { try load.input($0) })
        #expect(reused.map(WhatifTests.summary) == fresh.map(WhatifTests.summary))
        #expect(reused.count == 1 + report.committee.scenario.spec.variants.count)

        // The base row is the simulation given, not a run of its own: a mark put in it shows.
        var marked = simulation
        marked.set.projects.append("MARK")
        let rows = try report.whatif(parameters: parameters, threads: 1, simulation: marked, loading: { try load.input($0) })
        guard case .simulated(let set, _, _) = rows[0].outcome else { Issue.record("no base row"); return }
        #expect(set.projects.last == "MARK")
    }

    @Test func theBaseIsRunAgainWhenTheReportsRunIsNotTheTables() throws {
        let load = WhatifTests.Loader(draws: 200)
        let parameters = try load.input(nil).parameters
        let report = try Self.report()
        let table = Whatif(base: Whatif.Input(scenario: report.committee.scenario, rules: report.committee.rules,
                                              parameters: parameters), threads: 1)
        let simulation = try report.simulation(parameters: parameters, threads: 1)
        #expect(report.baseRow(of: table, simulation: simulation) != nil)
        // Other draws or another seed.
        var other = parameters
        other.seed += 1
        #expect(report.baseRow(of: table, simulation: try report.simulation(parameters: other, threads: 1)) == nil)
        // A selection solved under a time limit or a gap may not be the default selector's.
        let limited = try Self.report(SolveSettings(timeLimit: 60, explainLimit: 0, nextInLine: 0))
        #expect(limited.baseRow(of: table, simulation: try limited.simulation(parameters: parameters, threads: 1)) == nil)
        let gap = try Self.report(SolveSettings(relativeGap: 0.01, explainLimit: 0, nextInLine: 0))
        #expect(gap.baseRow(of: table, simulation: try gap.simulation(parameters: parameters, threads: 1)) == nil)
        // The committee's pins: the variants are the scenario's, without them.
        let chosen = report.run.result.selectedIDs(report.committee.problem)
        let pinned = try Self.report(exclude: [try #require(chosen.first)])
        #expect(!pinned.comparesVariants(true, variant: nil))
        #expect(pinned.baseRow(of: table, simulation: try pinned.simulation(parameters: parameters, threads: 1)) == nil)
    }

    @Test func theFollowUpFundsTheSelectionAndTheRedeploymentIsNationalOnly() throws {
        let report = try Self.report()
        #expect(report.funded == report.run.result.selectedIDs(report.committee.problem) && !report.funded.isEmpty)
        #expect(!report.redeploys && !report.followsUp)
        var committee = report.committee
        committee.problem.available = Money(cents: 100)
        committee.problem.forced = Set(committee.problem.candidates.prefix(1).map(\.id))
        let none = CommitteeReport(committee: committee, run: try committee.select(SolveSettings(timeLimit: 5)),
                                   settings: SolveSettings(timeLimit: 5))
        #expect(none.funded.isEmpty && !none.simulates(true) && !none.comparesVariants(true, variant: nil))
    }
}
