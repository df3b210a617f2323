// SPDX-License-Identifier: GPL-3.0-or-later
import ReportRendering
import Testing
@testable import ReportRendering

/// The message catalogue: every key in both languages, with the same arguments, and the
/// arguments put in their places.
@Suite struct CatalogueTests {
    @Test func everyKeyHasBothLanguagesWithTheSameArguments() {
        for key in Catalogue.Key.allCases {
            guard let entry = Catalogue.entries[key] else {
                Issue.record("no text for \(key)")
                continue
            }
            #expect(!entry.fr.isEmpty && !entry.en.isEmpty, "\(key)")
            #expect(Catalogue.placeholders(entry.fr) == Catalogue.placeholders(entry.en), "\(key): \(entry.fr) / \(entry.en)")
            // Arguments are numbered from 0 without a gap.
            let used = Catalogue.placeholders(entry.fr)
            #expect(used == Set(0..<used.count), "\(key)")
        }
        #expect(Catalogue.entries.count == Catalogue.Key.allCases.count)
    }

    @Test func argumentsGoInTheirPlaces() {
        #expect(Catalogue.fill("{1} puis {0}", ["a", "b"]) == "b puis a")
        #expect(Catalogue.fill("{0}{0}", ["x"]) == "xx")
        #expect(Catalogue.fill("{2} {x} {", ["a"]) == "{2} {x} {")
        #expect(Catalogue(.fr)(.status, "optimale", "ok") == "Statut : optimale — ok")
        #expect(Catalogue(.en)(.status, "optimal", "ok") == "Status: optimal — ok")
    }
}
