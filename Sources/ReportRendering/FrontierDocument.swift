// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

/// The envelope frontier: the selection re-solved at each envelope.
public enum FrontierDocument {
    /// `{"scenario", "available", "objective", "points": [{"budget", "percent", "status", …}]}`.
    public static func json(problem p: SelectionProblem, points: [FrontierPoint]) -> JSONValue {
        .object([
            ("scenario", .string(p.scenario)),
            ("available", .money(p.available)),
            ("objective", objective(p.objective)),
            ("points", .array(points.map { pt in
                .object([("budget", .money(pt.budget)), ("percent", percent(pt.budget, of: p.available)),
                         ("status", .string(pt.status.rawValue)), ("used", .money(pt.used)),
                         ("left", .money(pt.budget - pt.used)), ("finess", .int(pt.finess)),
                         ("acquisition", .int(pt.acquisitions)), ("score", .int(pt.score)),
                         ("projects", .int(pt.selected.count)), ("selected", .array(pt.selected.map { .string($0) }))])
            })),
        ])
    }

    public static func text(title: String, problem p: SelectionProblem, points: [FrontierPoint], language: ReportLanguage = .en) -> String {
        let t = Catalogue(language), f = ReportFormat(language)
        let french = language == .fr
        let n = f.terminalInteger
        var out = "\(title)\n\n" + t(.frontierTitle, p.available.frenchString) + "\n\n"
        var previous: FrontierPoint?
        let rows = points.map { pt -> [String] in
            defer { previous = pt }
            let solved = pt.status == .optimal || pt.status == .feasible
            let came = previous.map { prev in pt.selected.filter { !prev.selected.contains($0) }.map { "+" + $0 } } ?? []
            let left = previous.map { prev in prev.selected.filter { !pt.selected.contains($0) }.map { "−" + $0 } } ?? []
            let change = came + left
            let share = p.available.cents > 0 ? Double(pt.budget.cents) / Double(p.available.cents) : nil
            return [share.map { french ? f.percent($0) : percentText(pt.budget, of: p.available) } ?? "", amount(pt.budget),
                    french ? f.status(pt.status) : pt.status.rawValue,
                    solved ? n(pt.finess) : "", solved ? n(pt.acquisitions) : "", solved ? n(pt.score) : "",
                    solved ? amount(pt.used) : "", solved ? n(pt.selected.count) : "",
                    change.count <= 8 ? change.joined(separator: " ") : change.prefix(7).joined(separator: " ") + " " + t(.more, n(change.count - 7))]
        }
        out += TextTable.render([[t(.headEnvelopeShare), t(.headBudget), t(.headStatus), t(.headESSMS), t(.headAcquisitions), t(.headScore),
                                  t(.headUsed), t(.headProjects), t(.headChange)]] + rows,
                                rightAligned: [0, 1, 3, 4, 5, 6, 7])
        return out
    }

    static func objective(_ o: Objective) -> JSONValue {
        switch o {
        case .lexicographic(let terms): return .array(terms.map { .string($0.rawValue) })
        case .weighted(let w): return .object(w.keys.sorted { $0.rawValue < $1.rawValue }.map { ($0.rawValue, .double(w[$0]!)) })
        }
    }

    static func percent(_ m: Money, of available: Money) -> JSONValue {
        available.cents > 0 ? .double(Double(m.cents) / Double(available.cents) * 100, digits: 2) : .null
    }

    static func percentText(_ m: Money, of available: Money) -> String {
        available.cents > 0 ? JSONValue.formatDecimal(Double(m.cents) / Double(available.cents) * 100, digits: 1) + " %" : ""
    }

    static func amount(_ m: Money) -> String { m.frenchString.replacingOccurrences("€", "").trimmingSpaces }
}
