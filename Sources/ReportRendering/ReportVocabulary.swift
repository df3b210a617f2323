// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Selection

/// The words of the report in its language: decisions, reasons, rule codes, explanation
/// sentences (rebuilt from the explanations' structured fields, so that French reports do not
/// show the English sentences of the terminal).
extension ReportFormat {
    /// The French text, or the English one.
    public func tr(_ fr: String, _ en: String) -> String { language == .fr ? fr : en }

    /// A project's decision as the committee says it.
    public func decision(_ d: ProjectExplanation.Decision) -> String {
        switch d {
        case .selected: return tr("Retenu", "Selected")
        case .engaged: return tr("Engagé (comité antérieur)", "Engaged (earlier committee)")
        case .notSelected: return tr("Non retenu", "Not selected")
        case .ineligible: return tr("Irrecevable", "Ineligible")
        case .rejected: return tr("Rejeté (comité antérieur)", "Rejected (earlier committee)")
        case .excluded: return tr("Écarté par le comité", "Excluded by the committee")
        case .laterCommittee: return tr("Pour le comité suivant", "For the next committee")
        }
    }

    public func exclusion(_ r: ExclusionReason) -> String {
        switch r {
        case .otherEUFunds: return tr("déjà financé par d'autres fonds européens", "other European funds")
        case .priorFunding: return tr("déjà financé par ESMS numérique pour un DUI", "already funded by ESMS numérique for a DUI")
        case .sonsValidatedEarly: return tr("service SONS validé avant la date limite", "SONS service validated before the cutoff")
        case .sonsNotCancelled: return tr("commande SONS non annulée à temps", "SONS order not cancelled in time")
        case .comfortOnly: return tr("évolution de confort uniquement", "comfort-only upgrade")
        }
    }

    /// A rule code (`not-referenced`) in words; the code itself when unknown.
    public func ruleCode(_ code: String) -> String {
        let fr: [String: (String, String)] = [
            "below-minimum-size": ("en dessous de la taille minimale", "below the minimum size"),
            "hospital-corridor-not-ght": ("couloir hospitalier sans GHT", "hospital corridor without a GHT"),
            "joins-without-agreement": ("rattachement sans accord du porteur", "joins a grappe without agreement"),
            "national-entity-agreement": ("accord de l'entité nationale manquant", "national-entity agreement missing"),
            "no-eligible-essms": ("aucun ESSMS éligible", "no eligible ESSMS"),
            "no-members": ("aucun ESSMS", "no members"),
            "not-referenced": ("solution non référencée Ségur", "software not Ségur-referenced"),
            "porteur-unknown": ("porteur inconnu du répertoire FINESS", "porteur not in the register"),
            "referencing-in-progress": ("référencement Ségur en cours", "Ségur referencing in progress"),
            "several-solutions": ("plusieurs solutions DUI", "several DUI solutions"),
            "after-cutoff": ("déposé après la date limite de ce comité : présenté au comité suivant",
                             "deposited after this committee's cut-off: goes to the next committee"),
            "joins-unfunded-grappe": ("rejoint une grappe qui n'est pas encore financée", "joins a grappe not funded yet"),
            "joins-unknown-grappe": ("rejoint une grappe inconnue", "joins an unknown grappe"),
            "amoa-not-small": ("AMOA réservée aux petits OG", "AMOA reserved to small OGs"),
            "deposit-after-window": ("dépôt après la fenêtre", "deposited after the window"),
            "deposit-before-window": ("dépôt avant la fenêtre", "deposited before the window"),
            "equipment-not-small": ("équipement réservé aux petits OG", "equipment reserved to small OGs"),
            "national-desk": ("relève du guichet national", "national desk"),
            "outside-region": ("hors de la région", "outside the region"),
        ]
        guard let t = fr[code] else { return code }
        return tr(t.0, t.1)
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
            var s = "l'imposer " + (e.dropped.isEmpty ? "n'évince aucun projet" : "évince \(e.dropped.joined(separator: ", "))")
            s += " : " + Explainer.balanceSheet([(c.finess, "ESSMS financé" + (abs(c.finess) > 1 ? "s" : "")),
                                                 (c.acquisitions, "acquisition" + (abs(c.acquisitions) > 1 ? "s" : "")),
                                                 (c.score, "point" + (abs(c.score) > 1 ? "s" : "") + " de score")],
                                                lose: "perd", gain: "gagne", same: "mêmes ESSMS, acquisitions et score",
                                                separator: " ; ")
            if !e.proven { s += Self.unprovenClause }
            if let m = e.envelopeToEnter {
                s += " ; il entrerait sans évincer personne avec une enveloppe de \(money(m))"
            } else {
                s += " ; aucune enveloppe ne le fait entrer en plus de la sélection (FINESS partagé avec un projet retenu ou équilibre impératif)"
            }
            return s
        case "forcing-infeasible":
            return "ne peut être retenu avec les projets engagés sous les contraintes d'équilibre"
        case "not-computed":
            if !e.proven {
                return "évincé par de meilleurs projets (coût non calculé : le recalcul qui l'impose n'a trouvé aucune sélection dans sa limite de nœuds)"
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
        m == .acquisition ? tr("acquisition", "acquisition") : tr("mise à niveau", "upgrade")
    }

    public func status(_ s: SelectionResult.Status) -> String {
        switch s {
        case .optimal: return tr("optimale (prouvée)", "optimal (proven)")
        case .feasible: return tr("réalisable (non prouvée optimale)", "feasible (not proven optimal)")
        case .infeasible: return tr("impossible", "infeasible")
        case .timeLimit: return tr("limite de temps atteinte", "time limit reached")
        case .solverError: return tr("erreur du solveur", "solver error")
        }
    }

    public func guichet(_ g: Guichet) -> String {
        g == .regional ? tr("régional", "regional") : tr("national", "national")
    }

    /// The mode of a balance constraint: `contrainte souple`, `contrainte stricte`, `sans contrainte`.
    public func balanceMode(_ m: BalanceRule.Mode) -> String {
        switch m {
        case .soft: return tr("contrainte souple", "soft constraint")
        case .hard: return tr("contrainte stricte", "hard constraint")
        case .off: return tr("sans contrainte", "no constraint")
        }
    }

    public func yesNo(_ b: Bool) -> String { b ? tr("oui", "yes") : tr("non", "no") }

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
    public func modeValue(_ m: Mode) -> String { m == .acquisition ? "acquisition" : tr("mise_a_niveau", "upgrade") }

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
