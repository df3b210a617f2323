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
        // fund
        case fundTitle, headEligible, headDesk, headUpgrades, headExcluded, headIssues, yes, no, fundSummary, fundExcluded, fundNotAdmissible
        // frontier and trade-off
        case frontierTitle, headEnvelopeShare, headBudget, headStatus, headUsed, headProjects, headChange, more,
             tradeoffTitle, tradeoffNone, headPoint, headMarginal, tradeoffCost, tradeoffSame, tradeoffSpaced, acqAtLeast,
             originFinessFirst, originAcquisitionFirst
        // simulate
        case simTitle, simOfSelection, simOfEligible, simOfDraws, simSeed, simConverged, simNotConverged, simSet,
             headOutput, headMean, headSE, outAttaining, outPaid, outUnpaid, outActive, outDeployed, pTarget, targetGiven,
             riskyTitle, headPAll, headAttaining, headDeployed, headTranche2, headExpectedUnpaid,
             tornadoTitle, headAssumption, headBase, headLowHigh, headPaidLow, headPaidHigh, headDUILow, headDUIHigh, headSwing,
             contributionRegional, contributionEngaged, contributionNational, notCounted, notCountedEngaged, notCountedEarlier,
             notCountedOutside, activeLine, fundedLine, targetBasisRegional, targetBasisNational
        // what-if
        case whatifTitle, headVariant, headPaid2, headActiveDUI
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
        .fundTitle: ("{0} — règles {1}", "{0} — rules {1}"),
        .headEligible: ("recevable", "eligible"), .headDesk: ("guichet", "desk"), .headUpgrades: ("màn", "upg"),
        .headExcluded: ("exclus", "excluded"), .headIssues: ("anomalies", "issues"), .yes: ("oui", "yes"), .no: ("NON", "NO"),
        .fundSummary: ("{0} projets recevables sur {1} : {2} ESSMS ({3} acquisitions), {4} demandés",
                       "{0} of {1} projects eligible: {2} ESSMS ({3} acquisitions), {4} requested"),
        .fundExcluded: ("ESSMS exclus : {0}", "ESSMS excluded: {0}"),
        .fundNotAdmissible: ("Projets non recevables : {0}", "Projects not admissible: {0}"),
        .frontierTitle: ("Frontière de l'enveloppe (disponible : {0}) :", "Envelope frontier (available: {0}):"),
        .headEnvelopeShare: ("enveloppe", "envelope"), .headBudget: ("budget (€)", "budget (€)"), .headStatus: ("statut", "status"),
        .headUsed: ("utilisé (€)", "used (€)"), .headProjects: ("projets", "projects"), .headChange: ("changement", "change"),
        .more: ("… {0} de plus", "… {0} more"),
        .tradeoffTitle: ("ESSMS financés contre acquisitions (sélections non dominées, enveloppe {0}) :",
                         "Funded ESSMS against acquisitions (non-dominated selections, envelope {0}):"),
        .tradeoffNone: ("Aucune sélection : la résolution « ESSMS d'abord » est {0}.", "No selection: the finess-first solve is {0}."),
        .headPoint: ("point", "point"), .headMarginal: ("coût marginal", "marginal cost"),
        .tradeoffCost: ("+{0} acq pour −{1} ESSMS : chacune coûte {2} ESSMS", "+{0} acq for −{1} ESSMS: each costs {2} ESSMS"),
        .tradeoffSame: ("(« ESSMS d'abord » et « acquisitions d'abord » donnent les mêmes ESSMS et acquisitions : pas d'arbitrage à cette enveloppe)",
                        "(finess-first and acquisition-first give the same ESSMS and acquisitions: no trade-off at this envelope)"),
        .tradeoffSpaced: ("(points espacés pour tenir dans --points : d'autres sélections non dominées peuvent se trouver entre eux)",
                          "(points spaced out to stay within --points: other non-dominated selections may lie between them)"),
        .acqAtLeast: ("acq ≥ {0}", "acq ≥ {0}"),
        .originFinessFirst: ("ESSMS d'abord", "finess-first"), .originAcquisitionFirst: ("acquisitions d'abord", "acquisition-first"),
        .simTitle: ("Monte-Carlo de l'atteinte des cibles d'usage {0} : {1} tirages", "Monte-Carlo on usage-target attainment of {0}: {1} draws"),
        .simOfSelection: ("de la sélection", "the selection"), .simOfEligible: ("de tous les candidats recevables", "every eligible candidate"),
        .simOfDraws: (" sur {0}", " of {0}"), .simSeed: (", graine {0}", ", seed {0}"),
        .simConverged: (" (convergé)", " (converged)"), .simNotConverged: (" (non convergé)", " (not converged)"),
        .simSet: ("{0} projets, {1} ESSMS ({2} acquisitions), {3} ; tranche 2 en jeu : {4} (politique {5})",
                  "{0} projects, {1} ESSMS ({2} acquisitions), {3}; tranche 2 at stake: {4} (policy {5})"),
        .headOutput: ("résultat", "output"), .headMean: ("moyenne", "mean"), .headSE: ("e.t.", "s.e."),
        .outAttaining: ("ESSMS atteignant toutes les cibles", "ESSMS attaining every target"),
        .outPaid: ("tranche 2 versée (€)", "tranche 2 paid (€)"), .outUnpaid: ("tranche 2 non versée (€)", "tranche 2 unpaid (€)"),
        .outActive: ("DUI actifs", "active DUI"), .outDeployed: ("ESSMS déployés à temps", "ESSMS deployed in time"),
        .pTarget: ("P(DUI actifs ≥ {0}) = {1}", "P(active DUI ≥ {0}) = {1}"), .targetGiven: (" (cible donnée)", " (target given)"),
        .riskyTitle: ("Projets au plus fort solde non versé attendu :", "Projects with the largest expected unpaid balance:"),
        .headPAll: ("P(toutes atteintes)", "P(all attain)"), .headAttaining: ("atteignant", "attaining"), .headDeployed: ("déployés", "deployed"),
        .headTranche2: ("tranche 2 (€)", "tranche 2 (€)"), .headExpectedUnpaid: ("non versé attendu (€)", "expected unpaid (€)"),
        .tornadoTitle: ("Sensibilité (tornade ; {0} tirages par calcul, même graine) : tranche 2 versée attendue {1} €, DUI actifs {2}",
                        "Sensitivity (tornado; {0} draws per run, same seed): expected tranche 2 paid {1} €, active DUI {2}"),
        .headAssumption: ("hypothèse", "assumption"), .headBase: ("base", "base"), .headLowHigh: ("bas → haut", "low → high"),
        .headPaidLow: ("versé bas (€)", "paid low (€)"), .headPaidHigh: ("versé haut (€)", "paid high (€)"),
        .headDUILow: ("DUI bas", "DUI low"), .headDUIHigh: ("DUI haut", "DUI high"), .headSwing: ("écart (versé)", "swing (paid)"),
        .activeLine: ("{0} DUI actifs attendus ({1} des {2} nationaux)", "{0} active DUI expected ({1} of the national {2})"),
        .fundedLine: ("{0} ESSMS financés ({1} des {2} nationaux)", "{0} ESSMS funded ({1} of the national {2})"),
        .contributionRegional: ("Contribution aux objectifs nationaux (totaux du programme [003], pas des objectifs régionaux) : {0} ; {1}{2}.",
                                "Contribution to the national targets (programme totals [003], not regional targets): {0}; {1}{2}."),
        .contributionEngaged: (", dont {0} dans des projets engagés plus tôt (usage non simulé)",
                               ", of which {0} in projects engaged earlier (their usage not simulated)"),
        .contributionNational: ("Objectifs nationaux [003], sommés sur ce que connaît ce scénario : {0} ; {1}.",
                                "National targets [003], summed over what this scenario knows: {0}; {1}."),
        .notCounted: ("Non compté : {0}.", "Not counted: {0}."),
        .notCountedEngaged: ("les DUI actifs des {0} ESSMS des projets engagés (financés, usage non simulé)",
                             "the active DUI of the {0} ESSMS of engaged projects (funded, usage not simulated)"),
        .notCountedEarlier: ("les ESSMS financés lors des campagnes antérieures (2021–2023)", "ESSMS funded at earlier campaigns (2021–2023)"),
        .notCountedOutside: ("les ESSMS financés hors des tables de ce scénario", "ESSMS funded outside this scenario's tables"),
        .targetBasisRegional: ("aucune : les {0} DUI actifs sont un total national du programme, pas un objectif régional (voir national_targets)",
                               "none: the {0} active DUI are a national programme total, not a regional target (see national_targets)"),
        .whatifTitle: ("Variantes : financement → sélection → simulation ({0} tirages, graine {1}, les mêmes pour chaque variante)",
                       "What-if variants: fund → select → simulate ({0} draws, seed {1}, the same for every variant)"),
        .headVariant: ("variante", "variant"), .headPaid2: ("tranche 2 versée (€)", "tranche 2 paid (€)"),
        .headActiveDUI: ("DUI actifs", "active DUI"),
        .targetBasisNational: ("objectif national du programme {0}, sur les seuls projets simulés (voir national_targets)",
                               "national programme target {0}, over the simulated projects only (see national_targets)"),
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
