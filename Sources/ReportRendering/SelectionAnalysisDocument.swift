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

    public static func infeasibilityText(_ r: InfeasibilityReport, problem p: SelectionProblem, language: ReportLanguage = .en) -> String {
        let t = Catalogue(language), f = ReportFormat(language)
        let french = language == .fr
        let pc = { (x: Double) in french ? f.percent(x) : SelectionText.percent(x) }
        let cause = french ? causeName(r.cause, t) : r.cause.rawValue
        let sentence = french ? infeasibilitySentence(r, language: .fr) : r.sentence
        var out = "\n" + (r.provenInfeasible ? t(.whyImpossible, cause, sentence) : t(.whyNotFound, cause, sentence)) + "\n"
        if !r.keys.isEmpty {
            out += "\n" + TextTable.render([[t(.headBalance), t(.headKey), t(.headShare), t(.headTarget), t(.headTolerance), t(.headNeeded), ""]] + r.keys.map { k in
                [french ? balanceName(k.balance) : k.balance, k.key, pc(k.share), pc(k.target), pc(k.tolerance),
                 k.neededTolerance.map(pc) ?? t(.noneNeeded), k.noFundableCandidate ? t(.noFundableCandidate) : (k.side == "below" ? t(.below) : t(.above))]
            }, rightAligned: [2, 3, 4, 5])
            let ids = r.elasticSelection.map { p.candidates[$0].id }
            out += (ids.isEmpty ? t(.elasticEngagedAlone) : t(.elasticShares, ids.joined(separator: ", "))) + "\n"
        }
        if let v = r.verification {
            let list = r.suggestedTolerances.map { "\(french ? balanceName($0.balance) : $0.balance) \(pc($0.tolerance))" }.joined(separator: ", ")
            out += t(.resolvedWith, list, french ? f.status(v.status) : v.status.rawValue)
            if v.status == .optimal || v.status == .feasible {
                out += t(.resolvedSelection, f.terminalInteger(v.finess), f.terminalInteger(v.acquisitions),
                         v.used.frenchString)
            }
            out += "\n"
        }
        return out
    }

    /// The diagnosis in a sentence of `language`, from its fields (the report's own `sentence`
    /// is English).
    public static func infeasibilitySentence(_ r: InfeasibilityReport, language: ReportLanguage) -> String {
        guard language == .fr else { return r.sentence }
        if let phrase = r.phrase { return phrase.text(language) }
        let t = Catalogue(language), f = ReportFormat(language)
        guard r.cause == .balance else {
            return r.cause == .unknown && r.keys.isEmpty && r.suggestedTolerances.isEmpty
                ? (r.provenInfeasible ? t(.hardBalanceNotCause) : t(.foundMeetingEveryKey)) + cutShort(r, t)
                : r.sentence
        }
        var parts: [String] = []
        for (name, tolerance) in r.suggestedTolerances {
            let keys = r.keys.filter { $0.balance == name }.map(\.key).joined(separator: ", ")
            parts.append(t(r.provenInfeasible ? .keysCannotBeMet : .keysNotFound, balanceName(name), keys, f.percent(tolerance)))
        }
        let zero = r.keys.filter { $0.neededTolerance == nil }
        if !zero.isEmpty { parts.append(t(.targetZero, zero.map { "\(balanceName($0.balance)) \($0.key)" }.joined(separator: ", "))) }
        let empty = r.keys.filter(\.noFundableCandidate)
        if !empty.isEmpty { parts.append(t(.emptyKeys, empty.map { "\(balanceName($0.balance)) \($0.key)" }.joined(separator: ", "))) }
        return parts.joined(separator: " ; ") + cutShort(r, t)
    }

    static func cutShort(_ r: InfeasibilityReport, _ t: Catalogue) -> String {
        guard r.cutShort else { return "" }
        let budget = r.timeBudget.map { ReportFormat(t.language).decimal($0, digits: 1) } ?? "?"
        return " ; " + t(.diagnosisCutShort, budget)
    }

    static func balanceName(_ name: String) -> String {
        name == "territory" ? "territorial" : name == "sector" ? "sectoriel" : name
    }

    static func causeName(_ c: InfeasibilityReport.Cause, _ t: Catalogue) -> String {
        switch c {
        case .balance: return t(.causeBalance)
        case .forcedOverEnvelope: return t(.causeForcedOver)
        case .forcedConflict: return t(.causeForcedConflict)
        case .minimumAcquisitions: return t(.causeMinimumAcquisitions)
        case .unknown: return t(.causeUnknown)
        }
    }

    public static func nextInLineText(_ changes: [NextInLineChange], language: ReportLanguage = .en) -> String {
        let t = Catalogue(language)
        guard !changes.isEmpty else { return "\n" + t(.nextNone) + "\n" }
        var out = "\n" + t(.nextTitle) + "\n"
        out += TextTable.render([[t(.headGrowth), t(.headEnvelope), t(.headESSMS), t(.headAcquisitions), t(.headScore), t(.headEntering), t(.headLeaving)]] + changes.map { c in
            [(c.proven ? "+" : "≤ +") + amount(c.growth), amount(c.budget), signed(c.deltaFiness), signed(c.deltaAcquisitions), signed(c.deltaScore),
             c.entering.joined(separator: ", "), c.leaving.joined(separator: ", ")]
        }, rightAligned: [0, 1, 2, 3, 4])
        out += t(.nextFootnote) + "\n"
        return out
    }

    static func amount(_ m: Money) -> String { m.frenchString.replacingOccurrences("€", "").trimmingSpaces }
    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : n < 0 ? "−\(-n)" : "0" }
}
