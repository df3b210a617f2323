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
            case .finess: return f(.theNumberOf)
            case .acquisition: return f(.theNumberOfAcquisitions)
            case .score: return f(.theApplicationsPriority)
            case .expectedAttaining: return f(.theExpectedNumber)
            }
        }
        switch spec.objective {
        case .lexicographic(let terms):
            paragraphs.append(f(.admissibleProjectsWere)
                              + terms.map(words).joined(separator: f(.then)) + ".")
        case .weighted(let weights):
            paragraphs.append(f(.admissibleProjectsWereRetained)
                              + weights.sorted { $0.key.rawValue < $1.key.rawValue }.map { words($0.key) + " (× " + f.decimal($0.value) + ")" }
                                  .joined(separator: ", ") + ".")
        }
        paragraphs.append(f(.thePriorityScore))
        for (rule, name) in [(spec.territory, f(.territorialDepartementsBy)),
                             (spec.sector, f(.sectorSectorsOf))] {
            var line = f(.balanceEquilibre) + name + f(.sepColon2)
            switch rule.mode {
            case .off: line += f(.notApplied)
            case .hard: line += f(.hardConstraintEach, f.percent(rule.tolerance))
            case .soft: line += f(.soughtAfterThe)
                + f.percent(rule.tolerance) + f(.aShareMay)
            }
            balances.append(line)
        }
    }
}
