// SPDX-License-Identifier: GPL-3.0-or-later

extension LinearModel {
    /// Objective value of an assignment (indexed by variable position); nil if the length is wrong.
    public func objectiveValue(of values: [Double]) -> Double? {
        guard values.count == variables.count else { return nil }
        var sum = objectiveConstant
        for (index, variable) in variables.enumerated() where variable.objective != 0 {
            sum += variable.objective * values[index]
        }
        return sum
    }

    /// The first reason, as a sentence, why `values` is not a feasible solution; nil if it is.
    ///
    /// Checks the length, finiteness, integrality (within `tolerance`), the bounds of
    /// every variable and every row; row bounds get a relative tolerance
    /// `tolerance * max(1, |bound|)` since budget rows carry large coefficients.
    public func infeasibility(of values: [Double], tolerance: Double = 1e-6) -> String? {
        guard values.count == variables.count else {
            return "the assignment has \(values.count) values but the model has \(variables.count) variables"
        }
        for (index, variable) in variables.enumerated() {
            let x = values[index]
            guard x.isFinite else { return "variable '\(variable.name)' has the non-finite value \(x)" }
            let (lower, upper) = variable.effectiveBounds
            if x < lower - tolerance * Swift.max(1, abs(lower)) {
                return "variable '\(variable.name)' = \(x) is below its lower bound \(lower)"
            }
            if x > upper + tolerance * Swift.max(1, abs(upper)) {
                return "variable '\(variable.name)' = \(x) is above its upper bound \(upper)"
            }
            if variable.kind.isInteger, abs(x - x.rounded()) > tolerance {
                return "integer variable '\(variable.name)' has the fractional value \(x)"
            }
        }
        for row in rows {
            let activity = row.activity(values)
            let (lower, upper) = row.bounds.interval
            if activity < lower - tolerance * Swift.max(1, abs(lower)) {
                return "row '\(row.name)' has activity \(activity), below its lower bound \(lower)"
            }
            if activity > upper + tolerance * Swift.max(1, abs(upper)) {
                return "row '\(row.name)' has activity \(activity), above its upper bound \(upper)"
            }
        }
        return nil
    }

    /// True when `values` satisfies every bound, integrality and row within `tolerance`.
    public func isFeasible(_ values: [Double], tolerance: Double = 1e-6) -> Bool {
        infeasibility(of: values, tolerance: tolerance) == nil
    }
}
