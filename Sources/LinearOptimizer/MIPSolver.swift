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
}

extension GLPKSolver: MIPSolver {
    public var name: String { "GLPK" }
    public var version: String { Self.glpkVersion }

    public func solve(_ model: LinearModel, options: SolverOptions, start: [Double]?) throws(LinearOptimizerError) -> SolveResult {
        try solve(model, options: options, start: start, heuristic: nil)
    }
}
