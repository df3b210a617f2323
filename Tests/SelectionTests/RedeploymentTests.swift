// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection
import Testing
import TestSupport

/// Hand-worked redeployments (balance off) and the pooled ≥ own-first, prorata property.
@Suite struct RedeploymentTests {
    static func candidate(_ id: String, euros: Int64, finess: [FINESS], acquisitions: Int = 0, score: Int = 0) -> Candidate {
        Candidate(id: id, title: "", amount: Money(euros: euros), finess: finess, acquisitions: acquisitions, score: score,
                  territoryMoney: [:], sectorMoney: [:])
    }

    static func fs(_ base: Int, _ n: Int) -> [FINESS] { (0..<n).map { Fixture.finess("29", base + $0) } }

    /// 53: 60 000 € unengaged, 1 ESSMS in the register; 84: 20 000 €, 3 ESSMS.
    /// B1 (53) 55 000 € 5 ESSMS, B2 (53) 8 000 € 2, A1 (84) 15 000 € 2, A2 (84) 9 000 € 1.
    static func twoRegions() -> RedeploymentProblem {
        let accounts = [
            RegionAccount(region: "53", notified: Money(euros: 100_000), engaged: Money(euros: 30_000),
                          engagedProjects: Money(euros: 10_000), essms: 1),
            RegionAccount(region: "84", notified: Money(euros: 50_000), engaged: Money(euros: 30_000), essms: 3),
        ]
        let candidates = [candidate("B1", euros: 55_000, finess: fs(0, 5)), candidate("B2", euros: 8_000, finess: fs(10, 2)),
                          candidate("A1", euros: 15_000, finess: fs(20, 2)), candidate("A2", euros: 9_000, finess: fs(30, 1))]
        return RedeploymentProblem(scenario: "two", accounts: accounts, nationalCall: nil, candidates: candidates,
                                   desks: ["B1": .region("53"), "B2": .region("53"), "A1": .region("84"), "A2": .region("84")],
                                   region: RedeploymentProblem.off("region"), sector: RedeploymentProblem.off("sector"))
    }

    /// Pooled, 80 000 €: B1 + B2 + A1 = 78 000 € for 9 ESSMS (B1+A1+A2 8, B1+B2+A2 8).
    /// 53 funds 63 000 € with 60 000 € of its own: receives 3 000; 84 funds 15 000 of its 20 000: releases 5 000.
    @Test func pooled() throws {
        let p = Self.twoRegions()
        #expect(p.pool == Money(euros: 80_000))
        let r = try Redeployer().run(p, policy: .pooled)
        #expect(r.status == .optimal)
        #expect(r.selected == ["B1", "B2", "A1"])
        #expect(r.finess == 9)
        #expect(r.leftUnengaged == Money(euros: 2_000))
        let (b, a) = (r.regions[0], r.regions[1])
        #expect(b.account.unengaged == Money(euros: 60_000) && b.funded == Money(euros: 63_000))
        #expect(b.released == .zero && b.received == Money(euros: 3_000))
        #expect(a.released == Money(euros: 5_000) && a.received == .zero)
        #expect(b.projects == ["B1", "B2"] && a.projects == ["A1"])
    }

    /// Own-first: 53 takes B1 (5 ESSMS, 5 000 € left), 84 takes A1 (2 ESSMS, 5 000 € left);
    /// the 10 000 € of leftovers fund B2 (2 ESSMS) rather than A2 (1). Same as pooled here.
    @Test func ownFirst() throws {
        let r = try Redeployer().run(Self.twoRegions(), policy: .ownFirst)
        #expect(r.status == .optimal)
        #expect(r.selected == ["B1", "B2", "A1"])
        #expect(r.rounds.map(\.name) == ["regions 53", "regions 84", "leftovers"])
        #expect(r.rounds.last?.result.selectedIDs(r.rounds.last!.problem) == ["B2"])
        #expect(r.regions[0].received == Money(euros: 3_000) && r.regions[1].released == Money(euros: 5_000))
    }

    /// Prorata-essms: the same first round; the 10 000 € of leftovers are shared 1 : 3 between 53
    /// and 84 (both still have demand): 2 500 € and 7 500 €, too little for B2 (8 000) or A2 (9 000).
    @Test func prorataESSMS() throws {
        let r = try Redeployer().run(Self.twoRegions(), policy: .prorataESSMS)
        #expect(r.status == .optimal)
        #expect(r.selected == ["B1", "A1"])
        #expect(r.finess == 7)
        #expect(r.regions.map(\.share) == [Money(euros: 2_500), Money(euros: 7_500)])
        #expect(r.leftUnengaged == Money(euros: 10_000))
        #expect(r.regions[0].released == Money(euros: 5_000) && r.regions[1].released == Money(euros: 5_000))
    }

