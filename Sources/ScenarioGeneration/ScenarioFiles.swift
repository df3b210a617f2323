// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

/// Renders a generated pipeline as the files of the scenario contract
/// (`SCENARIO-FORMAT.md`): scenario.yaml, projects.csv, members.csv and, for the national
/// scope, regions.csv. CSV: `,`, UTF-8 without BOM, LF, ISO dates, `true` or empty booleans.
struct ScenarioFiles {
    let request: GenerationRequest
    let calendar: CampaignCalendar

    /// The arguments that regenerate the scenario (written as a comment in scenario.yaml).
    var command: String {
        var parts = ["esms generate"]
        switch request.scope {
        case .regional(let r): parts.append("--region \(r)")
        case .national: parts.append("--national")
        }
        parts.append("--projects \(request.projects) --seed \(request.seed)")
        if case .regional = request.scope, request.committee != nil { parts.append("--committee \(request.committeeDay.iso)") }
        if request.rules.name != "2024" { parts.append("--rules \(request.rules.name)") }
        return parts.joined(separator: " ")
    }

    private var header: String {
        """
        # Synthetic candidate pipeline over the real FINESS register (extract of 8 January 2021,
        # Licence Ouverte v2.0): the establishments are real, the projects are invented.
        # Regenerate with: \(command) -o <folder>

        """
    }

    private var common: String {
        """
        register: \(request.registerReference)
        projects: projects.csv
        members: members.csv
        policies:
          mixed_rank_order: acquisition-first
          amoa_requires: all-small
          second_tranche: per-essms
          minimum_size: { value: 15, hard: false }
        balance:
          territory: { basis: essms, tolerance: 0.20, mode: soft }
          sector: { basis: essms, tolerance: 0.25, mode: soft }
        objective: [finess, acquisition, score]
        simulation: { draws: 10000, seed: \(request.seed) }

        """
    }

    /// `funded_grappes:`, for joining projects that name a grappe of an earlier campaign.
    private func fundedGrappes(_ ids: [String]) -> String {
        ids.isEmpty ? "" : "funded_grappes: [\(ids.joined(separator: ", "))]   # funded at an earlier campaign\n"
    }

    func regionalScenario(region: Region, envelope: Envelope, fundedGrappes ids: [String]) -> GeneratedScenario.File {
        let committee = calendar.decisionDay
        let id = "\(FrenchNames.slug(region.name))-\(committee.year)-\(FrenchNames.slug(FrenchNames.months[committee.month - 1]))"
        let minus10 = Money(cents: envelope.notified.cents * 9 / 10 / 100 * 100)
        let reserve = Money(euros: envelope.notified.cents / 100 / 5 / 1000 * 1000)
        let text = header + """
        id: \(id)
        title: "ARS \(region.name) — comité du \(FrenchNames.date(committee))"
        rules: \(request.rules.name)
        scope: regional
        region: "\(region.code)"
        committee: { date: \(committee.iso), deposits_until: \(calendar.depositsUntil.iso) }
        envelope:
          notified: \(envelope.notified.decimalString)
          engaged: \(envelope.engaged.decimalString)
          reserve: \(envelope.reserve.decimalString)

        """ + fundedGrappes(ids) + common + """
        variants:
          - id: enveloppe-moins-10
            set: { envelope.notified: \(minus10.decimalString) }
          - id: reserve-septembre
            set: { envelope.reserve: \(reserve.decimalString) }
          - id: taille-minimale-stricte
            set: { policies.minimum_size.hard: true }

        """
        return GeneratedScenario.File(name: "scenario.yaml", contents: text)
    }

    func nationalScenario(fundedGrappes ids: [String]) -> GeneratedScenario.File {
        let text = header + """
        id: national-\(calendar.year)-redeploiement
        title: "CNSA — redéploiement des AE non engagées au \(FrenchNames.date(calendar.decisionDay))"
        rules: \(request.rules.name)
        scope: national
        date: \(calendar.decisionDay.iso)
        deadline: \(calendar.deadline.iso)
        regions: regions.csv

        """ + fundedGrappes(ids) + common + """
        redeployment: { policy: pooled }
        national_call: 15200000
        variants:
          - id: region-d-abord
            set: { redeployment.policy: own-first }
          - id: prorata-essms
            set: { redeployment.policy: prorata-essms }

        """
        return GeneratedScenario.File(name: "scenario.yaml", contents: text)
    }

    func regionsTable(_ regions: [RegionEnvelope]) -> GeneratedScenario.File {
        var lines = ["region,notified,engaged"]
        for r in regions { lines.append("\(r.region),\(r.notified.decimalString),\(r.engaged.decimalString)") }
        return GeneratedScenario.File(name: "regions.csv", contents: lines.joined(separator: "\n") + "\n")
    }

    func projectsTable(_ projects: [Project]) -> GeneratedScenario.File {
        var columns = ["id"]
        if calendar.national { columns.append("region") }
        columns += ["title", "porteur", "software", "referencing", "ght", "deposited"]
        if calendar.national { columns.append("ready") }
        columns += ["national_entity_agreement", "joins_grappe", "joins_agreement", "amoa_requested"]
        columns += ScoreCriterion.allCases.map(\.column)
        columns += ["planned_months", "si_maturity", "decision"]
        var lines = [columns.joined(separator: ",")]
        for p in projects {
            var f = [p.id]
            if calendar.national { f.append(p.region ?? "") }
            f += [Self.field(p.title), p.porteur.text, Self.field(p.software), p.referencing.rawValue, Self.bool(p.ght),
                  p.deposited.iso]
            if calendar.national { f.append(p.ready?.iso ?? "") }
            f += [Self.bool(p.nationalEntityAgreement), p.joinsGrappe ?? "", p.joinsGrappe == nil ? "" : Self.bool(p.joinsAgreement),
                  p.amoaRequested == .zero ? "" : p.amoaRequested.decimalString]
            f += p.scores.map { $0.map(String.init) ?? "" }
            f += [p.plannedMonths.map(String.init) ?? "", p.siMaturity.map(String.init) ?? "", p.decision.rawValue]
            lines.append(f.joined(separator: ","))
        }
        return GeneratedScenario.File(name: "projects.csv", contents: lines.joined(separator: "\n") + "\n")
    }

    func membersTable(_ projects: [Project]) -> GeneratedScenario.File {
        var lines = ["project,finess,mode,equipment_quote,saad_eligible_hours,saad_total_hours,other_eu_funds,"
            + "prior_esms_funding,sons_order,sons_validated,sons_cancelled,national_entity"]
        for p in projects {
            for m in p.members {
                let f = [p.id, m.finess.text, m.mode.rawValue, m.equipmentQuote?.decimalString ?? "",
                         m.saadEligibleHours.map(Self.hours) ?? "", m.saadTotalHours.map(Self.hours) ?? "",
                         Self.bool(m.otherEUFunds), Self.bool(m.priorFunding), Self.bool(m.sonsOrder),
                         m.sonsValidated?.iso ?? "", m.sonsCancelled?.iso ?? "", Self.bool(m.nationalEntity)]
                lines.append(f.joined(separator: ","))
            }
        }
        return GeneratedScenario.File(name: "members.csv", contents: lines.joined(separator: "\n") + "\n")
    }

    static func bool(_ b: Bool) -> String { b ? "true" : "" }

    static func hours(_ q: Quantity) -> String { String(q.raw / 10_000) }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = "\""
        for ch in s {
            if ch == "\"" { out += "\"\"" } else { out.append(ch) }
        }
        return out + "\""
    }
}
