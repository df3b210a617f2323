// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// What kind of candidate a generated project is; it decides its size, its members and its dates.
public enum CandidateKind: String, CaseIterable, Hashable, Sendable {
    /// A large OG filing for its own ESSMS.
    case ownOrganisation
    /// Small OGs of one or neighbouring départements pooled into a grappe of 8–40 ESSMS.
    case smallGrappe
    /// A small OG filing alone (below the recommended size: a warning).
    case soloSmall
    /// ≥ 50 ESSMS in one region (volume rates from rank 50).
    case volume
    /// ≥ 50 ESSMS in several regions: the national call's desk.
    case nationalDesk
    /// Fewer than 50 ESSMS over two regions, filed with one ARS (multi-regional window).
    case multiRegional
    /// A GHT extending its hospital-corridor DPI to the ESSMS its hospitals run.
    case ght
    /// Only AHI and PJM ESSMS: no referencing obligation.
    case ahiPjm
    /// An isolated ESSMS joining a grappe funded earlier.
    case joining

    /// Kinds that carry engaged and rejected decisions and planted cases.
    public var isRegular: Bool { self == .ownOrganisation || self == .smallGrappe || self == .soloSmall }
}

/// A candidate before its attributes are drawn: who files, for which ESSMS.
struct Draft {
    var kind: CandidateKind
    /// Region of the ARS desk that instructs it.
    var desk: String
    var porteur: FINESS
    /// Members in table order: the porteur's ESSMS first.
    var members: [Establishment]
    /// The département most members are in.
    var departement: String
}

/// Builds the drafts of one ARS desk from the ESSMS not used yet.
struct GrappeBuilder {
    let index: RegisterIndex
    let region: String
    /// The region's départements, sorted; a département's neighbour is the next one.
    let departements: [String]
    /// OGs with ESSMS in the region, sorted, and their ESSMS in the region.
    let ogs: [FINESS]
    let ogEssms: [FINESS: [Establishment]]
    let departementIndex: [String: Int]
    /// Small and large OGs of the region still holding free ESSMS (pruned as they run out).
    private var smallOGs: [FINESS]
    private var largeOGs: [FINESS]

    init(index: RegisterIndex, region: String) {
        self.index = index
        self.region = region
        let list = index.byRegion[region] ?? []
        departements = Array(Set(list.map(\.departement))).sorted()
        departementIndex = Dictionary(uniqueKeysWithValues: departements.enumerated().map { ($1, $0) })
        var by: [FINESS: [Establishment]] = [:]
        for e in list { by[e.ej, default: []].append(e) }
        ogEssms = by
        ogs = by.keys.sorted()
        smallOGs = ogs.filter { index.isSmall($0, region: region) }
        largeOGs = ogs.filter { !index.isSmall($0, region: region) }
    }

    /// The kinds to build for `count` projects, in building order (rare kinds first).
    static func plan(count: Int, regional: Bool) -> [CandidateKind] {
        func share(_ f: Double, _ minimum: Int) -> Int { max(minimum, Int((Double(count) * f).rounded())) }
        var kinds: [CandidateKind] = []
        if regional { kinds += Array(repeating: .nationalDesk, count: share(0.008, 1)) }
        if count >= 30 {
            kinds += Array(repeating: .multiRegional, count: share(0.012, 1))
            kinds += Array(repeating: .ght, count: 1 + count / 400)
            kinds += Array(repeating: .volume, count: share(0.015, 1))
        }
        if count >= 15 { kinds += Array(repeating: .ahiPjm, count: share(0.015, 1)) }
        kinds += Array(repeating: .joining, count: share(0.03, count >= 30 ? 2 : 1))
        let rest = max(0, count - kinds.count)
        let own = Int((Double(rest) * 0.16).rounded()), grappes = Int((Double(rest) * 0.13).rounded())
        kinds += Array(repeating: .ownOrganisation, count: own)
        kinds += Array(repeating: .smallGrappe, count: grappes)
        kinds += Array(repeating: .soloSmall, count: rest - own - grappes)
        return kinds
    }

