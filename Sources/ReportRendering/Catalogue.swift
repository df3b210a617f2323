// SPDX-License-Identifier: GPL-3.0-or-later

/// Every sentence of the terminal text in both languages, by key: one place to read, review and
/// translate them. `{0}`, `{1}`… are the arguments, in order; French is the default language of
/// the tool (`--lang en` for English). `CatalogueTests` checks that each key has both texts with
/// the same arguments.
public struct Catalogue: Sendable {
    public var language: ReportLanguage

    public init(_ language: ReportLanguage) { self.language = language }

    public enum Key: String, CaseIterable, Sendable {
        // select
        case committeeCutoff, committeeLater, status, envelopeLine, selectedLine, engagedEarlier, noSelection,
             balanceTitle, balanceEngagedAlone, solves, timings
        case statusOptimal, statusFeasible, statusInfeasible, statusTimeLimit, statusSolverError
        case headProject, headDecision, headESSMS, headAcquisitions, headAmount, headWhy, headKey, headShare, headTarget,
             headRange, headBalance, headTolerance, headNeeded, outside, below, above, noFundableCandidate, noneNeeded
        case stageFiness, stageAcquisition, stageScore, stageWeighted, stageBalance, stageExpected
        // diagnosis
        case whyImpossible, whyNotFound, causeBalance, causeForcedOver, causeForcedConflict, causeMinimumAcquisitions, causeUnknown,
             keysCannotBeMet, keysNotFound, targetZero, emptyKeys, diagnosisCutShort, hardBalanceNotCause, foundMeetingEveryKey,
             elasticShares, elasticEngagedAlone, resolvedWith, resolvedSelection
        // next in line
        case nextNone, nextTitle, nextFootnote, headGrowth, headEnvelope, headScore, headEntering, headLeaving
    }

