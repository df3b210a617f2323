// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import FundingRules
import ScenarioModel
import Selection
import Simulation
import Testing
import TestSupport
import Workflow

/// The workflow layer under the commands: what `Committee` does equals the steps it composes,
/// its clock is injected, and what goes wrong comes back as a value, never printed.
@Suite struct CommitteeTests {
    static func load(_ relative: String) throws -> (Scenario, RuleSet) {
        let path = Fixture.repositoryRoot.appendingPathComponent(relative).path
        var loader = ScenarioLoader()
        let scenario = try loader.load(path, variant: nil).get()
        var d = Diagnostics()
        let rules = try #require(RuleSet.resolve(for: scenario.spec, scenarioFile: path, diagnostics: &d))
        return (scenario, rules)
    }

    @Test func theCommitteeSelectsAndExplainsAsTheStepsItComposes() throws {
        let (scenario, rules) = try Self.load("Scenarios/bretagne-2024/scenario.yaml")
        let committee = try Committee(scenario: scenario, rules: rules)
        let run = try committee.select(SolveSettings(explainLimit: 5, nextInLine: 2))
        // The same steps by hand.
        let assessments = FundingEngine(scenario: scenario, rules: rules).assess(scenario.projects)
        let problem = try SelectionProblem.build(scenario: scenario, assessments: assessments)
        let result = try Selector().solve(problem)
        #expect(run.result.status == .optimal)
        #expect(run.result.selectedIDs(committee.problem) == result.selectedIDs(problem))
        let explanations = Explainer(selector: Selector(), resolveLimit: 5).explain(problem, result, projects: scenario.projects.map { ($0.id, $0.title) })
        #expect(run.explanations.map(\.id) == explanations.map(\.id))
        #expect(run.explanations.map(\.reason) == explanations.map(\.reason))
        let next = try NextInLine(selector: Selector(), changes: 2).compute(problem, result)
        #expect(run.nextInLine.map(\.growth) == next.map(\.growth))
        #expect(run.infeasibility == nil && run.analysisFailure == nil)
        #expect(run.phases.map(\.name) == ["select", "explain", "next_in_line"])
        #expect(committee.warnings.isEmpty)
    }

    @Test func theCommitteesPinsAreMeasuredAgainstTheSelectionWithoutThem() throws {
        let (scenario, rules) = try Self.load("Scenarios/bretagne-2024/scenario.yaml")
        let free = try Committee(scenario: scenario, rules: rules)
        let base = try free.select(SolveSettings(explainLimit: 0, nextInLine: 0))
        #expect(base.pinCost == nil)
        let chosen = base.result.selectedIDs(free.problem)
        // Exclude the first selected project, force in the first candidate left out.
        let out = try #require(chosen.first)
        let left = try #require(free.problem.candidates.map(\.id).first { !chosen.contains($0) })
        let pinned = try Committee(scenario: scenario, rules: rules, force: [left], exclude: [out])
        let run = try pinned.select(SolveSettings(explainLimit: 0, nextInLine: 0))
        let cost = try #require(run.pinCost)
        #expect(cost.forced == [left] && cost.excluded == [out])
        #expect(cost.unpinnedFiness == base.result.finess && cost.unpinnedScore == base.result.score)
        #expect(cost.finess == base.result.finess - run.result.finess)
        #expect(cost.acquisitions == base.result.acquisitions - run.result.acquisitions)
        #expect(cost.score == base.result.score - run.result.score)
        // Lexicographically the pins cannot gain.
        #expect(cost.finess > 0 || (cost.finess == 0 && (cost.acquisitions > 0 || (cost.acquisitions == 0 && cost.score >= 0))))
        #expect(cost.forcedOutWithout == [left] && cost.excludedInWithout == [out])
        #expect(run.phases.map(\.name).last == "pins")
    }

