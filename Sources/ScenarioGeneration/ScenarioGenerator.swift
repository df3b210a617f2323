// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

/// Generates a realistic synthetic candidate pipeline over a real register: grappes built by
/// organisation and département, modes, SAAD hours, quotes, scores, dates, earlier decisions,
/// conflicts, and a few ineligible cases of every kind. Pure: the same register and request
/// give the same files, byte for byte (one seeded generator, sorted iteration everywhere).
public struct ScenarioGenerator {
    public let register: Register

    public init(register: Register) {
        self.register = register
    }

    public func generate(_ request: GenerationRequest) throws(GenerationError) -> GeneratedScenario {
        guard (10...20_000).contains(request.projects) else { throw .projectCount(request.projects) }
        let rules = request.rules
        let index = RegisterIndex(register: register, rules: rules)
        var rng = SplitMix64(seed: request.seed)
        var used: Set<FINESS> = []
        var drafts: [Draft] = []
        let calendar: CampaignCalendar
        switch request.scope {
        case .regional(let raw):
            let region = raw.count == 1 ? "0" + raw : raw
            guard Geography.regionsByCode[region] != nil else { throw .unknownRegion(raw) }
            guard index.byRegion[region]?.isEmpty == false else { throw .regionWithoutESSMS(region) }
            let committee = request.committeeDay
            guard committee.year == rules.campaignYear else { throw .committeeOutsideCampaign(committee, year: rules.campaignYear) }
            calendar = CampaignCalendar(rules: rules, national: false, decisionDay: committee,
                                        deadline: Day(year: rules.campaignYear, month: 12, day: 31)!)
            var builder = GrappeBuilder(index: index, region: region)
            drafts = builder.build(GrappeBuilder.plan(count: request.projects, regional: true), used: &used, rng: &rng)
        case .national:
            calendar = CampaignCalendar(rules: rules, national: true,
                                        decisionDay: Day(year: rules.campaignYear, month: 10, day: 15)!,
                                        deadline: Day(year: rules.campaignYear, month: 12, day: 31)!)
            // The national call first: organisations with ≥ 50 ESSMS over several regions.
            let nationalCount = max(2, Int((Double(request.projects) * 0.004).rounded()))
            for _ in 0..<nationalCount {
                if let d = GrappeBuilder.nationalDesk(index: index, desk: nil, present: nil, used, &rng) {
                    for e in d.members { used.insert(e.finess) }
                    drafts.append(d)
                }
            }
            let shares = Self.apportion(request.projects - drafts.count, index: index)
            for (region, count) in shares where count > 0 {
                var regionRNG = rng.fork()
                var builder = GrappeBuilder(index: index, region: region)
                drafts += builder.build(GrappeBuilder.plan(count: count, regional: false), used: &used, rng: &regionRNG)
            }
        }
        return assemble(drafts, request: request, index: index, calendar: calendar, rng: &rng)
    }

    /// Projects per region, pro rata of their ESSMS (largest remainders), in region-code order.
    static func apportion(_ total: Int, index: RegisterIndex) -> [(String, Int)] {
        let regions = Geography.regions.map(\.code).sorted()
        let counts = regions.map { index.byRegion[$0]?.count ?? 0 }
        let all = counts.reduce(0, +)
        guard all > 0, total > 0 else { return regions.map { ($0, 0) } }
        var shares = counts.map { total * $0 / all }
        let remainders = counts.indices.map { (total * counts[$0]) % all }
        let order = counts.indices.sorted { (remainders[$0], -$0) > (remainders[$1], -$1) }
        for i in order.prefix(total - shares.reduce(0, +)) { shares[i] += 1 }
        return Array(zip(regions, shares))
    }

