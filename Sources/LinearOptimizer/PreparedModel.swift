// SPDX-License-Identifier: GPL-3.0-or-later

/// How a bound pair is passed to GLPK (`GLP_FR`, `GLP_LO`, `GLP_UP`, `GLP_DB`, `GLP_FX`).
enum BoundKind: Sendable, Equatable {
    case free, lower, upper, double, fixed

    /// Classifies a checked pair (lower <= upper, no NaN).
    init(lower: Double, upper: Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): self = .free
        case (true, false): self = .lower
        case (false, true): self = .upper
        case (true, true): self = lower == upper ? .fixed : .double
        }
    }
}

/// A model checked and flattened for GLPK: every value finite, bounds consistent,
/// duplicate entries merged, zero entries dropped, names sanitised and unique,
/// every size within `Int32`. Arrays of the matrix are 1-based (slot 0 unused)
/// as `glp_load_matrix` wants them.
struct PreparedModel: Sendable {
    /// Largest magnitude accepted for a finite coefficient or bound.
    static let maximumMagnitude = 1e15
    /// Name given to the objective in exports (no row may take it).
    static let objectiveName = "obj"

    /// The model as it stands (a session's bound and objective changes included).
    private(set) var model: LinearModel
    private(set) var columnLower: [Double]
    private(set) var columnUpper: [Double]
    private(set) var columnKinds: [BoundKind]
    let columnIsInteger: [Bool]
    private(set) var objective: [Double]
    private(set) var rowLower: [Double]
    private(set) var rowUpper: [Double]
    private(set) var rowKinds: [BoundKind]
    let matrixRows: [Int32]
    let matrixColumns: [Int32]
    let matrixValues: [Double]

    var columnCount: Int { columnLower.count }
    var rowCount: Int { rowLower.count }
    var entryCount: Int { matrixValues.count - 1 }

    /// The names, sanitised and unique, as GLPK and the export formats want them: computed only
    /// when asked (an export), not for every solve.
    var names: (problem: String, columns: [String], rows: [String]) {
        var columnSanitizer = NameSanitizer(fallbackPrefix: "x")
        let columns = model.variables.enumerated().map { columnSanitizer.sanitize($1.name, position: $0) }
        var rowSanitizer = NameSanitizer(fallbackPrefix: "r", reserved: [Self.objectiveName])
        let rows = model.rows.enumerated().map { rowSanitizer.sanitize($1.name, position: $0) }
        var problemSanitizer = NameSanitizer(fallbackPrefix: "model")
        return (problemSanitizer.sanitize(model.name, position: 0), columns, rows)
    }

    /// Checks `model` and flattens it; throws the first problem found, as a sentence.
    init(_ model: LinearModel) throws(LinearOptimizerError) {
        let limit = Int(Int32.max) - 1
        guard model.variables.count <= limit, model.rows.count <= limit, model.entryCount <= limit else {
            throw LinearOptimizerError(.tooLarge, "The model has \(model.variables.count) variables, \(model.rows.count) rows and \(model.entryCount) entries; GLPK accepts at most \(limit) of each.")
        }
        try Self.checkFinite(model.objectiveConstant, "the objective constant")
        var lowers: [Double] = [], uppers: [Double] = [], kinds: [BoundKind] = [], integers: [Bool] = []
        var objective: [Double] = []
        for (index, variable) in model.variables.enumerated() {
            func what() -> String { "variable '\(variable.name)' (#\(index))" }
            try Self.checkFinite(variable.objective, "the objective coefficient of \(what())")
            let (lower, upper) = try Self.columnBounds(variable, what())
            lowers.append(lower); uppers.append(upper)
            kinds.append(BoundKind(lower: lower, upper: upper))
            integers.append(variable.kind.isInteger)
            objective.append(variable.objective)
        }
        var rowLowers: [Double] = [], rowUppers: [Double] = [], rowKinds: [BoundKind] = []
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        ia.reserveCapacity(model.entryCount + 1); ja.reserveCapacity(model.entryCount + 1); ar.reserveCapacity(model.entryCount + 1)
        for (rowIndex, row) in model.rows.enumerated() {
            func what() -> String { "row '\(row.name)' (#\(rowIndex))" }
            let (lower, upper) = row.bounds.interval
            try Self.checkBound(lower, upper, what())
            rowLowers.append(lower); rowUppers.append(upper)
            rowKinds.append(BoundKind(lower: lower, upper: upper))
            var merged: [Int: Double] = [:]
            var order: [Int] = []
            for term in row.terms {
                let j = term.variable.index
                guard j >= 0, j < model.variables.count else {
                    throw LinearOptimizerError(.unknownVariable, "The \(what()) refers to variable #\(j), but the model has \(model.variables.count) variables; add the variable to this model before using it.")
                }
                try Self.checkFinite(term.coefficient, "the coefficient of variable '\(model.variables[j].name)' in \(what())")
                if let previous = merged[j] {
                    merged[j] = previous + term.coefficient
                } else {
                    merged[j] = term.coefficient
                    order.append(j)
                }
            }
            for j in order.sorted() {
                guard let value = merged[j], value != 0 else { continue }
                try Self.checkFinite(value, "the merged coefficient of variable '\(model.variables[j].name)' in \(what())")
                ia.append(Int32(rowIndex + 1)); ja.append(Int32(j + 1)); ar.append(value)
            }
        }
        self.model = model
        self.columnLower = lowers
        self.columnUpper = uppers
        self.columnKinds = kinds
        self.columnIsInteger = integers
        self.objective = objective
        self.rowLower = rowLowers
        self.rowUpper = rowUppers
        self.rowKinds = rowKinds
        self.matrixRows = ia
        self.matrixColumns = ja
        self.matrixValues = ar
    }

