// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Selection

/// The words of the report in its language: decisions, reasons, rule codes, explanation
/// sentences (rebuilt from the explanations' structured fields, so that French reports do not
/// show the English sentences of the terminal).
extension ReportFormat {
    /// A project's decision as the committee says it.
    public func decision(_ d: ProjectExplanation.Decision) -> String {
        switch d {
        case .selected: return self(.selected)
        case .engaged: return self(.engagedEarlierCommittee)
        case .notSelected: return self(.notSelected)
        case .ineligible: return self(.ineligible)
        case .rejected: return self(.rejectedEarlierCommittee)
        case .excluded: return self(.excludedByCommittee)
        case .laterCommittee: return self(.forNextCommittee)
        }
    }

    public func exclusion(_ r: ExclusionReason) -> String {
        switch r {
        case .otherEUFunds: return self(.otherEuropeanFunds)
        case .priorFunding: return self(.alreadyFundedBy)
        case .sonsValidatedEarly: return self(.sonsServiceValidated)
        case .sonsNotCancelled: return self(.sonsOrderNot)
        case .comfortOnly: return self(.comfortOnlyUpgrade)
        }
    }

    /// A rule code (`not-referenced`) in words; the code itself when unknown.
    public func ruleCode(_ code: String) -> String {
        let words: [String: ReportCatalogue.Key] = [
            "below-minimum-size": .ruleBelowMinimumSize, "hospital-corridor-not-ght": .ruleHospitalCorridorNotGht,
            "joins-without-agreement": .ruleJoinsWithoutAgreement, "national-entity-agreement": .ruleNationalEntityAgreement,
            "no-eligible-essms": .ruleNoEligibleEssms, "no-members": .ruleNoMembers, "not-referenced": .ruleNotReferenced,
            "porteur-unknown": .rulePorteurUnknown, "referencing-in-progress": .ruleReferencingInProgress,
            "several-solutions": .ruleSeveralSolutions, "after-cutoff": .ruleAfterCutoff,
            "joins-unfunded-grappe": .ruleJoinsUnfundedGrappe, "joins-unknown-grappe": .ruleJoinsUnknownGrappe,
            "amoa-not-small": .ruleAmoaNotSmall, "deposit-after-window": .ruleDepositAfterWindow,
            "deposit-before-window": .ruleDepositBeforeWindow, "equipment-not-small": .ruleEquipmentNotSmall,
            "national-desk": .ruleNationalDesk, "outside-region": .ruleOutsideRegion,
        ]
        return words[code].map { self($0) } ?? code
    }

    /// Appended to a counterfactual whose re-solve stopped at its node limit.
    static let unprovenClause = " (meilleure sélection trouvée par un recalcul arrêté à sa limite de nœuds : optimalité non prouvée)"

    /// The sentence explaining a project's decision, from its structured fields.
    public func reason(_ e: ProjectExplanation, assessment: ProjectAssessment?) -> String {
        guard language == .fr else { return e.reason }
        switch e.code {
        case "selected":
            var s = "retenu : \(ess(e.finess ?? 0)) (dont \(e.acquisitions ?? 0) en acquisition) pour \(e.amount.map(money) ?? "")"
            if let rm = e.removal {
                s += " ; le retirer libère \(money(rm.freed)) et "
                    + (rm.replacedBy.isEmpty ? "ne fait entrer aucun autre projet" : "fait entrer \(rm.replacedBy.joined(separator: ", "))")
                    + " (\(rm.finessLost >= 0 ? "−" : "+")\(abs(rm.finessLost)) ESSMS)"
                    + (e.proven ? "" : Self.unprovenClause)
            } else if e.reason.contains("forced in") {
                s += " (imposé par le comité)"
            }
            return s
        case "engaged":
            return "retenu lors d'un comité antérieur : engagé, ses \(e.amount.map(money) ?? "") comptent dans l'enveloppe"
        case "ineligible":
            let codes = assessment?.errors.map { ruleCode($0.code) } ?? []
            return "irrecevable : " + (codes.isEmpty ? String(e.reason.dropFirst("ineligible: ".count)) : codes.joined(separator: ", "))
        case "rejected":
            return "rejeté lors d'un comité antérieur"
        case "excluded-by-committee":
            return "écarté par le comité"
        case "later-committee":
            return "déposé après la date limite de ce comité : présenté au comité suivant"
        case "not-ready":
            return "pas prêt avant la date limite d'engagement"
        case "held-by-engaged":
            let c = e.conflicts.first
            return "FINESS \(c?.finess.text ?? "") déjà financé par le projet engagé \(c?.project ?? "") (une seule aide par ESSMS)"
        case "over-envelope":
            return "coûte à lui seul \(e.amount.map(money) ?? ""), plus que l'enveloppe disponible"
        case "conflict":
            let others = Set(e.conflicts.map(\.project)).sorted()
            return "en conflit avec \(others.count > 1 ? "les projets retenus" : "le projet retenu") \(others.joined(separator: ", ")) "
                + "sur le FINESS \(e.conflicts.first?.finess.text ?? "")"
                + (e.conflicts.count > 1 ? " et \(e.conflicts.count - 1) autre\(e.conflicts.count > 2 ? "s" : "")" : "")
        case "displaced":
            guard let c = e.forcingCost else { return "évincé par de meilleurs projets" }
            let dropped = Explainer.list(e.dropped, and: "et")
            var s = "le retenir d'office " + (e.dropped.isEmpty ? "n'évincerait aucun projet" : "évincerait \(dropped)")
            let terms = Explainer.ranked(e.rankedTerms, [(.finess, c.finess, "ESSMS financé" + (abs(c.finess) > 1 ? "s" : ""), "ESSMS"),
                                             (.acquisition, c.acquisitions, "acquisition" + (abs(c.acquisitions) > 1 ? "s" : ""), "acquisitions"),
                                             (.score, c.score, "point" + (abs(c.score) > 1 ? "s" : "") + " de score", "score")])
            if !terms.isEmpty {
                // "la sélection perdrait 1 ESSMS financé et 15 points de score, mais gagnerait 2 acquisitions"
                s += " : la sélection " + Explainer.balanceSheet(terms.map { ($0.0, $0.1) }, lose: "perdrait", gain: "gagnerait",
                                                                 same: "garderait les mêmes " + Explainer.list(terms.map(\.2), and: "et"),
                                                                 separator: ", mais ", and: "et")
            }
            if !e.proven { s += Self.unprovenClause }
            if let m = e.envelopeToEnter {
                s += " ; il entrerait sans évincer personne avec une enveloppe de \(money(m))"
            } else {
                s += " ; aucune enveloppe ne le ferait entrer en plus de la sélection (FINESS partagé avec un projet retenu ou équilibre impératif)"
            }
            return s
        case "forcing-infeasible":
            return "ne peut être retenu avec les projets engagés sous les contraintes d'équilibre"
        case "not-computed":
            if !e.proven {
                return "évincé par de meilleurs projets (coût non calculé : le recalcul qui l'impose s'est arrêté sans sélection, à sa limite de nœuds ou sur un échec du solveur)"
            }
            return (e.reason.hasPrefix("does not fit") ? "ne tient pas dans le reliquat" : "évincé par de meilleurs projets (coût non calculé)")
                + (e.budgetSpent ? " (le budget de nœuds des recalculs d'explication était épuisé avant ce projet)" : "")
        default:
            return e.reason
        }
    }

