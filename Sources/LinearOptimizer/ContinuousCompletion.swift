// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK

/// Turns an assignment of the integer variables into a full solution: fixes the integer
/// columns of a private copy of the problem and lets GLPK's simplex choose the best
/// continuous values (e.g. the slack of soft balance rows), then checks the whole
/// solution in Swift. Lives inside one `GLPKEnvironment.run` call.
final class ContinuousCompletion {
    private let prepared: PreparedModel
    private var problem: GLPKProblem?
    private var solvedOnce = false

    init(_ prepared: PreparedModel) { self.prepared = prepared }

    /// The completed, checked solution, or the reason it is not feasible.
    func complete(_ values: [Double], tolerance: Double = 1e-6) -> Result<[Double], CompletionFailure> {
        guard values.count == prepared.columnCount else {
            return .failure(CompletionFailure(reason: "it has \(values.count) values for \(prepared.columnCount) variables"))
        }
        var solution = values
        for j in 0..<prepared.columnCount where prepared.columnIsInteger[j] {
            let rounded = solution[j].rounded()
            guard solution[j].isFinite, abs(solution[j] - rounded) <= tolerance else {
                return .failure(CompletionFailure(reason: "integer variable '\(prepared.model.variables[j].name)' has the value \(solution[j])"))
            }
            solution[j] = rounded == 0 ? 0 : rounded
        }
        if prepared.columnIsInteger.contains(false) {
            switch solveContinuousPart(&solution) {
            case .success: break
            case .failure(let failure): return .failure(failure)
            }
        }
        if let reason = prepared.model.infeasibility(of: solution, tolerance: tolerance) {
            return .failure(CompletionFailure(reason: reason))
        }
        return .success(solution)
    }

    private func solveContinuousPart(_ solution: inout [Double]) -> Result<Void, CompletionFailure> {
        let lp: GLPKProblem
        if let existing = problem {
            lp = existing
        } else {
            lp = GLPKProblem(prepared, names: false)
            glp_scale_prob(lp.pointer, GLP_SF_AUTO)
            problem = lp
        }
        for j in 0..<prepared.columnCount where prepared.columnIsInteger[j] {
            let x = solution[j]
            guard x >= prepared.columnLower[j] - 1e-9, x <= prepared.columnUpper[j] + 1e-9 else {
                return .failure(CompletionFailure(reason: "integer variable '\(prepared.model.variables[j].name)' = \(x) is outside its bounds"))
            }
            glp_set_col_bnds(lp.pointer, Int32(j + 1), GLP_FX, x, x)
        }
        if !solvedOnce { glp_adv_basis(lp.pointer, 0) }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.meth = GLP_DUALP
        var code = glp_simplex(lp.pointer, &parameters)
        if code != 0 {
            glp_std_basis(lp.pointer)
            code = glp_simplex(lp.pointer, &parameters)
        }
        solvedOnce = true
        guard code == 0, glp_get_status(lp.pointer) == GLP_OPT else {
            return .failure(CompletionFailure(reason: "no values of the continuous variables satisfy the rows with these integer values"))
        }
        for j in 0..<prepared.columnCount where !prepared.columnIsInteger[j] {
            solution[j] = glp_get_col_prim(lp.pointer, Int32(j + 1))
        }
        return .success(())
    }
}

/// Why a candidate solution was not usable.
struct CompletionFailure: Error {
    let reason: String
}
