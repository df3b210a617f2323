// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// The shipped Bretagne report in headless Chromium, as a committee secretary opens and prints it
/// (skipped with a message where Chromium is absent; `ShippedReportsTests` keeps these files equal
/// to what the code writes): the annex's table script runs, the note prints on at most ten
/// numbered A4 pages, the letters one per page.
@Suite struct BrowserReportTests {
    static let folder = Fixture.repositoryRoot.appendingPathComponent("Reports/bretagne-2024-juin")

    @Test func theAnnexTableScriptRuns() throws {
        guard let chromium = Browser.chromium else {
            print("skipped: Chromium is not installed (apt-get install chromium); index.html is not checked in a browser")
            return
        }
        let dom = try Browser.dom(chromium, Self.folder.appendingPathComponent("index.html"))
        // The controls are shown by the script, and it counts every project of the scenario.
        #expect(dom.contains("id=\"projects-controls\">"), "the table's controls stay hidden: its script did not run")
        #expect(Browser.text(dom, id: "projects-count") == "150 / 150")
    }

    /// The national annex's 2 500 projects' details are a script beside it (`index-details.js`),
    /// which the page loads when a link of the projects table asks for a detail, and shows it;
    /// opened without that file, it says which file is missing in the detail's place.
    @Test func theNationalAnnexShowsAProjectsDetailOnRequest() throws {
        let national = Fixture.repositoryRoot.appendingPathComponent("Reports/national-2024-redeploiement")
        let page = national.appendingPathComponent("index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<div id=\"details-shown\" data-src=\"index-details.js\""))
        #expect(!html.contains("id=\"details-data\""), "the details' data is in the page, not in its file")
        #expect(!html.contains("<div class=\"project\" id="), "the details are written as tables, not as data")
        let details = try String(contentsOf: national.appendingPathComponent("index-details.js"), encoding: .utf8)
        let regional = try String(contentsOf: Self.folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(regional.contains("<div class=\"project\" id=\"p-BRE-007\">"))
        #expect(!FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent("index-details.js").path))
        let anchor = try #require(html.firstMatch(of: /href="#(p-[^"]+)"/).map { String($0.1) })
        #expect(details.contains("class=\\\"project\\\" id=\\\"\(anchor)\\\">"), "the file holds the project's detail")
        guard let chromium = Browser.chromium else {
            print("skipped: Chromium is not installed (apt-get install chromium); the national annex is not checked in a browser")
            return
        }
        let dom = try Browser.dom(chromium, page, fragment: anchor)
        let shown = try #require(dom.range(of: "id=\"details-shown\"")).upperBound
        #expect(dom[shown...].prefix(1000).contains("<div class=\"project\" id=\"\(anchor)\">"), "the project's detail is not shown")
        #expect(dom.contains("data-ready-ms=\""), "the page's script did not end")

        // The page alone, without its details' file.
        let alone = FileManager.default.temporaryDirectory.appendingPathComponent("esms-annex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: alone, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: alone) }
        try FileManager.default.copyItem(at: page, to: alone.appendingPathComponent("index.html"))
        let missing = try Browser.dom(chromium, alone.appendingPathComponent("index.html"), fragment: anchor)
        let said = Browser.text(missing, id: "details-shown") ?? ""
        #expect(said.hasPrefix("Le détail des projets n'a pas pu être chargé : le fichier index-details.js manque"), "shown: \(said)")
    }

    @Test func theNotePrintsOnAtMostTenNumberedPagesAndTheLettersOnePerPage() throws {
        guard let chromium = Browser.chromium else {
            print("skipped: Chromium is not installed (apt-get install chromium); the note's printing is not checked")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let note = try Browser.pdf(chromium, Self.folder.appendingPathComponent("note.html"), to: dir.appendingPathComponent("note.pdf"))
        let pages = Browser.pageCount(note)
        #expect(pages >= 3 && pages <= 10, "the note prints on \(pages) pages")
        if let text = Browser.pdfText(dir.appendingPathComponent("note.pdf")) {
            // pdftotext keeps "8 / 8" as "8/8": compare without spaces.
            #expect(text.filter { !$0.isWhitespace }.contains("\(pages)/\(pages)"), "the last page is not numbered '\(pages) / \(pages)'")
        }
        let letters = try Browser.pdf(chromium, Self.folder.appendingPathComponent("lettres.html"), to: dir.appendingPathComponent("lettres.pdf"))
        let html = try String(contentsOf: Self.folder.appendingPathComponent("lettres.html"), encoding: .utf8)
        let count = html.components(separatedBy: "<section class=\"letter\"").count - 1
        #expect(count > 0)
        #expect(Browser.pageCount(letters) >= count, "\(count) letters on \(Browser.pageCount(letters)) pages")
    }
}

extension Browser {
    /// The page printed to PDF by Chromium (A4 from the page's own `@page`).
    static func pdf(_ chromium: String, _ page: URL, to file: URL) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("esms-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--no-pdf-header-footer",
                       "--print-to-pdf=\(file.path)", page.absoluteString]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return try Data(contentsOf: file)
    }

    /// Pages of a PDF: its `/Type /Page` objects (not `/Pages`).
    static func pageCount(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.matches(of: /\/Type\s*\/Page(?!s)/).count
    }

    /// The PDF's text through poppler's pdftotext, where it is installed.
    static func pdfText(_ file: URL) -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = [file.path, "-"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