    /// A model already checked and flattened (`restricted(fixing:)`).
    init(model: LinearModel, columnLower: [Double], columnUpper: [Double], columnKinds: [BoundKind], columnIsInteger: [Bool],
         objective: [Double], rowLower: [Double], rowUpper: [Double], rowKinds: [BoundKind], matrixRows: [Int32],
         matrixColumns: [Int32], matrixValues: [Double]) {
        self.model = model
        self.columnLower = columnLower
        self.columnUpper = columnUpper
        self.columnKinds = columnKinds
        self.columnIsInteger = columnIsInteger
        self.objective = objective
        self.rowLower = rowLower
        self.rowUpper = rowUpper
        self.rowKinds = rowKinds
        self.matrixRows = matrixRows
        self.matrixColumns = matrixColumns
        self.matrixValues = matrixValues
    }

    /// A variable's bounds as GLPK gets them (an integer's rounded inward), checked.
    private static func columnBounds(_ variable: Variable, _ what: @autoclosure () -> String) throws(LinearOptimizerError) -> (Double, Double) {
        try columnBounds(variable.lower, variable.upper, kind: variable.kind, what())
    }

    /// Bounds `lower` and `upper` of a variable of `kind` as GLPK gets them, checked.
    private static func columnBounds(_ lower: Double, _ upper: Double, kind: VariableKind,
                                     _ what: @autoclosure () -> String) throws(LinearOptimizerError) -> (Double, Double) {
        var (l, u) = kind == .binary ? (Swift.max(lower, 0), Swift.min(upper, 1)) : (lower, upper)
        try checkBound(l, u, what())
        if kind.isInteger {
            l = l.isFinite ? (l - 1e-9).rounded(.up) : l
            u = u.isFinite ? (u + 1e-9).rounded(.down) : u
            guard l <= u else {
                throw LinearOptimizerError(.inconsistentBounds, "The bounds [\(lower), \(upper)] of integer \(what()) contain no integer; widen them or make the variable continuous.")
            }
        }
        return (l, u)
    }

    /// Changes the bounds of variable `j`, checked as at loading.
    mutating func setColumnBounds(_ j: Int, lower: Double, upper: Double) throws(LinearOptimizerError) {
        guard model.variables.indices.contains(j) else {
            throw LinearOptimizerError(.unknownVariable, "Variable #\(j) does not exist: the model has \(model.variables.count) variables.")
        }
        let (l, u) = try Self.columnBounds(lower, upper, kind: model.variables[j].kind, "variable '\(model.variables[j].name)' (#\(j))")
        model.setBounds(VariableID(j), lower: lower, upper: upper)
        columnLower[j] = l
        columnUpper[j] = u
        columnKinds[j] = BoundKind(lower: l, upper: u)
    }

    /// Changes the bounds of row `i`, checked as at loading.
    mutating func setRowBounds(_ i: Int, _ bounds: RowBounds) throws(LinearOptimizerError) {
        guard model.rows.indices.contains(i) else {
            throw LinearOptimizerError(.unknownVariable, "Row #\(i) does not exist: the model has \(model.rows.count) rows.")
        }
        let (lower, upper) = bounds.interval
        try Self.checkBound(lower, upper, "row '\(model.rows[i].name)' (#\(i))")
        model.setRowBounds(RowID(i), bounds)
        rowLower[i] = lower
        rowUpper[i] = upper
        rowKinds[i] = BoundKind(lower: lower, upper: upper)
    }

    /// Replaces the objective (no constant), checked as at loading.
    mutating func setObjective(_ sense: OptimizationSense, terms: [Term]) throws(LinearOptimizerError) {
        var next = model
        next.setObjective(sense, terms: terms)
        for (j, variable) in next.variables.enumerated() {
            try Self.checkFinite(variable.objective, "the objective coefficient of variable '\(variable.name)' (#\(j))")
        }
        model = next
        objective = next.variables.map(\.objective)
    }

    private static func checkFinite(_ value: Double, _ what: @autoclosure () -> String) throws(LinearOptimizerError) {
        guard value.isFinite else {
            throw LinearOptimizerError(.nonFiniteValue, "The value of \(what()) is \(value); coefficients must be finite numbers.")
        }
        guard abs(value) <= maximumMagnitude else {
            throw LinearOptimizerError(.valueTooLarge, "The value of \(what()) is \(value), beyond +/-\(maximumMagnitude); rescale the model (e.g. money in thousands).")
        }
    }

    private static func checkBound(_ lower: Double, _ upper: Double, _ what: @autoclosure () -> String) throws(LinearOptimizerError) {
        guard !lower.isNaN, !upper.isNaN else {
            throw LinearOptimizerError(.nonFiniteValue, "The bounds of \(what()) are [\(lower), \(upper)]; a bound must be a number or an infinity.")
        }
        guard lower != .infinity, upper != -.infinity else {
            throw LinearOptimizerError(.inconsistentBounds, "The bounds of \(what()) are [\(lower), \(upper)]; a lower bound cannot be +inf nor an upper bound -inf.")
        }
        // Each bound on its own (no array: a session checks every bound it changes).
        let tooLarge = { (bound: Double) in bound.isFinite && abs(bound) > maximumMagnitude }
        if let bound = tooLarge(lower) ? lower : tooLarge(upper) ? upper : nil {
            throw LinearOptimizerError(.valueTooLarge, "A bound of \(what()) is \(bound), beyond +/-\(maximumMagnitude); use an infinity for no bound or rescale the model.")
        }
        guard lower <= upper else {
            throw LinearOptimizerError(.inconsistentBounds, "The bounds of \(what()) are [\(lower), \(upper)]: the lower bound exceeds the upper bound.")
        }
    }
}
