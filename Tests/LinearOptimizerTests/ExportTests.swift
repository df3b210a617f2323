// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import LinearOptimizer

/// Exports re-read by `glpsol`, which must find the same optimum (negated for a
/// maximisation written as MPS).
@Suite("Export")
struct ExportTests {
    static let glpsol = "/usr/bin/glpsol"
    let solver = GLPKSolver()

    /// A fresh directory under the system temporary directory, removed by the caller.
    private func makeDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lo-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs glpsol on `file`, writing its report to a file created here; returns the objective.
    private func glpsolObjective(_ formatFlag: String, _ file: URL, in directory: URL) throws -> Double? {
        let report = directory.appendingPathComponent("report.txt")
        #expect(FileManager.default.createFile(atPath: report.path, contents: Data()))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.glpsol)
        process.arguments = [formatFlag, file.path, "-o", report.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOf: report, encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }) else { return nil }
        // "Objective:  obj = 23 (MAXimum)"
        let parts = line.split(separator: "=")
        guard parts.count >= 2, let token = parts[1].split(separator: " ").first else { return nil }
        return Double(token)
    }

    private static func selectionModel() -> LinearModel {
        var model = Fixtures.smallSelection(seed: 5, projects: 16)
        let slack = model.addContinuous("s_terr_hi_29", upper: 5, objective: -0.5)
        model.addRow("terr_hi_29", [Term(VariableID(0), 1), Term(VariableID(1), 1), Term(slack, -1)], .lessOrEqual(1))
        model.objectiveConstant = 2
        return model
    }

    @Test("LP and MPS files give glpsol the same optimum", .enabled(if: FileManager.default.isExecutableFile(atPath: glpsol)),
          arguments: [OptimizationSense.maximize, .minimize])
    func roundTrip(sense: OptimizationSense) throws {
        var model = Self.selectionModel()
        if sense == .minimize {
            model.setObjective(.minimize, terms: model.objectiveTerms.map { Term($0.variable, -$0.coefficient) }, constant: -2)
        }
        let expected = try #require(try solver.solve(model).objectiveValue)
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lp = directory.appendingPathComponent("model.lp")
        let mps = directory.appendingPathComponent("model.mps")
        try solver.export(model, as: .cplexLP, to: lp)
        try solver.export(model, as: .freeMPS, to: mps)
        let lpText = try String(contentsOf: lp, encoding: .utf8)
        #expect(lpText.contains(sense == .maximize ? "Maximize" : "Minimize"))
        #expect(lpText.contains("x_P0") && lpText.contains("budget") && lpText.contains("terr_hi_29"))
        let mpsText = try String(contentsOf: mps, encoding: .utf8)
        #expect(mpsText.hasPrefix(GLPKSolver.negatedMaximisationComment) == (sense == .maximize))
        let fromLP = try #require(try glpsolObjective("--lp", lp, in: directory))
        let fromMPS = try #require(try glpsolObjective("--freemps", mps, in: directory))
        #expect(abs(fromLP - expected) < 1e-6)
        #expect(abs(fromMPS - (sense == .maximize ? -expected : expected)) < 1e-6)
        // Only the two exports and glpsol's report remain: no temporary file is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(left == ["model.lp", "model.mps", "report.txt"])
    }

    @Test("glpsol is reported missing rather than silently passing",
          .enabled(if: !FileManager.default.isExecutableFile(atPath: glpsol)))
    func glpsolMissing() {
        withKnownIssue("glpsol is not installed at \(Self.glpsol): export round-trip tests were skipped") {
            Issue.record("glpsol missing")
        }
    }

    @Test("an export replaces an existing file atomically and refuses a missing directory")
    func atomicReplace() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("model.lp")
        try Data("old".utf8).write(to: target)
        try solver.export(Fixtures.knapsack().0, as: .cplexLP, to: target)
        #expect(try String(contentsOf: target, encoding: .utf8).contains("capacity"))
        let missing = directory.appendingPathComponent("no/such/dir/model.lp")
        #expect(throws: LinearOptimizerError.self) { try solver.export(Fixtures.knapsack().0, as: .freeMPS, to: missing) }
        var bad = LinearModel()
        bad.addBinary("x", objective: .nan)
        #expect(throws: LinearOptimizerError.self) { try solver.export(bad, as: .cplexLP, to: target) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["model.lp"])
    }
}
