// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Selection

/// The selection for a person at a terminal, in French by default (`--lang en`).
public enum SelectionText {
    public static func render(scenario: Scenario, problem p: SelectionProblem, result r: SelectionResult,
                              explanations: [ProjectExplanation], timings: Bool = false, language: ReportLanguage = .en,
                              assessments: [String: ProjectAssessment] = [:]) -> String {
        let t = Catalogue(language), f = ReportFormat(language)
        let french = language == .fr
        var out = "\(scenario.spec.title.isEmpty ? scenario.spec.id : scenario.spec.title)\n\n"
        if let day = scenario.spec.committee {
            let later = p.laterCommittee.count
            out += t(.committeeCutoff, day.french, (scenario.spec.cutoff ?? day).french)
            out += later > 0 ? t(.committeeLater, f.integer(later)) + "\n" : "\n"
        }
        out += t(.status, french ? f.status(r.status) : r.status.rawValue, french ? statusSentence(r, t) : r.sentence) + "\n"
        out += t(.envelopeLine, p.available.frenchString, r.used.frenchString, (p.available - r.used).frenchString) + "\n"
        let separator = french ? " ; " : "; "
        let engaged = p.engaged.isEmpty ? "" : separator + (french || p.engaged.count != 1
            ? t(.engagedEarlier, f.integer(p.engaged.count)) : "engaged earlier: 1 project")
        guard r.status.hasSelection else {
            // No selection to show: the balance is that of the engaged projects, the diagnosis follows.
            out += t(.noSelection) + engaged + ".\n"
            out += balanceTables(p, r, title: t(.balanceEngagedAlone), language: language)
            out += "\n" + t(.solves) + (french ? " : " : ": ") + r.stages.map { stageText($0, t, french: french, value: false, timings: timings) }
                .joined(separator: separator) + "\n"
            return out
        }
        out += (french || r.selected.count != 1 ? t(.selectedLine, f.integer(r.selected.count), f.integer(r.finess), f.integer(r.acquisitions), f.integer(r.score))
            : "Selected: 1 projects, \(r.finess) ESSMS (\(r.acquisitions) acquisitions), score \(r.score)")
        out += engaged + "\n\n"
        let rows = [[t(.headProject), t(.headDecision), t(.headESSMS), t(.headAcquisitions), t(.headAmount), t(.headWhy)]] + explanations.map { e in
            [e.id, french ? f.decision(e.decision).lowercased() : e.decision.rawValue,
             e.finess.map(f.terminalInteger) ?? "", e.acquisitions.map(f.terminalInteger) ?? "",
             e.amount.map { $0.frenchString.replacingOccurrences("€", "").trimmingSpaces } ?? "",
             french ? f.reason(e, assessment: assessments[e.id]) : e.reason]
        }
        out += TextTable.render(rows, rightAligned: [2, 3, 4])
        // Projects left without their re-solve by the limit (not by the node budget): how to ask for one.
        let skipped = explanations.filter { e in
            e.decision == .selected ? e.removal == nil && !p.forced.contains(e.id)
                : e.code == "not-computed" && e.proven && !e.budgetSpent
        }.count
        if skipped > 0 { out += "\n" + t(.notReSolved, f.integer(skipped)) + "\n" }
        out += balanceTables(p, r, language: language)
        // Seconds only on request (`--timings`): the default text is reproducible.
        out += "\n" + t(.solves) + (french ? " : " : ": ") + r.stages.map { stageText($0, t, french: french, value: true, timings: timings) }
            .joined(separator: separator) + "\n"
        return out
    }

    /// The status in a French sentence, from the status and the stage that stopped.
    static func statusSentence(_ r: SelectionResult, _ t: Catalogue) -> String { statusSentence(r.status, stages: r.stages, t) }

