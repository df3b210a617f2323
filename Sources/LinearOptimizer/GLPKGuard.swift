// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK
import CGLPKGuard
import Foundation

/// GLPK reported an internal error (a failed assertion or a check of its own) during a guarded
/// call. GLPK would have called `abort()`; the guard jumped back instead and freed the calling
/// thread's GLPK environment, so every `glp_prob` of this thread is gone.
struct GLPKInternalFailure: Error, Sendable, Hashable {
    /// What GLPK printed, on one line, e.g. "Assertion failed: teta_lim >= 0.0; Error detected
    /// in file simplex/spxprim.c at line 663".
    let message: String
}

/// The GLPK routines that run solver code, called through the C guard (`CGLPKGuard`): the
/// last line of defence, after the checks in Swift, against GLPK's internal assertions.
/// Call only inside `GLPKEnvironment.run`.
enum GLPKGuard {
    /// Environments of this thread freed by the guard so far (see `GLPKProblem`).
    static var generation: UInt { UInt(esms_glpk_generation()) }

    static func simplex(_ problem: GLPKProblem, _ parameters: glp_smcp) -> Result<Int32, GLPKInternalFailure> {
        withUnsafePointer(to: parameters) { call(ESMS_GLPK_SIMPLEX, problem, parameters: UnsafeRawPointer($0)) }
    }

    static func intopt(_ problem: GLPKProblem, _ parameters: glp_iocp) -> Result<Int32, GLPKInternalFailure> {
        withUnsafePointer(to: parameters) { call(ESMS_GLPK_INTOPT, problem, parameters: UnsafeRawPointer($0)) }
    }

    static func scale(_ problem: GLPKProblem, flags: Int32) -> Result<Int32, GLPKInternalFailure> {
        call(ESMS_GLPK_SCALE, problem, flags: flags)
    }

    static func unscale(_ problem: GLPKProblem) -> Result<Int32, GLPKInternalFailure> {
        call(ESMS_GLPK_UNSCALE, problem)
    }

    static func advancedBasis(_ problem: GLPKProblem) -> Result<Int32, GLPKInternalFailure> {
        call(ESMS_GLPK_ADV_BASIS, problem)
    }

    static func write(_ problem: GLPKProblem, as format: ExportFormat, to path: String) -> Result<Int32, GLPKInternalFailure> {
        path.withCString { call(format == .freeMPS ? ESMS_GLPK_WRITE_MPS : ESMS_GLPK_WRITE_LP, problem, path: $0) }
    }

    /// `glp_set_obj_dir` through the guard. GLPK checks `direction` itself and fails with an
    /// internal error on anything but `GLP_MIN`/`GLP_MAX`: the tests use it to provoke one.
    static func setObjectiveDirection(_ problem: GLPKProblem, _ direction: Int32) -> Result<Int32, GLPKInternalFailure> {
        call(ESMS_GLPK_SET_OBJ_DIR, problem, flags: direction)
    }

    private static func call(
        _ routine: esms_glpk_routine, _ problem: GLPKProblem, parameters: UnsafeRawPointer? = nil,
        flags: Int32 = 0, path: UnsafePointer<CChar>? = nil
    ) -> Result<Int32, GLPKInternalFailure> {
        guard problem.isAlive else {
            return .failure(GLPKInternalFailure(message: "the GLPK problem was freed by an earlier internal error of GLPK on this thread"))
        }
        var request = esms_glpk_call(routine: routine, problem: problem.pointer, parameters: parameters, flags: flags, path: path)
        var result: Int32 = 0
        guard esms_glpk_guarded(&request, &result) != 0 else { return .success(result) }
        let text = String(cString: esms_glpk_failure_message())
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // The environment is new: put back the per-thread settings of `GLPKEnvironment`.
        GLPKEnvironment.applyThreadSettings()
        return .failure(GLPKInternalFailure(message: lines.isEmpty ? "GLPK reported an internal error without a message" : lines.joined(separator: "; ")))
    }
}
