// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import ScenarioModel
import Selection
import Testing
import TestSupport

/// The lexicographic optimum of `Selector` equals brute-force enumeration on hundreds of
/// seeded random instances of at most 14 candidates, for balance off, hard and soft.
@Suite struct BruteForceTests {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let territoryKeys = ["22", "29", "35"]
    static let sectorKeys = ["PA", "PH"]

    static func instance(seed: UInt64, mode: BalanceRule.Mode) -> SelectionProblem {
        var g = Generator(state: seed)
        let n = 4 + g.int(11)
        let pool = (0..<40).map { Fixture.finess("29", 100 + $0) }
        var candidates: [Candidate] = []
        for i in 0..<(n + 1) {
            let size = 1 + g.int(6)
            var fs: [FINESS] = []
            for _ in 0..<size { fs.append(pool[g.int(pool.count)]) }
            fs = Array(Set(fs)).sorted()
            var territory: [String: Int64] = [:], sector: [String: Int64] = [:]
            var amount: Int64 = 0
            for _ in fs {
                let cents = Int64(200_000 + g.int(2_000_000))
                amount += cents
                territory[territoryKeys[g.int(3)], default: 0] += cents
                sector[sectorKeys[g.int(2)], default: 0] += cents
            }
            candidates.append(Candidate(id: "P\(i)", title: "", amount: Money(cents: amount), finess: fs,
                                        acquisitions: g.int(fs.count + 1), score: g.int(19),
                                        territoryMoney: territory, sectorMoney: sector))
        }
        // Sometimes the last one is an engaged project holding its FINESS.
        var engaged: [Candidate] = []
        if g.int(3) == 0 { engaged.append(candidates.removeLast()) } else { candidates.removeLast() }
        let demand = candidates.reduce(Int64(0)) { $0 + $1.amount.cents }
        let available = Money(cents: demand * Int64(20 + g.int(50)) / 100)
        func spec(_ name: String, _ keys: [String]) -> BalanceSpec {
            var weights = keys.map { _ in Double(1 + g.int(5)) }
            let total = weights.reduce(0, +)
            weights = weights.map { $0 / total }
            return BalanceSpec(name: name, mode: mode, tolerance: [0.1, 0.3, 0.6][g.int(3)], keys: keys,
                               targets: Dictionary(uniqueKeysWithValues: zip(keys, weights)))
        }
        return SelectionProblem(scenario: "t\(seed)", candidates: candidates, engaged: engaged, available: available,
                                territory: spec("territory", territoryKeys), sector: spec("sector", sectorKeys),
                                objective: .default, forced: [], excluded: [], notCandidates: [])
    }

    /// Exhaustive optimum: (finess, acquisition, score), and for soft balance the least slack.
    static func bruteForce(_ p: SelectionProblem) -> (tuple: [Int], slack: Double)? {
        let n = p.candidates.count
        let blocked = p.engagedFINESS
        var best: (tuple: [Int], slack: Double)?
        for mask in 0..<(1 << n) {
            var cost: Int64 = 0, seen = Set<FINESS>(), ok = true
            var chosen: [Int] = []
            for i in 0..<n where mask & (1 << i) != 0 {
                let c = p.candidates[i]
                cost += c.amount.cents
                for f in c.finess where !seen.insert(f).inserted || blocked.contains(f) { ok = false }
                chosen.append(i)
            }
            guard ok, cost <= p.available.cents, let slack = imbalance(p, chosen) else { continue }
            let tuple = [chosen.reduce(0) { $0 + p.candidates[$1].finessCount },
                         chosen.reduce(0) { $0 + p.candidates[$1].acquisitions },
                         chosen.reduce(0) { $0 + p.candidates[$1].score }]
            if let b = best {
                if tuple.lexicographicallyPrecedes(b.tuple) { continue }
                if tuple == b.tuple && slack >= b.slack { continue }
            }
            best = (tuple, slack)
        }
        return best
    }

    /// Σ of the balance rows' violations in euros, computed exactly from the selection; nil when
    /// a hard row is violated.
    static func imbalance(_ p: SelectionProblem, _ chosen: [Int]) -> Double? {
        var slack = 0.0
        for (spec, money) in [(p.territory, \Candidate.territoryMoney), (p.sector, \Candidate.sectorMoney)] where spec.mode != .off {
            let projects = chosen.map { p.candidates[$0] } + p.engaged
            let total = Double(projects.reduce(Int64(0)) { $0 + $1[keyPath: money].values.reduce(0, +) }) / 100
            for k in spec.keys {
                let a = Double(projects.reduce(Int64(0)) { $0 + ($1[keyPath: money][k] ?? 0) }) / 100
                let t = spec.targets[k]!
                let lo = (1 - spec.tolerance) * t * total, hi = (1 + spec.tolerance) * t * total
                let violation = max(0, lo - a) + max(0, a - hi)
                if spec.mode == .hard && violation > 1e-6 * max(1, total) { return nil }
                slack += violation
            }
        }
        return slack
    }

    @Test(arguments: [BalanceRule.Mode.off, .hard, .soft])
    func lexicographicOptimumEqualsBruteForce(mode: BalanceRule.Mode) throws {
        let selector = Selector()
        for seed in UInt64(1)...120 {
            let modeSalt: UInt64 = mode == .off ? 0 : mode == .hard ? 1 : 2
            let p = Self.instance(seed: seed &* 7919 &+ modeSalt, mode: mode)
            let expected = Self.bruteForce(p)
            let r = try selector.solve(p)
            guard let expected else {
                #expect(r.status == .infeasible, "seed \(seed) mode \(mode): brute force finds no feasible selection")
                continue
            }
            #expect(r.status == .optimal, "seed \(seed) mode \(mode): \(r.sentence)")
            #expect([r.finess, r.acquisitions, r.score] == expected.tuple, "seed \(seed) mode \(mode)")
            #expect(r.used <= p.available, "seed \(seed) mode \(mode)")
            if mode == .soft, let slack = Self.imbalance(p, r.selected) {
                // The least imbalance in euros of the selection, computed exactly.
                #expect(abs(slack - expected.slack) <= 1e-9 * max(1, expected.slack), "seed \(seed): slack \(slack) vs \(expected.slack); selected \(r.selectedIDs(p)) stages \(r.stages.map { "\($0.term) \($0.value ?? -1) \($0.sentence)" })")
            }
        }
    }
}
