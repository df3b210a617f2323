// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Sector of activity of an ESSMS, used for the sector balance of a selection.
public enum Sector: String, CaseIterable, Hashable, Comparable, Sendable {
    /// Personnes âgées.
    case pa = "PA"
    /// Personnes handicapées.
    case ph = "PH"
    /// Services à domicile (SAAD, SSIAD, SPASAD).
    case domicile = "DOMICILE"
    /// Accueil, hébergement, insertion.
    case ahi = "AHI"
    /// Protection juridique des majeurs.
    case pjm = "PJM"
    /// Protection de l'enfance.
    case pe = "PE"
    /// Other L312-1 establishments (addictions, FJT, lieux de vie…).
    case autre = "AUTRE"

    public static func < (a: Sector, b: Sector) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var frenchName: String {
        switch self {
        case .pa: return "Personnes âgées"
        case .ph: return "Personnes handicapées"
        case .domicile: return "Domicile"
        case .ahi: return "Accueil, hébergement, insertion"
        case .pjm: return "Protection juridique des majeurs"
        case .pe: return "Protection de l'enfance"
        case .autre: return "Autres"
        }
    }
}

/// The FINESS nomenclature of establishment categories with the project's sector of each and
/// whether it is an ESSMS of art. L312-1 CASF, shipped as a resource
/// (`finess-categories-full.csv`, from the official flow cs1500106, Licence Ouverte v2.0 — see
/// Sources/ScenarioModel/Resources/ATTRIBUTION.md).
public struct CategoryNomenclature: Sendable {
    public struct Category: Sendable {
        public let code: String
        public let label: String
        public let sector: Sector
        /// An establishment or service of art. L312-1 CASF (the ESMS numérique scope): the
        /// `essms` column of the full nomenclature. Sanitary, training and administrative
        /// categories, and social ones outside L312-1 (entreprises adaptées, résidences
        /// sociales, centres sociaux…), are not.
        public let essms: Bool

        public init(code: String, label: String, sector: Sector, essms: Bool) {
            self.code = code
            self.label = label
            self.sector = sector
            self.essms = essms
        }
    }

    public let categories: [String: Category]

    /// The same categories by number (codes are 3 digits), for the register's hot loop.
    private let byNumber: [Category?]

    public init(categories: [Category]) {
        self.categories = Dictionary(categories.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var byNumber = [Category?](repeating: nil, count: 1000)
        for c in self.categories.values {
            if let n = CategoryNomenclature.number(c.code) { byNumber[n] = c }
        }
        self.byNumber = byNumber
    }

    /// `500` and `0500` and `5` → canonical 3-digit code.
    public static func canonical(_ code: String) -> String {
        if code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return code }
        var c = code.trimmingSpaces
        while c.count > 3, c.hasPrefix("0") { c.removeFirst() }
        while c.count < 3, c.allSatisfy(\.isNumber), !c.isEmpty { c = "0" + c }
        return c
    }

    public func category(_ code: String) -> Category? {
        if let n = CategoryNomenclature.number(code) { return byNumber[n] }
        return categories[CategoryNomenclature.canonical(code)]
    }

    /// The number of a 3-digit ASCII code, or nil.
    @inline(__always)
    static func number(_ code: String) -> Int? {
        let u = code.utf8
        guard u.count == 3 else { return nil }
        var n = 0
        for c in u {
            guard c >= 48 && c <= 57 else { return nil }
            n = n * 10 + Int(c - 48)
        }
        return n
    }

    /// The nomenclature shipped with esms (`finess-categories-full.csv`: 312 codes, 98 of them
    /// ESSMS); empty when its file is not found (`shippedFile`), which the loaders report.
    public static let shipped: CategoryNomenclature = {
        guard let url = shippedFile, let data = try? Data(contentsOf: url) else {
            return CategoryNomenclature(categories: [])
        }
        var d = Diagnostics()
        guard let table = CSVTable.parse(Array(data), file: "finess-categories-full.csv", diagnostics: &d) else {
            return CategoryNomenclature(categories: [])
        }
        let schema = TableSchema(table: table, required: ["code", "libelle", "sector", "essms"], optional: [],
                                 diagnostics: &d)
        var list: [Category] = []
        for row in table.rows {
            guard let code = schema.text(row, "code"), let s = schema.text(row, "sector"), let sector = Sector(rawValue: s)
            else { continue }
            list.append(Category(code: code, label: schema.text(row, "libelle") ?? "", sector: sector,
                                 essms: schema.text(row, "essms") == "1"))
        }
        return CategoryNomenclature(categories: list)
    }()

    /// The folder SwiftPM copies this module's resources to, beside the executable (or the test
    /// runner) that links it.
    public static let resourceFolder = "esms_ScenarioModel.resources"
    /// Its name on Apple platforms, where it is a bundle.
    static let resourceBundle = "esms_ScenarioModel.bundle"
    /// The shipped nomenclature's file name, without its `.csv`.
    static let shippedFileName = "finess-categories-full"

    /// The shipped nomenclature's file, looked for in `resourceFolder` beside the executable as
    /// run and as linked to, and in the main bundle; nil when it is in none of them. Not
    /// `Bundle.module`, which stops the process (a fatal error, signal 4) when the folder is
    /// missing, e.g. for an `esms` copied without it.
    public static let shippedFile: URL? = {
        var folders = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            folders.append(executable.deletingLastPathComponent())
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        if let resources = Bundle.main.resourceURL { folders.append(resources) }
        for folder in folders {
            let file = folder.appendingPathComponent(resourceFolder).appendingPathComponent(shippedFileName + ".csv")
            if FileManager.default.isReadableFile(atPath: file.path) { return file }
            // SwiftPM's bundle on Apple platforms.
            if let bundle = Bundle(url: folder.appendingPathComponent(resourceBundle)),
               let url = bundle.url(forResource: shippedFileName, withExtension: "csv") { return url }
        }
        return nil
    }()

    /// Whether it holds no category (the shipped one when its file was not found).
    public var isEmpty: Bool { categories.isEmpty }

    /// Reports an empty nomenclature (the shipped one not found beside the executable) as an
    /// error of the file about to be read with it: every row would otherwise be an unknown
    /// category. False when it reported one.
    public func check(reading file: String, _ d: inout Diagnostics) -> Bool {
        guard isEmpty else { return true }
        d.error("nomenclature-missing", at: SourceLocation(file: file),
                .fr("la nomenclature des catégories FINESS livrée avec esms est introuvable : ce fichier ne peut pas être lu sans elle",
                    en: "the FINESS category nomenclature shipped with esms cannot be found: this file cannot be read without it"),
                expected: .fr("le dossier \(Self.resourceFolder) (finess-categories-full.csv) à côté de l'exécutable esms",
                              en: "the folder \(Self.resourceFolder) (finess-categories-full.csv) beside the esms executable"),
                hint: .fr("installez esms avec ce dossier, ou lancez-le depuis son dossier de compilation",
                          en: "install esms with that folder, or run it from its build folder"))
        return false
    }
}
