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
        // [000 §3.2.A] "Un ESSMS ne peut percevoir un financement ESMS numérique si : … dans le cas où il
        // passe une commande … « Prestation Ségur », sa demande … concerne l'acquisition d'un autre
        // logiciel de DUI." Lifted when the order was cancelled: at any date in 2024; from 2025
        // before 17/04/2025 and before its VA [001 p.11].
        if m.mode == .acquisition, m.sonsOrder {
            if let deadline = rules.sonsCancellationDeadline {
                let limit = m.sonsValidated.map { min($0, deadline) } ?? deadline
                let vaNote = m.sonsValidated != nil && limit != deadline ? " (its VA date)" : ""
                if let c = m.sonsCancelled {
                    if c >= limit {
                        return x(.sonsNotCancelled, "acquisition by an ESSMS whose SONS order was cancelled on \(c.french), not before \(limit.french)\(vaNote)")
                    }
                } else {
                    return x(.sonsNotCancelled, "acquisition of another DUI by an ESSMS with a SONS « Prestation Ségur » order that was not cancelled (needed before \(limit.french)\(vaNote) from the \(rules.campaignYear) campaign)")
                }
            } else if m.sonsCancelled == nil {
                return x(.sonsNotCancelled, "acquisition of another DUI by an ESSMS with a SONS « Prestation Ségur » order that was not cancelled: the programme does not fund it [000 §3.2.A]")
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
        // 10. Joining a funded grappe [000 §3.2.D]: "Les projets d'ESSMS isolés consistant à rejoindre
        // un regroupement déjà financé … pourront être recevables aux conditions cumulatives
        // suivantes : avoir obtenu l'accord du porteur de la grappe préexistante …". The grappe must
        // be funded (an `engaged` project of the scenario or one of its `funded_grappes`).
        var joinsFunded = false
        if let g = p.joinsGrappe {
            if let funded = fundedGrappes, !funded.contains(g) {
                if scenarioProjects.contains(g) {
                    error("joins-unfunded-grappe", "joins the grappe '\(g)', which is not funded (not engaged): an isolated ESSMS may only join a grappe already funded; it can come back once '\(g)' is engaged")
                } else {
                    error("joins-unknown-grappe", "joins the grappe '\(g)', which is neither a project of the scenario nor one of its funded_grappes")
                }
            } else {
                joinsFunded = true
            }
            if !p.joinsAgreement {
                error("joins-without-agreement", "joining the funded grappe '\(g)' needs the agreement of its porteur")
            }
        }
        // 9. Minimum size (not for isolated ESSMS joining a funded grappe, nor overseas projects).
        let overseas = kept.allSatisfy { Geography.isOverseas(region: $0.1.region) }
        let minimum = rules.policies.minimumSize
        if !joinsFunded && !overseas && kept.count < minimum.value {
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
        if case .regional(let region, let committee, let depositsUntil) = context {
            if guichet == .national {
                out.append(RuleIssue(severity: .error, code: "national-desk",
                                     message: "\(kept.count) eligible ESSMS in \(regions.count) regions: the project belongs to the national call, not to a regional committee"))
            }
            if !regions.contains(region) {
                out.append(RuleIssue(severity: .warning, code: "outside-region",
                                     message: "no eligible ESSMS of the project is in region \(region)"))
            }
            // [000 §8] "Première quinzaine de juin, sélectionnant les candidatures déposées jusqu'à fin mai":
            // a project deposited after the cut-off is not before this committee (not ineligible).
            let cutoff = depositsUntil ?? committee
            if p.deposited > cutoff {
                let which = depositsUntil == nil ? "the committee of \(committee.french)" : "the cut-off of the committee of \(committee.french) (\(cutoff.french))"
                out.append(RuleIssue(severity: .warning, code: RuleIssue.afterCutoff,
                                     message: "deposited on \(p.deposited.french), after \(which): not before this committee, it goes to the next one"))
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
