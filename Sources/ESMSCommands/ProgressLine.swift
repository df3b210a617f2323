// SPDX-License-Identifier: GPL-3.0-or-later
import ReportRendering
import ScenarioModel
import Selection
import Workflow

extension Output {
    /// `--quiet`: no progress line.
    nonisolated(unsafe) static var quiet = false

    /// Whether a progress line is drawn: stderr is a terminal and `--quiet` is not given.
    static var showsProgress: Bool { !quiet && stderrIsTerminal }

    /// A progress line on stderr, rewritten in place (only called when stderr is a terminal).
    static func progress(_ p: Phrase, final: Bool) {
        progressText("\r\u{1B}[K" + p.text(language) + (final ? "\n" : ""))
    }

    /// Erases the progress line, before the command's own output.
    static func clearProgress() { progressText("\r\u{1B}[K") }

    /// Text on stderr that is not a diagnostic: it does not count as having said why a command
    /// failed (`wroteError`).
    private static func progressText(_ s: String) {
        var s = s
        _ = s.withUTF8 { StandardStream.error.write(UnsafeRawBufferPointer($0)) }
    }
}

extension SelectionMessages {
    /// The progress line of a selection run, when `shown` (stderr is a terminal and the output is
    /// not JSON): the phase, then the explanation re-solves as they are done.
    static func progress(shown: Bool) -> SelectionProgress {
        guard shown else { return .silent }
        return SelectionProgress(
            phase: { Output.progress(phrase($0), final: false) },
            resolves: { done, total in
                Output.progress(.fr("explications : \(done) / \(total) recalculs", en: "explaining: \(done) / \(total) re-solves"),
                                final: false)
            })
    }

    /// The note on the points of an analysis (a frontier, a trade-off) left not proven optimal:
    /// `label`, how many of `total`, and which limit stopped them; nothing when `count` is 0.
    static func noteUnproven(_ label: Phrase, count: Int, of total: Int, timeLimited: Bool) {
        guard count > 0 else { return }
        let why: Phrase = timeLimited
            ? .fr("la meilleure sélection trouvée avant la limite de temps", en: "the best selection found before the time limit")
            : .fr("la meilleure sélection trouvée en \(Frontier.defaultStageNodeLimit) nœuds par étape ; --time-limit cherche plus longtemps",
                  en: "the best selection found within \(Frontier.defaultStageNodeLimit) nodes per stage; --time-limit searches longer")
        Output.note(.fr("\(label.fr) : \(count) sur \(total) (\(why.fr))", en: "\(label.en): \(count) of \(total) (\(why.en))"))
    }

    /// The note on a selection whose priority stages are proven but whose soft-balance stage
    /// stopped at its limit (without `--time-limit`, `Selector.defaultBalanceStageNodes`).
    static func noteBalanceUnproven(_ result: SelectionResult, timeLimit: Double?) {
        guard result.onlyBalanceUnproven else { return }
        let why: Phrase = timeLimit != nil
            ? .fr("la limite de temps l'a arrêté", en: "the time limit stopped it")
            : .fr("il s'arrête à \(ReportFormat(.fr).integer(Selector.defaultBalanceStageNodes)) nœuds ; --time-limit cherche plus longtemps",
                  en: "it stops at \(Selector.defaultBalanceStageNodes) nodes; --time-limit searches longer")
        Output.note(.fr("les critères de priorité sont prouvés optimaux ; l'écart à l'équilibre souple est le plus petit trouvé parmi les sélections à égalité, sans preuve (\(why.fr))",
                        en: "the priority criteria are proven optimal; the soft balance's imbalance is the least found among the tied selections, not proven least (\(why.en))"))
    }

    static func phrase(_ phase: SelectionProgress.Phase) -> Phrase {
        switch phase {
        case .selecting: .fr("sélection : résolution du programme…", en: "selecting: solving the program…")
        case .explaining: .fr("explications : recalculs…", en: "explaining: re-solves…")
        case .nextInLine: .fr("suivants sur la liste : enveloppes plus grandes…", en: "next in line: larger envelopes…")
        case .diagnosing: .fr("diagnostic : pourquoi aucune sélection…", en: "diagnosis: why no selection…")
        case .pins: .fr("coût des choix imposés…", en: "cost of the pins…")
        }
    }
}
