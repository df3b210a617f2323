// SPDX-License-Identifier: GPL-3.0-or-later

extension Register {
    public static let requiredColumns = ["finess", "ej", "category", "departement"]
    public static let optionalColumns = ["name", "category_label", "region", "sector", "file_active"]

    /// Reads a register table (columns of the scenario contract). Every row with a problem is
    /// reported and left out; duplicate FINESS numbers are errors.
    public static func load(_ table: CSVTable, nomenclature: CategoryNomenclature = .shipped,
                            diagnostics d: inout Diagnostics) -> Register {
        let schema = TableSchema(table: table, required: requiredColumns, optional: optionalColumns, diagnostics: &d)
        guard requiredColumns.allSatisfy(schema.has) else { return Register([]) }
        var list: [Establishment] = []
        list.reserveCapacity(table.rows.count)
        var firstLine: [FINESS: Int] = [:]
        firstLine.reserveCapacity(table.rows.count)
        for row in table.rows {
            let finess = schema.finess(row, "finess", required: true, &d)
            let ej = schema.finess(row, "ej", required: true, &d)
            let rawCategory = schema.required(row, "category", &d, what: "a FINESS category code such as 500")
            let rawDep = schema.required(row, "departement", &d, what: "a département code such as 29, 2A or 974")
            guard let finess, let ej, let rawCategory, let rawDep else { continue }
            if let previous = firstLine[finess] {
                d.error("duplicate-finess", at: schema.location(row, "finess"),
                        "FINESS \(finess) appears twice in the register",
                        expected: "one row per FINESS géographique", found: "a second row (first on line \(previous))")
                continue
            }
            firstLine[finess] = row.line
            let category = CategoryNomenclature.canonical(rawCategory)
            let known = nomenclature.category(category)
            let departement = Geography.normalisedDepartement(rawDep)
            var sector: Sector
            if let s = schema.text(row, "sector") {
                guard let parsed = Sector(rawValue: s.uppercased()) else {
                    d.error("invalid-choice", at: schema.location(row, "sector"), "unknown sector",
                            expected: "one of " + Sector.allCases.map(\.rawValue).joined(separator: ", "), found: "'\(s)'")
                    continue
                }
                sector = parsed
            } else if let known {
                sector = known.sector
            } else {
                d.error("unknown-category", at: schema.location(row, "category"), "unknown FINESS category '\(rawCategory)'",
                        expected: "a code of the FINESS nomenclature (e.g. 500 EHPAD, 460 SAAD)", found: "'\(rawCategory)'",
                        hint: "or give the ESSMS's sector in a 'sector' column")
                continue
            }
            var region: String
            if let r = schema.text(row, "region") {
                let code = r.count == 1 ? "0" + r : r
                guard Geography.regionsByCode[code] != nil else {
                    d.error("unknown-region", at: schema.location(row, "region"), "unknown region code",
                            expected: "an INSEE region code (e.g. 53 Bretagne, 84 Auvergne-Rhône-Alpes)", found: "'\(r)'")
                    continue
                }
                region = code
            } else if let r = Geography.region(ofDepartement: departement) {
                region = r
            } else {
                d.error("unknown-departement", at: schema.location(row, "departement"), "unknown département code",
                        expected: "an INSEE département code (01…95, 2A, 2B, 971…976)", found: "'\(rawDep)'")
                continue
            }
            let fileActive = schema.integer(row, "file_active", range: 0...10_000_000, &d)
            list.append(Establishment(finess: finess, ej: ej, name: schema.text(row, "name") ?? "", category: category,
                                      departement: departement, region: region, sector: sector, fileActive: fileActive))
        }
        return Register(list)
    }
}
