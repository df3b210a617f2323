// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

/// The ESSMS–acquisition trade-off: the Pareto curve and what each extra acquisition costs.
public enum TradeoffDocument {
    /// `{"scenario", "available", "complete", "points": [{"finess", "acquisition", "used",
    /// "essms_per_extra_acquisition", …}]}`.
    public static func json(problem p: SelectionProblem, curve: TradeoffCurve) -> JSONValue {
        .object([
            ("scenario", .string(p.scenario)),
            ("status", .string(curve.status.rawValue)),
            ("available", .money(p.available)),
            ("complete", .bool(curve.complete)),
            ("solves", .int(curve.solves)),
            ("points", .array(curve.points.indices.map { i in
                let pt = curve.points[i]
                return .object([("origin", .string(pt.origin)),
                                ("minimum_acquisition", pt.minimumAcquisitions.map { .int($0) } ?? .null),
                                ("status", .string(pt.status.rawValue)), ("finess", .int(pt.finess)),
                                ("acquisition", .int(pt.acquisitions)), ("score", .int(pt.score)), ("used", .money(pt.used)),
                                ("essms_per_extra_acquisition", curve.marginalCost(i).map { .double($0, digits: 4) } ?? .null),
                                ("selected", .array(pt.selected.map { .string($0) }))])
            })),
        ])
    }

    public static func text(title: String, problem p: SelectionProblem, curve: TradeoffCurve) -> String {
        var out = "\(title)\n\nFunded ESSMS against acquisitions (non-dominated selections, envelope \(p.available.frenchString)):\n\n"
        guard !curve.points.isEmpty else {
            return out + "No selection: the finess-first solve is \(curve.status.rawValue).\n"
        }
        let rows = curve.points.indices.map { i -> [String] in
            let pt = curve.points[i]
            let cost = curve.marginalCost(i).map { c -> String in
                let n = pt.acquisitions - curve.points[i - 1].acquisitions
                return "+\(n) acq for −\(curve.points[i - 1].finess - pt.finess) ESSMS: each costs \(JSONValue.formatDecimal(c, digits: 2)) ESSMS"
            } ?? ""
            return ["\(pt.finess)", "\(pt.acquisitions)", "\(pt.score)", FrontierDocument.amount(pt.used), "\(pt.selected.count)",
                    pt.origin == "epsilon" ? "acq ≥ \(pt.minimumAcquisitions ?? 0)" : pt.origin, cost]
        }
        out += TextTable.render([["ESSMS", "acq", "score", "used (€)", "projects", "point", "marginal cost"]] + rows,
                                rightAligned: [0, 1, 2, 3, 4])
        if curve.points.count == 1 {
            out += "(finess-first and acquisition-first give the same ESSMS and acquisitions: no trade-off at this envelope)\n"
        }
        if !curve.complete {
            out += "(points spaced out to stay within --points: other non-dominated selections may lie between them)\n"
        }
        return out
    }
}
