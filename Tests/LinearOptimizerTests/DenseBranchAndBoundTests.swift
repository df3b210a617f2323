// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import LinearOptimizer
import TestSupport

@Suite("Branch-and-bound of its own on small problems")
struct DenseBranchAndBoundTests {
    /// A binary model with rows of every kind: a budget, one-grant pairs, a covering row (a
    /// stage row), an equality, a range and a free row, an objective of either sense with a
    /// constant. Integer coefficients, so the objective's lattice step is 1.
    static func model(seed: UInt64, columns n: Int, sense: OptimizationSense) -> LinearModel {
        var rng = SeededGenerator(seed: seed)
        var m = LinearModel(name: "dense_\(seed)", sense: sense)
        let x = (0..<n).map { m.addBinary("x\($0)", objective: Double(Int.random(in: -2...9, using: &rng))) }
        let cost = x.map { _ in Double(Int.random(in: 3_000...90_000, using: &rng)) }
        m.addRow("budget", zip(x, cost).map { Term($0, $1) }, .lessOrEqual((cost.reduce(0, +) * Double.random(in: 0.25...0.7, using: &rng)).rounded()))
        for k in stride(from: 0, to: n - 1, by: 4) { m.addRow("grant_\(k)", [Term(x[k], 1), Term(x[k + 1], 1)], .lessOrEqual(1)) }
        let essms = x.map { _ in Double(Int.random(in: 1...6, using: &rng)) }
        m.addRow("stage", zip(x, essms).map { Term($0, $1) }, .greaterOrEqual((essms.reduce(0, +) * Double.random(in: 0.1...0.45, using: &rng)).rounded()))
        if n > 6 { m.addRow("pair", [Term(x[2], 1), Term(x[5], 1)], .equal(1)) }
        if n > 8 { m.addRow("band", [Term(x[3], 2), Term(x[6], -1), Term(x[8], 1)], .range(-1, 2)) }
        m.addRow("free", [Term(x[0], 1), Term(x[n - 1], 3)], .free)
        m.objectiveConstant = Double(Int.random(in: -5...5, using: &rng))
        return m
    }

    /// A feasible assignment (the first in enumeration order that is not optimal when one
    /// exists), or nil.
    static func someFeasible(_ m: LinearModel, avoiding optimum: Double?) -> [Double]? {
        let n = m.variables.count
        var any: [Double]?
        for mask in 0..<(1 << n) {
            let values = (0..<n).map { Double((mask >> $0) & 1) }
            guard m.isFeasible(values), let v = m.objectiveValue(of: values) else { continue }
            if let optimum, abs(v - optimum) > 1e-9 { return values }
            if any == nil { any = values }
        }
        return any
    }

    @Test("equals enumeration on random binary models, with and without a start, lattice or not",
          arguments: Array(UInt64(1)...UInt64(40)))
    func equalsBruteForce(seed: UInt64) throws {
        let sense: OptimizationSense = seed % 2 == 0 ? .maximize : .minimize
        let m = Self.model(seed: seed, columns: 6 + Int(seed % 7), sense: sense)
        let prepared = try PreparedModel(m)
        let expected = Fixtures.bruteForceOptimum(m)
        let start = Self.someFeasible(m, avoiding: expected)
        for (granularity, withStart) in [(1.0 as Double?, false), (1.0, true), (nil, true), (nil, false)] {
            let answer = DenseBranchAndBound.solve(prepared, start: withStart ? start : nil, granularity: granularity,
                                                   options: SolverOptions(), nodeLimit: 10_000, acceptUnproven: false)
            guard let expected else {
                // Nothing feasible: no answer (GLPK then says why), never a solution.
                #expect(answer == nil, "seed \(seed)")
                continue
            }
            let found = try #require(answer, "seed \(seed), granularity \(String(describing: granularity)), start \(withStart)")
            #expect(found.proven)
            #expect(m.isFeasible(found.values), "seed \(seed)")
            #expect(abs(found.objective - expected) < 1e-9, "seed \(seed): \(found.objective) against \(expected)")
            #expect(abs((m.objectiveValue(of: found.values) ?? .nan) - found.objective) < 1e-9)
        }
    }

