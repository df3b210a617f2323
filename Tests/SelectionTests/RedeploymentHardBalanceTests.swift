// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection
import Testing
import TestSupport

/// Every redeployment policy keeps every hard row the scenario declares — the budget rows (the
/// regions' pool or their own AE and shares, the national call), one grant per ESSMS, the
/// national hard balance by region and by sector over everything funded — or says *infeasible*
/// with a diagnosis. Checked here in cents, independently of the solver, on random national
/// instances.
@Suite struct RedeploymentHardBalanceTests {
    static let regions = ["11", "53", "84", "93"]
    static let sectors = ["PA", "PH", "PJM"]

    /// A random national instance: 4 regions, 3 sectors, 9–12 candidates (one national-desk
    /// project now and then), a few engaged projects, shared FINESS, hard sector balance and a
    /// region balance hard or soft.
    static func instance(seed: UInt64) -> RedeploymentProblem {
        var rng = SeededGenerator(seed: seed)
        let accounts = regions.map { r in
            RegionAccount(region: r, notified: Money(euros: Int64(rng.int(40...160)) * 1_000),
                          engaged: Money(euros: Int64(rng.int(0...30)) * 1_000), essms: rng.int(50...400))
        }
        var candidates: [Candidate] = [], engaged: [Candidate] = []
        var desks: [String: Desk] = [:]
        let pool = (0..<40).map { Fixture.finess("29", 100 + $0) }
        let n = rng.int(9...12)
        for i in 0..<(n + 2) {
            let national = i == 0 && rng.chance(0.5)
            let region = rng.pick(regions)!
            let size = rng.int(1...4)
            let finess = Array(rng.shuffled(pool).prefix(size))
            let acquisitions = rng.int(0...size)
            let amount = Int64(acquisitions * 21_000 + (size - acquisitions) * 5_000)
            var c = Candidate(id: String(format: "P%02d", i), title: "", amount: Money(euros: amount), finess: finess,
                              acquisitions: acquisitions, score: rng.int(0...18), territoryMoney: [:], sectorMoney: [:])
            // Money by region (a national-desk project spreads over two) and by sector, in cents.
            let keys = national ? [region, rng.pick(regions.filter { $0 != region })!] : [region]
            var left = amount * 100
            for (j, k) in keys.enumerated() {
                let part = j == keys.count - 1 ? left : left / 2
                c.territoryMoney[k, default: 0] += part
                left -= part
            }
            left = amount * 100
            for (j, s) in rng.shuffled(sectors).prefix(rng.int(1...2)).enumerated() {
                let part = j == 1 || rng.chance(0.5) ? left : left / 3
                c.sectorMoney[s, default: 0] += part
                left -= part
                if left == 0 { break }
            }
            if left > 0 { c.sectorMoney[sectors[0], default: 0] += left }
            desks[c.id] = national ? .national : .region(region)
            if i >= n {
                if national || engaged.flatMap(\.finess).contains(where: finess.contains) { continue }
                engaged.append(c)
            } else {
                candidates.append(c)
            }
        }
        func spec(_ name: String, _ keys: [String], mode: BalanceRule.Mode) -> BalanceSpec {
            let weights = keys.map { _ in rng.double(0.5...2) }
            let total = weights.reduce(0, +)
            return BalanceSpec(name: name, mode: mode, tolerance: rng.double(0.3...0.9), keys: keys,
                               targets: Dictionary(uniqueKeysWithValues: zip(keys, weights.map { $0 / total })))
        }
        var accountsWithEngaged = accounts
        for c in engaged {
            if case .region(let r)? = desks[c.id], let i = accountsWithEngaged.firstIndex(where: { $0.region == r }) {
                accountsWithEngaged[i].engagedProjects += c.amount
            }
        }
        let objectives: [[ObjectiveTerm]] = [[.finess, .acquisition, .score], [.acquisition, .finess, .score], [.score, .finess]]
        return RedeploymentProblem(scenario: "random-\(seed)", accounts: accountsWithEngaged,
                                   nationalCall: rng.chance(0.7) ? Money(euros: Int64(rng.int(20...80)) * 1_000) : nil,
                                   candidates: candidates, desks: desks, engaged: engaged,
                                   region: spec("region", regions, mode: rng.chance(0.5) ? .hard : .soft),
                                   sector: spec("sector", sectors, mode: .hard),
                                   objective: .lexicographic(rng.pick(objectives)!))
    }

