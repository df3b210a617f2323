// SPDX-License-Identifier: GPL-3.0-or-later

/// The official national FINESS extract of data.gouv.fr ("FINESS – Extraction du fichier des
/// établissements", `etalab-cs1100507-stock-YYYYMMDD-HHMM.csv`, Licence Ouverte v2.0) read into
/// rows of the register contract (`finess,ej,name,category,category_label,departement,region,sector`).
///
/// The layout, as an ARS analyst downloads it:
/// - `;`-separated, no header; fields normally unquoted, quoted when they contain `;` or `"`;
///   LF or CRLF line ends; UTF-8 in recent extracts, Windows-1252 in older ones (detected);
/// - a first line `finess;etalab;<n>;<YYYY-MM-DD>` carrying the extraction date;
/// - `structureet` rows, 32 fields, of which (1-based) 2 `nofinesset`, 3 `nofinessej`, 4 `rs`
///   (short name), 14 `departement` in FINESS's coding (`01`…`95`, `2A`, `2B`, `9A`…`9F` overseas),
///   19 `categetab`, 20 `libcategetab`; the other fields (address, phone, SIRET, dates…) are ignored;
/// - `geolocalisation` rows (coordinates), counted and skipped.
///
/// `parse` is a pure function of the bytes: every problem is collected in `diagnostics` with its
/// line and column, and the rows with an error are left out of `rows`.
public struct FINESSExtract: Sendable {
    /// The character set the extract was read in.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case windows1252 = "Windows-1252"
    }

    /// Where the extraction date was read.
    public enum DateSource: String, Sendable {
        /// The first line, `finess;etalab;<n>;<YYYY-MM-DD>`.
        case metadataLine = "metadata line"
        /// The file name, `…-stock-YYYYMMDD-HHMM.csv`.
        case fileName = "file name"
        case unknown
    }

    /// One kept `structureet` row, in the register's terms.
    public struct Row: Hashable, Sendable {
        /// 1-based line of the row in the extract.
        public let line: Int
        public let finess: FINESS
        public let ej: FINESS
        public let name: String
        /// Canonical 3-digit category code (`500`).
        public let category: String
        /// The category label as the extract writes it (the nomenclature's when empty).
        public let categoryLabel: String
        /// INSEE département code (`01`, `2A`, `974`).
        public let departement: String
        /// INSEE region code.
        public let region: String
        /// The category's sector, or AUTRE for a non-ESSMS category kept by `allCategories`.
        public let sector: Sector
        /// Whether the category is an ESSMS of art. L312-1 CASF.
        public let essms: Bool

        public var establishment: Establishment {
            Establishment(finess: finess, ej: ej, name: name, category: category, departement: departement,
                          region: region, sector: sector, fileActive: nil)
        }
    }

    /// What was read, for the summary of the import.
    public struct Summary: Sendable {
        /// Non-blank records read (the metadata line and every row).
        public var rowsRead = 0
        public var structureet = 0
        public var geolocalisation = 0
        /// Rows of another record type (ignored, with one warning).
        public var otherRecords = 0
        /// The number of fields of most `structureet` rows (32 in the extracts since 2015).
        public var fieldsPerRow: Int?
        /// Rows kept in the register.
        public var kept = 0
        /// `structureet` rows of a category that is not an ESSMS (sanitary, entreprises adaptées…).
        public var skippedCategory = 0
        /// Rows in a collectivity outside the 18 regions (Saint-Pierre-et-Miquelon…), by département.
        public var skippedOutsideRegions: [String: Int] = [:]
        /// `structureet` rows left out because of an error.
        public var invalid = 0
        public var encoding: Encoding = .utf8
        public var extractionDate: Day?
        public var extractionDateSource: DateSource = .unknown
        /// Kept rows per sector.
        public var keptBySector: [Sector: Int] = [:]

        public var skippedOutsideRegionsTotal: Int { skippedOutsideRegions.values.reduce(0, +) }
    }

    /// The kept rows, sorted by FINESS géographique.
    public let rows: [Row]
    public let summary: Summary
    public let diagnostics: Diagnostics

    /// The fields of a `structureet` row used here (1-based positions in the extract).
    enum Position {
        static let finess = 2, ej = 3, name = 4, departement = 14, category = 19, categoryLabel = 20
        /// A row needs at least this many fields to carry the ones above.
        static let minimumFields = 20
    }

    /// The kept rows as a register (the establishments of a scenario).
    public var register: Register { Register(rows.map(\.establishment)) }

    /// Reads an extract. `file` names it in diagnostics, and its last path component is where the
    /// extraction date is looked for when the first line has none. With `allCategories`, rows of
    /// every category are kept (non-ESSMS ones with sector AUTRE); otherwise only ESSMS.
    public static func parse(_ bytes: [UInt8], file: String, allCategories: Bool = false,
                             nomenclature: CategoryNomenclature = .shipped) -> FINESSExtract {
        var reader = ExtractReader(file: file, allCategories: allCategories, nomenclature: nomenclature)
        guard nomenclature.check(reading: file, &reader.diagnostics) else {
            return FINESSExtract(rows: [], summary: reader.summary, diagnostics: reader.diagnostics)
        }
        let utf8 = TextDecoding.isValidUTF8(bytes)
        reader.summary.encoding = utf8 ? .utf8 : .windows1252
        bytes.withUnsafeBufferPointer { reader.read($0) }
        if reader.summary.extractionDate == nil, let day = extractionDate(fileName: file) {
            reader.summary.extractionDate = day
            reader.summary.extractionDateSource = .fileName
        }
        var rows = reader.rows
        rows.sort { $0.finess.text < $1.finess.text }
        var summary = reader.summary
        summary.kept = rows.count
        for r in rows { summary.keptBySector[r.sector, default: 0] += 1 }
        return FINESSExtract(rows: rows, summary: summary, diagnostics: reader.diagnostics)
    }

    /// The date in a file name such as `etalab-cs1100507-stock-20210108-0427.csv`: the first run
    /// of exactly eight digits that is a valid `YYYYMMDD`.
    public static func extractionDate(fileName path: String) -> Day? {
        let name = Array((path.split(separator: "/").last.map(String.init) ?? path).utf8)
        var i = 0
        while i < name.count {
            guard name[i] >= 48 && name[i] <= 57 else { i += 1; continue }
            var j = i
            while j < name.count, name[j] >= 48, name[j] <= 57 { j += 1 }
            if j - i == 8 {
                let d = name[i..<j].map { Int($0) - 48 }
                let year = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]
                if let day = Day(year: year, month: d[4] * 10 + d[5], day: d[6] * 10 + d[7]) { return day }
            }
            i = j
        }
        return nil
    }

    /// The département a FINESS number was issued in, in INSEE terms. Numbers of the former
    /// collectivities keep their old code: `985…` is Mayotte (now 976), `986…` Wallis-et-Futuna.
    static func departement(ofNumber finess: FINESS) -> String {
        let chars = Array(finess.text.utf8)
        if chars[0] == UInt8(ascii: "9") && chars[1] == UInt8(ascii: "8") {
            let code = "98" + String(UnicodeScalar(chars[3]))
            return code == "985" ? "976" : code
        }
        return finess.departement
    }

    /// Départements of FINESS outside the 18 regions of the programme: Saint-Pierre-et-Miquelon
    /// (975, `9E`), Saint-Barthélemy and Saint-Martin (977, 978), the Pacific collectivities
    /// (98x) and FINESS's own codes after `9F`.
    static func isOutsideRegions(_ departement: String) -> Bool {
        let u = Array(departement.utf8)
        if u.count == 3, u[0] == UInt8(ascii: "9"), u[1] == UInt8(ascii: "7") || u[1] == UInt8(ascii: "8") { return true }
        if u.count == 2, u[0] == UInt8(ascii: "9"), u[1] >= UInt8(ascii: "A"), u[1] <= UInt8(ascii: "Z") { return true }
        return false
    }
}
