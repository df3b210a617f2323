// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import ReportRendering
import TestSupport

/// The committee reports of the shipped scenarios kept in `Reports/` are what the tool produces
/// today: regenerated here with the same arguments and `SOURCE_DATE_EPOCH` as `make demo` and
/// compared byte for byte, one test per file, so that anyone can read them without running the
/// tool. `ESMS_RECORD_GOLDEN=1` rewrites the files (as `make demo` does).
@Suite(.serialized) struct ShippedReportsTests {
    /// The time of each report, as `make demo` gives it: the committee on 2024-06-14 08:00 UTC
    /// (`REPORT_EPOCH`), the redeployment on 2024-10-15 08:00 UTC (`REPORT_EPOCH_NAT`).
    static let epochs = ["Reports/bretagne-2024-juin": "1718352000", "Reports/national-2024-redeploiement": "1728979200"]

    /// Each shipped report: its folder, and the arguments of `make demo` (the national one with
    /// fewer draws and no explanation re-solves, frontier or trade-off: 2 500 projects).
    static let shipped: [String: [String]] = [
        "Reports/bretagne-2024-juin": ["report", "Scenarios/bretagne-2024/scenario.yaml"],
        "Reports/national-2024-redeploiement": ["report", "Scenarios/national-2024-redeploiement/scenario.yaml",
                                                "--explain-limit", "0", "--frontier-steps", "0", "--tradeoff-points", "0",
                                                "--draws", "2000", "--sensitivity-draws", "200"],
    ]

    /// One `esms report` run per scenario, shared by the tests of the suite.
    nonisolated(unsafe) static var produced: [String: (URL, CommandResult)] = [:]