    /// The hard rows a result breaks, computed from the candidates' money alone.
    static func violations(_ p: RedeploymentProblem, _ r: RedeploymentResult) -> [String] {
        var out: [String] = []
        let byId = Dictionary(uniqueKeysWithValues: p.candidates.map { ($0.id, $0) })
        let chosen = r.selected.compactMap { byId[$0] }
        if chosen.count != r.selected.count || Set(r.selected).count != r.selected.count {
            out.append("selected ids unknown or repeated")
        }
        // One grant per ESSMS.
        var held: Set<FINESS> = []
        for c in p.engaged + chosen {
            for f in c.finess where !held.insert(f).inserted { out.append("FINESS \(f.text) funded twice") }
        }
        // Budget rows: regional money within the pool (and, per policy, each region within what it
        // may spend), the national call for national-desk projects only.
        var byRegion: [String: Money] = [:]
        var national = Money.zero
        for c in chosen {
            switch p.desk(c.id) {
            case .national?: national += c.amount
            case .region(let reg)?: byRegion[reg, default: .zero] += c.amount
            case nil: out.append("\(c.id) has no desk")
            }
        }
        if national > p.nationalCallAvailable { out.append("national call overspent: \(national) > \(p.nationalCallAvailable)") }
        if p.nationalCall == nil && national > .zero { out.append("a national-desk project funded without a national call") }
        let regional = byRegion.values.reduce(Money.zero, +)
        if regional > p.pool { out.append("regional pool overspent: \(regional) > \(p.pool)") }
        if r.policy == .prorataESSMS {
            for a in p.accounts where (byRegion[a.region] ?? .zero) > a.available + (r.regions.first { $0.account.region == a.region }?.share ?? .zero) {
                out.append("region \(a.region) spends more than its AE and share")
            }
        }
        // Hard balance over everything funded (engaged and selected), keys of the scope only.
        for (spec, money) in [(p.region, \Candidate.territoryMoney), (p.sector, \Candidate.sectorMoney)] where spec.mode == .hard {
            var a: [String: Int64] = [:]
            for c in p.engaged + chosen { for (k, v) in c[keyPath: money] where spec.targets[k] != nil { a[k, default: 0] += v } }
            let total = Double(a.values.reduce(0, +))
            for k in spec.keys {
                let t = spec.targets[k] ?? 0, v = Double(a[k] ?? 0)
                let slack = 1 + 1e-7 * total
                if v < (1 - spec.tolerance) * t * total - slack || v > (1 + spec.tolerance) * t * total + slack {
                    out.append("\(spec.name) \(k): \(v / 100) € outside [\((1 - spec.tolerance) * t * total / 100), \((1 + spec.tolerance) * t * total / 100)]")
                }
            }
        }
        return out
    }

    /// Under a hard balance the regions' round starts from the union of their own rounds, with
    /// its stage values known, when that union meets the hard bands: the values are those of the
    /// same round solved without it.
    @Test func theRegionsRoundFromTheirOwnRoundsEqualsTheJointSolve() throws {
        var shortcut = 0
        for seed in UInt64(0)..<36 {
            let p = Self.instance(seed: seed)
            for policy in [RedeploymentPolicy.ownFirst, .prorataESSMS] {
                let r = try Redeployer().run(p, policy: policy)
                for round in r.rounds where round.problem.knownStageValues != nil {
                    shortcut += 1
                    var plain = round.problem
                    plain.knownStageValues = nil
                    plain.startHint = []
                    let direct = try Selector().solve(plain)
                    #expect(round.result.status == .optimal && direct.status == .optimal, "seed \(seed) \(round.name)")
                    #expect([round.result.finess, round.result.acquisitions, round.result.score]
                        == [direct.finess, direct.acquisitions, direct.score], "seed \(seed), \(policy.rawValue), \(round.name)")
                    #expect(round.problem.hardBalanceHolds(round.result.selected))
                }
            }
        }
        #expect(shortcut >= 5, "\(shortcut) rounds started from their regions' own rounds")
    }

    @Test("Every policy keeps every hard row, or says infeasible with a diagnosis", arguments: 0..<36)
    func hardRowsHold(seed: Int) throws {
        let p = Self.instance(seed: UInt64(seed))
        let results = try Redeployer().compare(p)
        #expect(results.map(\.policy) == RedeploymentPolicy.allCases)
        for r in results {
            switch r.status {
            case .optimal, .feasible:
                #expect(Self.violations(p, r).isEmpty, "seed \(seed), \(r.policy.rawValue): \(Self.violations(p, r))")
                #expect(r.infeasibility == nil)
            case .infeasible:
                #expect(r.infeasibility != nil, "seed \(seed), \(r.policy.rawValue): infeasible without a diagnosis")
            case .timeLimit, .solverError:
                Issue.record("seed \(seed), \(r.policy.rawValue): \(r.status.rawValue) — \(r.sentence)")
            }
        }
    }

    /// Engaged money alone outside a hard band: no policy can fund anything within the band, and
    /// each says infeasible with the keys and the tolerance that would do.
    @Test func engagedMoneyOutsideTheBandIsInfeasibleWithItsDiagnosis() throws {
        var p = Self.instance(seed: 3)
        p.sector = BalanceSpec(name: "sector", mode: .hard, tolerance: 0.1, keys: Self.sectors,
                               targets: ["PA": 0.2, "PH": 0.2, "PJM": 0.6])
        var heavy = p.candidates[0]
        heavy.id = "E-PA"
        heavy.finess = [Fixture.finess("35", 900)]
        heavy.sectorMoney = ["PA": heavy.amount.cents]
        p.engaged = [heavy]
        p.desks[heavy.id] = .region("53")
        p.candidates = p.candidates.map { c in var c = c; c.sectorMoney = ["PA": c.amount.cents]; return c }
        for r in try Redeployer().compare(p) {
            #expect(r.status == .infeasible, "\(r.policy.rawValue)")
            let d = try #require(r.infeasibility)
            #expect(d.report.cause == .balance)
            #expect(d.report.keys.contains { $0.balance == "sector" })
        }
    }
}
