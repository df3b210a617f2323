// SPDX-License-Identifier: GPL-3.0-or-later

extension ExtractReader {
    private typealias Position = FINESSExtract.Position

    /// Reads one split `structureet` row: nil when it is left out (another category, outside the
    /// regions, or an error, every one of which is reported).
    mutating func readRow(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ line: Int, _ fields: [ExtractField],
                          usual: Int, outsideFirstLine: inout [String: Int]) -> FINESSExtract.Row? {
        func at(_ position: Int) -> SourceLocation {
            location(b, rowStart: start, line: line, offset: fields[position - 1].open)
        }
        func field(_ position: Int) -> String { text(b, fields[position - 1]) }

        guard fields.count == usual else {
            diagnostics.error("finess-field-count", at: SourceLocation(file: file, line: line, column: 1),
                              "wrong number of fields in a 'structureet' row",
                              expected: "\(usual) fields separated by ';', as on the other rows",
                              found: "\(fields.count) field\(fields.count == 1 ? "" : "s")",
                              hint: "a field containing ';' must be quoted (\"…\"); the file may have been edited or cut")
            summary.invalid += 1
            return nil
        }

        // The category first: rows of a category left out are not checked further.
        let rawCategory = field(Position.category)
        let category = CategoryNomenclature.canonical(rawCategory)
        let known = nomenclature.category(category)
        if let known, !known.essms, !allCategories {
            summary.skippedCategory += 1
            return nil
        }
        var failed = false
        if known == nil {
            diagnostics.error("unknown-category", at: at(Position.category),
                              rawCategory.isEmpty ? "missing FINESS category" : "unknown FINESS category '\(rawCategory)'",
                              expected: "a code of the FINESS nomenclature in field \(Position.category) (e.g. 500 EHPAD, 460 SAAD)",
                              found: rawCategory.isEmpty ? "an empty field" : "'\(rawCategory)'",
                              hint: "a category newer than the shipped nomenclature (finess-categories-full.csv) must be added to it")
            failed = true
        }

        var finess: FINESS?, ej: FINESS?
        switch number(field(Position.finess), at: { at(Position.finess) }, what: "FINESS géographique (nofinesset)",
                      position: Position.finess) {
        case .success(let n): finess = n
        case .failure(let p): diagnostics.append(p.diagnostic); failed = true
        }
        switch number(field(Position.ej), at: { at(Position.ej) }, what: "FINESS juridique (nofinessej)",
                      position: Position.ej) {
        case .success(let n): ej = n
        case .failure(let p): diagnostics.append(p.diagnostic); failed = true
        }

        let rawDep = field(Position.departement)
        let departement = Geography.normalisedDepartement(rawDep)
        let region = Geography.region(ofDepartement: departement)
        var outside = false
        if region == nil {
            if !rawDep.isEmpty, FINESSExtract.isOutsideRegions(departement) {
                outside = true
            } else {
                diagnostics.error("unknown-departement", at: at(Position.departement),
                                  rawDep.isEmpty ? "missing département" : "unknown département code '\(rawDep)'",
                                  expected: "FINESS's département code in field \(Position.departement) (01…95, 2A, 2B, 9A…9F)",
                                  found: rawDep.isEmpty ? "an empty field" : "'\(rawDep)'")
                failed = true
            }
        }
        guard !failed, let finess, let ej, let known else {
            summary.invalid += 1
            return nil
        }
        if outside {
            summary.skippedOutsideRegions[departement, default: 0] += 1
            if outsideFirstLine[departement] == nil { outsideFirstLine[departement] = line }
            return nil
        }
        guard let region else { return nil }

        let issued = FINESSExtract.departement(ofNumber: finess)
        if issued != departement {
            diagnostics.warning("finess-departement-mismatch", at: at(Position.departement),
                                "the département field says \(departement) but FINESS \(finess) was issued in \(issued)",
                                expected: "département \(issued), from the number's prefix",
                                found: "'\(rawDep)'",
                                hint: "the département field of the extract is kept; check the establishment if it matters")
        }
        let label = field(Position.categoryLabel)
        return FINESSExtract.Row(line: line, finess: finess, ej: ej, name: field(Position.name), category: category,
                                 categoryLabel: label.isEmpty ? known.label : label, departement: departement,
                                 region: region, sector: known.essms ? known.sector : .autre, essms: known.essms)
    }

    /// A FINESS number, or the error that says why not (its location computed only then).
    private func number(_ text: String, at location: () -> SourceLocation, what: String,
                        position: Int) -> Result<FINESS, ExtractProblem> {
        if text.isEmpty {
            return .failure(ExtractProblem(Diagnostic(.error, "finess-missing", at: location(), "missing \(what)",
                                                      expected: "a 9-character FINESS number in field \(position)",
                                                      found: "an empty field")))
        }
        do {
            return .success(try FINESS(text))
        } catch {
            let code: String
            switch error {
            case .checkKey: code = "finess-check-key"
            case .length, .character: code = "finess-format"
            }
            return .failure(ExtractProblem(Diagnostic(.error, code, at: location(), "invalid \(what)",
                                                      expected: "a FINESS number with a valid check key",
                                                      found: error.explanation(text),
                                                      hint: "the extract is expected to be exact: the file may be damaged or edited")))
        }
    }
}

/// A row's problem, as an error value.
struct ExtractProblem: Error {
    let diagnostic: Diagnostic
    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
