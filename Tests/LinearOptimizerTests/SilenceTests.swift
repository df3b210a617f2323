// SPDX-License-Identifier: GPL-3.0-or-later
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import LinearOptimizer

/// GLPK prints to stdout unless told not to ("Writing problem data to..." even with
/// msg_lev off); `--json` output would be corrupted. Captures file descriptor 1 while solving
/// and exporting, and expects nothing in it.
@Suite("Silence", .serialized)
struct SilenceTests {
    @Test("solving, exporting and a caught internal error of GLPK write nothing to stdout")
    func nothingOnStdout() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lo-silence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let capture = directory.appendingPathComponent("stdout.txt").path
        let solver = GLPKSolver()
        let model = Fixtures.smallSelection(seed: 2, projects: 20)

        fflush(nil)
        let saved = dup(1)
        let descriptor = open(capture, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(saved >= 0 && descriptor >= 0)
        dup2(descriptor, 1)
        let result = try? solver.solve(model)
        // GLPK prints its internal errors with output forced on: the guard keeps the text.
        var failing = SolverOptions()
        failing.provokedInternalFailures = 1
        let recovered = try? solver.solve(model, options: failing)
        try? solver.export(model, as: .cplexLP, to: directory.appendingPathComponent("m.lp"))
        try? solver.export(model, as: .freeMPS, to: directory.appendingPathComponent("m.mps"))
        fflush(nil)
        dup2(saved, 1)
        close(saved)
        close(descriptor)

        #expect(result?.status == .optimal)
        #expect(recovered?.status == .optimal)
        let captured = try String(contentsOfFile: capture, encoding: .utf8)
        #expect(captured.isEmpty, "GLPK wrote to stdout: \(captured.prefix(200))")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("m.mps").path))
    }
}