    static let entries: [Key: (fr: String, en: String)] = [
        .committeeCutoff: ("Comité du {0} : dossiers déposés jusqu'au {1}", "Committee of {0}: applications deposited until {1}"),
        .committeeLater: (" ({0} déposés plus tard vont au comité suivant)", " ({0} deposited later go to the next committee)"),
        .status: ("Statut : {0} — {1}", "Status: {0} — {1}"),
        .envelopeLine: ("Enveloppe disponible : {0} ; utilisée : {1} ; reliquat : {2}", "Envelope available: {0}; used: {1}; left: {2}"),
        .selectedLine: ("Retenus : {0} projets, {1} ESSMS ({2} acquisitions), score {3}",
                        "Selected: {0} projects, {1} ESSMS ({2} acquisitions), score {3}"),
        .engagedEarlier: ("engagés lors de comités antérieurs : {0} projets", "engaged earlier: {0} projects"),
        .noSelection: ("Aucune sélection", "No selection"),
        .balanceTitle: ("Équilibre {0} ({1}, tolérance {2})", "{0} balance ({1}, tolerance {2})"),
        .balanceEngagedAlone: (" — projets engagés seuls", " — engaged projects alone"),
        .solves: ("Résolutions", "Solves"),
        .timings: ("Durées", "Timings"),
        .statusOptimal: ("chaque étape est prouvée optimale", "every stage proven optimal"),
        .statusFeasible: ("une sélection a été trouvée, sans preuve d'optimalité à chaque étape",
                          "a selection was found but not proven optimal in every stage"),
        .statusInfeasible: ("aucune sélection ne respecte les contraintes impératives (étape {0})",
                            "no selection meets the hard constraints (stage {0})"),
        .statusTimeLimit: ("aucune sélection trouvée avant la limite de la recherche, aucune prouvée impossible (étape {0})",
                           "no selection found before the search's limit, none proven impossible (stage {0})"),
        .statusSolverError: ("le solveur a échoué (étape {0})", "the solver failed (stage {0})"),
        .headProject: ("projet", "project"), .headDecision: ("décision", "decision"), .headESSMS: ("ESSMS", "ESSMS"),
        .headAcquisitions: ("acq", "acq"), .headAmount: ("montant (€)", "amount (€)"), .headWhy: ("motif", "why"),
        .headKey: ("clé", "key"), .headShare: ("part", "share"), .headTarget: ("cible", "target"), .headRange: ("plage", "range"),
        .headBalance: ("équilibre", "balance"), .headTolerance: ("tolérance", "tolerance"), .headNeeded: ("nécessaire", "needed"),
        .outside: ("hors plage", "outside"), .below: ("en dessous", "below"), .above: ("au-dessus", "above"),
        .noFundableCandidate: ("aucun candidat finançable", "no fundable candidate"), .noneNeeded: ("aucune", "none"),
        .stageFiness: ("ESSMS", "finess"), .stageAcquisition: ("acquisitions", "acquisition"), .stageScore: ("score", "score"),
        .stageWeighted: ("pondéré", "weighted"), .stageBalance: ("équilibre", "balance"),
        .stageExpected: ("ESSMS atteignant les cibles", "expected_attaining"),
        .whyImpossible: ("Pourquoi aucune sélection n'est possible ({0}) : {1}", "Why no selection is possible ({0}): {1}"),
        .whyNotFound: ("Pourquoi aucune sélection n'a été trouvée ({0}, non prouvée impossible) : {1}",
                       "Why no selection was found ({0}, not proven impossible): {1}"),
        .causeBalance: ("équilibre", "balance"), .causeForcedOver: ("projets imposés au-delà de l'enveloppe", "forced-over-envelope"),
        .causeForcedConflict: ("projets imposés en conflit", "forced-conflict"),
        .causeMinimumAcquisitions: ("minimum d'acquisitions", "minimum-acquisitions"), .causeUnknown: ("cause inconnue", "unknown"),
        .keysCannotBeMet: ("équilibre {0} : {1} ne peuvent être respectés ; une tolérance de {2} admettrait une sélection",
                           "{0} balance: {1} cannot be met; a tolerance of {2} would admit a selection"),
        .keysNotFound: ("équilibre {0} : aucune sélection trouvée ne respecte {1}, sans que ce soit prouvé impossible ; une tolérance de {2} admet une sélection",
                        "{0} balance: no selection found meets {1}, though none is proven impossible; a tolerance of {2} admits a selection"),
        .targetZero: ("cible 0 pour {0} alors que de l'argent doit y aller : donner une cible positive ou passer en mode souple",
                      "target 0 for {0} while money must go there: give them a positive target or use mode soft"),
        .emptyKeys: ("aucun candidat finançable pour {0} : sa borne basse ne peut être tenue qu'en ne finançant rien",
                     "no fundable candidate for {0}: its lower bound can only be met by funding nothing"),
        .diagnosisCutShort: ("le diagnostic a été arrêté par sa limite de temps ({0} s) : les tolérances proposées admettent une sélection mais pourraient être plus larges que nécessaire (un --time-limit plus grand les resserre)",
                             "the diagnosis was cut short by its time limit ({0} s): the suggested tolerances admit a selection but may be larger than needed (a larger --time-limit tightens them)"),
        .hardBalanceNotCause: ("l'équilibre impératif n'est pas en cause : la sélection la moins déséquilibrée respecte chaque clé",
                               "the hard balance is not the cause: the least violating selection meets every key"),
        .foundMeetingEveryKey: ("le diagnostic a trouvé une sélection respectant chaque clé de l'équilibre impératif : une recherche plus longue (--time-limit) devrait en trouver une",
                                "the diagnosis found a selection meeting every key of the hard balance: a longer search (--time-limit) should find one"),
        .elasticShares: ("(parts de la sélection demandant le moins de tolérance : projets engagés et {0})",
                         "(shares of the selection needing the least tolerance: engaged projects and {0})"),
        .elasticEngagedAlone: ("(parts de la sélection demandant le moins de tolérance : projets engagés seuls)",
                               "(shares of the selection needing the least tolerance: the engaged projects alone)"),
        .resolvedWith: ("Recalculé avec la tolérance {0} : {1}", "Re-solved with tolerance {0}: {1}"),
        .resolvedSelection: (", {0} ESSMS ({1} acquisitions) pour {2}", ", {0} ESSMS ({1} acquisitions) for {2}"),
        .nextNone: ("Suivants sur la liste : aucune meilleure sélection, quelle que soit l'enveloppe.",
                    "Next in line: no better selection at any envelope."),
        .nextTitle: ("Suivants sur la liste si l'enveloppe augmente :", "Next in line if the envelope grows:"),
        .nextFootnote: ("(changements par rapport à la sélection recommandée ; en deçà de chaque hausse l'optimum ne s'améliore pas)",
                        "(changes against the recommended selection; below each growth the optimum does not improve)"),
        .headGrowth: ("hausse (€)", "growth (€)"), .headEnvelope: ("enveloppe (€)", "envelope (€)"), .headScore: ("score", "score"),
        .headEntering: ("entrants", "entering"), .headLeaving: ("sortants", "leaving"),
    ]

    /// The text of `key` in this language, `{n}` replaced by `arguments[n]`.
    public func callAsFunction(_ key: Key, _ arguments: String...) -> String {
        guard let entry = Self.entries[key] else { return key.rawValue }
        return Self.fill(language == .fr ? entry.fr : entry.en, arguments)
    }

    /// `template` with each `{n}` replaced by `arguments[n]` (left as is when there is no such argument).
    static func fill(_ template: String, _ arguments: [String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), arguments.indices.contains(n) {
                out += arguments[n]
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    /// The placeholders `{n}` of a text, in order of first use.
    static func placeholders(_ text: String) -> Set<Int> {
        var found: Set<Int> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]) { found.insert(n) }
            rest = after
        }
        return found
    }
}
