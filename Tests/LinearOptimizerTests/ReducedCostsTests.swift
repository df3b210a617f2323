// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
import LinearOptimizer
import TestSupport

/// The reduced costs a session's solve returns (`SolveResult.rootReducedCosts`) fix only columns
/// that keep their value in every solution reaching the value asked for: against enumeration.
@Suite struct ReducedCostsTests {
    @Test func fixedColumnsKeepTheirValueInEverySolutionThatReachesTheValue() throws {
        var fixedSeen = 0
        for seed in UInt64(1)...40 {
            let model = Fixtures.smallSelection(seed: seed, projects: 8 + Int(seed % 5))
            let n = model.variables.count
            let solutions = (0..<(1 << n)).map { mask in (0..<n).map { Double((mask >> $0) & 1) } }.filter { model.isFeasible($0) }
            let optimum = try #require(Fixtures.bruteForceOptimum(model))
            var options = SolverOptions()
            options.reportsReducedCosts = true
            let result = try GLPKSolver().withSession(model) { session in
                try? session.solve(options: options, start: [Double](repeating: 0, count: n))
            }
            let costs = try #require(result?.rootReducedCosts, "seed \(seed)")
            #expect(costs.bound >= optimum - 1e-6, "seed \(seed): the LP bound is a bound")
            for value in [optimum, optimum - 1, optimum - 3] {
                let fixed = costs.fixed(reaching: value)
                fixedSeen += fixed.count
                for x in solutions where (model.objectiveValue(of: x) ?? -.infinity) >= value - 1e-9 {
                    for f in fixed { #expect(x[f.column] == f.value, "seed \(seed) value \(value): column \(f.column) moved") }
                }
            }
        }
        #expect(fixedSeen > 40)
    }

    @Test func notAskedForNotGiven() throws {
        let (model, _) = Fixtures.knapsack()
        let result = try GLPKSolver().withSession(model) { session in
            try? session.solve(options: SolverOptions(), start: [0, 0, 0, 0])
        }
        #expect(result?.status == .optimal)
        #expect(result?.rootReducedCosts == nil)
    }
}