    /// `12 ESSMS`.
    public func ess(_ n: Int) -> String { "\(integer(n)) ESSMS" }

    public func mode(_ m: Mode) -> String {
        m == .acquisition ? self(.acquisition) : self(.upgrade)
    }

    public func status(_ s: SelectionResult.Status) -> String {
        switch s {
        case .optimal: return self(.optimalProven)
        case .feasible: return self(.feasibleNotProven)
        case .infeasible: return self(.infeasible)
        case .timeLimit: return self(.timeLimitReached)
        case .solverError: return self(.solverError)
        }
    }

    public func guichet(_ g: Guichet) -> String {
        g == .regional ? self(.regional) : self(.national)
    }

    /// The mode of a balance constraint: `contrainte souple`, `contrainte stricte`, `sans contrainte`.
    public func balanceMode(_ m: BalanceRule.Mode) -> String {
        switch m {
        case .soft: return self(.softConstraint)
        case .hard: return self(.hardConstraint)
        case .off: return self(.noConstraint)
        }
    }

    public func yesNo(_ b: Bool) -> String { b ? self(.yes) : self(.no) }

    /// A decision (`selected`…) as the value of a spreadsheet column: a French code in French
    /// (`retenu`, `non_retenu`, `engage`, `irrecevable`, `rejete`, `ecarte`, `comite_suivant`,
    /// `recevable`), the tool's own code in English.
    public func decisionValue(_ raw: String) -> String {
        guard language == .fr else { return raw }
        let fr = ["selected": "retenu", "not-selected": "non_retenu", "engaged": "engage", "ineligible": "irrecevable",
                  "rejected": "rejete", "excluded": "ecarte", "later-committee": "comite_suivant", "eligible": "recevable"]
        return fr[raw] ?? raw
    }

    /// An explanation's code (`over-envelope`…) as the value of a spreadsheet column, French in French.
    public func reasonCodeValue(_ code: String) -> String {
        guard language == .fr else { return code }
        let fr = ["selected": "retenu", "engaged": "engage", "ineligible": "irrecevable", "rejected": "rejete",
                  "excluded-by-committee": "ecarte_par_le_comite", "later-committee": "comite_suivant", "not-ready": "non_pret",
                  "over-envelope": "au_dela_de_l_enveloppe", "held-by-engaged": "essms_deja_finance", "conflict": "conflit_finess",
                  "displaced": "evince", "forcing-infeasible": "imposition_impossible", "not-computed": "non_calcule",
                  "eligible": "recevable"]
        return fr[code] ?? code
    }

    /// An ESSMS's mode as the value of a spreadsheet column: `acquisition`, `mise_a_niveau` (`upgrade`).
    public func modeValue(_ m: Mode) -> String { m == .acquisition ? "acquisition" : self(.upgradeValue) }

    /// A policy value of the scenario (`per-essms`, `pooled`…) in words, the identifier kept
    /// beside it in French so that the audit can find it in the scenario.
    public func policyValue(_ value: String) -> String {
        let words: [String: String] = [
            "acquisition-first": "acquisitions d'abord", "upgrade-first": "mises à niveau d'abord", "proportional": "proportionnelle",
            "all-small": "tous les OG petits", "any-small": "au moins un petit OG",
            "per-essms": "par ESSMS", "all-or-nothing": "tout ou rien",
            "pooled": "mise en commun nationale", "own-first": "chaque région d'abord", "prorata-essms": "reliquats au prorata des ESSMS",
        ]
        guard language == .fr else { return value }
        if let w = words[value] { return "\(w) (\(value))" }
        for (en, fr) in [(" (hard)", " (impérative)"), (" (warning)", " (avertissement)")] where value.hasSuffix(en) {
            return String(value.dropLast(en.count)) + fr
        }
        return value
    }
}
