// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import LinearOptimizer
import TestSupport

/// The own search on the compact problems of a committee's re-solves: amounts in cents (budget
/// coefficients no binary fraction holds exactly), ESSMS an engaged project holds (rows ≤ 0),
/// one grant per ESSMS, stage floors, and columns an earlier stage fixed. Its LPs must settle
/// every node themselves: an infeasible node proven so, an optimal one holding every row. A
/// doubted ray (a row only "tolerated") used to leave such nodes open and end the search
/// without an answer, GLPK searching again (80 of the national re-solves' compact problems).
@Suite("The own simplex proves what it finds on committee-like problems")
struct DenseSimplexProofTests {
    static func committee(seed: UInt64, columns n: Int) -> LinearModel {
        var rng = SeededGenerator(seed: seed)
        var m = LinearModel(name: "committee_\(seed)", sense: .maximize)
        let x = (0..<n).map { _ in m.addBinary("x", objective: Double(Int.random(in: 1...9, using: &rng))) }
        let cents = x.map { _ in Int.random(in: 1_500_000...9_000_000, using: &rng) }
        let euros = cents.map { Double($0) / 100 }
        let envelope = Double(cents.reduce(0, +) * Int.random(in: 30...60, using: &rng) / 100) / 100
        m.addRow("budget", zip(x, euros).map { Term($0, $1) }, .lessOrEqual(envelope))
        for k in stride(from: 0, to: n - 2, by: 3) { m.addRow("finess_\(k)", [Term(x[k], 1), Term(x[k + 2], 1)], .lessOrEqual(1)) }
        let held = Int.random(in: 0..<n, using: &rng)
        m.addRow("engaged", [Term(x[held], 1), Term(x[(held + 1) % n], 1)], .lessOrEqual(0))
        let essms = x.map { _ in Double(Int.random(in: 1...12, using: &rng)) }
        m.addRow("stage_finess", zip(x, essms).map { Term($0, $1) },
                 .greaterOrEqual(((essms.reduce(0, +)) * Double.random(in: 0.05...0.3, using: &rng)).rounded() - 1e-6))
        // Columns an earlier stage fixed (some at 1, the engaged ones among them at times).
        for j in 0..<n where Int.random(in: 0..<5, using: &rng) == 0 {
            let v = Double(Int.random(in: 0...1, using: &rng))
            m.setBounds(x[j], lower: v, upper: v)
        }
        return m
    }

    @Test("an answer, equal to enumeration, on every feasible committee; none on the others",
          arguments: Array(UInt64(1)...UInt64(60)))
    func answersEveryFeasibleCommittee(seed: UInt64) throws {
        let m = Self.committee(seed: seed, columns: 9 + Int(seed % 6))
        let prepared = try PreparedModel(m)
        let expected = Fixtures.bruteForceOptimum(m)
        let answer = DenseBranchAndBound.solve(prepared, start: nil, granularity: 1, options: SolverOptions(),
                                               nodeLimit: 10_000, acceptUnproven: false)
        guard let expected else {
            #expect(answer == nil, "seed \(seed)")
            return
        }
        let found = try #require(answer, "seed \(seed): the own search gave up on a feasible committee")
        #expect(found.proven && m.isFeasible(found.values), "seed \(seed)")
        #expect(abs(found.objective - expected) < 1e-9, "seed \(seed): \(found.objective) against \(expected)")
    }

    @Test("an LP optimum holds every row; an infeasible LP is proven infeasible", arguments: Array(UInt64(1)...UInt64(60)))
    func lpSettlesItself(seed: UInt64) throws {
        let m = Self.committee(seed: seed + 500, columns: 12)
        let prepared = try PreparedModel(m)
        let simplex = try #require(DenseSimplex(prepared))
        switch simplex.solve(pivotLimit: 10_000) {
        case .optimal:
            let values = (0..<prepared.columnCount).map { simplex.value[$0] }
            for row in m.rows {
                let (lower, upper) = row.bounds.interval, activity = row.activity(values)
                #expect(activity >= lower - 1e-6 * max(1, abs(lower)) && activity <= upper + 1e-6 * max(1, abs(upper)),
                        "seed \(seed): row \(row.name) at \(activity) for [\(lower), \(upper)]")
            }
        case .infeasible:
            #expect(Fixtures.bruteForceOptimum(m) == nil, "seed \(seed): an integer point exists")
        case let other:
            Issue.record("seed \(seed): \(other)")
        }
    }
}
