// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ReportRendering
import Testing
import TestSupport

/// The report folder is replaced as a whole: a run stopped while it works leaves the old report
/// and nothing else; what a SIGKILL left is removed by the next run; a folder with other files
/// is refused.
@Suite struct ReportFolderTests {
    static let mini = "Tests/ESMSCommandsTests/Fixtures/mini/scenario.yaml"
    static let quick = ["--frontier-steps", "0", "--tradeoff-points", "0", "--no-simulation"]
    /// Every file of a regional report of a few projects (whose annex keeps its details inside).
    static let regionalFiles = Report.fileNames.filter { $0 != HTMLReport.detailsFile }

    /// A parent folder and the report folder in it.
    static func folders() -> (parent: URL, report: URL) {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("esms-swap-\(UUID().uuidString)")
        return (parent, parent.appendingPathComponent("comite"))
    }

    static func contents(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    static func siblings(_ parent: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != "comite" }
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aStoppedRunLeavesTheOldReportAndNoTemporaryFolder(signal: Int32) throws {
        let (parent, report) = Self.folders()
        defer { try? FileManager.default.removeItem(at: parent) }
        let first = try CommandRunner.run(["report", Self.mini, "-o", report.path] + Self.quick)
        #expect(first.status == 0, "\(first.stderr)")
        let old = try Self.contents(report)
        #expect(old.count == Self.regionalFiles.count)

        // The new report (in English, all sections) differs from the old in every file.
        let run = try CommandRunner.launch(["report", Self.mini, "-o", report.path, "--lang", "en"])
        let staging = parent.appendingPathComponent(".comite.esms-new.\(run.processIdentifier)")
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: staging.path) && run.isRunning && Date() < deadline { usleep(500) }
        #expect(run.isRunning, "the run ended before it could be stopped")
        kill(run.processIdentifier, signal)
        run.waitUntilExit()
        #expect(run.terminationReason == .uncaughtSignal && run.terminationStatus == signal)
        #expect(try Self.contents(report) == old, "the old report is intact")
        let left = try Self.siblings(parent)
        #expect(left.isEmpty, "temporary folders left: \(left)")
    }

    @Test func aLaterRunRemovesWhatAKilledRunLeft() throws {
        let (parent, report) = Self.folders()
        defer { try? FileManager.default.removeItem(at: parent) }
        // Process 99999999 does not exist (Linux pids stop at 4 194 304).
        for kind in ["new", "old"] {
            let dead = parent.appendingPathComponent(".comite.esms-\(kind).99999999")
            try FileManager.default.createDirectory(at: dead, withIntermediateDirectories: true)
            try Data("half".utf8).write(to: dead.appendingPathComponent("index.html"))
        }
        let r = try CommandRunner.run(["report", Self.mini, "-o", report.path] + Self.quick)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.siblings(parent).isEmpty)
        #expect(try Self.contents(report).count == Self.regionalFiles.count)
    }

    /// A run killed between the two renames of a file system without exchange left the old
    /// report aside and no folder: the next run puts it back before replacing it.
    @Test func anOldReportSetAsideIsPutBack() throws {
        let (parent, report) = Self.folders()
        defer { try? FileManager.default.removeItem(at: parent) }
        let aside = parent.appendingPathComponent(".comite.esms-old.99999999")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: aside.appendingPathComponent("pv.md"))
        // A run that stops on a usage error after the folder was prepared.
        let r = try CommandRunner.run(["report", Self.mini, "-o", report.path, "--force", "NOPE"] + Self.quick)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(try Self.contents(report) == ["pv.md": Data("old".utf8)])
        #expect(try Self.siblings(parent).isEmpty)
    }

    @Test func aFolderWithOtherFilesIsRefused() throws {
        let (parent, report) = Self.folders()
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: report, withIntermediateDirectories: true)
        try Data("mes notes".utf8).write(to: report.appendingPathComponent("notes.txt"))
        let r = try CommandRunner.run(["report", Self.mini, "-o", report.path] + Self.quick)
        #expect(r.status == 3)
        #expect(r.stderr.contains("refus de remplacer") && r.stderr.contains("notes.txt"), "\(r.stderr)")
        #expect(try Self.contents(report) == ["notes.txt": Data("mes notes".utf8)])
        #expect(try Self.siblings(parent).isEmpty)
    }
}
