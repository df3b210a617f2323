// SPDX-License-Identifier: GPL-3.0-or-later

/// The domain of a decision variable.
public enum VariableKind: String, Sendable, Hashable, CaseIterable {
    /// 0 or 1 (bounds are intersected with [0, 1]).
    case binary
    /// Any integer between the bounds.
    case integer
    /// Any real number between the bounds.
    case continuous

    /// True for `binary` and `integer`.
    public var isInteger: Bool { self != .continuous }
}

/// A handle on a variable of a `LinearModel`: its position, 0-based.
public struct VariableID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Position of the variable in `LinearModel.variables`.
    public let index: Int

    /// Wraps a position; `LinearModel.addVariable` is the usual way to get one.
    public init(_ index: Int) { self.index = index }

    public static func < (lhs: VariableID, rhs: VariableID) -> Bool { lhs.index < rhs.index }

    public var description: String { "variable #\(index)" }
}

/// A decision variable: name, domain, bounds (possibly infinite) and objective coefficient.
public struct Variable: Sendable, Hashable {
    /// Readable name, e.g. `x_P012`; sanitised to `[A-Za-z0-9_]` when handed to GLPK.
    public var name: String
    public var kind: VariableKind
    /// Lower bound; `-Double.infinity` for none.
    public var lower: Double
    /// Upper bound; `Double.infinity` for none.
    public var upper: Double
    /// Coefficient in the objective.
    public var objective: Double

    public init(name: String, kind: VariableKind, lower: Double, upper: Double, objective: Double = 0) {
        self.name = name
        self.kind = kind
        self.lower = lower
        self.upper = upper
        self.objective = objective
    }

    /// Bounds actually imposed: binaries are intersected with [0, 1].
    var effectiveBounds: (lower: Double, upper: Double) {
        guard kind == .binary else { return (lower, upper) }
        return (Swift.max(lower, 0), Swift.min(upper, 1))
    }
}
