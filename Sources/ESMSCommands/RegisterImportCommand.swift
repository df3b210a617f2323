// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import ReportRendering
import ScenarioModel

/// `esms register import`: the national FINESS extract → a register table of ESSMS.
struct RegisterImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn the national FINESS extract of data.gouv.fr into a register table of ESSMS.",
        discussion: """
        Reads 'FINESS – Extraction du fichier des établissements' exactly as downloaded from \
        data.gouv.fr (etalab-cs1100507-stock-YYYYMMDD-HHMM.csv: ';'-separated, no header, UTF-8 or \
        Windows-1252, 'structureet' and 'geolocalisation' rows) and writes the register table that \
        scenarios read: finess,ej,name,category,category_label,departement,region,sector — \
        comma-separated, UTF-8, sorted by FINESS.

        Keeps the ESSMS of art. L312-1 CASF, the scope of ESMS numérique (the 'essms' column of the \
        shipped nomenclature, Sources/ScenarioModel/Resources/finess-categories-full.csv): EHPAD, \
        résidences autonomie, SAAD, SSIAD, IME, ESAT, MAS, CHRS, MECS, services MJPM… Sanitary \
        categories, entreprises adaptées, résidences sociales and centres sociaux are left out \
        (--all-categories keeps them, with sector AUTRE). FINESS's overseas codes 9A…9F become \
        971…976, the region follows from the département; Saint-Pierre-et-Miquelon belongs to no \
        region of the programme and is left out (counted).

        Every row with a problem (FINESS check key, number of fields, unknown category or \
        département, duplicate FINESS) is listed with its line and column. Like a compiler, nothing \
        is written when there is one; --skip-invalid writes the valid rows anyway.

        EXAMPLE
          esms register import etalab-cs1100507-stock-20210108-0427.csv -o essms.csv

        EXIT CODES
          0  the register was written
          1  the extract is unreadable or has errors (see --skip-invalid)
          2  wrong usage
          3  the register could not be written
        """)

    @Argument(help: ArgumentHelp("The extract as downloaded (etalab-cs1100507-stock-*.csv).", valueName: "extract"))
    var file: String

    @Option(name: [.short, .customLong("output")],
            help: ArgumentHelp("Where to write the register table (replaced atomically).", valueName: "register.csv"))
    var output: String

    @Flag(help: "Keep every category, not only the ESSMS (non-ESSMS rows get sector AUTRE).")
    var allCategories = false

    @Flag(help: "Write the valid rows even when some rows have errors (they are listed and counted).")
    var skipInvalid = false

    @Flag(help: "Print one JSON summary on stdout; human text goes to stderr.")
    var json = false

    @Flag(help: "Also list notes (e.g. the rows outside the regions).")
    var notes = false

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            Output.fail(.fr("impossible de lire \(file) : \(error.localizedDescription)", en: "cannot read \(file): \(error.localizedDescription)"))
            throw ExitStatus.scenarioErrors
        }
        let extract = FINESSExtract.parse(bytes, file: file, allCategories: allCategories)
        Output.report(extract.diagnostics, showNotes: notes)
        let s = extract.summary
        var written = false
        var failure: ExitCode?
        if extract.diagnostics.hasErrors && !skipInvalid && !extract.rows.isEmpty {
            let (n, kept) = (s.invalid, s.kept)
            Output.say(.fr("\(file) : \(Phrase.rows(n).fr) en erreur ; rien n'est écrit (corrigez-les, ou donnez --skip-invalid pour écrire les \(Phrase.french(kept)) lignes valides)",
                           en: "\(file): \(Phrase.rows(n).en) with errors; nothing written (fix them, or pass --skip-invalid to write the \(kept) valid rows)"))
            failure = ExitStatus.scenarioErrors
        } else if extract.rows.isEmpty {
            Output.say(.fr("\(file) : aucun établissement à écrire ; rien n'est écrit", en: "\(file): no establishment to write; nothing written"))
            failure = ExitStatus.scenarioErrors
        } else {
            do {
                try Output.writeAtomically(Data(extract.registerCSV()), to: output, inputs: [file])
                written = true
            } catch {
                Output.fail(.verbatim("\(error)"))
                failure = ExitStatus.outputFailed
            }
        }
        if s.structureet > 0 { Output.say(summaryText(s)) }
        if written {
            let skipped: Phrase = s.invalid > 0
                ? .fr(", \(Phrase.rows(s.invalid).fr) invalide\(s.invalid > 1 ? "s" : "") ignorée\(s.invalid > 1 ? "s" : "")",
                      en: ", \(s.invalid) invalid row\(s.invalid == 1 ? "" : "s") skipped")
                : .verbatim("")
            Output.wrote(output + " (" + Phrase.rows(s.kept).text(Output.language) + skipped.text(Output.language) + ")")
        }
        if json { try Output.out(summaryJSON(extract, written: written).rendered()) }
        if let failure { throw failure }
    }

    private func summaryText(_ s: FINESSExtract.Summary) -> Phrase {
        let n = { (x: Int) in Phrase.french(x) }
        let source: Phrase = s.extractionDateSource == .metadataLine ? .fr("la ligne de métadonnées", en: "the metadata line")
            : s.extractionDateSource == .fileName ? .fr("le nom du fichier", en: "the file name") : .fr("inconnue", en: "unknown")
        let date: Phrase = s.extractionDate.map {
            .fr("extraction du \($0.french) (d'après \(source.fr))", en: "extract of \($0.iso) (from the \(s.extractionDateSource.rawValue))")
        } ?? .fr("extraction de date inconnue", en: "extract of unknown date")
        let fields = s.fieldsPerRow.map { Phrase.fr(" (\($0) champs)", en: " (\($0) fields)") } ?? .verbatim("")
        let other = s.otherRecords > 0 ? Phrase.fr(", \(n(s.otherRecords)) autres", en: ", \(s.otherRecords) other") : .verbatim("")
        let sectors = Sector.allCases.compactMap { sector in s.keptBySector[sector].map { "\(sector.rawValue) \($0)" } }
        let sectorList = sectors.isEmpty ? "" : ": " + sectors.joined(separator: ", ")
        let what = allCategories ? Phrase.fr("établissements", en: "establishments") : .verbatim("ESSMS")
        var left = [Phrase.fr("\(n(s.skippedCategory)) hors ESSMS (catégorie)", en: "\(s.skippedCategory) not ESSMS (category)")]
        if s.skippedOutsideRegionsTotal > 0 {
            let list = s.skippedOutsideRegions.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            left.append(.fr("\(n(s.skippedOutsideRegionsTotal)) hors des régions (\(list))",
                            en: "\(s.skippedOutsideRegionsTotal) outside the regions (\(list))"))
        }
        if s.invalid > 0 { left.append(.fr("\(n(s.invalid)) invalides", en: "\(s.invalid) invalid")) }
        return .fr("\(file) : FINESS \(date.fr), \(s.encoding.rawValue)\n"
                       + "  \(Phrase.rows(s.rowsRead).fr) lues : \(n(s.structureet)) structureet\(fields.fr), \(n(s.geolocalisation)) geolocalisation\(other.fr)\n"
                       + "  \(n(s.kept)) \(what.fr) retenus\(sectorList.isEmpty ? "" : " " + sectorList)\n"
                       + "  écartés : " + left.map(\.fr).joined(separator: ", "),
                   en: "\(file): FINESS \(date.en), \(s.encoding.rawValue)\n"
                       + "  \(s.rowsRead) rows read: \(s.structureet) structureet\(fields.en), \(s.geolocalisation) geolocalisation\(other.en)\n"
                       + "  \(s.kept) \(what.en) kept\(sectorList)\n"
                       + "  left out: " + left.map(\.en).joined(separator: ", "))
    }

    private func summaryJSON(_ extract: FINESSExtract, written: Bool) -> JSONValue {
        let s = extract.summary
        let d = extract.diagnostics
        return .object([
            ("input", .string(file)),
            ("output", .string(output)),
            ("written", .bool(written)),
            ("encoding", .string(s.encoding.rawValue)),
            ("extraction_date", s.extractionDate.map { .string($0.iso) } ?? .null),
            ("extraction_date_source", .string(s.extractionDateSource.rawValue)),
            ("all_categories", .bool(allCategories)),
            ("rows_read", .int(s.rowsRead)),
            ("structureet", .int(s.structureet)),
            ("geolocalisation", .int(s.geolocalisation)),
            ("other_records", .int(s.otherRecords)),
            ("fields_per_row", s.fieldsPerRow.map { .int($0) } ?? .null),
            ("kept", .int(s.kept)),
            ("kept_by_sector", .object(Sector.allCases.compactMap { sector in
                s.keptBySector[sector].map { (sector.rawValue, .int($0)) } })),
            ("skipped_category", .int(s.skippedCategory)),
            ("skipped_outside_regions", .object(s.skippedOutsideRegions.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("invalid", .int(s.invalid)),
            ("errors", .int(d.errorCount)),
            ("warnings", .int(d.warningCount)),
            ("diagnostics", .array(d.sorted.map { DiagnosticDocument.json($0, language: languageOption.language) })),
        ])
    }
}

extension Phrase {
    /// `3 lignes` / `3 rows`.
    static func rows(_ n: Int) -> Phrase {
        .fr("\(french(n)) ligne\(n > 1 ? "s" : "")", en: "\(n) row\(n == 1 ? "" : "s")")
    }
}
