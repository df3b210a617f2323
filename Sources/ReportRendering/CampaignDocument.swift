// SPDX-License-Identifier: GPL-3.0-or-later
import CampaignYear
import ScenarioModel

/// `esms campaign`: the committees of the year, for a person and as the `campaign` JSON
/// document of the scenario contract (with more keys).
public enum CampaignDocument {
    public static func json(_ r: CampaignResult, scenario: Scenario) -> JSONValue {
        let committees: [JSONValue] = r.committees.map { c in
            .object([
                ("id", .string(c.committee.id)), ("date", .string(c.committee.date.iso)),
                ("deposits_until", .string(c.committee.cutoff.iso)),
                ("status", .string(c.status.rawValue)), ("sentence", .string(c.sentence)),
                ("selected", .array(c.selected.map { .string($0) })),
                ("used", .money(c.used)), ("left", .money(c.left)),
                ("carried_over", .array(c.carriedOver.map { .string($0) })),
                ("finess", .int(c.finess)), ("candidates", .int(c.candidates)),
                ("engaged_before", .money(c.engagedBefore)), ("reserve", .money(c.committee.reserve)),
                ("available", .money(c.available)),
                ("only_if_envelope_left", .bool(c.committee.onlyIfEnvelopeLeft)),
            ])
        }
        return .object([
            ("campaign", .string(r.campaign.id)), ("title", .string(r.campaign.title)),
            ("scenario", .string(scenario.spec.id)),
            ("notified", .money(scenario.spec.envelope.notified)),
            ("engaged_outside_tables", .money(scenario.spec.envelope.engaged)),
            ("engaged_before_campaign", .array(r.engagedBefore.map { .string($0) })),
            ("committees", .array(committees)),
            ("totals", .object([("selected", .int(r.selected.count)), ("used", .money(r.used)), ("left", .money(r.left)),
                                ("finess", .int(r.finess)), ("carried_over", .array(r.carriedOver.map { .string($0) }))])),
        ])
    }

    public static func text(_ r: CampaignResult, scenario: Scenario) -> String {
        let spec = scenario.spec
        var out = "\(r.campaign.title.isEmpty ? r.campaign.id : r.campaign.title)\n"
        out += "Scenario \(spec.id): notified \(spec.envelope.notified.frenchString)"
        if spec.envelope.engaged > .zero { out += ", engaged outside the tables \(spec.envelope.engaged.frenchString)" }
        out += "\n"
        if !r.engagedBefore.isEmpty {
            out += "Engaged before the campaign (kept engaged): \(r.engagedBefore.count) projects (\(list(r.engagedBefore)))\n"
        }
        for c in r.committees {
            out += "\nCommittee \(c.committee.id) — \(c.committee.date.french), deposits until \(c.committee.cutoff.french): \(c.status.rawValue)\n"
            if c.status == .skipped {
                out += "  \(c.sentence)\n"
            } else {
                out += "  available \(c.available.frenchString)"
                if c.committee.reserve > .zero { out += " (reserve kept back: \(c.committee.reserve.frenchString))" }
                out += "; \(c.candidates) candidates\n"
                out += "  selected \(c.selected.count) project\(c.selected.count == 1 ? "" : "s"), \(c.finess) ESSMS, \(c.used.frenchString) engaged"
                out += c.selected.isEmpty ? "\n" : ": \(list(c.selected))\n"
                if c.status != .optimal { out += "  \(c.sentence)\n" }
            }
            out += "  left after it: \(c.left.frenchString)\n"
            if !c.carriedOver.isEmpty {
                out += "  carried over (deposited after \(c.committee.cutoff.french)): \(c.carriedOver.count): \(list(c.carriedOver))\n"
            }
        }
        out += "\nYear: \(r.selected.count) projects selected by the committees, \(r.finess) ESSMS, \(r.used.frenchString) engaged; "
        out += "\(r.left.frenchString) left"
        if !r.carriedOver.isEmpty { out += "; \(r.carriedOver.count) admissible applications after the last cut-off" }
        return out + "\n"
    }

    static func list(_ ids: [String], limit: Int = 12) -> String {
        ids.count <= limit ? ids.joined(separator: ", ") : ids.prefix(limit).joined(separator: ", ") + " … (+\(ids.count - limit))"
    }
}
