// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK

/// Owns one `glp_prob` loaded from a `PreparedModel` and deletes it in `deinit`.
///
/// Create, use and drop it inside one `GLPKEnvironment.run` call: the problem belongs
/// to the thread that created it. After an internal error of GLPK caught by `GLPKGuard` the
/// thread's GLPK environment, this problem with it, is freed: `isAlive` turns false and
/// `deinit` leaves the pointer alone.
final class GLPKProblem {
    let pointer: OpaquePointer
    /// The guard's environment generation of the creating thread when the problem was made.
    private let generation = GLPKGuard.generation

    /// False once the GLPK environment that held this problem was freed by the guard.
    var isAlive: Bool { generation == GLPKGuard.generation }

    /// Loads `prepared`. With `negatedObjective` a maximisation is loaded as the
    /// equivalent minimisation of the negated objective (for MPS, which has no direction).
    /// With `constantAsColumn` a non-zero objective constant becomes a column fixed at 1 (named
    /// `obj_constant`), for CPLEX LP, whose GLPK writer keeps the constant only as a comment.
    init(_ prepared: PreparedModel, names: Bool = true, negatedObjective: Bool = false, constantAsColumn: Bool = false) {
        pointer = glp_create_prob()
        let p = pointer
        let negate = negatedObjective && prepared.model.sense == .maximize
        let named = names ? prepared.names : (problem: "", columns: [String](), rows: [String]())
        if names {
            glp_set_prob_name(p, named.problem)
            glp_set_obj_name(p, PreparedModel.objectiveName)
        }
        glp_set_obj_dir(p, (prepared.model.sense == .maximize && !negate) ? GLP_MAX : GLP_MIN)
        let sign = negate ? -1.0 : 1.0
        glp_set_obj_coef(p, 0, sign * prepared.model.objectiveConstant)
        if prepared.rowCount > 0 {
            glp_add_rows(p, Int32(prepared.rowCount))
            for i in 0..<prepared.rowCount {
                let index = Int32(i + 1)
                if names { glp_set_row_name(p, index, named.rows[i]) }
                let (type, lower, upper) = Self.glpkBounds(prepared.rowKinds[i], prepared.rowLower[i], prepared.rowUpper[i])
                glp_set_row_bnds(p, index, type, lower, upper)
            }
        }
        if prepared.columnCount > 0 {
            glp_add_cols(p, Int32(prepared.columnCount))
            for j in 0..<prepared.columnCount {
                let index = Int32(j + 1)
                if names { glp_set_col_name(p, index, named.columns[j]) }
                if prepared.columnIsInteger[j] { glp_set_col_kind(p, index, GLP_IV) }
                let (type, lower, upper) = Self.glpkBounds(prepared.columnKinds[j], prepared.columnLower[j], prepared.columnUpper[j])
                glp_set_col_bnds(p, index, type, lower, upper)
                if prepared.objective[j] != 0 { glp_set_obj_coef(p, index, sign * prepared.objective[j]) }
            }
        }
        let constant = prepared.model.objectiveConstant
        if constantAsColumn && constant != 0 {
            glp_set_obj_coef(p, 0, 0)
            let index = glp_add_cols(p, 1)
            let taken = Set(named.columns)
            var name = "obj_constant"
            var suffix = 2
            while taken.contains(name) { name = "obj_constant_\(suffix)"; suffix += 1 }
            if names { glp_set_col_name(p, index, name) }
            glp_set_col_bnds(p, index, GLP_FX, 1, 1)
            glp_set_obj_coef(p, index, sign * constant)
        }
        if prepared.entryCount > 0 {
            glp_load_matrix(p, Int32(prepared.entryCount), prepared.matrixRows, prepared.matrixColumns, prepared.matrixValues)
        }
    }

    deinit {
        if isAlive { glp_delete_prob(pointer) }
    }

    static func glpkBounds(_ kind: BoundKind, _ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch kind {
        case .free: return (GLP_FR, 0, 0)
        case .lower: return (GLP_LO, lower, 0)
        case .upper: return (GLP_UP, 0, upper)
        case .double: return (GLP_DB, lower, upper)
        case .fixed: return (GLP_FX, lower, lower)
        }
    }
}
