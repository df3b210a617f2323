// SPDX-License-Identifier: GPL-3.0-or-later

/// The reduced costs of the binaries at a bound of an LP relaxation's optimum, kept so that a
/// later solve on the same columns can fix them (`SolverOptions.reportsReducedCosts`).
///
/// Moving a nonbasic column by one from its bound lowers the LP bound (of a maximisation) by at
/// least its reduced cost, so every solution in which it moved has an objective of at most
/// `bound − cost`. When the model is later solved with a row "objective ≥ value" (a
/// lexicographic stage held at its optimum), a column whose `bound − cost` is below that value
/// keeps its LP value in every feasible solution: fixing it there changes no feasible solution.
public struct ReducedCosts: Sendable {
    /// The LP relaxation's optimum (with the objective's constant).
    public let bound: Double
    public let maximize: Bool
    /// The nonbasic binaries (positions), their values and how much moving each costs (≥ 0).
    let columns: [Int]
    let values: [Double]
    let costs: [Double]

    init(bound: Double, maximize: Bool, columns: [Int], values: [Double], costs: [Double]) {
        self.bound = bound
        self.maximize = maximize
        self.columns = columns
        self.values = values
        self.costs = costs
    }

    /// The binaries that keep their LP value in every solution whose objective reaches `value`
    /// (at least it for a maximisation, at most for a minimisation), with that value. The margin
    /// covers the tolerances of the LP and of the row that holds the objective at `value`.
    public func fixed(reaching value: Double) -> [(column: Int, value: Double)] {
        let margin = 1e-6 * Swift.max(1, abs(bound)) + 1e-6 * Swift.max(1, abs(value))
        var out: [(column: Int, value: Double)] = []
        for (k, j) in columns.enumerated() {
            let moved = maximize ? bound - costs[k] : bound + costs[k]
            if maximize ? moved < value - margin : moved > value + margin { out.append((j, values[k])) }
        }
        return out
    }
}
