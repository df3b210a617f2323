// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK

extension GLPKSolver {
    /// What stopped the search besides GLPK itself, known from the callback.
    struct StopCause: Equatable {
        var granularity = false
        var nodeLimit = false
        /// The search stopped with no solution after this many nodes (`firstSolutionNodeLimit`).
        var firstSolution: Int? = nil
    }

    /// Maps a `glp_intopt` return code and the `glp_mip_status` after it to a status and a sentence.
    static func interpretIntopt(code: Int32, mipStatus: Int32, stop: StopCause = StopCause()) -> (SolveStatus, String) {
        let hasIncumbent = mipStatus == GLP_FEAS || mipStatus == GLP_OPT
        switch code {
        case 0:
            switch mipStatus {
            case GLP_OPT:
                return (.optimal, "GLPK completed the search: the solution is optimal.")
            case GLP_NOFEAS:
                return (.infeasible, "GLPK completed the search and found no integer solution: the constraints cannot all be met.")
            case GLP_FEAS:
                return (.feasible, "GLPK ended the search with a solution it did not prove optimal.")
            default:
                return (.solverError(code: 0, sentence: "GLPK ended the search normally but reported no solution status (\(mipStatus))."),
                        "GLPK ended the search normally but reported no solution status (\(mipStatus)).")
            }
        case GLP_EBOUND:
            return error(code, "GLPK rejected the bounds: a double-bounded variable or row has lower >= upper, or an integer variable has a fractional bound.")
        case GLP_EROOT:
            return error(code, "GLPK could not start the search: no optimal basis of the LP relaxation was available.")
        case GLP_ENOPFS:
            return (.infeasible, "GLPK's presolver proved that no solution satisfies the constraints.")
        case GLP_ENODFS:
            return (.unbounded, "The LP relaxation is unbounded: the objective can improve without limit, unless the problem has no integer solution at all.")
        case GLP_EFAIL:
            return error(code, hasIncumbent
                ? "GLPK failed to solve an LP relaxation during the search (numerical trouble); the best solution found before is kept but not proven optimal."
                : "GLPK failed to solve an LP relaxation (numerical trouble) before finding any solution.")
        case GLP_EMIPGAP:
            return (.feasible, "The search stopped at the requested relative gap: the solution is within that gap of the optimum.")
        case GLP_ETMLIM:
            return hasIncumbent
                ? (.feasible, "The time limit was reached: the best solution found is not proven optimal.")
                : (.timeLimitNoSolution, "The time limit was reached before any solution was found.")
        case GLP_ESTOP:
            if stop.granularity && hasIncumbent {
                return (.optimal, "The search stopped when the best bound, rounded to the objective granularity, met the incumbent: the solution is optimal.")
            }
            if let nodes = stop.firstSolution, !hasIncumbent {
                return (.timeLimitNoSolution, "No solution was found in the first \(nodes) nodes of the search, and none was proven impossible.")
            }
            if stop.nodeLimit {
                return hasIncumbent
                    ? (.feasible, "The node limit was reached: the best solution found is not proven optimal.")
                    : (.timeLimitNoSolution, "The node limit was reached before any solution was found.")
            }
            return hasIncumbent
                ? (.feasible, "The search was stopped by the application: the best solution found is not proven optimal.")
                : (.timeLimitNoSolution, "The search was stopped by the application before any solution was found.")
        default:
            return error(code, "GLPK's MIP solver returned the unexpected code \(code).")
        }
    }

    /// Maps a `glp_simplex` return code and the `glp_get_status` after it. Returns nil when the
    /// LP relaxation is optimal and the branch-and-cut can start.
    static func interpretSimplex(code: Int32, lpStatus: Int32) -> (SolveStatus, String)? {
        switch code {
        case 0:
            switch lpStatus {
            case GLP_OPT: return nil
            case GLP_NOFEAS: return (.infeasible, "The LP relaxation has no feasible solution, so the problem has none.")
            case GLP_UNBND: return (.unbounded, "The LP relaxation is unbounded: the objective can improve without limit, unless the problem has no integer solution at all.")
            default: return error(0, "GLPK's simplex ended without an optimal LP relaxation (status \(lpStatus)).")
            }
        case GLP_ETMLIM: return (.timeLimitNoSolution, "The time limit was reached while solving the LP relaxation, before any solution was found.")
        case GLP_ENOPFS: return (.infeasible, "GLPK's LP presolver proved that no solution satisfies the constraints.")
        case GLP_ENODFS: return (.unbounded, "GLPK's LP presolver proved that the LP relaxation is unbounded.")
        case GLP_EBADB: return error(code, "GLPK's simplex could not start: the initial basis is invalid.")
        case GLP_ESING: return error(code, "GLPK's simplex could not start: the initial basis matrix is singular.")
        case GLP_ECOND: return error(code, "GLPK's simplex could not start: the initial basis matrix is ill-conditioned.")
        case GLP_EBOUND: return error(code, "GLPK's simplex rejected the bounds: a double-bounded variable has lower >= upper.")
        case GLP_EFAIL: return error(code, "GLPK's simplex failed (numerical trouble) while solving the LP relaxation.")
        case GLP_EITLIM: return error(code, "GLPK's simplex reached its iteration limit on the LP relaxation.")
        case GLP_EOBJLL, GLP_EOBJUL: return error(code, "GLPK's simplex stopped at an objective limit on the LP relaxation.")
        default: return error(code, "GLPK's simplex returned the unexpected code \(code).")
        }
    }

    private static func error(_ code: Int32, _ sentence: String) -> (SolveStatus, String) {
        (.solverError(code: Int(code), sentence: sentence), sentence)
    }
}
