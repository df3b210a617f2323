// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// The committee report of the shipped Bretagne scenario kept in `Reports/bretagne-2024-juin/`
/// is what the tool produces today: regenerated here with the same `SOURCE_DATE_EPOCH` as
/// `make demo` and compared byte for byte, one test per file, so that anyone can read it without
/// running the tool. `ESMS_RECORD_GOLDEN=1` rewrites the files (as `make demo` does).
@Suite(.serialized) struct ShippedReportsTests {
    static let scenario = "Scenarios/bretagne-2024/scenario.yaml"
    static let folder = "Reports/bretagne-2024-juin"
    /// 2024-06-14 08:00 UTC, the `REPORT_EPOCH` of the Makefile.
    static let epoch = "1718352000"

    /// One `esms report` run shared by the tests of the suite (about a second of solves in release).
    nonisolated(unsafe) static var produced: (URL, CommandResult)?

    static func report() throws -> (URL, CommandResult) {
        if let produced { return produced }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-shipped-\(UUID().uuidString)")
        let r = try CommandRunner.run(["report", scenario, "-o", dir.path], environment: ["SOURCE_DATE_EPOCH": epoch])
        produced = (dir, r)
        return (dir, r)
    }

    @Test(arguments: ["index.html", "decisions.csv", "essms.csv", "minutes.md", "results.json", "audit.json"])
    func reportFileIsUpToDate(name: String) throws {
        let (dir, r) = try Self.report()
        #expect(r.status == 0, "\(r.stderr)")
        let produced = try Data(contentsOf: dir.appendingPathComponent(name))
        let path = Fixture.repositoryRoot.appendingPathComponent("\(Self.folder)/\(name)")
        if ProcessInfo.processInfo.environment["ESMS_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try produced.write(to: path)
        }
        guard let kept = try? Data(contentsOf: path) else {
            Issue.record("\(Self.folder)/\(name) missing: run the tests with ESMS_RECORD_GOLDEN=1 (or make demo) to record it")
            return
        }
        if name.hasSuffix(".csv") {
            #expect(produced == kept, "\(Self.folder)/\(name) differs from what esms report writes now (re-record with ESMS_RECORD_GOLDEN=1 or make demo)")
        } else if let diff = Golden.check(String(decoding: produced, as: UTF8.self), path) {
            Issue.record(Comment(rawValue: diff))
        }
    }
}
