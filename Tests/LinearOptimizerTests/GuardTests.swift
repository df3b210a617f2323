// SPDX-License-Identifier: GPL-3.0-or-later
import CGLPK
import Foundation
import Testing
@testable import LinearOptimizer

/// GLPK calls `abort()` on an internal error (issue 13: `Assertion failed: teta_lim >= 0.0` in
/// the primal simplex on a valid committee). The C guard turns such an error into a value; these
/// tests make GLPK fail a check of its own on purpose, through the same guard entry point as
/// `glp_simplex` and `glp_intopt`.
@Suite("GLPK guard")
struct GuardTests {
    /// Makes GLPK fail its argument check (`glp_set_obj_dir(P, 99)`) on a fresh problem; returns
    /// the failure and whether the problem still counts as alive afterwards.
    static func provokeInternalError() throws -> (GLPKInternalFailure?, Bool) {
        let prepared = try PreparedModel(Fixtures.knapsack().0)
        return try GLPKEnvironment.run { () throws(LinearOptimizerError) in
            let problem = GLPKProblem(prepared, names: false)
            let other = GLPKProblem(prepared, names: false)
            guard case .failure(let failure) = GLPKGuard.setObjectiveDirection(problem, 99) else { return (nil, true) }
            // Every problem of the thread went with the environment; dropping them must not
            // call glp_delete_prob on freed memory.
            #expect(!other.isAlive)
            return (failure, problem.isAlive)
        }
    }

    @Test("an internal error of GLPK is a failure value, and GLPK works on the same thread afterwards")
    func internalErrorIsAValue() throws {
        let before = GLPKGuard.generation
        let (failure, alive) = try Self.provokeInternalError()
        let message = try #require(failure?.message)
        #expect(message.contains("glp_set_obj_dir"), "\(message)")
        #expect(message.contains("Error detected in file"), "\(message)")
        #expect(!alive)
        #expect(GLPKGuard.generation == before + 1)
        // Same thread, new environment: solving still works and stays silent.
        let result = try GLPKSolver().solve(Fixtures.knapsack().0)
        #expect(result.status == .optimal)
        #expect(result.objectiveValue == 23)
    }

    @Test("a failed run is re-made with other settings, and reported as a solver error when every re-run fails")
    func recoveryAndFailureStatus() throws {
        let model = Fixtures.smallSelection(seed: 3, projects: 14)
        let expected = try #require(Fixtures.bruteForceOptimum(model))
        var options = SolverOptions()
        options.provokedInternalFailures = 1
        let recovered = try GLPKSolver().solve(model, options: options)
        #expect(recovered.status == .optimal)
        #expect(recovered.objectiveValue == expected)
        #expect(recovered.sentence.contains("solved again without presolve"), "\(recovered.sentence)")

        options.provokedInternalFailures = GLPKSolver.Recovery.sequence.count
        let failed = try GLPKSolver().solve(model, options: options)
        guard case .solverError(let code, let sentence) = failed.status else {
            Issue.record("expected a solver error, got \(failed.status)")
            return
        }
        #expect(code == SolveStatus.internalErrorCode)
        #expect(sentence.contains("glp_set_obj_dir"), "\(sentence)")
        #expect(failed.values.isEmpty)

        let again = try GLPKSolver().solve(model)
        #expect(again.status == .optimal)
        #expect(again.objectiveValue == expected)

        // With a start solution that meets every row, a failure of every re-run returns that
        // start, not proven optimal, instead of no answer.
        let start = [Double](repeating: 0, count: model.variables.count)
        let kept = try GLPKSolver().solve(model, options: options, start: start)
        #expect(kept.status == .feasible, "\(kept.status)")
        #expect(kept.values == start)
        #expect(kept.startSolution == .accepted)
        #expect(kept.sentence.contains("glp_set_obj_dir") && kept.sentence.contains("start solution"), "\(kept.sentence)")
    }

    @Test("1 000 caught internal errors leave the memory flat")
    func memoryStaysFlat() throws {
        for _ in 0..<100 { _ = try Self.provokeInternalError() }
        let before = try #require(Self.residentBytes())
        for _ in 0..<1_000 {
            let (failure, _) = try Self.provokeInternalError()
            try #require(failure != nil)
        }
        let after = try #require(Self.residentBytes())
        // Jumping out without freeing the environment leaked ~80 kB per error (GLPK-NOTES.md):
        // 80 MB here. Other suites run alongside, hence the margin.
        #expect(after - before < 24 << 20, "resident memory grew by \((after - before) >> 10) kB over 1 000 caught errors")
        #expect(try GLPKSolver().solve(Fixtures.knapsack().0).objectiveValue == 23)
    }

    /// Resident set size of this process, from /proc (nil where there is none).
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
