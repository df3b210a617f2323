// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import LinearOptimizer
import TestSupport

@Suite("Compact model of the columns left free")
struct RestrictionTests {
    /// A small selection-like model with a continuous column and rows of every kind.
    static func model(seed: UInt64) -> LinearModel {
        var m = Fixtures.smallSelection(seed: seed, projects: 10)
        var rng = SeededGenerator(seed: seed + 1)
        let x = m.variables.indices.map { VariableID($0) }
        let slack = m.addContinuous("slack", upper: 40)
        m.addRow("cover", [Term(x[1], 3), Term(x[4], 2), Term(x[7], 5), Term(slack, 1)], .greaterOrEqual(4))
        m.addRow("pair", [Term(x[2], 1), Term(x[3], 1)], .equal(1))
        m.addRow("band", [Term(x[5], 2), Term(x[6], -1), Term(x[8], 1)], .range(-1, 2))
        m.setObjective(.maximize, terms: x.map { Term($0, Double(Int.random(in: -3...9, using: &rng))) } + [Term(slack, -0.5)],
                       constant: 7)
        return m
    }

    /// Whether some assignment of the binaries, with the continuous column at 0, 1, 4 or 40, is feasible.
    static func anyFeasible(_ m: LinearModel) -> Bool {
        let n = m.variables.count
        for mask in 0..<(1 << (n - 1)) {
            for slack in [0.0, 1, 4, 40] {
                let values = (0..<(n - 1)).map { Double((mask >> $0) & 1) } + [slack]
                if m.isFeasible(values) { return true }
            }
        }
        return false
    }

    @Test("every assignment of the free binaries is feasible in the compact model exactly when it is in the model with the columns fixed, at the same objective",
          arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func sameSolutions(seed: UInt64) throws {
        let full = Self.model(seed: seed)
        let prepared = try PreparedModel(full)
        var rng = SeededGenerator(seed: seed + 50)
        let binaries = full.variables.indices.filter { full.variables[$0].kind == .binary }
        var fixed: [Int: Double] = [:]
        for j in binaries.shuffled(using: &rng).prefix(4) { fixed[j] = Double(Int.random(in: 0...1, using: &rng)) }
        var fixedModel = full
        for (j, v) in fixed { fixedModel.fix(VariableID(j), to: v) }
        guard let (compact, kept) = prepared.restricted(fixing: fixed) else {
            // Refused only when a row left without a free column breaks at the fixed values.
            #expect(!Self.anyFeasible(fixedModel))
            return
        }
        #expect(kept == full.variables.indices.filter { fixed[$0] == nil })
        let freeBinaries = kept.indices.filter { compact.columnIsInteger[$0] }
        for mask in 0..<(1 << freeBinaries.count) {
            for slackValue in [0.0, 1, 4, 40] {
                var small = [Double](repeating: 0, count: kept.count)
                for (b, k) in freeBinaries.enumerated() { small[k] = Double((mask >> b) & 1) }
                if let s = kept.firstIndex(of: full.variables.count - 1) { small[s] = slackValue }
                var large = [Double](repeating: 0, count: full.variables.count)
                for (j, v) in fixed { large[j] = v }
                for (k, j) in kept.enumerated() { large[j] = small[k] }
                let inFull = fixedModel.isFeasible(large)
                #expect(compact.model.isFeasible(small) == inFull, "seed \(seed), mask \(mask), slack \(slackValue)")
                if inFull {
                    #expect(abs((compact.model.objectiveValue(of: small) ?? .nan) - (full.objectiveValue(of: large) ?? .nan)) < 1e-9)
                }
            }
        }
        #expect(compact.rowCount <= prepared.rowCount)
    }

    @Test("a row that no free column enters and that breaks at the fixed values refuses the compact model")
    func brokenRowRefused() throws {
        var m = LinearModel(name: "m", sense: .maximize)
        let a = m.addBinary("a", objective: 1), b = m.addBinary("b", objective: 1)
        m.addRow("both", [Term(a, 1), Term(b, 1)], .greaterOrEqual(2))
        let prepared = try PreparedModel(m)
        #expect(prepared.restricted(fixing: [0: 0, 1: 1]) == nil)
        #expect(prepared.restricted(fixing: [0: 1, 1: 1]) != nil)
    }
}

/// The memo of a session's compact searches (`CompactMemo`) recalls an answer only for the same
/// search: the same fixings with another objective, other row bounds or another start are
/// searched again, and every answer equals the one made without the memo.
@Suite struct CompactMemoTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func recallsOnlyTheSameSearch(seed: UInt64) throws {
        let base = RestrictionTests.model(seed: seed)
        var rng = SeededGenerator(seed: seed + 90)
        let x = base.variables.indices.filter { base.variables[$0].kind == .binary }
        var models = [base]
        var other = base
        other.setObjective(.maximize, terms: x.map { Term(VariableID($0), Double(Int.random(in: -3...9, using: &rng))) }, constant: 7)
        models.append(other)
        var tighter = base
        tighter.setRowBounds(RowID(0), .lessOrEqual((base.rows[0].terms.reduce(0) { $0 + $1.coefficient } * 0.25).rounded()))
        models.append(tighter)
        let memo = CompactMemo()
        try GLPKEnvironment.run { () throws(LinearOptimizerError) in
            for round in 0..<2 {
                for (k, model) in models.enumerated() {
                    let prepared = try PreparedModel(model)
                    let fixedColumns = [x[0], x[9]]
                    let start = [Double](repeating: 0, count: model.variables.count)
                    for startValue in [0.0, 1.0] {
                        var s = start
                        s[x[5]] = startValue
                        let plain = GLPKSolver.solveRestricted(prepared, fixed: fixedColumns, start: s, strategy: .glpkDefaults,
                                                               recovery: .asAsked, options: SolverOptions(), milliseconds: nil,
                                                               granularity: nil)
                        let recalled = GLPKSolver.solveRestricted(prepared, fixed: fixedColumns, start: s, strategy: .glpkDefaults,
                                                                  recovery: .asAsked, options: SolverOptions(), milliseconds: nil,
                                                                  granularity: nil, memo: memo)
                        #expect(plain?.status == recalled?.status, "seed \(seed) model \(k) round \(round)")
                        #expect(plain?.values == recalled?.values, "seed \(seed) model \(k) start \(startValue) round \(round)")
                        #expect(plain?.objective == recalled?.objective, "seed \(seed) model \(k) round \(round)")
                    }
                }
            }
        }
    }
}
