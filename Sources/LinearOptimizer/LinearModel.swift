// SPDX-License-Identifier: GPL-3.0-or-later

/// Direction of the objective.
public enum OptimizationSense: String, Sendable, Hashable {
    case minimize
    case maximize
}

/// A solver-agnostic mixed-integer linear program, built in pure Swift.
///
/// A value type: `var copy = model` is an independent copy, which is how a
/// lexicographic solve derives its next stage (add "term >= optimum", change
/// the objective, solve again). Nothing is checked while building; every
/// problem is reported by `GLPKSolver` (or `validate()`) as a
/// `LinearOptimizerError` before GLPK sees the model.
public struct LinearModel: Sendable, Hashable {
    /// Readable name of the problem (used in exports).
    public var name: String
    public var sense: OptimizationSense
    /// Constant added to the objective.
    public var objectiveConstant: Double
    public private(set) var variables: [Variable]
    public private(set) var rows: [Row]

    public init(name: String = "model", sense: OptimizationSense = .maximize) {
        self.name = name
        self.sense = sense
        self.objectiveConstant = 0
        self.variables = []
        self.rows = []
    }

    // MARK: Variables

    /// Appends a variable and returns its handle.
    @discardableResult
    public mutating func addVariable(
        _ name: String, kind: VariableKind, lower: Double = 0, upper: Double = .infinity, objective: Double = 0
    ) -> VariableID {
        variables.append(Variable(name: name, kind: kind, lower: lower, upper: upper, objective: objective))
        return VariableID(variables.count - 1)
    }

    /// Appends a 0/1 variable.
    @discardableResult
    public mutating func addBinary(_ name: String, objective: Double = 0) -> VariableID {
        addVariable(name, kind: .binary, lower: 0, upper: 1, objective: objective)
    }

    /// Appends a continuous variable (default bounds `[0, +inf)`).
    @discardableResult
    public mutating func addContinuous(
        _ name: String, lower: Double = 0, upper: Double = .infinity, objective: Double = 0
    ) -> VariableID {
        addVariable(name, kind: .continuous, lower: lower, upper: upper, objective: objective)
    }

    /// Replaces a variable's description; ignored if `id` is out of range.
    public mutating func setVariable(_ id: VariableID, _ variable: Variable) {
        guard variables.indices.contains(id.index) else { return }
        variables[id.index] = variable
    }

    /// Fixes a variable to a value (lower = upper = value); ignored if `id` is out of range.
    public mutating func fix(_ id: VariableID, to value: Double) {
        guard variables.indices.contains(id.index) else { return }
        variables[id.index].lower = value
        variables[id.index].upper = value
    }

    /// Changes the bounds of a variable; ignored if `id` is out of range.
    public mutating func setBounds(_ id: VariableID, lower: Double, upper: Double) {
        guard variables.indices.contains(id.index) else { return }
        variables[id.index].lower = lower
        variables[id.index].upper = upper
    }

    // MARK: Objective

    /// Sets one objective coefficient; ignored if `id` is out of range.
    public mutating func setObjectiveCoefficient(_ id: VariableID, _ value: Double) {
        guard variables.indices.contains(id.index) else { return }
        variables[id.index].objective = value
    }

    /// Replaces the whole objective: every coefficient not listed becomes 0.
    public mutating func setObjective(
        _ sense: OptimizationSense, terms: [Term], constant: Double = 0
    ) {
        self.sense = sense
        objectiveConstant = constant
        for index in variables.indices { variables[index].objective = 0 }
        for term in terms where variables.indices.contains(term.variable.index) {
            variables[term.variable.index].objective += term.coefficient
        }
    }

    /// The objective as terms (non-zero coefficients, in variable order).
    public var objectiveTerms: [Term] {
        variables.indices.compactMap { index in
            let c = variables[index].objective
            return c == 0 ? nil : Term(VariableID(index), c)
        }
    }

    // MARK: Rows

    /// Appends a row and returns its handle. Can be called at any time, e.g. to add
    /// "objective term >= optimum" between two stages of a lexicographic solve.
    @discardableResult
    public mutating func addRow(_ name: String, _ terms: [Term], _ bounds: RowBounds) -> RowID {
        rows.append(Row(name: name, terms: terms, bounds: bounds))
        return RowID(rows.count - 1)
    }

    /// Replaces the bounds of a row; ignored if `id` is out of range.
    public mutating func setRowBounds(_ id: RowID, _ bounds: RowBounds) {
        guard rows.indices.contains(id.index) else { return }
        rows[id.index].bounds = bounds
    }

    /// Removes every row from position `count` on (undo of trailing `addRow`s).
    public mutating func truncateRows(to count: Int) {
        guard count >= 0, count < rows.count else { return }
        rows.removeSubrange(count...)
    }

    /// Number of non-zero entries written in rows (before merging duplicates).
    public var entryCount: Int { rows.reduce(0) { $0 + $1.terms.count } }
}
