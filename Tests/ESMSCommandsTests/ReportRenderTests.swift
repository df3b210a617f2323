// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// The report looked at in a real browser: `scripts/render-report.sh` renders a small report
/// with headless Chromium to PDF and PNG. Skipped, with the reason, where Chromium is not
/// installed (Debian: `apt-get install -y chromium`).
@Suite struct ReportRenderTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: the browser rendering of the report is not checked (apt-get install -y chromium)"),
          .timeLimit(.minutes(1)))
    func chromiumRendersTheReport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("report"), out = dir.appendingPathComponent("render")
        let r = try CommandRunner.run(["report", "Tests/ESMSCommandsTests/Fixtures/mini/scenario.yaml", "-o", report.path,
                                       "--frontier-steps", "5", "--tradeoff-points", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [Fixture.repositoryRoot.appendingPathComponent("scripts/render-report.sh").path, report.path, out.path]
        process.currentDirectoryURL = Fixture.repositoryRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let pdf = try Data(contentsOf: out.appendingPathComponent("index.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let png = try Data(contentsOf: out.appendingPathComponent("screen.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 10_000, "the screenshot looks empty")
    }
}