    /// What a progress sink hears, gathered from the worker threads.
    final class Heard: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var phases: [SelectionProgress.Phase] = []
        private(set) var resolves: [(Int, Int)] = []
        func phase(_ p: SelectionProgress.Phase) { lock.withLock { phases.append(p) } }
        func resolve(_ done: Int, _ total: Int) { lock.withLock { resolves.append((done, total)) } }
    }

    @Test func progressHearsEachPhaseAndEveryReSolveAndChangesNothing() throws {
        let (scenario, rules) = try Self.load("Scenarios/bretagne-2024/scenario.yaml")
        let committee = try Committee(scenario: scenario, rules: rules)
        let settings = SolveSettings(explainLimit: 6, nextInLine: 1)
        let heard = Heard()
        let run = try committee.select(settings, progress: SelectionProgress(phase: { heard.phase($0) },
                                                                             resolves: { heard.resolve($0, $1) }))
        let silent = try committee.select(settings)
        #expect(heard.phases == [.selecting, .explaining, .nextInLine])
        let total = try #require(heard.resolves.first?.1)
        #expect(total == 12)  // 6 forcings and 6 removals
        #expect(heard.resolves.map(\.0) == Array(1...total) && heard.resolves.allSatisfy { $0.1 == total })
        #expect(run.explanations.map(\.reason) == silent.explanations.map(\.reason))
        #expect(run.nextInLine.map(\.growth) == silent.nextInLine.map(\.growth))
    }

    @Test func theRedeploymentComparisonHearsEachPolicyAndEqualsTheRedeployer() throws {
        let (scenario, rules) = try Self.load("Scenarios/national-2024-redeploiement/scenario.yaml")
        let national = NationalRedeployment(scenario: scenario, rules: rules)
        var heard: [(RedeploymentPolicy, Int, Int)] = []
        let results = try national.compare { heard.append(($0, $1, $2)) }
        #expect(heard.map(\.0) == RedeploymentPolicy.allCases && heard.map(\.1) == [0, 1, 2] && heard.allSatisfy { $0.2 == 3 })
        let direct = try Redeployer(selector: Selector()).compare(national.problem)
        #expect(results.map(\.policy) == direct.map(\.policy))
        #expect(results.map(\.selected) == direct.map(\.selected))
        // The active DUI of what a policy funds: its selection and the engaged projects.
        var parameters = SimulationParameters()
        parameters.draws = 50
        let pooled = try #require(results.first)
        let estimate = try #require(national.activeDUI(of: pooled, parameters: parameters, threads: 2))
        #expect(estimate.projects == pooled.selected.count + national.problem.engaged.count)
        #expect(estimate.report.draws == 50 && estimate.report.activeDUI.mean > 0)
        var failed = pooled
        failed.status = .infeasible
        #expect(national.activeDUI(of: failed, parameters: parameters, threads: 2) == nil)
    }

    @Test func theFrontierAndTheTradeoffAreTheSelectionLibrarys() throws {
        let (scenario, rules) = try Self.load("Scenarios/bretagne-2024/scenario.yaml")
        let committee = try Committee(scenario: scenario, rules: rules)
        let (low, high) = (EnvelopeLevel.share(millionths: 800_000), EnvelopeLevel.amount(committee.problem.available))
        var heard: [Int] = []
        let points = try committee.frontier(from: low, to: high, steps: 3, selector: Selector()) { done, _ in heard.append(done) }
        let budgets = EnvelopeLevel.budgets(available: committee.problem.available, from: low, to: high, steps: 3)
        let direct = try Frontier(selector: Selector()).compute(committee.problem, budgets: budgets)
        #expect(points.map(\.budget) == budgets && points.map(\.selected) == direct.map(\.selected))
        #expect(heard == [0, 1, 2, 3])
        let curve = try committee.tradeoff(points: 3, selector: Selector())
        let tradeoff = try Tradeoff(selector: Selector(), points: 3).compute(committee.problem)
        #expect(curve.points.map(\.acquisitions) == tradeoff.points.map(\.acquisitions))
        #expect(curve.points.map(\.finess) == tradeoff.points.map(\.finess))
    }

    @Test func theFollowUpFundsWhatSelectSelects() throws {
        let (scenario, rules) = try Self.load("Scenarios/bretagne-2024/scenario.yaml")
        let (result, selected) = try FundedFollowUp.selection(scenario: scenario, rules: rules, timeLimit: nil)
        let committee = try Committee(scenario: scenario, rules: rules)
        #expect(result.status == .optimal)
        #expect(selected == (try Selector().solve(committee.problem)).selectedIDs(committee.problem))
    }

    @Test func phasesAreTimedByTheInjectedClock() throws {
        let (scenario, rules) = try Self.load("Scenarios/bretagne-2024/scenario.yaml")
        let committee = try Committee(scenario: scenario, rules: rules)
        let run = try committee.select(SolveSettings(explainLimit: 0, nextInLine: 0), clock: FrozenClock())
        #expect(run.phases.allSatisfy { $0.seconds == 0 })
    }

    @Test func anInfeasibleCommitteeComesBackWithItsDiagnosisNotAnError() throws {
        let (scenario, rules) = try Self.load("Scenarios/bretagne-2024/scenario.yaml")
        var committee = try Committee(scenario: scenario, rules: rules)
        // The forced projects cost more than the envelope.
        committee.problem.available = Money(cents: 100)
        committee.problem.forced = Set(committee.problem.candidates.prefix(1).map(\.id))
        let run = try committee.select(SolveSettings(timeLimit: 5))
        #expect(run.result.status == .infeasible)
        #expect(run.explanations.isEmpty && run.nextInLine.isEmpty)
        #expect(run.infeasibility?.cause == .forcedOverEnvelope)
        #expect(run.phases.map(\.name) == ["select", "explain", "infeasibility"])
    }

    @Test func pinsThatCannotBeMetAreATypedError() throws {
        let (scenario, rules) = try Self.load("Scenarios/bretagne-2024/scenario.yaml")
        #expect(throws: SelectionProblem.BuildError.unknownProject("NOPE", option: "--force")) {
            try Committee(scenario: scenario, rules: rules, force: ["NOPE"])
        }
    }

    @Test func theSimulationOfAGivenSelectionDoesNotSolveAgain() throws {
        let (scenario, rules) = try Self.load("Scenarios/bretagne-2024/scenario.yaml")
        let committee = try Committee(scenario: scenario, rules: rules)
        let result = try Selector().solve(committee.problem)
        var parameters = SimulationParameters()
        parameters.draws = 500
        parameters.sensitivityDraws = 0
        let given = try committee.simulate(.given(result), parameters: parameters, threads: 2, tornado: false)
        let solved = try committee.simulate(.selection, parameters: parameters, threads: 1, tornado: false)
        #expect(given.set.projects == result.selectedIDs(committee.problem))
        #expect(solved.set.projects == given.set.projects)
        // Same seed, same draws, whatever the threads.
        #expect(given.report.activeDUI.mean == solved.report.activeDUI.mean)
        #expect(given.tornado == nil)
        let all = try committee.simulate(.allEligible, parameters: parameters, threads: 2, tornado: false)
        #expect(all.set.projects.count == committee.problem.candidates.count)
        #expect(all.selection == nil)
    }
}

/// A clock that never moves.
struct FrozenClock: Clock {
    struct Instant: InstantProtocol {
        var offset: Duration = .zero
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }
    var now: Instant { Instant() }
    var minimumResolution: Duration { .nanoseconds(1) }
    func sleep(until deadline: Instant, tolerance: Duration?) async throws {}
}
