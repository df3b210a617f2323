// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReportRendering
import ScenarioModel
import Testing

/// The files of a report: well-formed HTML with every user string escaped, CSV that reads back
/// with `;` and decimal comma, minutes, results and audit records, deterministic bytes.
@Suite struct ReportFilesTests {
    static func files(_ content: ReportContent = ReportFixture.content, language: ReportLanguage = .fr) -> [ReportFile] {
        do { return try Report.files(content, language: language) } catch {
            Issue.record("the report's files: \(error)")
            return []
        }
    }

    static func file(_ name: String, _ content: ReportContent = ReportFixture.content, language: ReportLanguage = .fr) -> [UInt8] {
        files(content, language: language).first { $0.name == name }?.bytes ?? []
    }

    /// Parses `bytes` as XML; nil when well-formed, else the parser's error and line.
    static func xmlProblem(_ bytes: [UInt8]) -> String? {
        let parser = XMLParser(data: Data(bytes))
        if parser.parse() { return nil }
        return "\(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber), column \(parser.columnNumber)"
    }

    @Test(arguments: ReportLanguage.allCases)
    func htmlIsWellFormed(language: ReportLanguage) throws {
        var content = ReportFixture.content
        content.simulation = ReportFixture.simulation
        content.redeployment = ReportFixture.redeployment
        let html = Self.file("index.html", content, language: language)
        #expect(Self.xmlProblem(html) == nil, "\(Self.xmlProblem(html) ?? "")")
        let text = String(decoding: html, as: UTF8.self)
        #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
    }

    @Test func userStringsAreEscaped() {
        let text = String(decoding: Self.file("index.html"), as: UTF8.self)
        #expect(!text.contains("<script>alert(1)"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie | &quot;quoted&quot;; l&#39;EHPAD"))
        // The only script element is the report's own.
        #expect(text.components(separatedBy: "<script").count == 2)
        let minutes = String(decoding: Self.file("pv.md"), as: UTF8.self)
        #expect(!minutes.contains("<script>"))
        #expect(minutes.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie \\| \"quoted\"; l'EHPAD \\*gras\\*"))
    }

