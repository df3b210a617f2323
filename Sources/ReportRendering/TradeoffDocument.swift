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

    public static func text(title: String, problem p: SelectionProblem, curve: TradeoffCurve, language: ReportLanguage = .en) -> String {
        let t = Catalogue(language), f = ReportFormat(language)
        let french = language == .fr
        let n = f.terminalInteger
        var out = "\(title)\n\n" + t(.tradeoffTitle, p.available.frenchString) + "\n\n"
        guard !curve.points.isEmpty else {
            return out + t(.tradeoffNone, french ? f.status(curve.status) : curve.status.rawValue) + "\n"
        }
        let rows = curve.points.indices.map { i -> [String] in
            let pt = curve.points[i]
            let cost = curve.marginalCost(i).map { c -> String in
                let k = pt.acquisitions - curve.points[i - 1].acquisitions
                return t(.tradeoffCost, n(k), n(curve.points[i - 1].finess - pt.finess),
                         f.terminalDecimal(c, digits: 2))
            } ?? ""
            let origin: String
            switch pt.origin {
            case "epsilon": origin = t(.acqAtLeast, n(pt.minimumAcquisitions ?? 0))
            case "finess-first": origin = t(.originFinessFirst)
            case "acquisition-first": origin = t(.originAcquisitionFirst)
            default: origin = pt.origin
            }
            return [n(pt.finess), n(pt.acquisitions), n(pt.score), FrontierDocument.amount(pt.used), n(pt.selected.count), origin, cost]
        }
        out += TextTable.render([[t(.headESSMS), t(.headAcquisitions), t(.headScore), t(.headUsed), t(.headProjects), t(.headPoint),
                                  t(.headMarginal)]] + rows, rightAligned: [0, 1, 2, 3, 4])
        if curve.points.count == 1 { out += t(.tradeoffSame) + "\n" }
        if !curve.complete { out += t(.tradeoffSpaced) + "\n" }
        return out
    }
}
