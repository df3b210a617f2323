// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

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
             balanceTitle, balanceEngagedAlone, solves, timings, notReSolved
        case statusOptimal, statusFeasible, statusBalanceUnproven, statusInfeasible, statusTimeLimit, statusSolverError
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
        case fromData, allAssumptions
        // what-if
        case whatifTitle, headVariant, headPaid2, headActiveDUI
        // redeploy
        case policyLine, headRegion, headNotified, headUnengaged, headReleased, headReceived, headFunded, rowRegions, rowNationalCall,
             regionBalance, everyRegionWithin, regionsOutside, policyInfeasible, compareStatus, compareESSMS, compareProjects,
             compareRegionalUsed, compareLeft, compareNationalUsed, compareReceiving, compareIndicator, compareByRegion, compareOnly,
             compareOnlyLine, compareOnlyMore, redeployHeader, redeployNationalCall, redeployCandidates, redeployNone,
             totalsNational, totalsIndicators, totalsExpected, totalsNotSimulated,
             policyPooled, policyOwnFirst, policyProrata
        // campaign
        case campScenario, campEngagedOutside, campEngagedBefore, campCommittee, campAvailable, campReserve, campCandidates,
             campSelected, campLeft, campCarried, campYear, campYearLeft, campYearCarried
        // follow-up
        case fupTitle, headMet, headEnded, headCertified, headGranted, headFirstHalf, headSecondHalf, headWithheld, headToRecover,
             fupTotals, fupWithheldBy, fupMeeting, fupRegion, fupRecoverTitle, fupRecoverLine
        // calibrate (Catalogue+Calibration.swift)
        case calTitle, calCensored, calNotEnded, calMethod, calNotConverged, headParameter, headAssumed, headEstimate, headCI, headN,
             atBoundary, calByIndicator, headIndicator, headReported, headPredicted, calBySector, headSector, calSectorRule,
             headLR, headP, headEffect, calOwnRate, calTooFew, calNotSignificant, calCommonGroup, calOthers
        // envelopes
        case envSplit, envRegister, envUnknownDate, headOfficial, headDifference, envFloor, rowTotal, envMeanDifference
    }

    static let entries: [Key: (fr: String, en: String)] = coreEntries.merging(calibrationEntries) { a, _ in a }

    static let coreEntries: [Key: (fr: String, en: String)] = [
        .committeeCutoff: ("Comité du {0} : dossiers déposés jusqu'au {1}", "Committee of {0}: applications deposited until {1}"),
        .committeeLater: (" ({0} déposés plus tard vont au comité suivant)", " ({0} deposited later go to the next committee)"),
        .status: ("Statut : {0} — {1}", "Status: {0} — {1}"),
        .envelopeLine: ("Enveloppe disponible : {0} ; utilisée : {1} ; reliquat : {2}", "Envelope available: {0}; used: {1}; left: {2}"),
        .selectedLine: ("Retenus : {0} projets, {1} ESSMS ({2} acquisitions), score {3}",
                        "Selected: {0} projects, {1} ESSMS ({2} acquisitions), score {3}"),
        .engagedEarlier: ("engagés lors de comités antérieurs : {0} projets", "engaged earlier: {0} projects"),
        .noSelection: ("Aucune sélection", "No selection"),
        .notReSolved: ("Projets non recalculés (au-delà de --explain-limit) : {0} ; --explain ID explique un projet par son propre recalcul.",
                       "Projects not re-solved (beyond --explain-limit): {0}; --explain ID explains one by its own re-solve."),
        .balanceTitle: ("Équilibre {0} ({1}, tolérance {2})", "{0} balance ({1}, tolerance {2})"),
        .balanceEngagedAlone: (" — projets engagés seuls", " — engaged projects alone"),
        .solves: ("Résolutions", "Solves"),
        .timings: ("Durées", "Timings"),
        .statusOptimal: ("chaque étape est prouvée optimale", "every stage proven optimal"),
        .statusFeasible: ("une sélection a été trouvée, sans preuve d'optimalité à chaque étape",
                          "a selection was found but not proven optimal in every stage"),
        .statusBalanceUnproven: ("chaque critère de priorité est prouvé optimal ; l'écart à l'équilibre souple est le plus petit trouvé, sans preuve qu'il n'y en a pas de plus petit",
                                 "every priority stage proven optimal; the soft balance's imbalance is the least found, not proven least"),
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
        .fromData: ("Paramètres issus des données ({0}) : {1} ; les autres sont des hypothèses (docs/SIMULATION.md).",
                    "Parameters from data ({0}): {1}; the others are assumptions (docs/SIMULATION.md)."),
        .allAssumptions: ("Tous les paramètres du modèle sont des hypothèses (docs/SIMULATION.md) ; « esms calibrate » les ajuste sur les indicateurs déclarés.",
                          "Every parameter of the model is an assumption (docs/SIMULATION.md); 'esms calibrate' fits them to reported indicators."),
        .whatifTitle: ("Variantes : financement → sélection → simulation ({0} tirages, graine {1}, les mêmes pour chaque variante)",
                       "What-if variants: fund → select → simulate ({0} draws, seed {1}, the same for every variant)"),
        .headVariant: ("variante", "variant"), .headPaid2: ("tranche 2 versée (€)", "tranche 2 paid (€)"),
        .headActiveDUI: ("DUI actifs", "active DUI"),
        .policyLine: ("Politique : {0} — {1}", "Policy: {0} — {1}"),
        .headRegion: ("région", "region"), .headNotified: ("notifié", "notified"), .headUnengaged: ("AE non engagées", "unengaged AE"),
        .headReleased: ("libéré", "released"), .headReceived: ("reçu", "received"), .headFunded: ("financé (€)", "funded (€)"),
        .rowRegions: ("régions", "regions"), .rowNationalCall: ("appel national", "national call"),
        .regionBalance: ("Équilibre entre régions ({0}, tolérance {1}) : {2}", "Region balance ({0}, tolerance {1}): {2}"),
        .everyRegionWithin: ("chaque région dans sa plage", "every region within its range"),
        .regionsOutside: ("hors de leur plage : {0}", "outside its range: {0}"),
        .policyInfeasible: ("Politique {0}, tour « {1} » : aucune répartition ne respecte les contraintes impératives du scénario.",
                            "Policy {0}, round '{1}': no allocation satisfies the scenario's hard constraints."),
        .compareStatus: ("statut", "status"), .compareESSMS: ("ESSMS financés", "ESSMS funded"),
        .compareProjects: ("projets financés", "projects funded"), .compareRegionalUsed: ("AE régionales utilisées (€)", "regional AE used (€)"),
        .compareLeft: ("non engagé restant (€)", "left unengaged (€)"), .compareNationalUsed: ("appel national utilisé (€)", "national call used (€)"),
        .compareReceiving: ("régions bénéficiaires", "regions receiving"), .compareIndicator: ("indicateur ESSMS", "ESSMS indicator"),
        .compareByRegion: ("ESSMS financés par région (€ reçus) :", "ESSMS funded by region (received €):"),
        .compareOnly: ("Ce que chaque politique finance et pas les autres :", "What each policy funds that the others do not:"),
        .compareOnlyLine: ("  {0} : {1} projets, {2} ESSMS", "  {0}: {1} projects, {2} ESSMS"),
        .compareOnlyMore: (" … (+{0}, tous dans --json)", " … (+{0}, all in --json)"),
        .redeployHeader: ("Redéploiement du {0}, date limite d'engagement {1} : réserve d'AE non engagées {2}",
                          "Redeployment on {0}, engagement deadline {1}: pool of unengaged AE {2}"),
        .redeployNationalCall: (", appel national {0}", ", national call {0}"),
        .redeployCandidates: ("{0} projets candidats finançables, {1} engagés, {2} non finançables",
                              "{0} fundable candidate projects, {1} engaged, {2} not fundable"),
        .redeployNone: ("aucune", "none"),
        .totalsNational: ("National : {0} ESSMS financés ({1} acquisitions), {2} projets, {3} utilisés ; {4} d'AE régionales restent non engagées",
                          "National: {0} ESSMS funded ({1} acquisitions), {2} projects, {3} used; {4} of regional AE left unengaged"),
        .totalsIndicators: ("Indicateurs : ESSMS financés {0} sur {1} ({2} : {3} dans les projets engagés + {4} par ce redéploiement ; les ESSMS derrière les montants engagés des régions ne sont pas connus) ; DUI actifs (objectif {5}) : ",
                            "Indicators: ESSMS funded {0} of {1} ({2}: {3} in engaged projects + {4} by this redeployment; ESSMS behind the regions' engaged amounts are not known); active DUI (target {5}): "),
        .totalsExpected: ("{0} attendus (p5 {1}, p95 {2} ; {3} de l'objectif, {4} ESSMS des projets engagés et redéployés, {5} tirages)",
                          "expected {0} (p5 {1}, p95 {2}; {3} of the target, {4} ESSMS of engaged and redeployed projects, {5} draws)"),
        .totalsNotSimulated: ("non simulés", "not simulated"),
        .policyPooled: ("une sélection nationale sous les AE non engagées mises en commun", "one national selection under the pooled unengaged AE"),
        .policyOwnFirst: ("chaque région sélectionne dans ses propres AE non engagées, les reliquats mis en commun pour un tour national",
                          "each region selects within its own unengaged AE, the leftovers pooled for a national round"),
        .policyProrata: ("chaque région sélectionne dans ses propres AE non engagées, les reliquats partagés au prorata des ESSMS entre les régions ayant une demande finançable",
                         "each region selects within its own unengaged AE, the leftovers shared pro rata of ESSMS between regions with fundable demand"),
        .campScenario: ("Scénario {0} : notifié {1}", "Scenario {0}: notified {1}"),
        .campEngagedOutside: (", engagé hors des tables {0}", ", engaged outside the tables {0}"),
        .campEngagedBefore: ("Engagés avant la campagne (restent engagés) : {0} projets ({1})",
                             "Engaged before the campaign (kept engaged): {0} projects ({1})"),
        .campCommittee: ("Comité {0} — {1}, dépôts jusqu'au {2} : {3}", "Committee {0} — {1}, deposits until {2}: {3}"),
        .campAvailable: ("  disponible {0}", "  available {0}"), .campReserve: (" (réserve gardée : {0})", " (reserve kept back: {0})"),
        .campCandidates: ("{0} candidats", "{0} candidates"),
        .campSelected: ("  retenus {0} projets, {1} ESSMS, {2} engagés", "  selected {0} projects, {1} ESSMS, {2} engaged"),
        .campLeft: ("  reliquat après ce comité : {0}", "  left after it: {0}"),
        .campCarried: ("  reportés (déposés après le {0}) : {1} : {2}", "  carried over (deposited after {0}): {1}: {2}"),
        .campYear: ("Année : {0} projets retenus par les comités, {1} ESSMS, {2} engagés ; ", "Year: {0} projects selected by the committees, {1} ESSMS, {2} engaged; "),
        .campYearLeft: ("{0} restants", "{0} left"),
        .campYearCarried: ("{0} dossiers recevables après la dernière date limite", "{0} admissible applications after the last cut-off"),
        .fupTitle: ("Suivi de {0} au {1} — seconde tranche {2} ; financés : {3}", "Follow-up of {0} on {1} — second tranche {2}; funded: {3}"),
        .headMet: ("cibles atteintes", "met"), .headEnded: ("terminé", "ended"), .headCertified: ("certifié", "certified"),
        .headGranted: ("accordé", "granted"), .headFirstHalf: ("1re moitié versée", "1st half paid"),
        .headSecondHalf: ("2e moitié due", "2nd half due"), .headWithheld: ("retenu", "withheld"), .headToRecover: ("à reverser", "to recover"),
        .fupTotals: ("{0} projets financés, {1} ESSMS ({2} ayant déclaré au {3}) : accordé {4}, premières moitiés versées {5}, secondes moitiés dues {6}, retenu {7}, à reverser {8}",
                     "{0} funded projects, {1} ESSMS ({2} reported by {3}): granted {4}, first halves paid {5}, second halves due {6}, withheld {7}, to recover {8}"),
        .fupWithheldBy: ("Retenu par motif : {0}", "Withheld by reason: {0}"),
        .fupMeeting: ("ESSMS atteignant toutes les cibles : {0} sur {1} ; DUI actifs déclarés : {2}",
                      "ESSMS meeting every target: {0} of {1}; active DUI reported: {2}"),
        .fupRegion: ("  région {0} : {1} ESSMS, dû {2}, retenu {3}, cibles atteintes {4}, DUI actifs {5}",
                     "  region {0}: {1} ESSMS, due {2}, withheld {3}, meeting targets {4}, active DUI {5}"),
        .fupRecoverTitle: ("À reverser (équipement dépensé en deçà de la première moitié versée) :",
                           "To recover (equipment spent below the first half paid):"),
        .fupRecoverLine: ("  {0} {1} : accordé {2} après plafonnement, première moitié versée {3}, à reverser {4}",
                          "  {0} {1}: granted {2} after the cap, first half paid {3}, to recover {4}"),
        .envSplit: ("Répartition de {0} entre les régions : {1} pour {2}, le reste au prorata des ESSMS, arrondi à l'euro par les plus forts restes",
                    "Split of {0} between regions: {1} for {2}, the rest pro rata of ESSMS, rounded to the euro by largest remainder"),
        .envRegister: ("Répertoire : {0}, {1} ESSMS, daté du {2}", "Register: {0}, {1} ESSMS, dated {2}"),
        .envUnknownDate: ("inconnu (donner --register-date)", "unknown (give --register-date)"),
        .headOfficial: ("officiel 2024 (€)", "official 2024 (€)"), .headDifference: ("écart (€)", "difference (€)"),
        .envFloor: ("{0} plancher", "{0} floor"), .rowTotal: ("total", "total"),
        .envMeanDifference: ("Écart absolu moyen sur les {0} régions au prorata : {1} (la table 2024 a été calculée sur un répertoire plus récent)",
                             "Mean absolute difference over the {0} prorata regions: {1} (the 2024 table was computed on a more recent register)"),
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
