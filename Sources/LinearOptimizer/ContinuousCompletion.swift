// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK

/// Turns an assignment of the integer variables into a full solution: fixes the integer
/// columns of a private copy of the problem and lets GLPK's simplex choose the best
/// continuous values (e.g. the slack of soft balance rows), then checks the whole
/// solution in Swift. Lives inside one `GLPKEnvironment.run` call.
final class ContinuousCompletion {
    /// The model, shared with the session that changes it (`update`), or its own.
    private let shared: PreparedModelBox
    private var problem: GLPKProblem?
    /// The basis every completion starts from (GLPK's advanced basis of the matrix, or the one
    /// `prime` found), so that a completion does not depend on the ones made before it (a
    /// `GLPKSession` keeps one `ContinuousCompletion` for all its solves).
    private var basis: (rows: [Int32], columns: [Int32])?

    init(_ prepared: PreparedModel) { shared = PreparedModelBox(prepared) }

    /// Reads the model of `shared` as it is when used: a session changes it in place.
    init(_ shared: PreparedModelBox) { self.shared = shared }

    /// Follows a change of the model's row `i` (a session's change).
    func update(row i: Int) {
        let prepared = shared.prepared
        guard let problem, problem.isAlive else { return }
        let (type, l, u) = GLPKProblem.glpkBounds(prepared.rowKinds[i], prepared.rowLower[i], prepared.rowUpper[i])
        glp_set_row_bnds(problem.pointer, Int32(i + 1), type, l, u)
    }

    /// Follows a change of the model's columns `columns` (the bounds of an integer column are set
    /// by each completion).
    func update(columns: [Int]) {
        let prepared = shared.prepared
        guard let problem, problem.isAlive else { return }
        for j in columns where !prepared.columnIsInteger[j] {
            let (type, l, u) = GLPKProblem.glpkBounds(prepared.columnKinds[j], prepared.columnLower[j], prepared.columnUpper[j])
            glp_set_col_bnds(problem.pointer, Int32(j + 1), type, l, u)
        }
    }

    /// Follows a change of the model's objective.
    func updateObjective() {
        let prepared = shared.prepared
        guard let problem, problem.isAlive else { return }
        glp_set_obj_dir(problem.pointer, prepared.model.sense == .maximize ? GLP_MAX : GLP_MIN)
        for j in 0..<prepared.columnCount { glp_set_obj_coef(problem.pointer, Int32(j + 1), prepared.objective[j]) }
    }

    /// The completed, checked solution, or the reason it is not feasible.
    func complete(_ values: [Double], tolerance: Double = 1e-6) -> Result<[Double], CompletionFailure> {
        let prepared = shared.prepared
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

    /// Solves the continuous part once for the integer columns at their lower bounds and keeps
    /// that LP's final basis as the one every completion starts from: a few pivots from any
    /// other integer values (a `GLPKSession` primes its completion when it loads its model).
    func prime() {
        let prepared = shared.prepared
        guard prepared.columnIsInteger.contains(false) else { return }
        var values = (0..<prepared.columnCount).map { prepared.columnLower[$0].isFinite ? prepared.columnLower[$0] : 0 }
        _ = solveContinuousPart(&values, keepBasis: true)
    }

    private func solveContinuousPart(_ solution: inout [Double], keepBasis: Bool = false) -> Result<Void, CompletionFailure> {
        let prepared = shared.prepared
        let lp: GLPKProblem
        if let existing = problem, existing.isAlive {
            lp = existing
        } else {
            basis = nil
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
        if basis == nil {
            // GLPK's advanced basis depends on the matrix only: every completion starts from it.
            glp_adv_basis(lp.pointer, 0)
            basis = ([0] + (0..<prepared.rowCount).map { glp_get_row_stat(lp.pointer, Int32($0 + 1)) },
                     [0] + (0..<prepared.columnCount).map { glp_get_col_stat(lp.pointer, Int32($0 + 1)) })
        }
        if let basis {
            for i in stride(from: 1, through: prepared.rowCount, by: 1) { glp_set_row_stat(lp.pointer, Int32(i), basis.rows[i]) }
            for j in stride(from: 1, through: prepared.columnCount, by: 1) { glp_set_col_stat(lp.pointer, Int32(j), basis.columns[j]) }
        }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.meth = GLP_DUALP
        var code = glp_simplex(lp.pointer, &parameters)
        if code != 0 {
            glp_std_basis(lp.pointer)
            code = glp_simplex(lp.pointer, &parameters)
        }
        if keepBasis {
            basis = ([0] + (0..<prepared.rowCount).map { glp_get_row_stat(lp.pointer, Int32($0 + 1)) },
                     [0] + (0..<prepared.columnCount).map { glp_get_col_stat(lp.pointer, Int32($0 + 1)) })
        }
        guard code == 0, glp_get_status(lp.pointer) == GLP_OPT else {
            return .failure(CompletionFailure(reason: "no values of the continuous variables satisfy the rows with these integer values"))
        }
        for j in 0..<prepared.columnCount where !prepared.columnIsInteger[j] {
            solution[j] = glp_get_col_prim(lp.pointer, Int32(j + 1))
        }
        return .success(())
    }
}

/// A `PreparedModel` read by reference: a session and its completion share one, which the
/// session changes in place (with a copy each, every change copied the model's arrays).
final class PreparedModelBox {
    var prepared: PreparedModel
    init(_ prepared: PreparedModel) { self.prepared = prepared }
}

/// Why a candidate solution was not usable.
struct CompletionFailure: Error {
    let reason: String
}
