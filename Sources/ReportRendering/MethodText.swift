// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

/// The selection method in plain words, for the procès-verbal and the note: the order of
/// priority, the score grid, each balance with its tolerance and why a share may be outside it.
struct MethodText {
    var paragraphs: [String] = []
    var balances: [String] = []
    /// One unit of each term the objective ranks: "un ESSMS financé, une acquisition ou un point de score".
    var costs = ""

    init(_ content: ReportContent, _ f: ReportFormat) {
        let spec = content.scenario.spec
        let words: (ObjectiveTerm) -> String = { t in
            switch t {
            case .finess: return f(.objectiveFiness)
            case .acquisition: return f(.objectiveAcquisitions)
            case .score: return f(.objectiveScore)
            case .expectedAttaining: return f(.objectiveExpectedAttaining)
            }
        }
        switch spec.objective {
        case .lexicographic(let terms):
            paragraphs.append(f(.methodLexicographic, terms.map(words).joined(separator: f(.then))))
        case .weighted(let weights):
            let sum = weights.sorted { $0.key.rawValue < $1.key.rawValue }.map { words($0.key) + " (× " + f.decimal($0.value) + ")" }
            paragraphs.append(f(.methodWeighted, sum.joined(separator: ", ")))
        }
        paragraphs.append(f(.thePriorityScore))
        // What a share back in its range may not cost: one unit of each term the objective ranks.
        let units = spec.objective.rankedTerms.map { t -> String in
            switch t {
            case .finess: return f(.costOneFiness)
            case .acquisition: return f(.costOneAcquisition)
            case .score: return f(.costOneScorePoint)
            case .expectedAttaining: return f(.costOneExpectedAttaining)
            }
        }
        costs = Explainer.list(units, and: f(.or))
        for (rule, name) in [(spec.territory, f(.balanceTerritorial)),
                             (spec.sector, f(.balanceSector))] {
            switch rule.mode {
            case .off: balances.append(f(.balanceOff, name))
            case .hard: balances.append(f(.balanceHard, name, f.percent(rule.tolerance)))
            case .soft: balances.append(f(.balanceSoft, name, f.percent(rule.tolerance), costs))
            }
        }
    }
}
