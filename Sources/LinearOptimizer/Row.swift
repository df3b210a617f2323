// SPDX-License-Identifier: GPL-3.0-or-later

/// A handle on a row (constraint) of a `LinearModel`: its position, 0-based.
public struct RowID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Position of the row in `LinearModel.rows`.
    public let index: Int

    public init(_ index: Int) { self.index = index }

    public static func < (lhs: RowID, rhs: RowID) -> Bool { lhs.index < rhs.index }

    public var description: String { "row #\(index)" }
}

/// One coefficient of a row: `coefficient * variable`.
public struct Term: Sendable, Hashable {
    public var variable: VariableID
    public var coefficient: Double

    public init(_ variable: VariableID, _ coefficient: Double) {
        self.variable = variable
        self.coefficient = coefficient
    }
}

/// Where the activity of a row (the sum of its terms) must lie.
public enum RowBounds: Sendable, Hashable {
    /// activity <= value
    case lessOrEqual(Double)
    /// activity >= value
    case greaterOrEqual(Double)
    /// activity == value
    case equal(Double)
    /// lower <= activity <= upper (either side may be infinite)
    case range(Double, Double)
    /// no bound (an auxiliary, e.g. an objective term kept for reading)
    case free

    /// The interval `[lower, upper]`, infinite where unbounded.
    public var interval: (lower: Double, upper: Double) {
        switch self {
        case .lessOrEqual(let u): return (-.infinity, u)
        case .greaterOrEqual(let l): return (l, .infinity)
        case .equal(let v): return (v, v)
        case .range(let l, let u): return (l, u)
        case .free: return (-.infinity, .infinity)
        }
    }
}

/// A linear constraint: a name, sparse terms and bounds on their sum.
public struct Row: Sendable, Hashable {
    /// Readable name, e.g. `budget`, `finess_350000014`.
    public var name: String
    /// Sparse coefficients; a variable listed twice is merged (coefficients added) before solving.
    public var terms: [Term]
    public var bounds: RowBounds

    public init(name: String, terms: [Term], bounds: RowBounds) {
        self.name = name
        self.terms = terms
        self.bounds = bounds
    }

    /// Sum of the terms for the given values (indexed by variable position).
    public func activity(_ values: [Double]) -> Double {
        var sum = 0.0
        for term in terms where term.variable.index >= 0 && term.variable.index < values.count {
            sum += term.coefficient * values[term.variable.index]
        }
        return sum
    }
}
