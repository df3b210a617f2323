// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ReportRendering
import ScenarioModel
import Testing

/// Above 400 projects the annex's details (every project's ESSMS) are a script of their own
/// beside `index.html`, which loads it on request, so that opening the page does not read them;
/// below, the page keeps its tables and the report writes no such file.
@Suite struct AnnexDetailsTests {
    /// The small committee's projects copied until there are more than 400 (ids `…-c001`,
    /// `…-c002`…), each with its assessment; no selection (the copies would fund the same ESSMS).
    static let large: ReportContent = {
        var c = ReportFixture.content
        let (projects, assessments) = (c.scenario.projects, c.assessments)
        let copies = 400 / projects.count + 1
        func copy(_ k: Int) -> String { "-c" + String(repeating: "0", count: 3 - String(k).count) + String(k) }
        c.scenario.projects = (1...copies).flatMap { k in projects.map { p in var p = p; p.id += copy(k); return p } }
        c.assessments = (1...copies).flatMap { k in assessments.map { a in var a = a; a.id += copy(k); return a } }
        c.selection = nil
        c.frontier = nil
        c.tradeoff = nil
        return c
    }()

    /// The details' blocks `[id, anchor, html]` of the script file (`esmsDetails([...]);`).
    static func blocks(ofScript text: String) throws -> [[String]] {
        let start = try #require(text.range(of: "\nesmsDetails(")).upperBound
        let end = try #require(text.range(of: ");\n", options: .backwards)).lowerBound
        return try #require(try JSONSerialization.jsonObject(with: Data(text[start..<end].utf8)) as? [[String]])
    }

    /// The same blocks as a self-contained page holds them (`<script type="application/json" id="details-data">`).
    static func blocks(ofPage text: String) throws -> [[String]] {
        let start = try #require(text.range(of: "<script type=\"application/json\" id=\"details-data\">\n")).upperBound
        let end = try #require(text[start...].range(of: "</script>")).lowerBound
        return try #require(try JSONSerialization.jsonObject(with: Data(text[start..<end].utf8)) as? [[String]])
    }

    @Test func aboveFourHundredProjectsTheDetailsAreAFileBesideThePage() throws {
        let c = Self.large
        #expect(c.scenario.projects.count > 400)
        let annex = HTMLReport.annex(c, detailsFile: HTMLReport.detailsFile)
        let page = annex.page, script = try #require(annex.details)
        #expect(ReportFilesTests.xmlProblem(Array(page.utf8)) == nil)
        #expect(!page.contains("id=\"details-data\""), "the page still holds the details' data")
        #expect(!page.contains("<div class=\"project\" id="), "the page still holds the details' tables")
        #expect(page.contains("<div id=\"details-shown\" data-src=\"index-details.js\" data-loading=\"chargement…\" data-missing=\"Le détail des projets n&#39;a pas pu être chargé : le fichier index-details.js manque"))
        #expect(page.contains("window.esmsDetails = function"))
        // Every project's block, in the table's order, the same as a self-contained page holds.
        let blocks = try Self.blocks(ofScript: script)
        #expect(blocks.map { $0[0] } == c.scenario.projects.map(\.id))
        #expect(blocks == (try Self.blocks(ofPage: HTMLReport.render(c))))
        for p in [c.scenario.projects[0], c.scenario.projects[c.scenario.projects.count - 1]] {
            let block = try #require(blocks.first { $0[0] == p.id })
            #expect(block[1] == "p-" + Markup.identifier(p.id))
            #expect(block[2].hasPrefix("<div class=\"project\" id=\"p-\(Markup.identifier(p.id))\">"))
            #expect(block[2].contains(Markup.escape(p.title.isEmpty ? p.id : "\(p.id) — \(p.title)")))
            for m in p.members { #expect(block[2].contains(">\(m.finess.text)</td>"), "\(p.id): \(m.finess.text)") }
        }
        // In English, the page says so in English.
        let english = HTMLReport.annex(c, language: .en, detailsFile: HTMLReport.detailsFile).page
        #expect(english.contains("data-loading=\"loading…\" data-missing=\"The projects&#39; details could not be loaded: the file index-details.js is missing"))
    }

    @Test func theReportWritesTheDetailsFileAndTheNoteNamesIt() throws {
        let files = try Report.files(Self.large)
        let names = files.map(\.name)
        #expect(names.prefix(3) == ["note.html", "index.html", HTMLReport.detailsFile])
        #expect(Set(names).isSubset(of: Report.fileNames))
        let audit = String(decoding: try #require(files.last).bytes, as: UTF8.self)
        #expect(audit.contains("\"\(HTMLReport.detailsFile)\""), "the audit record has the file's digest")
        let note = String(decoding: try #require(files.first).bytes, as: UTF8.self)
        #expect(note.contains("<li><a href=\"index-details.js\">index-details.js</a> — "))
    }

    @Test func belowItThePageKeepsItsTablesAndNoFileIsWritten() throws {
        let c = ReportFixture.content
        let annex = HTMLReport.annex(c, detailsFile: HTMLReport.detailsFile)
        #expect(annex.details == nil)
        #expect(annex.page == HTMLReport.render(c))
        #expect(annex.page.contains("<div class=\"project\" id=\"p-"))
        #expect(!annex.page.contains("<div id=\"details-shown\"") && !annex.page.contains("esmsDetails"))
        let files = try Report.files(c)
        #expect(!files.map(\.name).contains(HTMLReport.detailsFile))
        let note = String(decoding: try #require(files.first { $0.name == "note.html" }).bytes, as: UTF8.self)
        #expect(!note.contains(HTMLReport.detailsFile))
    }
}
