// SPDX-License-Identifier: GPL-3.0-or-later

/// How a solve ended. Outcomes, not errors: an infeasible model is a normal answer.
public enum SolveStatus: Sendable, Hashable, CustomStringConvertible {
    /// The solution is proven optimal (search completed, or bound met incumbent by granularity).
    case optimal
    /// A solution was found but not proven optimal (time or node limit, gap tolerance...).
    case feasible
    /// No solution exists.
    case infeasible
    /// The LP relaxation is unbounded: the problem is unbounded, or has no integer solution.
    case unbounded
    /// The time (or node) limit was reached before any solution was found.
    case timeLimitNoSolution
    /// GLPK reported something else; `code` is GLPK's return code, or `internalErrorCode`
    /// when GLPK failed an internal check (it would have aborted the process) and the re-solves
    /// with other settings failed too.
    case solverError(code: Int, sentence: String)

    /// The `solverError` code of an internal error of GLPK caught by the guard (GLPK's own
    /// return codes are positive).
    public static let internalErrorCode = -1

    /// True for `optimal` and `feasible`: there are values to read.
    public var hasSolution: Bool { self == .optimal || self == .feasible }

    /// A short identifier, e.g. for JSON output: optimal, feasible, infeasible, unbounded,
    /// time-limit, solver-error.
    public var identifier: String {
        switch self {
        case .optimal: return "optimal"
        case .feasible: return "feasible"
        case .infeasible: return "infeasible"
        case .unbounded: return "unbounded"
        case .timeLimitNoSolution: return "time-limit"
        case .solverError: return "solver-error"
        }
    }

    public var description: String {
        if case .solverError(let code, let sentence) = self { return "solver error \(code): \(sentence)" }
        return identifier
    }
}
