// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// `esms generate` end to end: deterministic files, refusals with their exit codes.
@Suite struct GenerateCommandTests {
    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("esms-generate-\(UUID().uuidString)")
    }

    @Test func theSameSeedWritesTheSameFilesAndTheyValidate() throws {
        let a = temporaryFolder(), b = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        for dir in [a, b] {
            let r = try CommandRunner.run(["generate", "--region", "24", "--projects", "30", "--seed", "7", "-o", dir.path])
            #expect(r.status == 0, "\(r.stderr)")
        }
        for name in ["scenario.yaml", "projects.csv", "members.csv"] {
            let x = try Data(contentsOf: a.appendingPathComponent(name)), y = try Data(contentsOf: b.appendingPathComponent(name))
            #expect(x == y, "\(name) differs between two runs with the same seed")
        }
        // Generating again over the same folder replaces the files atomically.
        let again = try CommandRunner.run(["generate", "--region", "24", "--projects", "30", "--seed", "7", "-o", a.path])
        #expect(again.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: a.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
        let v = try CommandRunner.run(["validate", a.appendingPathComponent("scenario.yaml").path])
        #expect(v.status == 0, "\(v.stderr)")
    }

    @Test func refusals() throws {
        let usage = try CommandRunner.run(["generate", "--projects", "30", "--seed", "7", "-o", temporaryFolder().path])
        #expect(usage.status == 2)
        let region = try CommandRunner.run(["generate", "--region", "99", "--projects", "30", "--seed", "7", "-o", temporaryFolder().path])
        #expect(region.status == 2)
        let intoData = try CommandRunner.run(["generate", "--region", "53", "--projects", "30", "--seed", "7", "-o", "Scenarios/data"])
        #expect(intoData.status == 3)
    }
}
