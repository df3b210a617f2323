// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// The reports of the shipped Bretagne scenario kept in `Reports/` are what the tool produces
/// today: regenerated here and compared byte for byte (output is deterministic), so anyone can
/// read them without running the tool. `ESMS_RECORD_GOLDEN=1` rewrites them (as `make demo` does).
@Suite struct ShippedReportsTests {
    static let scenario = "Scenarios/bretagne-2024/scenario.yaml"

    @Test(arguments: ["fund", "select", "frontier", "tradeoff"])
    func jsonReportIsUpToDate(command: String) throws {
        let r = try CommandRunner.run([command, Self.scenario, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let path = Fixture.repositoryRoot.appendingPathComponent("Reports/bretagne-2024/\(command).json")
        if let diff = Golden.check(r.stdout, path) { Issue.record(Comment(rawValue: diff)) }
    }

    @Test func excelReportIsUpToDate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("fund.csv").path
        let r = try CommandRunner.run(["fund", Self.scenario, "--csv", csv])
        #expect(r.status == 0)
        let produced = try Data(contentsOf: URL(fileURLWithPath: csv))
        let path = Fixture.repositoryRoot.appendingPathComponent("Reports/bretagne-2024/fund.csv")
        if ProcessInfo.processInfo.environment["ESMS_RECORD_GOLDEN"] == "1" { try produced.write(to: path) }
        let kept = try Data(contentsOf: path)
        #expect(produced == kept, "Reports/bretagne-2024/fund.csv differs from what esms fund --csv writes now (re-record with ESMS_RECORD_GOLDEN=1 or make demo)")
        #expect(kept.starts(with: [0xEF, 0xBB, 0xBF]))
    }
}
