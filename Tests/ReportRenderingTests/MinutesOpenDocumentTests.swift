// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
@testable import ReportRendering
import ScenarioModel
import TestSupport
import Testing

/// `pv.odt`, read back from its zip: a valid OpenDocument package, the same text as `pv.md`
/// line for line, the facts of the retained table, the blanks for the secretary, named styles,
/// dated by the run, the same bytes twice.
@Suite struct MinutesOpenDocumentTests {
    static func odt(_ language: ReportLanguage = .fr) throws -> OpenDocumentContents {
        try OpenDocumentContents(ReportFilesTests.file("pv.odt", language: language))
    }

    /// `mimetype` first and stored, so that a reader finds the type at byte 38; every part
    /// listed in the manifest, every part dated 1 January 1980 and well-formed XML.
    @Test func aValidPackage() throws {
        let bytes = ReportFilesTests.file("pv.odt")
        let odt = try OpenDocumentContents(bytes)
        #expect(odt.zip.names == ["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"])
        let mimetype = try #require(odt.zip.entries.first)
        #expect(mimetype.method == 0 && mimetype.compressedSize == mimetype.size)
        #expect(try odt.zip.text("mimetype") == "application/vnd.oasis.opendocument.text")
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<77], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        #expect(odt.zip.entries.allSatisfy { $0.dosDate == 1 << 5 | 1 && $0.dosTime == 0 }, "dated 1980-01-01 00:00")
        #expect(odt.zip.entries.dropFirst().allSatisfy { $0.method == 8 })
        let listed = odt.manifest.all("manifest:file-entry").map { $0["manifest:full-path"] ?? "" }
        #expect(listed == ["/", "content.xml", "styles.xml", "meta.xml"])
        #expect(odt.manifest.all("manifest:file-entry").first?["manifest:media-type"] == "application/vnd.oasis.opendocument.text")
        for root in [odt.content, odt.styles, odt.meta, odt.manifest] {
            let version = root.children.first.flatMap { $0["office:version"] ?? $0["manifest:version"] }
            #expect(version == "1.3", "\(root.children.first?.name ?? "")")
        }
    }

    /// Every heading, paragraph line, list item and table cell of pv.md, in the same order.
    @Test(arguments: ReportLanguage.allCases)
    func theSameTextAsTheMarkdown(language: ReportLanguage) throws {
        let markdown = String(decoding: ReportFilesTests.file("pv.md", language: language), as: UTF8.self)
        let odt = try Self.odt(language)
        #expect(odt.lines == MarkdownText.lines(markdown))
        #expect(odt.headings.map(\.level) == MarkdownText.headings(markdown).map(\.level))
        #expect(odt.headings.first?.text.hasPrefix(language == .fr ? "Procès-verbal du comité de sélection — " : "Minutes of the selection committee — ") == true)
        #expect(odt.lines.contains { $0.contains(ReportFixture.hostileTitle) }, "user text unescaped")
        #expect(!(try odt.zip.text("content.xml")).contains("<script"), "and escaped as XML")
    }

    /// The retained projects: each with its amount, right-aligned, and the bold total of the
    /// decision (ESSMS, acquisitions, money used).
    @Test func theRetainedTableHoldsTheDecision() throws {
        let c = ReportFixture.content, f = ReportFormat(.fr)
        let result = try #require(c.selection?.result)
        let odt = try Self.odt()
        let retained = try #require(odt.table(after: "Projets retenus ("))
        let paragraph = { (cell: XMLTree) in cell.children.first?["text:style-name"] ?? "" }
        #expect(retained.first?.map(\.content) == ["Projet", "Titre", "ESSMS", "Acq.", "Montant"])
        #expect(Set(retained.dropFirst().dropLast().map { $0[0].content }) == Set(result.selectedIDs(try #require(c.selection?.problem))))
        for row in retained.dropFirst().dropLast() {
            let project = try #require(c.assessments.first { $0.id == row[0].content })
            #expect(row[4].content == f.money(project.amount.total), "\(row[0].content)")
            #expect(row[2...].allSatisfy { paragraph($0) == "Table_20_Number" })
        }
        let total = try #require(retained.last)
        #expect(total.map(\.content) == ["Total", "", f.integer(result.finess), f.integer(result.acquisitions), f.money(result.used)])
        #expect(paragraph(total[0]) == "Table_20_Total" && paragraph(total[4]) == "Table_20_Total_20_Number")
    }

    /// The blanks stay visible text, highlighted; the signatures are a table of two columns with
    /// room to sign.
    @Test(arguments: [(ReportLanguage.fr, ["[heure]", "[lieu]", "[nom, fonction]", "[atteint / non atteint]", "[n]", "[nom, signature]"]),
                      (ReportLanguage.en, ["[time]", "[place]", "[name, position]", "[reached / not reached]", "[n]", "[name, signature]"])])
    func placeholdersForTheSecretary(language: ReportLanguage, blanks: [String]) throws {
        let odt = try Self.odt(language)
        let highlighted = Set(odt.content.all("text:span").filter { $0["text:style-name"] == "Placeholder" }.map(\.content))
        for blank in blanks { #expect(highlighted.contains(blank), "\(blank)") }
        let signatures = try #require(odt.content.all("table:table").last)
        #expect(signatures["table:style-name"] == "Signatures")
        #expect(signatures.all("table:table-column").count == 2)
        #expect(signatures.all("table:table-row").last?["table:style-name"] == "Signature_20_Row")
        #expect(try odt.zip.text("content.xml").contains("style:name=\"Signature_20_Row\" style:family=\"table-row\"><style:table-row-properties style:min-row-height=\"3cm\"/>"))
    }

    /// Every style the text names is defined; the page is A4 with its number in the footer;
    /// headings are outline levels; dated by the run with the tool as generator.
    @Test func stylesPageAndMetadata() throws {
        let odt = try Self.odt()
        let defined = Set((odt.styles.all("style:style") + odt.content.all("style:style") + odt.styles.all("text:list-style"))
            .compactMap { $0["style:name"] })
        let used = Set((odt.content.all("text:p") + odt.content.all("text:h") + odt.content.all("text:span") + odt.content.all("text:list")
                        + odt.content.all("table:table") + odt.content.all("table:table-column") + odt.content.all("table:table-row")
                        + odt.content.all("table:table-cell")).compactMap { $0["text:style-name"] ?? $0["table:style-name"] })
        #expect(used.subtracting(defined).isEmpty, "styles used but not defined: \(used.subtracting(defined).sorted())")
        let page = try #require(odt.styles.all("style:page-layout-properties").first)
        #expect(page["fo:page-width"] == "21cm" && page["fo:page-height"] == "29.7cm" && page["fo:margin-left"] == "2cm")
        let footer = try #require(odt.styles.all("style:footer").first)
        #expect(footer.content == "Page 1" && footer.all("text:page-number").count == 1)
        for level in [1, 2] {
            #expect(odt.styles.all("style:style").first { $0["style:name"] == "Heading_20_\(level)" }?["style:default-outline-level"] == "\(level)")
        }
        let number = odt.styles.all("style:style").first { $0["style:name"] == "Table_20_Number" }
        #expect(number?.all("style:paragraph-properties").first?["fo:text-align"] == "end")
        #expect(odt.meta.all("meta:creation-date").first?.text == "2024-06-14T08:00:00Z")
        #expect(odt.meta.all("meta:generator").first?.text == "esms 0.0.0-test")
        #expect(odt.meta.all("dc:title").first?.text == odt.headings.first?.text)
        #expect(odt.meta.all("dc:language").first?.text == "fr-FR")
        #expect(try Self.odt(.en).meta.all("dc:language").first?.text == "en-GB")
    }

    @Test func twoRendersAreTheSameBytes() {
        #expect(ReportFilesTests.file("pv.odt") == ReportFilesTests.file("pv.odt"))
        #expect(ReportFilesTests.file("pv.odt") != ReportFilesTests.file("pv.odt", language: .en))
    }

    /// Inline Markdown read back: escapes and entities undone, bold and code spans, the
    /// catalogue's unescaped brackets as placeholders.
    @Test func inlineSpans() {
        typealias S = TextDocument.Span
        #expect(TextDocument.spans(MinutesDocument.md("a|b <i>&</i> *c* [d]")) == [S(text: "a|b <i>&</i> *c* [d]", style: .plain)])
        #expect(TextDocument.spans("retient **2 projets** : `mini` à [heure].")
                == [S(text: "retient ", style: .plain), S(text: "2 projets", style: .bold), S(text: " : ", style: .plain),
                    S(text: "mini", style: .code), S(text: " à ", style: .plain), S(text: "[heure]", style: .placeholder),
                    S(text: ".", style: .plain)])
        #expect(TextDocument.inline("  a  b") == "<text:s/><text:s/>a <text:s/>b", "OpenDocument drops a leading space and collapses runs")
    }
}