    private func assemble(_ drafts: [Draft], request: GenerationRequest, index: RegisterIndex,
                          calendar: CampaignCalendar, rng: inout SplitMix64) -> GeneratedScenario {
        let decorator = ProjectDecorator(index: index, calendar: calendar)
        // Earlier decisions on regular drafts: engaged at an earlier committee, or rejected.
        var decisions = [Decision](repeating: .candidate, count: drafts.count)
        let regular = drafts.indices.filter { drafts[$0].kind.isRegular }
        let n = drafts.count
        let engagedCount = max(2, Int((Double(n) * (calendar.national ? 0.05 : 0.04)).rounded()))
        let rejectedCount = max(1, Int((Double(n) * 0.02).rounded()))
        let shuffled = rng.shuffled(regular)
        for i in shuffled.prefix(engagedCount) { decisions[i] = .engaged }
        for i in shuffled.dropFirst(engagedCount).prefix(rejectedCount) { decisions[i] = .rejected }

        var items: [Item] = drafts.indices.map { i in
            Item(draft: drafts[i], project: decorator.project(drafts[i], decision: decisions[i], rng: &rng))
        }
        var planter = CasePlanter(index: index, calendar: calendar, rng: rng.fork())
        planter.plant(&items, count: max(1, Int((Double(n) / 75).rounded())))

        // Ids in deposit order, as an ARS numbers the files it receives.
        items.sort { a, b in
            (a.project.deposited, a.draft.desk, a.draft.porteur, a.draft.members[0].finess)
                < (b.project.deposited, b.draft.desk, b.draft.porteur, b.draft.members[0].finess)
        }
        let prefix: String
        switch request.scope {
        case .regional(let r): prefix = FrenchNames.regionPrefix[r.count == 1 ? "0" + r : r] ?? "R\(r)"
        case .national: prefix = "N"
        }
        let width = max(calendar.national ? 4 : 3, String(items.count).count)
        for i in items.indices {
            let number = String(i + 1)
            items[i].project.id = prefix + "-" + String(repeating: "0", count: max(0, width - number.count)) + number
        }
        planter.linkJoiningProjects(&items)
        planter.addConflicts(&items, count: max(2, Int((Double(n) * 0.03).rounded())))
        var planted = planter.planted
        for item in items where item.project.decision == .candidate && item.project.members.count < 15
            && item.draft.kind != .joining && !item.draft.members.allSatisfy({ Geography.regionsByCode[$0.region]?.overseas == true }) {
            planted[.belowMinimumSize, default: []].append(item.project.id)
        }
        for k in planted.keys { planted[k]!.sort() }

        let projects = items.map(\.project)
        var holders: [FINESS: Int] = [:]
        for p in projects { for m in p.members { holders[m.finess, default: 0] += 1 } }
        let conflicts = holders.keys.filter { holders[$0]! > 1 }.sorted()

        let engine = FundingEngine(rules: request.rules, register: register,
                                   context: calendar.national ? .national(date: calendar.decisionDay)
                                                              : .regional(region: items.first?.draft.desk ?? "", committee: calendar.decisionDay))
        var engagedByRegion: [String: Money] = [:]
        for item in items where item.project.decision == .engaged {
            engagedByRegion[item.draft.desk, default: .zero] += engine.assess(item.project).amount.total
        }
        let writer = ScenarioFiles(request: request, calendar: calendar)
        let ids = Set(projects.map(\.id))
        let fundedElsewhere = Array(Set(projects.compactMap(\.joinsGrappe).filter { !ids.contains($0) })).sorted()
        var files: [GeneratedScenario.File] = []
        var regions: [RegionEnvelope] = []
        var envelope: Envelope?
        switch request.scope {
        case .regional(let raw):
            let region = Geography.regionsByCode[raw.count == 1 ? "0" + raw : raw]!
            let earlier = Money(euros: Int64((Double(region.envelope2024.cents / 100) * rng.double(0.03...0.08) / 1000).rounded()) * 1000)
            envelope = Envelope(notified: region.envelope2024, engaged: earlier)
            files.append(writer.regionalScenario(region: region, envelope: envelope!, fundedGrappes: fundedElsewhere))
        case .national:
            for region in Geography.regions.sorted(by: { $0.code < $1.code }) {
                let target = Int64((Double(region.envelope2024.cents) * rng.double(0.40...0.85)).rounded())
                let listed = engagedByRegion[region.code] ?? .zero
                let engaged = Money(euros: max(0, target - listed.cents) / 100)
                regions.append(RegionEnvelope(region: region.code, notified: region.envelope2024, engaged: engaged))
            }
            files.append(writer.nationalScenario(fundedGrappes: fundedElsewhere))
            files.append(writer.regionsTable(regions))
        }
        files.append(writer.projectsTable(projects))
        files.append(writer.membersTable(projects))
        var kinds: [String: CandidateKind] = [:]
        for item in items { kinds[item.project.id] = item.draft.kind }
        return GeneratedScenario(files: files, projects: projects, kinds: kinds, planted: planted, conflicts: conflicts,
                                 regions: regions, envelope: envelope)
    }
}

/// A project with the draft it came from.
struct Item {
    var draft: Draft
    var project: Project
    /// The ineligible case planted on it, if any.
    var planted: PlantedCase?
}
