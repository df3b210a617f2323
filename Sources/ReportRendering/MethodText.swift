// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// The selection method in plain words, for the procès-verbal and the note: the order of
/// priority, the score grid, each balance with its tolerance and why a share may be outside it.
struct MethodText {
    var paragraphs: [String] = []
    var balances: [String] = []

    init(_ content: ReportContent, _ f: ReportFormat) {
        let spec = content.scenario.spec
        let words: (ObjectiveTerm) -> String = { t in
            switch t {
            case .finess: return f.tr("le nombre d'ESSMS financés", "the number of ESSMS funded")
            case .acquisition: return f.tr("le nombre d'acquisitions d'une solution", "the number of acquisitions of a solution")
            case .score: return f.tr("le score de priorité des dossiers", "the applications' priority score")
            case .expectedAttaining: return f.tr("le nombre attendu d'ESSMS atteignant leurs cibles d'usage",
                                                 "the expected number of ESSMS reaching their usage targets")
            }
        }
        switch spec.objective {
        case .lexicographic(let terms):
            paragraphs.append(f.tr("Les projets recevables ont été retenus, dans la limite de l'enveloppe et à raison d'un seul financement par ESSMS, en maximisant d'abord ",
                                   "Admissible projects were retained, within the envelope and with one grant per ESSMS, maximising first ")
                              + terms.map(words).joined(separator: f.tr(", puis ", ", then ")) + ".")
        case .weighted(let weights):
            paragraphs.append(f.tr("Les projets recevables ont été retenus, dans la limite de l'enveloppe et à raison d'un seul financement par ESSMS, en maximisant une somme pondérée de ",
                                   "Admissible projects were retained, within the envelope and with one grant per ESSMS, maximising a weighted sum of ")
                              + weights.sorted { $0.key.rawValue < $1.key.rawValue }.map { words($0.key) + " (× " + f.decimal($0.value) + ")" }
                                  .joined(separator: ", ") + ".")
        }
        paragraphs.append(f.tr("Le score de priorité additionne six critères notés de 0 à 3 : motivation et organisation du porteur, périmètre fonctionnel, mutualisation de la solution, interopérabilité, raccordement à une plateforme régionale, maturité du projet.",
                               "The priority score adds six criteria scored 0 to 3: the porteur's motivation and organisation, functional scope, shared solution, interoperability, connection to a regional platform, project maturity."))
        for (rule, name) in [(spec.territory, f.tr("territorial (départements, selon la densité d'ESSMS)", "territorial (départements, by ESSMS density)")),
                             (spec.sector, f.tr("sectoriel (secteurs d'activité)", "sector (sectors of activity)"))] {
            var line = f.tr("Équilibre ", "Balance: ") + name + f.tr(" : ", ": ")
            switch rule.mode {
            case .off: line += f.tr("non appliqué", "not applied")
            case .hard: line += f.tr("contrainte stricte, chaque part dans sa cible à ± ", "hard constraint, each share within its target ± ") + f.percent(rule.tolerance)
            case .soft: line += f.tr("recherché après les priorités ci-dessus, chaque part dans sa cible à ± ", "sought after the priorities above, each share within its target ± ")
                + f.percent(rule.tolerance) + f.tr(" ; une part peut sortir de sa plage quand la respecter coûterait un ESSMS, une acquisition ou un point de score",
                                                   "; a share may fall outside its range when keeping it would cost an ESSMS, an acquisition or a score point")
            }
            balances.append(line)
        }
    }
}
