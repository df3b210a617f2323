// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ReportRendering
import Testing
@testable import ReportRendering

/// The message catalogues, of the terminal and of the reports: every key in both languages,
/// with the same arguments, every key used, and the arguments put in their places.
@Suite struct CatalogueTests {
    @Test func everyKeyHasBothLanguagesWithTheSameArguments() {
        Self.check(Catalogue.Key.allCases, Catalogue.entries)
    }

    @Test func everyReportKeyHasBothLanguagesWithTheSameArguments() {
        Self.check(ReportCatalogue.Key.allCases, ReportCatalogue.entries)
    }

    /// Each key with both texts, with the same arguments, numbered from 0 without a gap; no text
    /// without a key.
    static func check<Key: Hashable>(_ keys: [Key], _ entries: [Key: (fr: String, en: String)]) {
        for key in keys {
            guard let entry = entries[key] else {
                Issue.record("no text for \(key)")
                continue
            }
            #expect(!entry.fr.isEmpty && !entry.en.isEmpty, "\(key)")
            #expect(Catalogue.placeholders(entry.fr) == Catalogue.placeholders(entry.en), "\(key): \(entry.fr) / \(entry.en)")
            let used = Catalogue.placeholders(entry.fr)
            #expect(used == Set(0..<used.count), "\(key)")
        }
        #expect(entries.count == keys.count)
    }

    /// Every key of the report catalogue is said somewhere in the renderers: `.key` as an implicit
    /// member (not `x.key`, a property) in a source file other than the catalogue's own.
    @Test func everyReportKeyIsUsed() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/ReportRendering").standardized
        let files = try FileManager.default.contentsOfDirectory(at: sources, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" && !$0.lastPathComponent.hasPrefix("ReportCatalogue") }
        let text = try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
        for key in ReportCatalogue.Key.allCases {
            let name = "." + key.rawValue
            let used = text.ranges(of: name).contains { r in
                let before = r.lowerBound == text.startIndex ? " " : text[text.index(before: r.lowerBound)]
                let after = r.upperBound == text.endIndex ? " " : text[r.upperBound]
                return !Self.continuesName(before) && !")]?!".contains(before) && !Self.continuesName(after)
            }
            #expect(used, "\(key) is never used")
        }
    }

    static func continuesName(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    @Test func argumentsGoInTheirPlaces() {
        #expect(Catalogue.fill("{1} puis {0}", ["a", "b"]) == "b puis a")
        #expect(Catalogue.fill("{0}{0}", ["x"]) == "xx")
        #expect(Catalogue.fill("{2} {x} {", ["a"]) == "{2} {x} {")
        #expect(Catalogue(.fr)(.status, "optimale", "ok") == "Statut : optimale — ok")
        #expect(Catalogue(.en)(.status, "optimal", "ok") == "Status: optimal — ok")
        #expect(ReportFormat(.fr)(.on, "14/06/2024") == " le 14/06/2024")
        #expect(ReportFormat(.en)(.on, "2024-06-14") == " on 2024-06-14")
    }
}