    /// National-desk projects are funded from the national call only: N1 (100 000 €) does not fit
    /// in the 50 000 € call although the regions' pool could pay it; N2 (40 000 €) does, and the
    /// regional pool is not touched by it.
    @Test func nationalCallIsASeparateEnvelope() throws {
        var p = Self.twoRegions()
        p.accounts[0].notified = Money(euros: 300_000)
        p.nationalCall = Money(euros: 60_000)
        p.nationalCallEngaged = Money(euros: 10_000)
        p.candidates += [Self.candidate("N1", euros: 100_000, finess: Self.fs(40, 60)),
                         Self.candidate("N2", euros: 40_000, finess: Self.fs(200, 3))]
        p.desks["N1"] = .national
        p.desks["N2"] = .national
        for policy in RedeploymentPolicy.allCases {
            let r = try Redeployer().run(p, policy: policy)
            #expect(!r.selected.contains("N1"), "\(policy)")
            #expect(r.selected.contains("N2"), "\(policy)")
            #expect(r.nationalCall?.available == Money(euros: 50_000))
            #expect(r.nationalCall?.used == Money(euros: 40_000), "\(policy)")
            #expect(r.usedRegional == Money(euros: 87_000), "\(policy)")
        }
    }

    /// Seeded random instances: pooled never funds fewer ESSMS than own-first or prorata-essms
    /// (their union of rounds is a feasible pooled selection), and every policy keeps each
    /// envelope and the one-grant-per-ESSMS rule, counted in cents.
    @Test(arguments: (1...40).map { UInt64($0) })
    func pooledFundsAtLeastAsManyESSMS(seed: UInt64) throws {
        let p = Self.random(seed: seed)
        let redeployer = Redeployer()
        let results = try redeployer.compare(p)
        let pooled = results[0]
        #expect(pooled.policy == .pooled && pooled.status == .optimal, "seed \(seed)")
        for r in results {
            #expect(r.status == .optimal, "seed \(seed) \(r.policy)")
            #expect(pooled.finess >= r.finess, "seed \(seed): pooled \(pooled.finess) < \(r.policy) \(r.finess)")
            let chosen = p.candidates.filter { r.selected.contains($0.id) }
            let finess = chosen.flatMap(\.finess) + p.engaged.flatMap(\.finess)
            #expect(Set(finess).count == finess.count, "seed \(seed) \(r.policy): an ESSMS funded twice")
            #expect(r.usedRegional <= p.pool, "seed \(seed) \(r.policy)")
            #expect((r.nationalCall?.used ?? .zero) <= p.nationalCallAvailable, "seed \(seed) \(r.policy)")
            if r.policy != .pooled {
                // A region never spends more than its own AE plus what it received.
                for o in r.regions { #expect(o.funded == o.ownUse + o.received) }
            }
            #expect(r.regions.reduce(Money.zero) { $0 + $1.released } - r.regions.reduce(Money.zero) { $0 + $1.received }
                    == r.leftUnengaged, "seed \(seed) \(r.policy)")
        }
    }

    /// 2–3 regions, 5–12 candidates over 40 FINESS (overlaps across regions included), some
    /// national-desk; soft sector balance on odd seeds.
    static func random(seed: UInt64) -> RedeploymentProblem {
        var g = SeededGenerator(seed: seed)
        let regions = Array(["53", "84", "93"].prefix(2 + g.int(2)))
        let pool = (0..<40).map { Fixture.finess("29", 500 + $0) }
        var candidates: [Candidate] = [], desks: [String: Desk] = [:]
        for i in 0..<(5 + g.int(8)) {
            let size = 1 + g.int(5)
            let fs = Array(Set((0..<size).map { _ in pool[g.int(pool.count)] })).sorted()
            var cents: Int64 = 0, acquisitions = 0
            var sector: [String: Int64] = [:]
            for _ in fs {
                let acquisition = g.int(3) == 0
                if acquisition { acquisitions += 1 }
                let c = Int64(acquisition ? 2_100_000 : 500_000) + Int64(g.int(200_000))
                cents += c
                sector[["PA", "PH"][g.int(2)], default: 0] += c
            }
            let id = "P\(i)"
            candidates.append(Candidate(id: id, title: "", amount: Money(cents: cents), finess: fs, acquisitions: acquisitions,
                                        score: g.int(19), territoryMoney: [:], sectorMoney: sector))
            desks[id] = g.int(6) == 0 ? .national : .region(regions[g.int(regions.count)])
        }
        let accounts = regions.map { r in
            RegionAccount(region: r, notified: Money(euros: Int64(20_000 + g.int(60_000))), engaged: Money(euros: Int64(g.int(20_000))),
                          essms: 1 + g.int(100))
        }
        let sector = seed % 2 == 1
            ? BalanceSpec(name: "sector", mode: .soft, tolerance: 0.3, keys: ["PA", "PH"], targets: ["PA": 0.5, "PH": 0.5])
            : RedeploymentProblem.off("sector")
        return RedeploymentProblem(scenario: "random-\(seed)", accounts: accounts,
                                   nationalCall: Money(euros: Int64(g.int(40_000))), candidates: candidates, desks: desks,
                                   region: RedeploymentProblem.off("region"), sector: sector)
    }
}
