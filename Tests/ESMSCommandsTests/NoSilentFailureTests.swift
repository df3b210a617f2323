// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// Every non-zero exit says why on stderr, `--json` included, and a failure writes no document
/// on stdout that a script could take for a result.
@Suite struct NoSilentFailureTests {
    static let broken = "Tests/ESMSCommandsTests/Fixtures/broken/scenario.yaml"
    static let mini = "Tests/ESMSCommandsTests/Fixtures/mini"

    /// The commands that read a scenario, with the options that keep them short.
    static let scenarioCommands: [[String]] = [
        ["fund"], ["select"], ["frontier", "--steps", "2"], ["tradeoff", "--points", "2"],
        ["simulate", "--draws", "50", "--sensitivity-draws", "0"], ["whatif", "--draws", "50"], ["redeploy"],
        ["report", "-o", "/tmp/esms-never-written"],   // writes files, no --json
    ]

    @Test("A scenario with errors: a message on stderr, nothing on stdout, exit 1", arguments: scenarioCommands)
    func brokenScenario(_ command: [String]) throws {
        let json = command[0] == "report" ? [] : ["--json"]
        let r = try CommandRunner.run([command[0], Self.broken] + json + command.dropFirst())
        #expect(r.status == 1, "\(command[0]): exit \(r.status)")
        #expect(!r.stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(command[0]) said nothing")
        #expect(r.stdout.isEmpty, "\(command[0]) wrote on stdout: \(r.stdout.prefix(200))")
    }

    /// `validate --json` writes its verdict (the diagnostics) on stdout: that document is the
    /// result; the errors are on stderr too.
    @Test func validateSaysWhyAndGivesItsVerdict() throws {
        let r = try CommandRunner.run(["validate", Self.broken, "--json"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("erreur"))
        #expect(r.stdout.contains("\"valid\": false"))
    }

    @Test("Commands without a scenario fail loudly too")
    func otherCommands() throws {
        let cases: [[String]] = [
            ["envelopes", "--total", "1000000", "--register", "/nonexistent/register.csv", "--json"],
            ["register", "import", "/nonexistent/extract.csv", "-o", "/tmp/esms-never-written.csv", "--json"],
            ["redeploy", "\(Self.mini)/scenario.yaml", "--json"],           // a regional scenario
            ["select", "\(Self.mini)/scenario.yaml", "--force", "NOPE", "--json"],
        ]
        for args in cases {
            let r = try CommandRunner.run(args)
            #expect(r.status != 0, "\(args.joined(separator: " ")): exit 0")
            #expect(!r.stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(args.joined(separator: " ")) said nothing")
            #expect(r.stdout.isEmpty, "\(args.joined(separator: " ")) wrote on stdout")
        }
    }

    /// A hard balance that no selection can meet (tolerance 0 on every département): `select`
    /// gives its diagnosis in the JSON document and says on stderr why it exits 1.
    @Test func infeasibleSelectionSaysWhy() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-infeasible-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = Fixture.repositoryRoot.appendingPathComponent(Self.mini)
        var yaml = try String(contentsOf: root.appendingPathComponent("scenario.yaml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "territory: { basis: essms, tolerance: 0.20, mode: soft }",
                                         with: "territory: { basis: essms, tolerance: 0, mode: hard }")
        for table in ["register", "projects", "members"] {
            yaml = yaml.replacingOccurrences(of: "\(table): \(table).csv", with: "\(table): \(root.path)/\(table).csv")
        }
        try yaml.write(to: dir.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["select", dir.appendingPathComponent("scenario.yaml").path, "--json",
                                       "--explain-limit", "0", "--next-in-line", "0", "--time-limit", "20"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("erreur : aucune sélection ne respecte"), "\(r.stderr)")
        #expect(r.stdout.contains("\"status\": \"infeasible\"") && r.stdout.contains("\"infeasibility\""))
    }
}
