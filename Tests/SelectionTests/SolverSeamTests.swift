// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import ScenarioModel
import Selection
import Testing
import TestSupport

/// The selection talks to *a* MIP solver (`MIPSolver`): an exhaustive enumerator of 0/1 models
/// plugged behind the same seam gives the lexicographic optimum GLPK gives.
struct ExhaustiveSolver: MIPSolver {
    var name: String { "exhaustive" }
    var version: String { "test" }

    func solve(_ model: LinearModel, options: SolverOptions, start: [Double]?) throws(LinearOptimizerError) -> SolveResult {
        // Binaries are enumerated; each continuous column must be defined by an equality row in
        // which it is the only continuous term (the total of a hard balance).
        let binaries = model.variables.indices.filter { model.variables[$0].kind != .continuous }
        let defined: [(column: Int, row: Row, coefficient: Double)] = model.variables.indices
            .filter { model.variables[$0].kind == .continuous }.map { j in
                let row = model.rows.first { row in
                    guard case .equal = row.bounds else { return false }
                    let continuous = row.terms.filter { model.variables[$0.variable.index].kind == .continuous }
                    return continuous.count == 1 && continuous[0].variable.index == j
                }
                precondition(row != nil, "continuous column \(model.variables[j].name) not defined by an equality row")
                return (j, row!, row!.terms.first { $0.variable.index == j }!.coefficient)
            }
        precondition(binaries.count <= 16, "0/1 models of at most 16 binaries")
        var best: (value: Double, x: [Double])?
        for mask in 0..<(1 << binaries.count) {
            var x = [Double](repeating: 0, count: model.variables.count)
            for (k, j) in binaries.enumerated() where mask & (1 << k) != 0 { x[j] = 1 }
            for d in defined {
                let rest = d.row.terms.reduce(0) { $0 + ($1.variable.index == d.column ? 0 : $1.coefficient * x[$1.variable.index]) }
                x[d.column] = (d.row.bounds.interval.0 - rest) / d.coefficient
            }
            guard zip(x, model.variables).allSatisfy({ $0 >= $1.lower - 1e-9 && $0 <= $1.upper + 1e-9 }) else { continue }
            let fits = model.rows.allSatisfy { row in
                let v = row.terms.reduce(0) { $0 + $1.coefficient * x[$1.variable.index] }
                let (lo, hi) = row.bounds.interval
                return v >= lo - 1e-6 * max(1, abs(lo)) && v <= hi + 1e-6 * max(1, abs(hi))
            }
            guard fits else { continue }
            let value = model.objectiveConstant + zip(model.variables, x).reduce(0) { $0 + $1.0.objective * $1.1 }
            let better = best.map { model.sense == .maximize ? value > $0.value + 1e-9 : value < $0.value - 1e-9 } ?? true
            if better { best = (value, x) }
        }
        guard let best else {
            return SolveResult(status: .infeasible, sentence: "no 0/1 assignment meets every row", objectiveValue: nil,
                               values: [], bestBound: nil)
        }
        return SolveResult(status: .optimal, sentence: "enumerated", objectiveValue: best.value, values: best.x,
                           bestBound: best.value)
    }
}

@Suite struct SolverSeamTests {
    @Test(arguments: [BalanceRule.Mode.off, .hard])
    func anotherSolverBehindTheSeamGivesTheSameOptimum(mode: BalanceRule.Mode) throws {
        var compared = 0
        for seed in UInt64(0)..<25 {
            let p = RandomSelectionInstances.instance(seed: seed, mode: mode)
            let glpk = try Selector().solve(p)
            let other = try Selector(solver: ExhaustiveSolver()).solve(p)
            #expect(glpk.status == other.status, "seed \(seed)")
            guard glpk.status == .optimal else { continue }
            #expect([glpk.finess, glpk.acquisitions, glpk.score] == [other.finess, other.acquisitions, other.score], "seed \(seed)")
            compared += 1
        }
        #expect(compared > 10)
        #expect(Selector(solver: ExhaustiveSolver()).solverName == "exhaustive" && Selector().solverName == "GLPK")
    }
}
