// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

/// The analyses added to `select`: why it is infeasible, what comes in if the envelope grows.
public enum SelectionAnalysisDocument {
    // MARK: JSON

    /// `"infeasibility": {"cause", "sentence", "keys": [{"balance", "key", "needed_tolerance"…}], …}`.
    public static func infeasibility(_ r: InfeasibilityReport, problem p: SelectionProblem) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("cause", .string(r.cause.rawValue)),
            ("sentence", .string(r.sentence)),
            ("keys", .array(r.keys.map { k in
                .object([("balance", .string(k.balance)), ("key", .string(k.key)), ("target", .double(k.target)),
                         ("share", .double(k.share)), ("money", .money(k.money)), ("side", .string(k.side)),
                         ("tolerance", .double(k.tolerance)),
                         ("needed_tolerance", k.neededTolerance.map { .double($0, digits: 4) } ?? .null),
                         ("no_fundable_candidate", .bool(k.noFundableCandidate))])
            })),
            ("suggested_tolerance", .object(r.suggestedTolerances.map { ($0.balance, .double($0.tolerance, digits: 4)) })),
            ("no_fundable_candidate", .array(r.emptyKeys.map { .object([("balance", .string($0.balance)), ("key", .string($0.key))]) })),
            ("elastic_selection", .array(r.elasticSelection.map { .string(p.candidates[$0].id) })),
            ("cut_short", .bool(r.cutShort)),
            ("proven_infeasible", .bool(r.provenInfeasible)),
        ]
        if let v = r.verification {
            pairs.append(("verification", .object([("status", .string(v.status.rawValue)), ("finess", .int(v.finess)),
                                                   ("acquisition", .int(v.acquisitions)), ("used", .money(v.used))])))
        }
        return .object(pairs)
    }

    /// `"next_in_line": [{"growth", "budget", "entering", "leaving", "delta": {…}}]`.
    public static func nextInLine(_ changes: [NextInLineChange]) -> JSONValue {
        .array(changes.map { c in
            .object([("growth", .money(c.growth)), ("budget", .money(c.budget)), ("status", .string(c.status.rawValue)),
                     ("entering", .array(c.entering.map { .string($0) })), ("leaving", .array(c.leaving.map { .string($0) })),
                     ("finess", .int(c.finess)), ("acquisition", .int(c.acquisitions)), ("score", .int(c.score)),
                     ("used", .money(c.used)), ("proven", .bool(c.proven)),
                     ("delta", .object([("finess", .int(c.deltaFiness)), ("acquisition", .int(c.deltaAcquisitions)),
                                        ("score", .int(c.deltaScore))]))])
        })
    }

    // MARK: Text

    public static func infeasibilityText(_ r: InfeasibilityReport, problem p: SelectionProblem) -> String {
        var out = r.provenInfeasible
            ? "\nWhy no selection is possible (\(r.cause.rawValue)): \(r.sentence)\n"
            : "\nWhy no selection was found (\(r.cause.rawValue), not proven impossible): \(r.sentence)\n"
        if !r.keys.isEmpty {
            out += "\n" + TextTable.render([["balance", "key", "share", "target", "tolerance", "needed", ""]] + r.keys.map { k in
                [k.balance, k.key, SelectionText.percent(k.share), SelectionText.percent(k.target), SelectionText.percent(k.tolerance),
                 k.neededTolerance.map(SelectionText.percent) ?? "none", k.noFundableCandidate ? "no fundable candidate" : k.side]
            }, rightAligned: [2, 3, 4, 5])
            let ids = r.elasticSelection.map { p.candidates[$0].id }
            out += "(shares of the selection needing the least tolerance: "
                + (ids.isEmpty ? "the engaged projects alone" : "engaged projects and " + ids.joined(separator: ", ")) + ")\n"
        }
        if let v = r.verification {
            let list = r.suggestedTolerances.map { "\($0.balance) \(SelectionText.percent($0.tolerance))" }.joined(separator: ", ")
            out += "Re-solved with tolerance \(list): \(v.status.rawValue)"
            if v.status == .optimal || v.status == .feasible {
                out += ", \(v.finess) ESSMS (\(v.acquisitions) acquisitions) for \(v.used.frenchString)"
            }
            out += "\n"
        }
        return out
    }

    public static func nextInLineText(_ changes: [NextInLineChange]) -> String {
        guard !changes.isEmpty else { return "\nNext in line: no better selection at any envelope.\n" }
        var out = "\nNext in line if the envelope grows:\n"
        out += TextTable.render([["growth (€)", "envelope (€)", "ESSMS", "acq", "score", "entering", "leaving"]] + changes.map { c in
            [(c.proven ? "+" : "≤ +") + amount(c.growth), amount(c.budget), signed(c.deltaFiness), signed(c.deltaAcquisitions), signed(c.deltaScore),
             c.entering.joined(separator: ", "), c.leaving.joined(separator: ", ")]
        }, rightAligned: [0, 1, 2, 3, 4])
        out += "(changes against the recommended selection; below each growth the optimum does not improve)\n"
        return out
    }

    static func amount(_ m: Money) -> String { m.frenchString.replacingOccurrences("€", "").trimmingSpaces }
    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : n < 0 ? "−\(-n)" : "0" }
}
