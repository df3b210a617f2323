// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

/// Plants the ineligible cases, links the projects joining a funded grappe, and makes a few
/// ESSMS appear in two projects. Each planted case gets a project of its own, so that the
/// rule it breaks is the only one it breaks.
struct CasePlanter {
    let index: RegisterIndex
    let calendar: CampaignCalendar
    var rng: SplitMix64
    /// Each planted case and its projects' ids (filled once ids are assigned).
    private(set) var planted: [PlantedCase: [String]] = [:]

    init(index: RegisterIndex, calendar: CampaignCalendar, rng: SplitMix64) {
        self.index = index
        self.calendar = calendar
        self.rng = rng
    }

    /// Projects per planted case.
    private var count = 1

    mutating func plant(_ items: inout [Item], count: Int) {
        self.count = count
        let rules = calendar.rules, calendar = self.calendar, register = index.register
        // Desk cases are carried by their kind.
        for i in items.indices where items[i].draft.kind == .nationalDesk && !calendar.national {
            items[i].planted = .nationalDesk
        }
        do {
            pick(&items, .otherEUFunds, minMembers: 3) { p, rng in
                let i = rng.int(0...(p.members.count - 1))
                p.members[i].otherEUFunds = true
            }
            pick(&items, .priorFunding, minMembers: 3) { p, rng in
                for i in rng.shuffled(Array(p.members.indices)).prefix(rng.int(1...2)) { p.members[i].priorFunding = true }
            }
            pick(&items, .sonsValidatedEarly, minMembers: 3, where: { $0.members.contains { $0.mode == .upgrade } }) { p, rng in
                let i = rng.pick(p.members.indices.filter { p.members[$0].mode == .upgrade })!
                p.members[i].sonsOrder = true
                p.members[i].sonsValidated = rules.sonsValidationCutoff.adding(days: -rng.int(0...420))
                p.members[i].sonsCancelled = nil
            }
            pick(&items, .sonsNotCancelled, minMembers: 3, where: { $0.members.contains { $0.mode == .acquisition } }) { p, rng in
                let i = rng.pick(p.members.indices.filter { p.members[$0].mode == .acquisition })!
                p.members[i].sonsOrder = true
                p.members[i].sonsCancelled = nil
                p.members[i].sonsValidated = rng.chance(0.5) ? nil : rules.sonsValidationCutoff.adding(days: rng.int(30...300))
            }
            pick(&items, .comfortOnly, minMembers: 2, where: { p in
                p.members.contains { register[$0.finess]?.category == "460" && $0.saadTotalHours != nil }
            }) { p, rng in
                let i = rng.pick(p.members.indices.filter { p.members[$0].saadTotalHours != nil })!
                p.members[i].saadEligibleHours = Quantity(raw: 0)
            }
            pick(&items, .depositBeforeWindow) { p, rng in
                p.deposited = rules.regionalWindow.opens.adding(days: -rng.int(2...20))
            }
            if calendar.national {
                pick(&items, .depositAfterWindow) { p, rng in
                    p.deposited = rules.regionalWindow.closes.adding(days: rng.int(2...25))
                }
            } else {
                // A multi-regional project filed after its window closed (1 June), before the committee.
                let closes = rules.multiRegionalWindow.closes
                let room = calendar.decisionDay.ordinal - closes.ordinal - 1
                let done = room >= 2 && pick(&items, .depositAfterWindow, kinds: [.multiRegional]) { p, rng in
                    p.deposited = closes.adding(days: rng.int(2...min(12, room)))
                }
                if !done {
                    // Otherwise a project filed after the regional window (so after the committee too).
                    pick(&items, .depositAfterWindow) { p, rng in
                        p.deposited = rules.regionalWindow.closes.adding(days: rng.int(1...10))
                    }
                }
                pick(&items, .afterCutoff) { p, rng in
                    let last = min(rules.regionalWindow.closes, calendar.decisionDay.adding(days: 40))
                    p.deposited = calendar.day(calendar.decisionDay.adding(days: 3), last, &rng)
                }
            }
            pick(&items, .nationalEntityAgreement, minMembers: 2) { p, rng in
                for i in rng.shuffled(Array(p.members.indices)).prefix(rng.int(1...2)) { p.members[i].nationalEntity = true }
                p.nationalEntityAgreement = false
            }
            pick(&items, .joinsWithoutAgreement, kinds: [.joining]) { p, _ in p.joinsAgreement = false }
            pick(&items, .notReferenced, where: { p in
                !p.members.allSatisfy { [.ahi, .pjm].contains(register[$0.finess]?.sector) }
            }) { p, rng in
                let product = SoftwareCatalogue.pick(SoftwareCatalogue.unreferenced, &rng)
                p.title = p.title.replacing(p.software, with: product.name)
                p.software = product.name
                p.referencing = product.referencing
            }
        }
    }