    /// Builds `kinds`; a kind the region cannot supply is replaced by a smaller one.
    mutating func build(_ kinds: [CandidateKind], used: inout Set<FINESS>, rng: inout SplitMix64) -> [Draft] {
        var out: [Draft] = []
        // Other desks' multi-regional projects may have taken ESSMS of this region.
        let start = used, essms = ogEssms
        let exhausted: (FINESS) -> Bool = { ej in !(essms[ej] ?? []).contains { !start.contains($0.finess) } }
        smallOGs.removeAll(where: exhausted)
        largeOGs.removeAll(where: exhausted)
        for kind in kinds {
            let fallbacks: [CandidateKind] = [kind, .smallGrappe, .soloSmall, .ownOrganisation]
            for k in fallbacks {
                if let d = draft(k, used: used, rng: &rng) {
                    for e in d.members { used.insert(e.finess) }
                    // An organisation files one project for its own ESSMS.
                    if d.kind == .ownOrganisation { largeOGs.removeAll { $0 == d.porteur } }
                    let touched = Set(d.members.map(\.ej))
                    let done = touched.filter { !hasFree($0, used) }
                    if !done.isEmpty {
                        smallOGs.removeAll { done.contains($0) }
                        largeOGs.removeAll { done.contains($0) }
                    }
                    out.append(d)
                    break
                }
            }
        }
        return out
    }

    func draft(_ kind: CandidateKind, used: Set<FINESS>, rng: inout SplitMix64) -> Draft? {
        switch kind {
        case .ownOrganisation: return ownOrganisation(used, &rng)
        case .smallGrappe: return smallGrappe(used, &rng)
        case .soloSmall: return soloSmall(used, &rng)
        case .volume: return volume(used, &rng)
        case .nationalDesk: return GrappeBuilder.nationalDesk(index: index, desk: region, present: region, used, &rng)
        case .multiRegional: return multiRegional(used, &rng)
        case .ght: return ght(used, &rng)
        case .ahiPjm: return ahiPjm(used, &rng)
        case .joining: return joining(used, &rng)
        }
    }

    // MARK: - Kinds

    private func hasFree(_ ej: FINESS, _ used: Set<FINESS>) -> Bool {
        (ogEssms[ej] ?? []).contains { !used.contains($0.finess) }
    }

    private func free(_ ej: FINESS, _ used: Set<FINESS>) -> [Establishment] {
        (ogEssms[ej] ?? []).filter { !used.contains($0.finess) }
    }

    private func make(_ kind: CandidateKind, _ members: [Establishment], porteur: FINESS? = nil) -> Draft {
        var counts: [String: Int] = [:]
        var ogCounts: [FINESS: Int] = [:]
        for e in members {
            counts[e.departement, default: 0] += 1
            ogCounts[e.ej, default: 0] += 1
        }
        let dep = counts.keys.sorted().max { counts[$0]! < counts[$1]! } ?? ""
        // The leading OG: most ESSMS in the grappe, the first listed on a tie.
        var lead = members[0].ej
        for e in members where ogCounts[e.ej]! > ogCounts[lead]! { lead = e.ej }
        let p = porteur ?? lead
        let ordered = members.filter { $0.ej == p } + members.filter { $0.ej != p }
        return Draft(kind: kind, desk: region, porteur: p, members: ordered, departement: dep)
    }

    private func ownOrganisation(_ used: Set<FINESS>, _ rng: inout SplitMix64) -> Draft? {
        let large = largeOGs.compactMap { ej -> (FINESS, [Establishment])? in
            let f = free(ej, used)
            return f.isEmpty ? nil : (ej, f)
        }
        guard !large.isEmpty else { return nil }
        let (ej, all) = large[rng.weightedIndex(large.map { Double(min($0.1.count, 20)) })]
        var members = all
        if members.count > 20 {
            let dep = mainDepartement(members)
            members = members.filter { $0.departement == dep }
        }
        if members.count > 20 { members = Array(rng.shuffled(members).prefix(rng.int(12...20))).sorted { $0.finess < $1.finess } }
        if members.count >= 4 && rng.chance(0.5) {
            // A first wave: the ESSMS ready this year.
            let keep = max(2, Int(Double(members.count) * rng.double(0.4...0.8)))
            members = Array(rng.shuffled(members).prefix(keep)).sorted { $0.finess < $1.finess }
        }
        return make(.ownOrganisation, members, porteur: ej)
    }

