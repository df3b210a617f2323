// SPDX-License-Identifier: GPL-3.0-or-later
import CampaignYear
import ScenarioModel

/// `esms followup`: the payments of the second tranche, as the `followup` JSON document of the
/// scenario contract (with more keys), text for a person and the accountant's CSV.
public enum FollowupDocument {
    public static func json(_ r: FollowupResult) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("scenario", .string(r.scenario)), ("as_of", .string(r.asOf.iso)),
            ("second_tranche", .string(r.policy.rawValue)), ("funded", .string(r.fundedBasis)),
            ("totals", totals(r.totals)),
        ]
        if !r.regions.isEmpty {
            pairs.append(("regions", .array(r.regions.map { .object([("region", .string($0.region))] + totalPairs($0.totals)) })))
        }
        pairs.append(("projects", .array(r.projects.map(project))))
        return .object(pairs)
    }

    static func totals(_ t: FollowupTotals) -> JSONValue { .object(totalPairs(t)) }

    static func totalPairs(_ t: FollowupTotals) -> [(String, JSONValue)] {
        [("granted", .money(t.granted)), ("first_half", .money(t.firstHalf)), ("second_half_due", .money(t.secondHalfDue)),
         ("withheld", .money(t.withheld)), ("to_recover", .money(t.toRecover)),
         ("essms_meeting_targets", .int(t.essmsMeetingTargets)), ("active_dui", .int(t.activeDUI)),
         ("essms", .int(t.essms)), ("essms_reported", .int(t.reported)),
         ("withheld_by_reason", .object(WithholdReason.allCases.map { ($0.rawValue, .money(t.withheldBy[$0] ?? .zero)) }))]
    }

    static func project(_ p: FollowupProject) -> JSONValue {
        let t = p.totals
        return .object([
            ("id", .string(p.id)), ("committee", p.committee.map { .string($0) } ?? .null),
            ("ended", .bool(p.ended)), ("ended_on", p.endedOn.map { .string($0.iso) } ?? .null),
            ("certified", .bool(p.certified)),
            ("granted", .money(t.granted)), ("first_half", .money(t.firstHalf)), ("second_half_due", .money(t.secondHalfDue)),
            ("withheld", .money(t.withheld)), ("to_recover", .money(t.toRecover)),
            ("essms_meeting_targets", .int(t.essmsMeetingTargets)), ("active_dui", .int(t.activeDUI)),
            ("essms", .array(p.essms.map(essms))),
        ])
    }

    static func essms(_ e: FollowupESSMS) -> JSONValue {
        .object([
            ("finess", .string(e.finess.text)), ("sector", .string(e.sector.rawValue)),
            ("granted", .money(e.granted)), ("granted_at_signature", .money(e.grantedAtSignature)),
            ("first_half", .money(e.firstHalf)), ("second_half_due", .money(e.secondHalfDue)),
            ("withheld", .money(e.withheld)), ("to_recover", .money(e.toRecover)),
            ("period_end", e.report.map { .string($0.periodEnd.iso) } ?? .null),
            ("reports_after_as_of", .int(e.ignoredReports)),
            ("active_records", e.report.map { .int($0.activeRecords) } ?? .null),
            ("rates", .object(UsageIndicator.allCases.map { k in (k.rawValue, e.rates[k].map { .double($0) } ?? .null) })),
            ("met", .object(UsageIndicator.allCases.map { k in (k.rawValue, e.met[k].map { .bool($0) } ?? .null) })),
            ("exempt", .array(e.exempt.map { .string($0.rawValue) })),
            ("all_met", .bool(e.allMet)), ("certified", .bool(e.certified)),
            ("reason", e.reason.map { .string($0.rawValue) } ?? .null),
            ("reasons", .array(e.reasons.map { .string($0.rawValue) })),
            ("withheld_by_policy", .bool(e.withheldByPolicy)),
        ])
    }

    public static func text(_ r: FollowupResult, language: ReportLanguage = .en) -> String {
        let c = Catalogue(language), f = ReportFormat(language)
        let french = language == .fr
        let n = f.terminalInteger
        var out = c(.fupTitle, r.scenario, r.asOf.french, r.policy.rawValue, r.fundedBasis) + "\n\n"
        var rows: [[String]] = [[c(.headProject), c(.headESSMS), c(.headMet), c(.headEnded), c(.headCertified), c(.headGranted),
                                 c(.headFirstHalf), c(.headSecondHalf), c(.headWithheld), c(.headToRecover)]]
        func euros(_ m: Money) -> String { m.frenchString.replacingOccurrences("€", "").trimmingSpaces }
        for p in r.projects {
            let t = p.totals
            rows.append([p.id, n(t.essms), n(t.essmsMeetingTargets), p.endedOn?.french ?? (french ? "non" : "no"),
                         p.certified ? (french ? "oui" : "yes") : (french ? "non" : "no"),
                         euros(t.granted), euros(t.firstHalf), euros(t.secondHalfDue), euros(t.withheld),
                         t.toRecover > .zero ? euros(t.toRecover) : ""])
        }
        out += TextTable.render(rows, rightAligned: [1, 2, 5, 6, 7, 8, 9])
        let t = r.totals
        out += "\n" + c(.fupTotals, n(r.projects.count), n(t.essms), n(t.reported), r.asOf.french, t.granted.frenchString,
                        t.firstHalf.frenchString, t.secondHalfDue.frenchString, t.withheld.frenchString, t.toRecover.frenchString) + "\n"
        let by = WithholdReason.allCases.compactMap { k in t.withheldBy[k].map { "\(f.withholdReason(k)) \($0.frenchString)" } }
        if !by.isEmpty { out += c(.fupWithheldBy, by.joined(separator: ", ")) + "\n" }
        out += c(.fupMeeting, n(t.essmsMeetingTargets), n(t.essms), n(t.activeDUI)) + "\n"
        for g in r.regions {
            out += c(.fupRegion, g.region, n(g.totals.essms), g.totals.secondHalfDue.frenchString, g.totals.withheld.frenchString,
                     n(g.totals.essmsMeetingTargets), n(g.totals.activeDUI)) + "\n"
        }
        let recover = r.projects.flatMap { p in p.essms.filter { $0.toRecover > .zero }.map { (p.id, $0) } }
        if !recover.isEmpty {
            out += "\n" + c(.fupRecoverTitle) + "\n"
            for (id, e) in recover {
                out += c(.fupRecoverLine, id, e.finess.text, e.granted.frenchString, e.firstHalf.frenchString, e.toRecover.frenchString) + "\n"
            }
        }
        return out
    }

    /// The payments to order, for the accountant: one row per ESSMS whose second half is due
    /// (`paiement`) or with an amount to recover (`reversement`).
    public static func csv(_ r: FollowupResult, scenario: Scenario) -> ExcelCSV {
        var t = ExcelCSV(header: ["operation", "projet", "porteur", "finess", "etablissement", "montant_accorde",
                                  "premiere_moitie_versee", "montant", "date_arrete"])
        let porteurs = Dictionary(scenario.projects.map { ($0.id, $0.porteur.text) }, uniquingKeysWith: { a, _ in a })
        for p in r.projects {
            for e in p.essms where e.secondHalfDue > .zero || e.toRecover > .zero {
                let recover = e.toRecover > .zero
                t.append([recover ? "reversement" : "paiement", p.id, porteurs[p.id] ?? "", e.finess.text,
                          scenario.register[e.finess]?.name ?? "", ExcelCSV.money(e.granted), ExcelCSV.money(e.firstHalf),
                          ExcelCSV.money(recover ? e.toRecover : e.secondHalfDue), r.asOf.french])
            }
        }
        return t
    }
}
