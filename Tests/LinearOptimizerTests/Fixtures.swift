// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import TestSupport

/// Small models with known answers.
enum Fixtures {
    /// max 10a + 13b + 7c + 8d  s.t. 4a + 6b + 3c + 5d <= 10, binaries. Optimum 23 (a, b).
    static func knapsack() -> (LinearModel, [VariableID]) {
        var model = LinearModel(name: "knapsack", sense: .maximize)
        let values = [10.0, 13, 7, 8], weights = [4.0, 6, 3, 5]
        let x = values.indices.map { model.addBinary("x_\($0)", objective: values[$0]) }
        model.addRow("capacity", zip(x, weights).map { Term($0, $1) }, .lessOrEqual(10))
        return (model, x)
    }

    /// A random selection-shaped model: binaries with integer values, a budget row with large
    /// coefficients, "one grant per FINESS" conflict rows; small enough for brute force.
    static func smallSelection(seed: UInt64, projects: Int) -> LinearModel {
        var rng = SeededGenerator(seed: seed)
        var model = LinearModel(name: "selection_\(seed)", sense: .maximize)
        var costs: [Double] = []
        var x: [VariableID] = []
        for p in 0..<projects {
            let essms = Int.random(in: 1...12, using: &rng)
            costs.append(Double(essms) * Double(Int.random(in: 5_000...21_000, using: &rng)))
            x.append(model.addBinary("x_P\(p)", objective: Double(essms)))
        }
        model.addRow("budget", zip(x, costs).map { Term($0, $1) }, .lessOrEqual((costs.reduce(0, +) * 0.4).rounded()))
        for k in stride(from: 0, to: projects - 1, by: 5) {
            model.addRow("finess_\(k)", [Term(x[k], 1), Term(x[k + 1], 1)], .lessOrEqual(1))
        }
        return model
    }

    /// Best objective by enumeration of the binaries (no continuous variables), in the
    /// model's sense.
    static func bruteForceOptimum(_ model: LinearModel) -> Double? {
        let n = model.variables.count
        var best: Double?
        for mask in 0..<(1 << n) {
            let values = (0..<n).map { Double((mask >> $0) & 1) }
            guard model.isFeasible(values), let value = model.objectiveValue(of: values) else { continue }
            if best.map({ model.sense == .maximize ? value > $0 : value < $0 }) ?? true { best = value }
        }
        return best
    }

    /// A market-split-like model (Cornuejols-Dawande): find 0/1 x with A x = b, minimising
    /// the total deviation. Deterministic and hard for branch-and-bound.
    static func marketSplit(rows: Int = 4, columns: Int = 36) -> LinearModel {
        var rng = SeededGenerator(seed: 7)
        var model = LinearModel(name: "market_split", sense: .minimize)
        let x = (0..<columns).map { model.addBinary("x_\($0)") }
        for i in 0..<rows {
            let a = (0..<columns).map { _ in Double(Int.random(in: 0...99, using: &rng)) }
            let over = model.addContinuous("over_\(i)", objective: 1)
            let under = model.addContinuous("under_\(i)", objective: 1)
            let terms = zip(x, a).map { Term($0, $1) } + [Term(over, -1), Term(under, 1)]
            model.addRow("split_\(i)", terms, .equal((a.reduce(0, +) / 2).rounded(.down)))
        }
        return model
    }
}
