// SPDX-License-Identifier: GPL-3.0-or-later

/// A mixed-integer solver for a `LinearModel`: what the selection needs of one, so that nothing
/// above this module names GLPK. `GLPKSolver` is the implementation the tool ships; the tests
/// plug an exhaustive enumerator behind the same seam.
public protocol MIPSolver: Sendable {
    /// The solver's name and version, for the audit record ("GLPK", "5.0").
    var name: String { get }
    var version: String { get }

    /// Solves `model` from an optional start (one value per variable). Infeasibility, limits
    /// and solver failures are statuses of the result; a malformed model or option throws.
    func solve(_ model: LinearModel, options: SolverOptions, start: [Double]?) throws(LinearOptimizerError) -> SolveResult

    /// Loads `model` once and lets `body` change its bounds and objective and solve it again
    /// and again (see `MIPSession`). Every solver has one (the model solved from scratch each
    /// time); GLPK keeps its problem, scaling and basis.
    func withSession<T>(_ model: LinearModel, _ body: (any MIPSession) -> T) throws(LinearOptimizerError) -> T
}

extension GLPKSolver: MIPSolver {
    public var name: String { "GLPK" }
    public var version: String { Self.glpkVersion }

    public func solve(_ model: LinearModel, options: SolverOptions, start: [Double]?) throws(LinearOptimizerError) -> SolveResult {
        try solve(model, options: options, start: start, heuristic: nil)
    }

    public func withSession<T>(_ model: LinearModel, _ body: (any MIPSession) -> T) throws(LinearOptimizerError) -> T {
        let prepared = try PreparedModel(model)
        guard prepared.columnCount > 0 else { return body(ModelSession(solver: self, model: model)) }
        return try GLPKEnvironment.run { () throws(LinearOptimizerError) -> T in
            body(GLPKSession(prepared))
        }
    }
}