    @Test func htmlIsSelfContained() {
        let text = String(decoding: Self.file("index.html"), as: UTF8.self)
        for forbidden in ["http://", "https://", "src=", "@import", "url("] {
            let allowed = forbidden == "http://" ? text.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "") : text
            #expect(!allowed.contains(forbidden), "index.html refers to something outside itself: \(forbidden)")
        }
        #expect(text.contains("@media print") && text.contains("size: A4"))
        // The table works without the script: complete, and the controls hidden.
        #expect(text.contains("id=\"projects-controls\" hidden=\"hidden\""))
        #expect(text.components(separatedBy: "<tr data-decision=").count - 1 == ReportFixture.content.scenario.projects.count)
    }

    @Test func htmlShowsEveryProjectAndEveryESSMS() {
        let c = ReportFixture.content
        let text = String(decoding: Self.file("index.html"), as: UTF8.self)
        for p in c.scenario.projects {
            #expect(text.contains("id=\"p-\(Markup.identifier(p.id))\""))
            for m in p.members { #expect(text.contains(">\(m.finess.text)</td>")) }
        }
        #expect(text.contains("Synthèse de la décision"))
        #expect(text.contains("Montant par département"))
        #expect(text.contains("Frontière de l&#39;enveloppe"))
        #expect(!text.contains("id=\"simulation\""), "no simulation section without simulation results")
    }

    @Test func optionalSectionsAppearWhenGiven() {
        var content = ReportFixture.content
        content.simulation = ReportFixture.simulation
        content.redeployment = ReportFixture.redeployment
        let text = String(decoding: Self.file("index.html", content), as: UTF8.self)
        #expect(text.contains("id=\"simulation\""))
        #expect(text.contains("p50 : 1\u{202F}530\u{202F}000\u{00A0}€"))
        #expect(text.contains("Sensibilité de la tranche 2 versée"))
        #expect(text.contains("Retard de déploiement &lt;6 mois&gt;"))
        #expect(text.contains("id=\"regions\""))
        #expect(text.contains("Bretagne (53)"))
        #expect(text.contains("2\u{202F}512\u{202F}345,67\u{00A0}€"))
        let results = String(decoding: Self.file("results.json", content), as: UTF8.self)
        #expect(results.contains("\"simulation\": {") && results.contains("\"redeployment\": {"))
    }

    @Test func decisionsCSVReadsBackWithSemicolonsAndDecimalCommas() throws {
        let c = ReportFixture.content
        let bytes = Self.file("decisions.csv")
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let rows = Self.parseCSV(String(decoding: bytes.dropFirst(3), as: UTF8.self))
        #expect(rows.first?.first == "projet")
        #expect(rows.count == c.scenario.projects.count + 1)
        let header = rows[0]
        let amount = try #require(header.firstIndex(of: "montant"))
        let title = try #require(header.firstIndex(of: "titre"))
        #expect(rows.contains { $0[title] == ReportFixture.hostileTitle })
        var total = Money.zero
        for row in rows.dropFirst() {
            #expect(row.count == header.count)
            #expect(!row[amount].contains("."), "decimal comma expected, got \(row[amount])")
            total += try Money.parse(row[amount], decimalComma: true).get()
        }
        #expect(total == c.assessments.reduce(Money.zero) { $0 + $1.amount.total })
        // Every amount with its two decimals; decisions and reasons as French codes; where each project is.
        let columns = ["usage", "logiciel", "equipement", "amoa", "montant"].compactMap { header.firstIndex(of: $0) }
        #expect(columns.count == 5)
        for row in rows.dropFirst() {
            for k in columns { #expect(row[k].wholeMatch(of: /-?[0-9]+,[0-9]{2}/) != nil, "two decimals expected, got \(row[k])") }
        }
        let decision = try #require(header.firstIndex(of: "decision")), code = try #require(header.firstIndex(of: "code_motif"))
        let frenchDecisions: Set = ["retenu", "non_retenu", "engage", "irrecevable", "rejete", "ecarte", "comite_suivant", "recevable"]
        #expect(rows.dropFirst().allSatisfy { frenchDecisions.contains($0[decision]) }, "\(rows.map { $0[decision] })")
        #expect(rows.dropFirst().allSatisfy { !$0[code].contains("-") }, "\(rows.map { $0[code] })")
        let departement = try #require(header.firstIndex(of: "departement")), region = try #require(header.firstIndex(of: "region"))
        #expect(rows.dropFirst().allSatisfy { !$0[departement].isEmpty && !$0[region].isEmpty })
    }

    @Test func oneLetterPerApplicantOfThisCommittee() throws {
        let c = ReportFixture.content
        let text = String(decoding: Self.file("lettres.html"), as: UTF8.self)
        #expect(Self.xmlProblem(Self.file("lettres.html")) == nil)
        let letters = text.components(separatedBy: "<section class=\"letter\"").count - 1
        let facts = try #require(c.selection)
        let decided = Dictionary(facts.explanations.map { ($0.id, $0.decision) }, uniquingKeysWith: { a, _ in a })
        // No letter for what an earlier committee decided (engaged, rejected).
        let expected = c.scenario.projects.filter { p in
            guard let d = decided[p.id] else { return c.assessments.first { $0.id == p.id }?.eligible == false }
            return d != .engaged && d != .rejected
        }
        #expect(letters == expected.count)
        // Each retained project's two halves add up to its amount, to the cent.
        for e in facts.explanations where e.decision == .selected {
            let a = try #require(c.assessments.first { $0.id == e.id })
            let first = a.funded.reduce(Money.zero) { $0 + $1.amount.total.firstHalf }
            let f = ReportFormat(.fr)
            #expect(text.contains("<strong>\(f.money(first))</strong> à la signature"))
            #expect(text.contains("le solde, <strong>\(f.money(a.amount.total - first))</strong>"))
        }
        #expect(text.contains("cibles d'usage"))
        let english = String(decoding: Self.file("lettres.html", language: .en), as: UTF8.self)
        #expect(english.contains("Dear Sir or Madam"))
        #expect(!english.contains("Madame, Monsieur"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func theNoteIsShortWellFormedAndPointsToItsAnnexes(language: ReportLanguage) throws {
        let bytes = Self.file("note.html", language: language)
        #expect(Self.xmlProblem(bytes) == nil)
        let text = String(decoding: bytes, as: UTF8.self)
        let f = ReportFormat(language)
        for section in ["contexte", "methode", "synthese", "retenus", "annexes"] { #expect(text.contains("id=\"\(section)\""), "\(section)") }
        for annex in ["index.html", "pv.md", "decisions.csv", "lettres.html"] { #expect(text.contains("href=\"\(annex)\""), "\(annex)") }
        // The retained table's total is the selection's money, to the cent; no per-ESSMS detail.
        let s = try #require(ReportFixture.content.selection)
        #expect(text.contains(f.money(s.result.used)))
        #expect(!text.contains("id=\"details\""))
        #expect(bytes.count < Self.file("index.html", language: language).count)
    }

    @Test func excelAmountsKeepTheirCents() {
        #expect(ExcelCSV.money(Money(cents: 16_121_270)) == "161212,70")
        #expect(ExcelCSV.money(Money(cents: 700_000)) == "7000,00")
        #expect(ExcelCSV.money(Money(cents: 5)) == "0,05")
        #expect(ExcelCSV.money(Money(cents: -1_234_501)) == "-12345,01")
        #expect(ExcelCSV.money(.zero) == "0,00")
    }

    @Test func essmsCSVHasOneRowPerMember() throws {
        let c = ReportFixture.content
        let rows = Self.parseCSV(String(decoding: Self.file("essms.csv").dropFirst(3), as: UTF8.self))
        #expect(rows.count == c.scenario.projects.reduce(0) { $0 + $1.members.count } + 1)
        let amount = try #require(rows[0].firstIndex(of: "montant"))
        var total = Money.zero
        for row in rows.dropFirst() { total += try Money.parse(row[amount], decimalComma: true).get() }
        #expect(total == c.assessments.reduce(Money.zero) { $0 + $1.funded.reduce(Money.zero) { $0 + $1.amount.total } })
    }

    @Test func minutesListRetainedAndRejectedWithTotals() {
        let text = String(decoding: Self.file("pv.md"), as: UTF8.self)
        #expect(text.hasPrefix("# Procès-verbal du comité de sélection — "))
        #expect(text.contains("## Méthode") && text.contains("## Conditions de versement") && text.contains("## Avis et vote"))
        #expect(text.contains("## Projets retenus"))
        #expect(text.contains("| **Total** |"))
        #expect(text.contains("## Projets irrecevables"))
        #expect(text.contains("14/06/2024 08:00 UTC"))
    }

    @Test func auditRecordsInputsRulesSolverAndOutputs() {
        let c = ReportFixture.content
        let files = Self.files(c)
        let audit = String(decoding: files.last!.bytes, as: UTF8.self)
        #expect(files.last!.name == "audit.json")
        for input in c.scenario.inputs { #expect(audit.contains(AuditDocument.sha256(input.bytes))) }
        for output in files.dropLast() { #expect(audit.contains(AuditDocument.sha256(output.bytes))) }
        for key in ["\"time\": \"2024-06-14T08:00:00Z\"", "\"time_source\": \"SOURCE_DATE_EPOCH\"", "\"mixed_rank_order\"",
                    "\"minimum_size\"", "\"name\": \"GLPK\"", "\"status\": \"optimal\"", "\"gap\": 0", "\"stages\""] {
            #expect(audit.contains(key), "audit.json lacks \(key)")
        }
    }

    @Test func sha256OfKnownText() {
        #expect(AuditDocument.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func renderingIsDeterministic() {
        let a = Self.files(), b = Self.files()
        #expect(a.map(\.bytes) == b.map(\.bytes))
    }

    @Test func englishOnRequest() {
        let text = String(decoding: Self.file("index.html", language: .en), as: UTF8.self)
        #expect(text.contains("Decision summary"))
        #expect(!text.contains("Synthèse de la décision"))
    }

    @Test func markdownEscaping() {
        #expect(MinutesDocument.md("a|b <i>&</i> *c* [d]") == "a\\|b &lt;i&gt;&amp;&lt;/i&gt; \\*c\\* \\[d\\]")
    }

    /// A small RFC 4180 reader with `;`: quoted fields, doubled quotes, CRLF.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == ";" {
                row.append(field); field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
