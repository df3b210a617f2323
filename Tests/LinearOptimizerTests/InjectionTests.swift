// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
import LinearOptimizer

@Suite("Incumbent injection")
struct InjectionTests {
    let solver = GLPKSolver()

    @Test("a feasible start solution is accepted and the optimum is still found")
    func startAccepted() throws {
        let model = Fixtures.marketSplit(rows: 2, columns: 14)
        let start = [Double](repeating: 0, count: model.variables.count)
        let result = try solver.solve(model, options: SolverOptions(strategies: [.glpkDefaults]), start: start)
        #expect(result.startSolution == .accepted)
        #expect(result.status == .optimal)
        #expect(result.options.strategies.allSatisfy { !$0.presolve })
        let plain = try solver.solve(model, options: SolverOptions(strategies: [.glpkDefaults]))
        #expect(result.objectiveValue == plain.objectiveValue)
    }

    @Test("continuous values of a start solution are recomputed")
    func continuousRecomputed() throws {
        let model = Fixtures.marketSplit(rows: 2, columns: 14)
        var start = [Double](repeating: 0, count: model.variables.count)
        for index in start.indices where model.variables[index].kind == .continuous { start[index] = 12345 }
        let result = try solver.solve(model, options: SolverOptions(strategies: [.glpkDefaults], nodeLimit: 1), start: start)
        #expect(result.startSolution == .accepted)
        #expect(model.isFeasible(result.values))
    }

    @Test("an infeasible start solution is rejected without crashing")
    func startRejected() throws {
        let (model, x) = Fixtures.knapsack()
        let result = try solver.solve(model, start: [1, 1, 1, 1])
        guard case .rejected(let reason) = result.startSolution else {
            Issue.record("expected a rejection, got \(result.startSolution)")
            return
        }
        #expect(reason.contains("capacity"))
        #expect(result.status == .optimal)
        #expect(result.objectiveValue == 23)
        #expect(x.map { result.integerValue($0) } == [1, 1, 0, 0])
        let fractional = try solver.solve(model, start: [0.5, 0, 0, 0])
        #expect(fractional.startSolution != .accepted)
    }

    @Test("a heuristic closure receives the node relaxation and its solutions are injected")
    func heuristicInjected() throws {
        let model = Fixtures.smallSelection(seed: 3, projects: 40)
        let reference = try solver.solve(model)
        let box = CallCounter()
        let result = try solver.solve(model, options: SolverOptions(heuristicInterval: 1)) { relaxation in
            box.calls += 1
            guard relaxation.count == model.variables.count else { return nil }
            // Round down: always within the budget and the conflict rows.
            return relaxation.map { $0 > 0.999 ? 1 : 0 }
        }
        #expect(box.calls >= 1)
        #expect(result.status == .optimal)
        #expect(result.objectiveValue == reference.objectiveValue)
    }

    @Test("a heuristic returning nonsense is ignored")
    func heuristicNonsense() throws {
        let (model, _) = Fixtures.knapsack()
        let result = try solver.solve(model) { _ in [Double.nan, 7, -3] }
        #expect(result.status == .optimal)
        #expect(result.objectiveValue == 23)
        #expect(result.heuristicSolutionsAccepted == 0)
    }

    @Test("a second strategy after a time share receives the first one's incumbent")
    func fallbackChain() throws {
        let model = Fixtures.marketSplit()
        var first = SearchStrategy.tuned
        first.timeShare = 0.3
        let result = try solver.solve(model, options: SolverOptions(timeLimit: 0.6, strategies: [first, .glpkDefaults]))
        #expect(result.attempts.count == 2)
        #expect(result.status == .feasible)
        let firstObjective = try #require(result.attempts.first?.objectiveValue)
        #expect(try #require(result.objectiveValue) <= firstObjective)
        #expect(model.isFeasible(result.values))
    }
}

private final class CallCounter {
    var calls = 0
}
