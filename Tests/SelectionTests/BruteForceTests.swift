// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import ScenarioModel
import Selection
import Testing
import TestSupport

/// The lexicographic optimum of `Selector` equals brute-force enumeration on hundreds of
/// seeded random instances of at most 14 candidates, for balance off, hard and soft.
@Suite struct BruteForceTests {
    typealias Generator = SeededGenerator

    static let territoryKeys = ["22", "29", "35"]
    static let sectorKeys = ["PA", "PH"]

    static func instance(seed: UInt64, mode: BalanceRule.Mode) -> SelectionProblem {
        var g = Generator(seed: seed)
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
        var best: (tuple: [Int], slack: Double)?
        for s in RandomSelectionInstances.feasibleSelections(p) {
            if let b = best {
                if s.tuple.lexicographicallyPrecedes(b.tuple) { continue }
                if s.tuple == b.tuple && s.slack >= b.slack { continue }
            }
            best = (s.tuple, s.slack)
        }
        return best
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
            if mode == .soft, let slack = RandomSelectionInstances.imbalance(p, r.selected) {
                // The least imbalance in euros of the selection, computed exactly.
                #expect(abs(slack - expected.slack) <= 1e-9 * max(1, expected.slack), "seed \(seed): slack \(slack) vs \(expected.slack); selected \(r.selectedIDs(p)) stages \(r.stages.map { "\($0.term) \($0.value ?? -1) \($0.sentence)" })")
            }
        }
    }
}
