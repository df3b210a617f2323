// SPDX-License-Identifier: GPL-3.0-or-later

/// One model loaded once and solved many times with other bounds and objectives: the
/// explanation re-solves, which differ from the selection by one project fixed in or out.
///
/// A session lives inside `MIPSolver.withSession`, on the thread that opened it. Each solve
/// depends only on the model as it stands (its bounds and objective), never on the solves made
/// before it: the answers are the same whatever order the jobs run in, on whatever thread.
public protocol MIPSession: AnyObject {
    /// The model as it stands, with the changes made so far.
    var model: LinearModel { get }
    func setBounds(_ variable: VariableID, lower: Double, upper: Double) throws(LinearOptimizerError)
    /// Several columns' bounds at once (what `setBounds` does for each, in one update).
    func setBounds(_ changes: [BoundChange]) throws(LinearOptimizerError)
    func setRowBounds(_ row: RowID, _ bounds: RowBounds) throws(LinearOptimizerError)
    /// Replaces the objective (no constant).
    func setObjective(_ sense: OptimizationSense, terms: [Term]) throws(LinearOptimizerError)
    /// Solves the model as it stands. `rounding`, when given, is called once with the LP
    /// optimum of the model (a value per variable) and may return a solution made from it: it is
    /// checked and completed like `start`, and replaces it when better. It changes how fast the
    /// optimum is found, never the optimum; a session without an LP of its own may ignore it.
    func solve(options: SolverOptions, start: [Double]?, rounding: IncumbentHeuristic?) throws(LinearOptimizerError) -> SolveResult
    /// Solves the LP relaxation of the model as it stands and keeps its optimal basis under
    /// `key`, for the solves that `startFrom(basis: key)`. Recorded in a fixed state (before any
    /// job, in the same order on every thread), it keeps the answers independent of the jobs'
    /// order. A solver without bases may ignore it.
    func recordBasis(_ key: Int) throws(LinearOptimizerError)
    /// The basis the LP of the solves that follow starts from: one recorded under `key`, or
    /// (nil or unknown key) the optimum of the loaded model's LP relaxation.
    func startFrom(basis key: Int?)
    /// The LP of the solves that follow starts from the basis the session's last solve ended
    /// with (in the same job, a state that does not depend on the jobs before it), until the
    /// next `startFrom(basis:)`: where the next model differs from the last one only by its
    /// objective, its LP starts primal feasible.
    func startFromLastBasis()
}

extension MIPSession {
    /// A session without bases of its own: as `startFrom(basis: nil)`.
    public func startFromLastBasis() { startFrom(basis: nil) }
}

/// New bounds for one column of a session's model.
public struct BoundChange: Sendable {
    public let variable: VariableID
    public let lower: Double
    public let upper: Double

    public init(_ variable: VariableID, lower: Double, upper: Double) {
        self.variable = variable
        self.lower = lower
        self.upper = upper
    }
}

extension MIPSession {
    public func solve(options: SolverOptions, start: [Double]?) throws(LinearOptimizerError) -> SolveResult {
        try solve(options: options, start: start, rounding: nil)
    }

    public func setBounds(_ changes: [BoundChange]) throws(LinearOptimizerError) {
        for c in changes { try setBounds(c.variable, lower: c.lower, upper: c.upper) }
    }
}

extension MIPSolver {
    /// Any solver can serve a session by solving the changed model from scratch each time.
    public func withSession<T>(_ model: LinearModel, _ body: (any MIPSession) -> T) throws(LinearOptimizerError) -> T {
        body(ModelSession(solver: self, model: model))
    }
}

/// A session that keeps the model and hands it whole to its solver on each solve.
final class ModelSession: MIPSession {
    let solver: any MIPSolver
    private(set) var model: LinearModel

    init(solver: any MIPSolver, model: LinearModel) {
        self.solver = solver
        self.model = model
    }

    func setBounds(_ variable: VariableID, lower: Double, upper: Double) throws(LinearOptimizerError) {
        guard model.variables.indices.contains(variable.index) else {
            throw LinearOptimizerError(.unknownVariable, "Variable #\(variable.index) does not exist: the model has \(model.variables.count) variables.")
        }
        model.setBounds(variable, lower: lower, upper: upper)
    }

    func setRowBounds(_ row: RowID, _ bounds: RowBounds) throws(LinearOptimizerError) {
        guard model.rows.indices.contains(row.index) else {
            throw LinearOptimizerError(.unknownVariable, "Row #\(row.index) does not exist: the model has \(model.rows.count) rows.")
        }
        model.setRowBounds(row, bounds)
    }

    func setObjective(_ sense: OptimizationSense, terms: [Term]) throws(LinearOptimizerError) {
        model.setObjective(sense, terms: terms)
    }

    /// The model is solved from scratch by a solver that has no LP to round: `rounding` is not used.
    func solve(options: SolverOptions, start: [Double]?, rounding: IncumbentHeuristic?) throws(LinearOptimizerError) -> SolveResult {
        try solver.solve(model, options: options, start: start)
    }

    /// Each solve starts from scratch: no basis to keep.
    func recordBasis(_ key: Int) throws(LinearOptimizerError) {}
    func startFrom(basis key: Int?) {}
}
