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
            Output.error("error: cannot read \(file): \(error.localizedDescription)")
            throw ExitStatus.scenarioErrors
        }
        let extract = FINESSExtract.parse(bytes, file: file, allCategories: allCategories)
        Output.report(extract.diagnostics, showNotes: notes)
        let s = extract.summary
        var written = false
        var failure: ExitCode?
        if extract.diagnostics.hasErrors && !skipInvalid && !extract.rows.isEmpty {
            Output.error("\(file): \(s.invalid) row\(s.invalid == 1 ? "" : "s") with errors; nothing written "
                + "(fix them, or pass --skip-invalid to write the \(s.kept) valid rows)")
            failure = ExitStatus.scenarioErrors
        } else if extract.rows.isEmpty {
            Output.error("\(file): no establishment to write; nothing written")
            failure = ExitStatus.scenarioErrors
        } else {
            do {
                try Output.writeAtomically(Data(extract.registerCSV()), to: output, inputs: [file])
                written = true
            } catch {
                Output.error("error: \(error)")
                failure = ExitStatus.outputFailed
            }
        }
        if s.structureet > 0 { Output.error(summaryText(s)) }
        if written {
            Output.error("wrote \(output) (\(s.kept) rows" + (s.invalid > 0 ? ", \(s.invalid) invalid row\(s.invalid == 1 ? "" : "s") skipped)" : ")"))
        }
        if json { try Output.out(summaryJSON(extract, written: written).rendered()) }
        if let failure { throw failure }
    }

    private func summaryText(_ s: FINESSExtract.Summary) -> String {
        let date = s.extractionDate.map { "extract of \($0.iso) (from the \(s.extractionDateSource.rawValue))" }
            ?? "extract of unknown date"
        var lines = ["\(file): FINESS \(date), \(s.encoding.rawValue)",
                     "  \(s.rowsRead) rows read: \(s.structureet) structureet"
                         + (s.fieldsPerRow.map { " (\($0) fields)" } ?? "")
                         + ", \(s.geolocalisation) geolocalisation" + (s.otherRecords > 0 ? ", \(s.otherRecords) other" : "")]
        let sectors = Sector.allCases.compactMap { sector in s.keptBySector[sector].map { "\(sector.rawValue) \($0)" } }
        lines.append("  \(s.kept) \(allCategories ? "establishments" : "ESSMS") kept"
            + (sectors.isEmpty ? "" : ": " + sectors.joined(separator: ", ")))
        var left = ["\(s.skippedCategory) not ESSMS (category)"]
        if s.skippedOutsideRegionsTotal > 0 {
            left.append("\(s.skippedOutsideRegionsTotal) outside the regions ("
                + s.skippedOutsideRegions.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")")
        }
        if s.invalid > 0 { left.append("\(s.invalid) invalid") }
        lines.append("  left out: " + left.joined(separator: ", "))
        return lines.joined(separator: "\n")
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
