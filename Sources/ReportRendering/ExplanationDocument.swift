// SPDX-License-Identifier: GPL-3.0-or-later
import Selection

/// A project's explanation as JSON.
public enum ExplanationDocument {
    public static func json(_ e: ProjectExplanation) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("id", .string(e.id)), ("decision", .string(e.decision.rawValue)),
                                            ("code", .string(e.code)), ("reason", .string(e.reason))]
        if let a = e.amount { pairs.append(("amount", .money(a))) }
        if let f = e.finess { pairs.append(("finess", .int(f))) }
        if let a = e.acquisitions { pairs.append(("acquisition", .int(a))) }
        if !e.conflicts.isEmpty {
            pairs.append(("conflicts", .array(e.conflicts.map {
                .object([("project", .string($0.project)), ("finess", .string($0.finess.text))])
            })))
        }
        if let c = e.forcingCost {
            pairs.append(("forcing_cost", .object([("finess", .int(c.finess)), ("acquisition", .int(c.acquisitions)),
                                                   ("score", .int(c.score)),
                                                   ("ranked", .array(e.rankedTerms.map { .string($0.rawValue) })),
                                                   ("dropped", .array(e.dropped.map { .string($0) })),
                                                   ("proven", .bool(e.proven))])))
            pairs.append(("envelope_to_enter", e.envelopeToEnter.map { .money($0) } ?? .null))
        }
        if let r = e.removal {
            pairs.append(("removal", .object([("frees", .money(r.freed)), ("finess_lost", .int(r.finessLost)),
                                              ("replaced_by", .array(r.replacedBy.map { .string($0) })),
                                              ("proven", .bool(e.proven))])))
        }
        return .object(pairs)
    }
}