    /// Small OGs' free ESSMS by département (in `departements` order), by OG (sorted).
    private func smallPools(_ used: Set<FINESS>) -> [[(FINESS, [Establishment])]] {
        var pools = [[(FINESS, [Establishment])]](repeating: [], count: departements.count)
        for ej in smallOGs {
            let f = free(ej, used)
            guard !f.isEmpty else { continue }
            if f.allSatisfy({ $0.departement == f[0].departement }) {
                if let i = departementIndex[f[0].departement] { pools[i].append((ej, f)) }
                continue
            }
            for (i, dep) in departements.enumerated() {
                let inDep = f.filter { $0.departement == dep }
                if !inDep.isEmpty { pools[i].append((ej, inDep)) }
            }
        }
        return pools
    }

    private func smallGrappe(_ used: Set<FINESS>, _ rng: inout SplitMix64) -> Draft? {
        guard !departements.isEmpty else { return nil }
        let pools = smallPools(used)
        let weights = pools.map { Double($0.reduce(0) { $0 + $1.1.count }) }
        guard weights.contains(where: { $0 > 0 }) else { return nil }
        let u = rng.unit()
        let target = 8 + Int(32 * u * u * u * u)
        var members: [Establishment] = []
        var ogCount = 0
        let start = rng.weightedIndex(weights)
        // The département first, then its neighbours (the next départements of the region).
        for step in 0..<departements.count where members.count < target {
            if step > 0 && members.count >= 8 { break }
            var pool = rng.shuffled(pools[(start + step) % departements.count])
            pool.removeAll { og in members.contains { $0.ej == og.0 } }
            for (_, list) in pool where members.count < target {
                if members.count + list.count > 40 && members.count >= 8 { continue }
                members += list.prefix(40 - members.count)
                ogCount += 1
            }
        }
        guard members.count >= 2, ogCount >= 2 else { return nil }
        return make(.smallGrappe, members)
    }

    /// A small OG with free ESSMS, uniformly.
    private func anySmallOG(_ used: Set<FINESS>, _ rng: inout SplitMix64) -> FINESS? {
        guard let ej = rng.pick(smallOGs) else { return nil }
        return hasFree(ej, used) ? ej : rng.pick(smallOGs.filter { hasFree($0, used) })
    }

    private func soloSmall(_ used: Set<FINESS>, _ rng: inout SplitMix64) -> Draft? {
        guard let ej = anySmallOG(used, &rng) else { return nil }
        return make(.soloSmall, free(ej, used), porteur: ej)
    }

    private func joining(_ used: Set<FINESS>, _ rng: inout SplitMix64) -> Draft? {
        guard let ej = anySmallOG(used, &rng), let e = rng.pick(free(ej, used)) else { return nil }
        return make(.joining, [e], porteur: ej)
    }

    private func volume(_ used: Set<FINESS>, _ rng: inout SplitMix64) -> Draft? {
        let target = rng.int(50...68)
        // One organisation large enough on its own…
        let big = ogs.filter { free($0, used).count >= 50 }
        if let ej = rng.pick(big) {
            return make(.volume, Array(free(ej, used).prefix(80)), porteur: ej)
        }
        // …or a leading organisation federating the others of its département.
        var byDep: [String: Int] = [:]
        for ej in ogs { for e in free(ej, used) { byDep[e.departement, default: 0] += 1 } }
        let deps = departements.filter { (byDep[$0] ?? 0) >= target + 10 }
        guard let dep = rng.pick(deps) else { return nil }
        let inDep = ogs.compactMap { ej -> (FINESS, [Establishment])? in
            let f = free(ej, used).filter { $0.departement == dep }
            return f.isEmpty ? nil : (ej, f)
        }
        guard let leader = inDep.max(by: { $0.1.count < $1.1.count }) else { return nil }
        var members = leader.1
        for (ej, list) in rng.shuffled(inDep) where members.count < target && ej != leader.0 {
            members += list.prefix(max(0, 75 - members.count))
        }
        guard members.count >= 50 else { return nil }
        return make(.volume, members, porteur: leader.0)
    }

