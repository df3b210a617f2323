// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import LinearOptimizer

@Suite("Objective granularity")
struct GranularityTests {
    let solver = GLPKSolver()

    @Test("the step is detected from integer and rational coefficients on integer variables")
    func detection() {
        var model = LinearModel()
        model.addBinary("a", objective: 6)
        model.addBinary("b", objective: 9)
        #expect(ObjectiveGranularity.detect(in: model) == 3)
        model.addBinary("c", objective: 1.5)
        #expect(ObjectiveGranularity.detect(in: model) == 1.5)
        model.addBinary("d", objective: 0.25)
        #expect(ObjectiveGranularity.detect(in: model) == 0.25)
        var fixedContinuous = model
        fixedContinuous.addContinuous("fixed", lower: 2, upper: 2, objective: 0.1234567)
        #expect(ObjectiveGranularity.detect(in: fixedContinuous) == 0.25)
        var continuous = model
        continuous.addContinuous("slack", objective: -0.001)
        #expect(ObjectiveGranularity.detect(in: continuous) == nil)
        var irrational = LinearModel()
        irrational.addBinary("pi", objective: Double.pi)
        #expect(ObjectiveGranularity.detect(in: irrational) == nil)
        #expect(ObjectiveGranularity.detect(in: LinearModel()) == nil)
    }

    @Test("the lattice rule proves optimality only when the rounded bound meets the incumbent")
    func latticeRule() {
        #expect(SearchMonitor.latticeProves(bound: 26.9, incumbent: 26, step: 1, offset: 0, maximize: true))
        #expect(SearchMonitor.latticeProves(bound: 27.0000000001, incumbent: 27, step: 1, offset: 0, maximize: true))
        #expect(!SearchMonitor.latticeProves(bound: 27.0, incumbent: 26, step: 1, offset: 0, maximize: true))
        #expect(SearchMonitor.latticeProves(bound: 10.6, incumbent: 10.5, step: 0.5, offset: 0, maximize: true))
        #expect(!SearchMonitor.latticeProves(bound: 11.0, incumbent: 10.5, step: 0.5, offset: 0, maximize: true))
        #expect(SearchMonitor.latticeProves(bound: 4.1, incumbent: 5, step: 1, offset: 0, maximize: false))
        #expect(!SearchMonitor.latticeProves(bound: 3.9, incumbent: 5, step: 1, offset: 0, maximize: false))
        #expect(SearchMonitor.latticeProves(bound: 5.35, incumbent: 5.3, step: 1, offset: 0.3, maximize: true))
    }

    @Test("granularity stop and full search give the same optimum as brute force", arguments: 1...12)
    func sameOptimum(seed: Int) throws {
        let model = Fixtures.smallSelection(seed: UInt64(seed), projects: 14)
        let reference = try #require(Fixtures.bruteForceOptimum(model), "seed \(seed)")
        var plain = SearchStrategy.tuned
        plain.presolve = false
        for strategy in [SearchStrategy.tuned, plain] {
            let withStop = try solver.solve(model, options: SolverOptions(strategies: [strategy], granularity: .automatic))
            let without = try solver.solve(model, options: SolverOptions(strategies: [strategy], granularity: .none))
            #expect(withStop.status == .optimal, "seed \(seed)")
            #expect(without.status == .optimal, "seed \(seed)")
            #expect(withStop.objectiveValue == reference, "seed \(seed)")
            #expect(without.objectiveValue == reference, "seed \(seed)")
            #expect(withStop.granularity == 1)
            #expect(model.isFeasible(withStop.values))
        }
    }

    @Test("a declared step that is coarser than the truth is the caller's promise, and is used")
    func declaredStep() throws {
        let (model, _) = Fixtures.knapsack()
        let result = try solver.solve(model, options: SolverOptions(granularity: .step(1)))
        #expect(result.status == .optimal)
        #expect(result.objectiveValue == 23)
        #expect(result.granularity == 1)
    }
}
