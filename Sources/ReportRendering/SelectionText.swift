// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

/// The selection for a person at a terminal.
public enum SelectionText {
    public static func render(scenario: Scenario, problem p: SelectionProblem, result r: SelectionResult,
                              explanations: [ProjectExplanation], timings: Bool = false) -> String {
        var out = "\(scenario.spec.title.isEmpty ? scenario.spec.id : scenario.spec.title)\n\n"
        if let day = scenario.spec.committee {
            let later = p.laterCommittee.count
            out += "Committee of \(day.french): applications deposited until \((scenario.spec.cutoff ?? day).french)"
            out += later > 0 ? " (\(later) deposited later go to the next committee)\n" : "\n"
        }
        out += "Status: \(r.status.rawValue) — \(r.sentence)\n"
        out += "Envelope available: \(p.available.frenchString); used: \(r.used.frenchString); left: \((p.available - r.used).frenchString)\n"
        guard r.status.hasSelection else {
            // No selection to show: the balance is that of the engaged projects, the diagnosis follows.
            out += "No selection\(p.engaged.isEmpty ? "" : "; engaged earlier: \(p.engaged.count) project\(p.engaged.count == 1 ? "" : "s")").\n"
            out += balanceTables(p, r, title: " — engaged projects alone")
            out += "\nSolves: " + r.stages.map { "\($0.term) \($0.status.identifier)" + (timings ? " in \(JSONValue.formatDecimal($0.seconds, digits: 3)) s" : "") }
                .joined(separator: "; ") + "\n"
            return out
        }
        out += "Selected: \(r.selected.count) projects, \(r.finess) ESSMS (\(r.acquisitions) acquisitions), score \(r.score)"
        if !p.engaged.isEmpty { out += "; engaged earlier: \(p.engaged.count) project\(p.engaged.count == 1 ? "" : "s")" }
        out += "\n\n"
        let rows = [["project", "decision", "ESSMS", "acq", "amount (€)", "why"]] + explanations.map { e in
            [e.id, e.decision.rawValue, e.finess.map(String.init) ?? "", e.acquisitions.map(String.init) ?? "",
             e.amount.map { $0.frenchString.replacingOccurrences("€", "").trimmingSpaces } ?? "", e.reason]
        }
        out += TextTable.render(rows, rightAligned: [2, 3, 4])
        out += balanceTables(p, r)
        // Seconds only on request (`--timings`): the default text is reproducible.
        out += "\nSolves: " + r.stages.map { s in
            "\(s.term) \(s.status.identifier)\(s.value.map { " = \(JSONValue.formatDecimal($0, digits: 2))" } ?? "")"
                + (timings ? " in \(JSONValue.formatDecimal(s.seconds, digits: 3)) s" : "")
        }.joined(separator: "; ") + "\n"
        return out
    }

    static func balanceTables(_ p: SelectionProblem, _ r: SelectionResult, title suffix: String = "") -> String {
        var out = ""
        for (title, lines) in [("Territory", p.territoryBalance(r.selected)), ("Sector", p.sectorBalance(r.selected))]
        where !lines.isEmpty {
            let spec = title == "Territory" ? p.territory : p.sector
            out += "\n\(title) balance (\(spec.mode.rawValue), tolerance \(Int((spec.tolerance * 100).rounded())) %)\(suffix):\n"
            out += TextTable.render([["key", "share", "target", "range", ""]] + lines.map { l in
                [l.key, percent(l.share), percent(l.target), "\(percent(l.low))–\(percent(l.high))", l.within ? "" : "outside"]
            }, rightAligned: [1, 2, 3])
        }
        return out
    }

    static func percent(_ x: Double) -> String { JSONValue.formatDecimal(x * 100, digits: 1) + " %" }
}
