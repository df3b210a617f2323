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
                              .fr("nombre de champs incorrect dans une ligne 'structureet'", en: "wrong number of fields in a 'structureet' row"),
                              expected: .fr("\(usual) champs séparés par ';', comme sur les autres lignes",
                                            en: "\(usual) fields separated by ';', as on the other rows"),
                              found: .fields(fields.count),
                              hint: .fr("un champ contenant ';' doit être entre guillemets (\"…\") ; le fichier a pu être modifié ou tronqué",
                                        en: "a field containing ';' must be quoted (\"…\"); the file may have been edited or cut"))
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
                              rawCategory.isEmpty ? .fr("catégorie FINESS absente", en: "missing FINESS category")
                                  : .fr("catégorie FINESS '\(rawCategory)' inconnue", en: "unknown FINESS category '\(rawCategory)'"),
                              expected: .fr("un code de la nomenclature FINESS au champ \(Position.category) (par exemple 500 EHPAD, 460 SAAD)",
                                            en: "a code of the FINESS nomenclature in field \(Position.category) (e.g. 500 EHPAD, 460 SAAD)"),
                              found: rawCategory.isEmpty ? .emptyField : .verbatim("'\(rawCategory)'"),
                              hint: .fr("une catégorie plus récente que la nomenclature livrée (finess-categories-full.csv) doit y être ajoutée",
                                        en: "a category newer than the shipped nomenclature (finess-categories-full.csv) must be added to it"))
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
                                  rawDep.isEmpty ? .fr("département absent", en: "missing département")
                                      : .fr("code de département '\(rawDep)' inconnu", en: "unknown département code '\(rawDep)'"),
                                  expected: .fr("le code de département FINESS au champ \(Position.departement) (01…95, 2A, 2B, 9A…9F)",
                                                en: "FINESS's département code in field \(Position.departement) (01…95, 2A, 2B, 9A…9F)"),
                                  found: rawDep.isEmpty ? .emptyField : .verbatim("'\(rawDep)'"))
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
                                .fr("le champ département indique \(departement) mais le FINESS \(finess) a été attribué dans le \(issued)",
                                    en: "the département field says \(departement) but FINESS \(finess) was issued in \(issued)"),
                                expected: .fr("le département \(issued), d'après le préfixe du numéro", en: "département \(issued), from the number's prefix"),
                                found: "'\(rawDep)'",
                                hint: .fr("le champ département de l'extraction est conservé ; vérifiez l'établissement si cela compte",
                                          en: "the département field of the extract is kept; check the establishment if it matters"))
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
            return .failure(ExtractProblem(Diagnostic(.error, "finess-missing", at: location(), .fr("\(what) absent", en: "missing \(what)"),
                                                      expected: .fr("un numéro FINESS de 9 caractères au champ \(position)",
                                                                    en: "a 9-character FINESS number in field \(position)"),
                                                      found: .emptyField)))
        }
        do {
            return .success(try FINESS(text))
        } catch {
            let code: String
            switch error {
            case .checkKey: code = "finess-check-key"
            case .length, .character: code = "finess-format"
            }
            return .failure(ExtractProblem(Diagnostic(.error, code, at: location(), .fr("\(what) invalide", en: "invalid \(what)"),
                                                      expected: .fr("un numéro FINESS avec une clé valide", en: "a FINESS number with a valid check key"),
                                                      found: error.explanation(text),
                                                      hint: .fr("l'extraction est censée être exacte : le fichier a pu être abîmé ou modifié",
                                                                en: "the extract is expected to be exact: the file may be damaged or edited"))))
        }
    }
}

/// A row's problem, as an error value.
struct ExtractProblem: Error {
    let diagnostic: Diagnostic
    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
