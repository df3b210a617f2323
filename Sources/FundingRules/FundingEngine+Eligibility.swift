// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

extension FundingEngine {
    /// ESSMS-level exclusions (RULES.md §3, 1–5), first applicable reason.
    func exclusion(of m: Member) -> Exclusion? {
        func x(_ r: ExclusionReason, _ s: String) -> Exclusion { Exclusion(finess: m.finess, reason: r, message: s) }
        if m.otherEUFunds {
            return x(.otherEUFunds, "the operation already receives other European structural funds (FEDER, FSE…)")
        }
        if m.priorFunding {
            return x(.priorFunding, "the ESSMS was already funded by ESMS numérique for a DUI; the programme never funds two DUI for one ESSMS")
        }
        if m.mode == .upgrade, let va = m.sonsValidated, va <= rules.sonsValidationCutoff {
            return x(.sonsValidatedEarly, "upgrade whose SONS Ségur service was validated on \(va.french), on or before \(rules.sonsValidationCutoff.french)")
        }
        if m.mode == .acquisition, m.sonsOrder, let deadline = rules.sonsCancellationDeadline {
            let limit = m.sonsValidated.map { min($0, deadline) } ?? deadline
            if let c = m.sonsCancelled {
                if c >= limit {
                    return x(.sonsNotCancelled, "acquisition by an ESSMS whose SONS order was cancelled on \(c.french), not before \(limit.french)\(m.sonsValidated != nil && limit != deadline ? " (its VA date)" : "")")
                }
            } else {
                return x(.sonsNotCancelled, "acquisition by an ESSMS with a SONS order that was not cancelled (needed before \(limit.french) from the \(rules.campaignYear) campaign)")
            }
        }
        if let e = m.saadEligibleHours, e.raw == 0 {
            return x(.comfortOnly, "the service offers only comfort services (0 eligible hours of APA, PCH or other medico-social help)")
        }
        return nil
    }

    /// Project-level conditions read on the ESSMS left after exclusions (RULES.md §3, 6–10).
    func projectIssues(_ p: Project, kept: [(Member, Establishment)]) -> [RuleIssue] {
        var out: [RuleIssue] = []
        func error(_ code: String, _ s: String) { out.append(RuleIssue(severity: .error, code: code, message: s)) }
        func warning(_ code: String, _ s: String) { out.append(RuleIssue(severity: .warning, code: code, message: s)) }
        if p.members.isEmpty {
            error("no-members", "the project lists no ESSMS")
            return out
        }
        if kept.isEmpty {
            error("no-eligible-essms", "every ESSMS of the project is excluded")
            return out
        }
        // 6. One DUI solution.
        let others = kept.contains { $0.0.software != nil }
            ? Set(kept.compactMap { $0.0.software }.filter { $0.lowercased() != p.software.lowercased() }) : []
        if !others.isEmpty {
            error("several-solutions", "all ESSMS must use the same DUI solution: the project deploys \(p.software) but members name \(others.sorted().joined(separator: ", "))")
        }
        // 7. Referencing.
        let exempt = kept.allSatisfy { $0.1.sector == .ahi || $0.1.sector == .pjm }
        switch p.referencing {
        case .segurMedicoSocial: break
        case .segurHospital:
            if !p.ght && !exempt {
                error("hospital-corridor-not-ght", "a hospital-corridor DPI is admissible only for a GHT porteur with a procurement contract covering the ESSMS, a functional coverage study and no other EU or HOP'EN aid")
            }
        case .inProgress:
            warning("referencing-in-progress", "the solution is being Ségur-referenced: the referencing is due before set-up")
        case .none:
            if !exempt {
                error("not-referenced", "the solution is not Ségur-referenced (vague 1, medico-social corridor); only projects made of AHI and PJM ESSMS are exempt")
            }
        }
        // 8. National entity.
        if !p.nationalEntityAgreement, kept.contains(where: { $0.0.nationalEntity }) {
            let attached = kept.filter { $0.0.nationalEntity }
            error("national-entity-agreement", "\(attached.count) ESSMS attached to a national entity (\(attached.map { $0.0.finess.text }.prefix(3).joined(separator: ", "))) need that entity's written agreement")
        }
        // 10. Joining a funded grappe.
        if let g = p.joinsGrappe, !p.joinsAgreement {
            error("joins-without-agreement", "joining the funded grappe '\(g)' needs the agreement of its porteur")
        }
        // 9. Minimum size (not for an ESSMS joining a grappe, nor overseas projects).
        let overseas = kept.allSatisfy { Geography.isOverseas(region: $0.1.region) }
        let minimum = rules.policies.minimumSize
        if p.joinsGrappe == nil && !overseas && kept.count < minimum.value {
            let s = "\(kept.count) eligible ESSMS, below the recommended size of \(minimum.value)"
            if minimum.hard { error("below-minimum-size", s) } else { warning("below-minimum-size", s) }
        }
        if !kept.contains(where: { $0.1.ej == p.porteur }) && register.ogSize[p.porteur] == nil {
            warning("porteur-unknown", "the porteur \(p.porteur) runs no ESSMS of the register")
        }
        return out
    }

    /// Desk (RULES.md §3, 11) and deposit window (12).
    func deskAndWindowIssues(_ p: Project, kept: [(Member, Establishment)], regions: [String], guichet: Guichet) -> [RuleIssue] {
        var out: [RuleIssue] = []
        guard !kept.isEmpty else { return out }
        let window: RuleSet.Window, windowName: String
        if guichet == .national {
            (window, windowName) = (rules.nationalCallWindow, "national call")
        } else if regions.count > 1 {
            (window, windowName) = (rules.multiRegionalWindow, "multi-regional projects filed with an ARS")
        } else {
            (window, windowName) = (rules.regionalWindow, "regional call")
        }
        if case .regional(let region, let committee) = context {
            if guichet == .national {
                out.append(RuleIssue(severity: .error, code: "national-desk",
                                     message: "\(kept.count) eligible ESSMS in \(regions.count) regions: the project belongs to the national call, not to a regional committee"))
            }
            if !regions.contains(region) {
                out.append(RuleIssue(severity: .warning, code: "outside-region",
                                     message: "no eligible ESSMS of the project is in region \(region)"))
            }
            if p.deposited > committee {
                out.append(RuleIssue(severity: .error, code: "after-committee",
                                     message: "filed on \(p.deposited.french), after the committee of \(committee.french): it goes to a later committee"))
            }
        }
        if p.deposited < window.opens {
            out.append(RuleIssue(severity: .error, code: "deposit-before-window",
                                 message: "filed on \(p.deposited.french), before the \(windowName) opened (\(window.opens.french))"))
        } else if p.deposited > window.closes {
            out.append(RuleIssue(severity: .error, code: "deposit-after-window",
                                 message: "filed on \(p.deposited.french), after the \(windowName) closed (\(window.closes.french))"))
        }
        return out
    }
}
