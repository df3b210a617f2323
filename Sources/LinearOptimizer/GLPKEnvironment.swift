// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK
import Foundation

/// The one process-wide door to GLPK.
///
/// GLPK keeps its environment per thread and a problem object belongs to the thread
/// that created it, so every use of GLPK happens inside `run`: one synchronous call
/// that builds, solves, reads and deletes its problems, with the terminal output of
/// the calling thread turned off, and never two such calls at once in the process.
enum GLPKEnvironment {
    private static let lock = NSLock()

    /// Runs `body` under the process-wide lock with GLPK's terminal output off on this
    /// thread (restored afterwards).
    static func run<T>(_ body: () throws(LinearOptimizerError) -> T) throws(LinearOptimizerError) -> T {
        lock.lock()
        defer { lock.unlock() }
        let previous = glp_term_out(GLP_OFF)
        defer { glp_term_out(previous == GLP_ON ? GLP_ON : GLP_OFF) }
        return try body()
    }

    /// Puts back the per-thread settings `run` relies on, after the guard freed this thread's
    /// GLPK environment (a new one starts with terminal output on).
    static func applyThreadSettings() {
        glp_term_out(GLP_OFF)
    }

    /// GLPK's version, e.g. "5.0".
    static var version: String {
        guard let text = glp_version() else { return "unknown" }
        return String(cString: text)
    }
}
