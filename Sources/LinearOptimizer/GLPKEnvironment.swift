// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK
import Foundation

/// The one process-wide door to GLPK.
///
/// GLPK keeps its environment per thread and a problem object belongs to the thread
/// that created it, so every use of GLPK happens inside `run`: one synchronous call
/// that builds, solves, reads and deletes its problems, with the terminal output of
/// the calling thread turned off. With a thread-local GLPK (`glp_config("TLS")`, as
/// Debian's build is) such calls run side by side on several threads (explanation
/// re-solves use both cores); a GLPK without thread-local storage gets one call at a
/// time in the process.
enum GLPKEnvironment {
    /// Recursive: a session (`GLPKSession`) holds it while its body may solve another model.
    private static let lock = NSRecursiveLock()

    /// Whether this GLPK keeps its environment in thread-local storage.
    static let threadLocal: Bool = glp_config("TLS") != nil

    /// Runs `body` with GLPK's terminal output off on this thread (restored afterwards),
    /// under the process-wide lock when GLPK is not thread-local.
    static func run<T>(_ body: () throws(LinearOptimizerError) -> T) throws(LinearOptimizerError) -> T {
        if !threadLocal { lock.lock() }
        defer { if !threadLocal { lock.unlock() } }
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
