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

    public static func text(_ r: CampaignResult, scenario: Scenario, language: ReportLanguage = .en) -> String {
        let t = Catalogue(language), f = ReportFormat(language)
        let french = language == .fr
        let n = f.terminalInteger
        let separator = french ? " ; " : "; "
        let spec = scenario.spec
        var out = "\(r.campaign.title.isEmpty ? r.campaign.id : r.campaign.title)\n"
        out += t(.campScenario, spec.id, spec.envelope.notified.frenchString)
        if spec.envelope.engaged > .zero { out += t(.campEngagedOutside, spec.envelope.engaged.frenchString) }
        out += "\n"
        if !r.engagedBefore.isEmpty {
            out += t(.campEngagedBefore, n(r.engagedBefore.count), list(r.engagedBefore)) + "\n"
        }
        for c in r.committees {
            let status = french ? committeeStatus(c.status) : c.status.rawValue
            out += "\n" + t(.campCommittee, c.committee.id, c.committee.date.french, c.committee.cutoff.french, status) + "\n"
            if c.status == .skipped {
                out += "  \(c.sentence)\n"
            } else {
                out += t(.campAvailable, c.available.frenchString)
                if c.committee.reserve > .zero { out += t(.campReserve, c.committee.reserve.frenchString) }
                out += separator + t(.campCandidates, n(c.candidates)) + "\n"
                out += french || c.selected.count != 1 ? t(.campSelected, n(c.selected.count), n(c.finess), c.used.frenchString)
                    : "  selected 1 project, \(c.finess) ESSMS, \(c.used.frenchString) engaged"
                out += c.selected.isEmpty ? "\n" : (french ? " : " : ": ") + "\(list(c.selected))\n"
                if c.status != .optimal { out += "  \(c.sentence)\n" }
            }
            out += t(.campLeft, c.left.frenchString) + "\n"
            if !c.carriedOver.isEmpty {
                out += t(.campCarried, c.committee.cutoff.french, n(c.carriedOver.count), list(c.carriedOver)) + "\n"
            }
        }
        out += "\n" + t(.campYear, n(r.selected.count), n(r.finess), r.used.frenchString) + t(.campYearLeft, r.left.frenchString)
        if !r.carriedOver.isEmpty { out += separator + t(.campYearCarried, n(r.carriedOver.count)) }
        return out + "\n"
    }

    static func committeeStatus(_ s: CommitteeOutcome.Status) -> String {
        switch s {
        case .optimal: return "optimale (prouvée)"
        case .feasible: return "réalisable (non prouvée optimale)"
        case .infeasible: return "impossible"
        case .timeLimit: return "indécise (limite de la recherche atteinte)"
        case .solverError: return "erreur du solveur"
        case .skipped: return "sans objet"
        }
    }

    static func list(_ ids: [String], limit: Int = 12) -> String {
        ids.count <= limit ? ids.joined(separator: ", ") : ids.prefix(limit).joined(separator: ", ") + " … (+\(ids.count - limit))"
    }
}
