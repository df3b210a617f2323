// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ScenarioModel
import TestSupport
import Testing

/// Every diagnostic speaks French (the default) and English: bad scenarios, tables, YAML,
/// campaigns and FINESS extracts give texts in both languages, and they differ.
@Suite struct DiagnosticLanguageTests {
    static let fixtures = ["broken", "yaml-error", "missing-file", "missing-column", "mixed-separators", "empty-tables"]

    /// The diagnostics of the broken fixtures of the command-line tests.
    static func fixtureDiagnostics(_ name: String) -> [Diagnostic] {
        let path = Fixture.repositoryRoot.appendingPathComponent("Tests/ESMSCommandsTests/Fixtures/\(name)/scenario.yaml").path
        var loader = ScenarioLoader()
        switch loader.load(path) {
        case .failure(let e): return e.diagnostics.items
        case .success(let s): return s.diagnostics.items
        }
    }

    /// A scenario file with a problem in most of its keys.
    static let badScenario = """
        id: Pas Bon
        rules: 2024
        region: "99"
        committee: { date: 2024-06-14, deposits_until: 2024-07-01 }
        envelope: { notified: -5, engaged: 12.345, reserve: beaucoup }
        register: r.csv
        projects: p.csv
        balance: { territory: { mode: strict, tolerance: 20, basis: { "29": 0.5 } } }
        objective: [finess, finess, gloire]
        funded_grappes: { a: 1 }
        variants: [{ id: v, set: 3 }, { id: v }]
        typo_key: 1
        """

    static func yamlDiagnostics(_ text: String, file: String = "s.yaml") -> [Diagnostic] {
        var d = Diagnostics()
        if let node = ConfigNode.parse(yaml: text, file: file, diagnostics: &d) {
            _ = ScenarioSpec.decode(node, file: file, diagnostics: &d)
        }
        return d.items
    }

    static func csvDiagnostics(_ text: String) -> [Diagnostic] {
        var d = Diagnostics()
        if let t = CSVTable.parse(Array(text.utf8), file: "t.csv", diagnostics: &d) {
            _ = Register.load(t, diagnostics: &d)
        }
        return d.items
    }

    static var all: [Diagnostic] {
        fixtures.flatMap(fixtureDiagnostics)
            + yamlDiagnostics(badScenario)
            + yamlDiagnostics("id: a\nb: [1, 2\n")
            + yamlDiagnostics("a: *nothing\n")
            + yamlDiagnostics("- 1\n- 2\n")
            + csvDiagnostics("finess,ej,category,departement\n29000031X,290000017,999,99\n\"open,1,2,3\n")
            + csvDiagnostics("finess;ej;category;departement\n290000017;290000017;500;29;extra\n")
            + FINESSExtract.parse(Array("structureet;290000017;x\nother;1\n".utf8), file: "e.csv").diagnostics.items
    }

    @Test func everyDiagnosticHasAFrenchAndAnEnglishText() {
        let all = Self.all
        #expect(all.count > 40, "\(all.count) diagnostics")
        #expect(Set(all.map(\.code)).count > 25, "\(Set(all.map(\.code)).sorted())")
        for d in all {
            let m = d.messageText
            #expect(!m.fr.isEmpty && !m.en.isEmpty && m.fr != m.en, "\(d.code): \(m)")
            if let h = d.hintText { #expect(!h.fr.isEmpty && !h.en.isEmpty && h.fr != h.en, "\(d.code): \(h)") }
            if let e = d.expectedText { #expect(!e.fr.isEmpty && !e.en.isEmpty, "\(d.code): \(e)") }
            #expect(d.message == m.en)
        }
    }

    @Test func aDiagnosticIsRenderedInEitherLanguage() {
        let d = Diagnostic(.error, "config-amount", at: SourceLocation(file: "s.yaml", line: 3, column: 22, keyPath: "envelope.notified"),
                           .fr("'envelope.notified' est un montant négatif", en: "'envelope.notified' is a negative amount"),
                           expected: .fr("des euros", en: "euros"), found: .verbatim("'-5'"), hint: .fr("zéro ou plus", en: "zero or more"))
        #expect(d.rendered(in: .fr) == "s.yaml:3:22 (envelope.notified) : erreur : 'envelope.notified' est un montant négatif "
            + "(attendu : des euros ; trouvé : '-5')\n    conseil : zéro ou plus")
        #expect(d.rendered(in: .en) == "s.yaml:3:22 (envelope.notified): error: 'envelope.notified' is a negative amount "
            + "(expected euros; found '-5')\n    hint: zero or more")
        #expect(d.rendered == d.rendered(in: .fr))
        #expect(Diagnostic.Severity.warning.word(.fr) == "avertissement" && Diagnostic.Severity.note.word(.en) == "note")
    }

    @Test func theSummaryCountsInEitherLanguage() {
        var d = Diagnostics()
        let at = SourceLocation(file: "t.csv", line: 1)
        d.warning("w", at: at, .verbatim("w"))
        #expect(d.summary(in: .fr) == "0 erreur, 1 avertissement")
        #expect(d.summary(in: .en) == "0 errors, 1 warning")
        for _ in 0..<6 { d.error("e", at: at, .verbatim("e")) }
        d.warning("w", at: at, .verbatim("w"))
        #expect(d.summary(in: .fr) == "6 erreurs, 2 avertissements")
        #expect(d.summary(in: .en) == "6 errors, 2 warnings")
    }

    @Test func numbersAreWrittenTheFrenchWay() {
        #expect(Phrase.french(2024) == "2024")
        #expect(Phrase.french(10_000_000) == "10\u{202F}000\u{202F}000")
        #expect(Phrase.french(0.25) == "0,25")
        #expect(Phrase.wholeNumber(0...10_000_000).fr == "un nombre entier de 0 à 10\u{202F}000\u{202F}000")
        #expect(Phrase.wholeNumber(0...10_000_000).en == "a whole number from 0 to 10000000")
    }
}