    @Test("a model with continuous columns: the same optimum as GLPK", arguments: Array(UInt64(1)...UInt64(12)))
    func continuousColumns(seed: UInt64) throws {
        var m = Self.model(seed: seed + 100, columns: 9, sense: .maximize)
        let x = (0..<9).map { VariableID($0) }
        let under = m.addContinuous("under", upper: 30), over = m.addContinuous("over", upper: 30)
        m.addRow("soft", [Term(x[1], 3), Term(x[4], 2), Term(x[7], 5), Term(under, 1), Term(over, -1)], .equal(6))
        var terms = m.objectiveTerms
        terms.append(Term(under, -0.5))
        terms.append(Term(over, -0.25))
        m.setObjective(.maximize, terms: terms, constant: m.objectiveConstant)
        let prepared = try PreparedModel(m)
        let glpk = try GLPKSolver().solve(m, options: SolverOptions(granularity: .none))
        let answer = DenseBranchAndBound.solve(prepared, start: nil, granularity: nil, options: SolverOptions(),
                                               nodeLimit: 10_000, acceptUnproven: false)
        guard glpk.status == .optimal, let value = glpk.objectiveValue else {
            #expect(answer == nil)
            return
        }
        let found = try #require(answer, "seed \(seed)")
        #expect(m.isFeasible(found.values))
        #expect(abs(found.objective - value) < 1e-6, "seed \(seed): \(found.objective) against GLPK's \(value)")
    }

    @Test("past its node limit: nil, or the best solution found marked unproven when a start is all that is asked")
    func nodeLimit() throws {
        let m = Fixtures.marketSplit(rows: 3, columns: 24)
        let prepared = try PreparedModel(m)
        #expect(DenseBranchAndBound.solve(prepared, start: nil, granularity: 1, options: SolverOptions(), nodeLimit: 3,
                                          acceptUnproven: false) == nil)
        // Every binary at 0, each row's shortfall in its deviation below: a feasible start.
        var seeded = [Double](repeating: 0, count: m.variables.count)
        for row in m.rows {
            guard case .equal(let b) = row.bounds,
                  let under = row.terms.first(where: { $0.coefficient == 1 && m.variables[$0.variable.index].kind == .continuous })
            else { continue }
            seeded[under.variable.index] = b
        }
        #expect(m.isFeasible(seeded))
        let found = try #require(DenseBranchAndBound.solve(prepared, start: seeded, granularity: 1, options: SolverOptions(),
                                                           nodeLimit: 3, acceptUnproven: true))
        #expect(!found.proven)
        #expect(m.isFeasible(found.values))
        #expect(found.objective <= (m.objectiveValue(of: seeded) ?? .infinity) + 1e-9)
    }

    @Test("a start that breaks a row is ignored, and a start that reaches the known bound ends the search")
    func starts() throws {
        let m = Self.model(seed: 7, columns: 10, sense: .maximize)
        let prepared = try PreparedModel(m)
        let expected = try #require(Fixtures.bruteForceOptimum(m))
        let broken = [Double](repeating: 1, count: 10)
        #expect(!m.isFeasible(broken))
        let found = try #require(DenseBranchAndBound.solve(prepared, start: broken, granularity: 1, options: SolverOptions(),
                                                           nodeLimit: 10_000, acceptUnproven: false))
        #expect(abs(found.objective - expected) < 1e-9)
        var options = SolverOptions()
        options.knownBound = expected
        let optimal = try #require(DenseBranchAndBound.solve(prepared, start: found.values, granularity: 1, options: options,
                                                             nodeLimit: 10_000, acceptUnproven: false))
        #expect(optimal.nodes == 0 && optimal.isStart && optimal.values == found.values)
    }

    @Test("a problem larger than a dense basis is for is left to GLPK")
    func tooLarge() throws {
        var m = LinearModel(name: "large", sense: .maximize)
        let x = (0..<(DenseBranchAndBound.maximumColumns + 1)).map { m.addBinary("x\($0)", objective: 1) }
        m.addRow("budget", x.map { Term($0, 1) }, .lessOrEqual(3))
        #expect(DenseBranchAndBound.solve(try PreparedModel(m), start: nil, granularity: 1, options: SolverOptions(),
                                          nodeLimit: 100, acceptUnproven: false) == nil)
    }
}