    static func report(_ folder: String) throws -> (URL, CommandResult) {
        if let done = produced[folder] { return done }
        if produced.isEmpty {
            // The reports' folders (some 25 MB) are removed when the test process ends.
            atexit { for (dir, _) in ShippedReportsTests.produced.values { try? FileManager.default.removeItem(at: dir) } }
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-shipped-\(UUID().uuidString)")
        let r = try CommandRunner.run(shipped[folder]! + ["-o", dir.path], environment: ["SOURCE_DATE_EPOCH": epochs[folder]!])
        produced[folder] = (dir, r)
        return (dir, r)
    }

    @Test(arguments: ["Reports/bretagne-2024-juin", "Reports/national-2024-redeploiement"],
          Report.fileNames)
    func reportFileIsUpToDate(folder: String, name: String) throws {
        let (dir, r) = try Self.report(folder)
        #expect(r.status == 0, "\(r.stderr)")
        let path = Fixture.repositoryRoot.appendingPathComponent("\(folder)/\(name)")
        // A file the report does not write for this scenario (the letters of a national one) is not kept either.
        guard let produced = try? Data(contentsOf: dir.appendingPathComponent(name)) else {
            #expect(!FileManager.default.fileExists(atPath: path.path), "\(folder)/\(name) is kept but the report no longer writes it")
            return
        }
        if ProcessInfo.processInfo.environment["ESMS_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try produced.write(to: path)
        }
        guard let kept = try? Data(contentsOf: path) else {
            Issue.record("\(folder)/\(name) missing: run the tests with ESMS_RECORD_GOLDEN=1 (or make demo) to record it")
            return
        }
        if name.hasSuffix(".csv") {
            #expect(produced == kept, "\(folder)/\(name) differs from what esms report writes now (re-record with ESMS_RECORD_GOLDEN=1 or make demo)")
        } else if name.hasSuffix(".xlsx") {
            // A zip: byte for byte, and the parts whose content differs (by their CRC-32) named.
            let parts = { (d: Data) in (try? ZipArchive(Array(d)))?.entries.map { "\($0.name) \($0.crc32) \($0.size)" } ?? ["not a zip"] }
            let changed = Set(parts(produced)).symmetricDifference(parts(kept)).map { String($0.split(separator: " ")[0]) }
            #expect(produced == kept, "\(folder)/\(name) differs from what esms report writes now (parts: \(Set(changed).sorted())); re-record with ESMS_RECORD_GOLDEN=1 or make demo")
        } else if name.hasSuffix(".odt") {
            // A zip deflated by ZIPFoundation, whose bytes follow the platform's compressor: the
            // same parts in the same order, each the same text once inflated.
            let (now, then) = (try ZipArchive(Array(produced)), try ZipArchive(Array(kept)))
            #expect(now.names == then.names, "\(folder)/\(name): parts \(now.names), kept \(then.names)")
            for part in now.names where (try? now.contents(part)) != (try? then.contents(part)) {
                Issue.record("\(folder)/\(name): \(part) differs from what esms report writes now; re-record with ESMS_RECORD_GOLDEN=1 or make demo")
            }
        } else if let diff = Golden.check(String(decoding: produced, as: UTF8.self), path) {
            Issue.record(Comment(rawValue: diff))
        }
    }

    /// The procès-verbal of each shipped report, twice: pv.odt holds pv.md's text, line for line.
    @Test(arguments: ["Reports/bretagne-2024-juin", "Reports/national-2024-redeploiement"])
    func openDocumentMinutesHoldTheMarkdown(folder: String) throws {
        let (dir, r) = try Self.report(folder)
        #expect(r.status == 0, "\(r.stderr)")
        let odt = try OpenDocumentContents(Array(Data(contentsOf: dir.appendingPathComponent("pv.odt"))))
        let markdown = try String(contentsOf: dir.appendingPathComponent("pv.md"), encoding: .utf8)
        let expected = MarkdownText.lines(markdown)
        #expect(odt.lines.count == expected.count)
        if let i = expected.indices.first(where: { $0 >= odt.lines.count || odt.lines[$0] != expected[$0] }) {
            Issue.record("\(folder): line \(i + 1) of pv.odt is \(i < odt.lines.count ? odt.lines[i] : "missing"), pv.md's is \(expected[i])")
        }
    }

    /// The workbook of each shipped report: one row per project on the decisions sheet, the
    /// granted amounts summing to the envelope used of results.json to the cent, and for the
    /// national scope the regions of the redeployment.
    @Test(arguments: ["Reports/bretagne-2024-juin", "Reports/national-2024-redeploiement"])
    func workbookAgreesWithTheResults(folder: String) throws {
        let (dir, r) = try Self.report(folder)
        #expect(r.status == 0, "\(r.stderr)")
        let x = try XLSXContents(Array(Data(contentsOf: dir.appendingPathComponent("decisions.xlsx"))))
        let results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("results.json"))) as? [String: Any])
        let fund = try #require(results["fund"] as? [String: Any]), select = try #require(results["select"] as? [String: Any])
        let projects = try #require(fund["projects"] as? [[String: Any]])
        let budget = try #require(select["budget"] as? [String: Any])
        let used = try #require(budget["used"] as? Double)
        let decisions = try #require(x.sheet("Décisions"))
        #expect(decisions.rows.count == projects.count + 1)
        let granted = decisions.column("montant_accorde").compactMap { $0.flatMap { XLSXContents.cents($0.value) } }
        #expect(granted.count == projects.count)
        #expect(granted.reduce(0, +) == Int64((used * 100).rounded()), "\(folder): the granted amounts against results.json's used")
        let essms = try String(contentsOf: dir.appendingPathComponent("essms.csv"), encoding: .utf8)
        #expect(x.sheet("ESSMS")?.rows.count == essms.components(separatedBy: "\r\n").count - 1, "one row per row of essms.csv")
        if folder.contains("national") {
            let regions = try #require((results["redeployment"] as? [String: Any])?["regions"] as? [[String: Any]])
            let sheet = try #require(x.sheet("Régions"))
            #expect(sheet.rows.count == regions.count + 1)
            let funded = regions.compactMap { $0["funded"] as? Double }.reduce(0) { $0 + Int64(($1 * 100).rounded()) }
            #expect(sheet.column("financee").compactMap { $0.flatMap { XLSXContents.cents($0.value) } }.reduce(0, +) == funded)
        } else {
            #expect(x.sheet("Régions") == nil)
        }
    }
}