    /// Plants `kind` on `count` candidate projects not used yet; false when none fits.
    @discardableResult
    private mutating func pick(_ items: inout [Item], _ kind: PlantedCase, kinds: [CandidateKind]? = nil,
                               minMembers: Int = 1, where fits: (Project) -> Bool = { _ in true },
                               _ apply: (inout Project, inout SplitMix64) -> Void) -> Bool {
        var choices = items.indices.filter { i in
            let item = items[i]
            guard item.planted == nil, item.project.decision == .candidate, item.project.members.count >= minMembers else { return false }
            guard kinds?.contains(item.draft.kind) ?? item.draft.kind.isRegular else { return false }
            return fits(item.project)
        }
        // Keep at least one joining project with its agreement.
        if kind == .joinsWithoutAgreement { choices = Array(choices.dropLast()) }
        rng.shuffle(&choices)
        for i in choices.prefix(count) {
            apply(&items[i].project, &rng)
            items[i].planted = kind
        }
        return !choices.isEmpty
    }

    /// Once ids are assigned: each joining project names an engaged grappe of its desk (or, if
    /// the desk has none, one funded at the previous campaign); the planted cases get their ids.
    mutating func linkJoiningProjects(_ items: inout [Item]) {
        var engagedByDesk: [String: [String]] = [:]
        for item in items where item.project.decision == .engaged { engagedByDesk[item.draft.desk, default: []].append(item.project.id) }
        for i in items.indices where items[i].draft.kind == .joining {
            let desk = items[i].draft.desk
            if let target = rng.pick(engagedByDesk[desk] ?? []) {
                items[i].project.joinsGrappe = target
            } else {
                let p = FrenchNames.regionPrefix[desk] ?? "R\(desk)"
                items[i].project.joinsGrappe = "\(p)-\(calendar.year - 1)-\(String(rng.int(101...180)))"
            }
        }
        for item in items {
            if let kind = item.planted { planted[kind, default: []].append(item.project.id) }
        }
    }

    /// Copies a few ESSMS into a second candidate grappe of the same desk (preferably of the
    /// same département): two consortia courting the same establishment. One comes from an
    /// engaged project, whose grant already holds it.
    mutating func addConflicts(_ items: inout [Item], count: Int) {
        // Small organisations' ESSMS only: a grappe of small OGs stays one.
        let smallKinds: [CandidateKind] = [.smallGrappe, .soloSmall]
        let candidates = items.indices.filter { items[$0].project.decision == .candidate && smallKinds.contains(items[$0].draft.kind) }
        let grappes = candidates.filter { items[$0].draft.kind == .smallGrappe }
        let engaged = items.indices.filter { items[$0].project.decision == .engaged && smallKinds.contains(items[$0].draft.kind) }
        var sources: [Int] = []
        if let e = rng.pick(engaged) { sources.append(e) }
        for _ in 0..<count { if let c = rng.pick(candidates) { sources.append(c) } }
        for s in sources {
            let clean = items[s].project.members.filter {
                !$0.otherEUFunds && !$0.priorFunding && !$0.nationalEntity && $0.saadEligibleHours?.raw != 0
                    && !($0.mode == .upgrade && $0.sonsValidated.map { $0 <= calendar.rules.sonsValidationCutoff } == true)
                    && !($0.sonsOrder && $0.mode == .acquisition && $0.sonsCancelled == nil)
            }
            guard let m = rng.pick(clean), let e = index.register[m.finess] else { continue }
            let targets = grappes.filter { t in
                t != s && items[t].draft.desk == items[s].draft.desk && items[t].planted == nil
                    && !items[t].project.members.contains { $0.finess == m.finess }
            }
            let near = targets.filter { items[$0].draft.departement == e.departement }
            guard let t = rng.pick(near.isEmpty ? targets : near) else { continue }
            var copy = m
            copy.mode = items[t].project.members.contains { $0.mode == .acquisition } ? .acquisition : .upgrade
            if copy.mode == .acquisition { copy.sonsOrder = false; copy.sonsValidated = nil; copy.sonsCancelled = nil }
            items[t].project.members.append(copy)
        }
    }
}