    /// An OG with ESSMS in several regions filing for ≥ 50 of them (national call). `present`:
    /// a region where the OG must have ESSMS (nil: any).
    static func nationalDesk(index: RegisterIndex, desk: String?, present: String?, _ used: Set<FINESS>,
                             _ rng: inout SplitMix64) -> Draft? {
        let candidates = index.multiRegionOGs.compactMap { ej -> (FINESS, [Establishment])? in
            let f = index.byOG[ej]!.filter { !used.contains($0.finess) }
            guard f.count >= 55, Set(f.map(\.region)).count >= 2 else { return nil }
            if let present, !f.contains(where: { $0.region == present }) { return nil }
            return (ej, f)
        }
        guard let (ej, all) = rng.pick(candidates) else { return nil }
        let size = rng.int(52...min(90, all.count))
        let home = present ?? Geography.region(ofDepartement: ej.departement) ?? all[0].region
        var local = all.filter { $0.region == home }
        local = Array(local.prefix(min(local.count, size - 10)))
        let others = rng.shuffled(all.filter { $0.region != home }).prefix(size - local.count).sorted { $0.finess < $1.finess }
        let members = local + others
        var counts: [String: Int] = [:]
        for e in members { counts[e.departement, default: 0] += 1 }
        let dep = counts.keys.sorted().max { counts[$0]! < counts[$1]! } ?? ""
        let deskRegion = desk ?? Geography.region(ofDepartement: ej.departement) ?? members[0].region
        return Draft(kind: .nationalDesk, desk: deskRegion, porteur: ej, members: members, departement: dep)
    }

    private func multiRegional(_ used: Set<FINESS>, _ rng: inout SplitMix64) -> Draft? {
        let candidates = index.multiRegionOGs.filter { ogEssms[$0] != nil }.compactMap { ej -> (FINESS, [Establishment], [Establishment])? in
            let f = index.byOG[ej]!.filter { !used.contains($0.finess) }
            let here = f.filter { $0.region == region }, there = f.filter { $0.region != region }
            guard !here.isEmpty, here.count <= 30, !there.isEmpty, here.count + there.count >= 3 else { return nil }
            return (ej, here, there)
        }
        guard let (ej, here, there) = rng.pick(candidates) else { return nil }
        // The other region where the OG has most ESSMS (the smallest code on a tie).
        var byRegion: [String: Int] = [:]
        for e in there { byRegion[e.region, default: 0] += 1 }
        let other = byRegion.keys.sorted().max { byRegion[$0]! < byRegion[$1]! }!
        let take = min(byRegion[other]!, 45 - here.count, rng.int(2...15))
        let members = here + there.filter { $0.region == other }.prefix(take)
        return make(.multiRegional, members, porteur: ej)
    }

    private func ght(_ used: Set<FINESS>, _ rng: inout SplitMix64) -> Draft? {
        var byDep: [String: [Establishment]] = [:]
        for ej in ogs { for e in free(ej, used) where RegisterIndex.isHospitalRun(e) { byDep[e.departement, default: []].append(e) } }
        let deps = byDep.keys.sorted().filter { byDep[$0]!.count >= 3 }
        guard let dep = rng.pick(deps) else { return nil }
        let members = Array(byDep[dep]!.sorted { $0.finess < $1.finess }.prefix(20))
        return make(.ght, members)
    }

    private func ahiPjm(_ used: Set<FINESS>, _ rng: inout SplitMix64) -> Draft? {
        var byDep: [String: [(FINESS, [Establishment])]] = [:]
        for ej in ogs {
            let f = free(ej, used).filter { $0.sector == .ahi || $0.sector == .pjm }
            var perDep: [String: [Establishment]] = [:]
            for e in f { perDep[e.departement, default: []].append(e) }
            for dep in perDep.keys.sorted() { byDep[dep, default: []].append((ej, perDep[dep]!)) }
        }
        let deps = byDep.keys.sorted().filter { byDep[$0]!.reduce(0) { $0 + $1.1.count } >= 3 }
        guard let dep = rng.pick(deps) else { return nil }
        let target = rng.int(3...12)
        var members: [Establishment] = []
        for (_, list) in rng.shuffled(byDep[dep]!) where members.count < target { members += list.prefix(15) }
        return make(.ahiPjm, members)
    }

    private func mainDepartement(_ members: [Establishment]) -> String {
        var counts: [String: Int] = [:]
        for e in members { counts[e.departement, default: 0] += 1 }
        return counts.keys.sorted().max { counts[$0]! < counts[$1]! } ?? ""
    }
}
