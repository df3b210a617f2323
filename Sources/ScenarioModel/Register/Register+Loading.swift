// SPDX-License-Identifier: GPL-3.0-or-later

extension Register {
    public static let requiredColumns = ["finess", "ej", "category", "departement"]
    public static let optionalColumns = ["name", "category_label", "region", "sector", "file_active"]

    /// Reads a register table (columns of the scenario contract). Every row with a problem is
    /// reported and left out; duplicate FINESS numbers are errors.
    public static func load(_ table: CSVTable, nomenclature: CategoryNomenclature = .shipped,
                            diagnostics d: inout Diagnostics) -> Register {
        guard nomenclature.check(reading: table.file, &d) else { return Register([]) }
        let schema = TableSchema(table: table, required: requiredColumns, optional: optionalColumns, diagnostics: &d)
        guard requiredColumns.allSatisfy(schema.has) else { return Register([]) }
        let schema_finess = schema.column("finess")
        let schema_ej = schema.column("ej")
        let schema_category = schema.column("category")
        let schema_departement = schema.column("departement")
        let schema_sector = schema.column("sector")
        let schema_region = schema.column("region")
        let schema_file_active = schema.column("file_active")
        let schema_name = schema.column("name")
        var list: [Establishment] = []
        list.reserveCapacity(table.rows.count)
        // FINESS → position in `list`; the lines of kept rows, for duplicate messages.
        var index = FINESSMap(capacity: table.rows.count)
        var lines: [Int] = []
        lines.reserveCapacity(table.rows.count)
        for row in table.rows {
            let finess = schema.finess(row, schema_finess, required: true, &d)
            let ej = schema.finess(row, schema_ej, required: true, &d)
            let rawCategory = schema.required(row, schema_category, &d, what: .fr("un code de catégorie FINESS tel que 500", en: "a FINESS category code such as 500"))
            let rawDep = schema.required(row, schema_departement, &d, what: .fr("un code de département tel que 29, 2A ou 974", en: "a département code such as 29, 2A or 974"))
            guard let finess, let ej, let rawCategory, let rawDep else { continue }
            let category = CategoryNomenclature.canonical(rawCategory)
            let known = nomenclature.category(category)
            let departement = Geography.normalisedDepartement(rawDep)
            var sector: Sector
            if let s = schema.text(row, schema_sector) {
                guard let parsed = Sector(rawValue: s.uppercased()) else {
                    d.error("invalid-choice", at: schema.location(row, schema_sector), .fr("secteur inconnu", en: "unknown sector"),
                            expected: .oneOf(Sector.allCases.map(\.rawValue)), found: "'\(s)'")
                    continue
                }
                sector = parsed
            } else if let known {
                sector = known.sector
            } else {
                d.error("unknown-category", at: schema.location(row, schema_category), .fr("catégorie FINESS '\(rawCategory)' inconnue", en: "unknown FINESS category '\(rawCategory)'"),
                        expected: .fr("un code de la nomenclature FINESS (par exemple 500 EHPAD, 460 SAAD)",
                                      en: "a code of the FINESS nomenclature (e.g. 500 EHPAD, 460 SAAD)"), found: "'\(rawCategory)'",
                        hint: .fr("ou donnez le secteur de l'ESSMS dans une colonne 'sector'", en: "or give the ESSMS's sector in a 'sector' column"))
                continue
            }
            var region: String
            if let r = schema.text(row, schema_region) {
                let code = r.count == 1 ? "0" + r : r
                guard Geography.regionsByCode[code] != nil else {
                    d.error("unknown-region", at: schema.location(row, schema_region), .unknownRegion,
                            expected: .fr("un code INSEE de région (par exemple 53 Bretagne, 84 Auvergne-Rhône-Alpes)",
                                          en: "an INSEE region code (e.g. 53 Bretagne, 84 Auvergne-Rhône-Alpes)"), found: "'\(r)'")
                    continue
                }
                region = code
            } else if let r = Geography.region(ofDepartement: departement) {
                region = r
            } else {
                d.error("unknown-departement", at: schema.location(row, schema_departement), .unknownDepartement, expected: .departementCode, found: "'\(rawDep)'")
                continue
            }
            let fileActive = schema.integer(row, schema_file_active, range: 0...10_000_000, &d)
            // Indexed once valid, so that the index only points at kept rows.
            if let previous = index.insertIfAbsent(finess, list.count).map({ lines[$0] }) {
                d.error("duplicate-finess", at: schema.location(row, schema_finess),
                        .fr("le FINESS \(finess) figure deux fois dans le répertoire", en: "FINESS \(finess) appears twice in the register"),
                        expected: .oneRowPerFINESS, found: .secondRow(firstOnLine: previous))
                continue
            }
            lines.append(row.line)
            list.append(Establishment(finess: finess, ej: ej, name: schema.text(row, schema_name) ?? "", category: category,
                                      departement: departement, region: region, sector: sector, fileActive: fileActive))
        }
        return Register(list, index: index)
    }
}