    static func statusSentence(_ status: SelectionResult.Status, stages: [StageResult], _ t: Catalogue) -> String {
        let stage = stages.first { !$0.status.hasSolution }.map { stageName($0.term, t) } ?? ""
        switch status {
        case .optimal: return t(.statusOptimal)
        case .feasible: return StageResult.onlyBalanceUnproven(stages) ? t(.statusBalanceUnproven) : t(.statusFeasible)
        case .infeasible: return t(.statusInfeasible, stage)
        case .timeLimit: return t(.statusTimeLimit, stage)
        case .solverError: return t(.statusSolverError, stage)
        }
    }

    static func stageName(_ term: String, _ t: Catalogue) -> String {
        switch term {
        case "finess": return t(.stageFiness)
        case "acquisition": return t(.stageAcquisition)
        case "score": return t(.stageScore)
        case "weighted": return t(.stageWeighted)
        case "balance": return t(.stageBalance)
        case "expected_attaining": return t(.stageExpected)
        default: return term
        }
    }

    static func stageText(_ s: StageResult, _ t: Catalogue, french: Bool, value: Bool, timings: Bool) -> String {
        let f = ReportFormat(french ? .fr : .en)
        let name = french ? stageName(s.term, t) : s.term
        let shown = value ? s.value.map { " = " + f.terminalDecimal($0, digits: 2) } ?? "" : ""
        let seconds = timings ? (french ? " en \(f.decimal(s.seconds, digits: 3)) s" : " in \(JSONValue.formatDecimal(s.seconds, digits: 3)) s") : ""
        let status: String
        if french {
            switch s.status {
            case .optimal: status = "optimale"
            case .feasible: status = "réalisable"
            case .infeasible: status = "impossible"
            case .timeLimitNoSolution: status = "sans solution à la limite"
            default: status = s.status.identifier
            }
        } else {
            status = s.status.identifier
        }
        return french ? "\(name) : \(status)\(shown)\(seconds)" : "\(name) \(status)\(shown)\(seconds)"
    }

    static func balanceTables(_ p: SelectionProblem, _ r: SelectionResult, title suffix: String = "",
                              language: ReportLanguage = .en) -> String {
        let t = Catalogue(language), f = ReportFormat(language)
        let french = language == .fr
        var out = ""
        for (title, lines) in [("Territory", p.territoryBalance(r.selected)), ("Sector", p.sectorBalance(r.selected))]
        where !lines.isEmpty {
            let spec = title == "Territory" ? p.territory : p.sector
            if french {
                let name = title == "Territory" ? "territorial" : "sectoriel"
                out += "\n" + t(.balanceTitle, name, f.balanceMode(spec.mode), f.percent(spec.tolerance, digits: 0)) + "\(suffix) :\n"
            } else {
                out += "\n\(title) balance (\(spec.mode.rawValue), tolerance \(Int((spec.tolerance * 100).rounded())) %)\(suffix):\n"
            }
            let pc = { (x: Double) in french ? f.percent(x) : percent(x) }
            out += TextTable.render([[t(.headKey), t(.headShare), t(.headTarget), t(.headRange), ""]] + lines.map { l in
                [l.key, pc(l.share), pc(l.target), "\(pc(l.low))–\(pc(l.high))", l.within ? "" : t(.outside)]
            }, rightAligned: [1, 2, 3])
        }
        return out
    }

    static func percent(_ x: Double) -> String { JSONValue.formatDecimal(x * 100, digits: 1) + " %" }
}

extension SelectionText {
    /// A selection's status in a sentence for a person: in French from the catalogue, in English
    /// the selector's own sentence (`SelectionResult.sentence`).
    public static func sentence(_ r: SelectionResult, language: ReportLanguage) -> String {
        language == .fr ? statusSentence(r, Catalogue(.fr)) : r.sentence
    }

    /// A failed redeployment policy's status in a sentence: its worst round, named.
    public static func sentence(_ r: RedeploymentResult, language: ReportLanguage) -> String {
        guard language == .fr else { return r.sentence }
        guard let worst = r.rounds.first(where: { $0.result.status == r.status }) else {
            return statusSentence(r.status, stages: [], Catalogue(.fr))
        }
        return "tour « \(worst.name) » : " + statusSentence(worst.result, Catalogue(.fr))
    }
}
