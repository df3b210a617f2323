// SPDX-License-Identifier: GPL-3.0-or-later

extension Catalogue {
    /// The sentences of `esms calibrate`.
    static let calibrationEntries: [Key: (fr: String, en: String)] = [
        .calTitle: ("Calibrage sur le suivi de {0} au {1} : {2} projets terminés, {3} ESSMS, {4} taux déclarés",
                    "Calibration on the follow-up of {0} on {1}: {2} ended projects, {3} ESSMS, {4} reported rates"),
        .calCensored: (", dont {0} à 100 % et {1} à 0 % (censurés)", ", of which {0} at 100 % and {1} at 0 % (censored)"),
        .calNotEnded: (" ({0} ESSMS de projets non terminés laissés de côté)", " ({0} ESSMS of projects not ended left out)"),
        .calMethod: ("Maximum de vraisemblance (taux à 100 % et 0 % censurés, effets projet et ESSMS intégrés par quadrature de Gauss–Hermite ; BFGS, {0} itérations{1}), intervalles à 95 %.",
                     "Maximum likelihood (rates at 100 % and 0 % censored, project and ESSMS effects integrated by Gauss–Hermite quadrature; BFGS, {0} iterations{1}), 95 % intervals."),
        .calNotConverged: (", non convergé", ", not converged"),
        .headParameter: ("paramètre", "parameter"), .headAssumed: ("hypothèse", "assumed"), .headEstimate: ("estimation", "estimate"),
        .headCI: ("IC 95 %", "95 % CI"), .headN: ("n", "n"),
        .atBoundary: ("au bord (écart nul)", "at the boundary (spread 0)"),
        .calByIndicator: ("Atteinte déclarée et prédite par le modèle ajusté, par indicateur :",
                          "Attainment reported and predicted by the fitted model, by indicator:"),
        .headIndicator: ("indicateur", "indicator"), .headReported: ("déclarée", "reported"), .headPredicted: ("prédite", "predicted"),
        .calBySector: ("Toutes les cibles atteintes, par secteur :", "Every target met, by sector:"),
        .headSector: ("secteur", "sector"),
        .calSectorRule: ("Taux par secteur (un taux propre avec au moins {0} ESSMS de {1} projets et un test du rapport de vraisemblance au seuil de {2}) :",
                         "Rates by sector (a rate of its own with at least {0} ESSMS from {1} projects and a likelihood-ratio test at {2}):"),
        .headLR: ("RV", "LR"), .headP: ("p", "p"), .headEffect: ("effet (logit)", "effect (logit)"),
        .calOwnRate: ("taux propre", "own rate"),
        .calTooFew: ("taux commun (trop peu de données)", "common rate (too few data)"),
        .calNotSignificant: ("taux commun (écart non significatif)", "common rate (difference not significant)"),
        .calCommonGroup: ("taux commun (gardé pour estimer le taux commun)", "common rate (kept to estimate the common rate)"),
        .calOthers: ("Les autres paramètres (effets, déploiement, files actives) restent des hypothèses du scénario.",
                     "The other parameters (effects, deployment, file active) stay the scenario's assumptions."),
    ]
}
