// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import ScenarioModel
import Selection
import TestSupport

/// Seeded small selection problems and an exhaustive reference, shared by the analysis tests
/// (a SplitMix64 stream per seed).
enum RandomSelectionInstances {
    typealias Generator = SeededGenerator

    static let territoryKeys = ["22", "29", "35"]
    static let sectorKeys = ["PA", "PH"]

    /// 4 to 12 candidates over a pool of 30 FINESS; per ESSMS an upgrade (5 000 € + noise) or an
    /// acquisition (21 000 € + noise), so that ESSMS and acquisitions pull apart.
    static func instance(seed: UInt64, mode: BalanceRule.Mode) -> SelectionProblem {
        var g = Generator(seed: seed)
        let n = 4 + g.int(9)
        let pool = (0..<30).map { Fixture.finess("29", 300 + $0) }
        var candidates = (0..<(n + 1)).map { candidate(id: "P\($0)", pool: pool, &g) }
        var engaged: [Candidate] = []
        if g.int(3) == 0 { engaged.append(candidates.removeLast()) } else { candidates.removeLast() }
        let demand = candidates.reduce(Int64(0)) { $0 + $1.amount.cents }
        let available = Money(cents: demand * Int64(20 + g.int(50)) / 100)
        func spec(_ name: String, _ keys: [String]) -> BalanceSpec {
            var weights = keys.map { _ in Double(1 + g.int(5)) }
            let total = weights.reduce(0, +)
            weights = weights.map { $0 / total }
            return BalanceSpec(name: name, mode: mode, tolerance: [0.3, 0.6, 0.9][g.int(3)], keys: keys,
                               targets: Dictionary(uniqueKeysWithValues: zip(keys, weights)))
        }
        return SelectionProblem(scenario: "r\(seed)", candidates: candidates, engaged: engaged, available: available,
                                territory: spec("territory", territoryKeys), sector: spec("sector", sectorKeys),
                                objective: .default)
    }

    /// 1 to 5 ESSMS drawn from `pool`; per ESSMS an upgrade (5 000 € + noise) or an acquisition
    /// (21 000 € + noise), in a random département and sector.
    static func candidate(id: String, pool: [FINESS], _ g: inout Generator) -> Candidate {
        let size = 1 + g.int(5)
        let fs = Array(Set((0..<size).map { _ in pool[g.int(pool.count)] })).sorted()
        var territory: [String: Int64] = [:], sector: [String: Int64] = [:]
        var amount: Int64 = 0, acquisitions = 0
        for _ in fs {
            let acquisition = g.int(2) == 0
            if acquisition { acquisitions += 1 }
            let cents = Int64(acquisition ? 2_100_000 : 500_000) + Int64(g.int(300_000))
            amount += cents
            territory[territoryKeys[g.int(3)], default: 0] += cents
            sector[sectorKeys[g.int(2)], default: 0] += cents
        }
        return Candidate(id: id, title: "", amount: Money(cents: amount), finess: fs, acquisitions: acquisitions,
                         score: g.int(19), territoryMoney: territory, sectorMoney: sector)
    }

    /// Every selection meeting the budget (in cents), one grant per ESSMS and the hard balance:
    /// the candidates chosen, (ESSMS, acquisitions, score), and the soft imbalance in euros.
    static func feasibleSelections(_ p: SelectionProblem, budget: Money? = nil) -> [(chosen: [Int], tuple: [Int], slack: Double)] {
        let n = p.candidates.count
        let blocked = p.engagedFINESS
        let cap = (budget ?? p.available).cents
        var out: [(chosen: [Int], tuple: [Int], slack: Double)] = []
        for mask in 0..<(1 << n) {
            var cost: Int64 = 0, seen = Set<FINESS>(), ok = true
            var chosen: [Int] = []
            for i in 0..<n where mask & (1 << i) != 0 {
                let c = p.candidates[i]
                cost += c.amount.cents
                for f in c.finess where !seen.insert(f).inserted || blocked.contains(f) { ok = false }
                chosen.append(i)
            }
            guard ok, cost <= cap, let slack = imbalance(p, chosen) else { continue }
            out.append((chosen, [chosen.reduce(0) { $0 + p.candidates[$1].finessCount },
                                 chosen.reduce(0) { $0 + p.candidates[$1].acquisitions },
                                 chosen.reduce(0) { $0 + p.candidates[$1].score }], slack))
        }
        return out
    }

    /// (ESSMS, acquisitions, score) of every feasible selection.
    static func feasibleTuples(_ p: SelectionProblem, budget: Money? = nil) -> [[Int]] {
        feasibleSelections(p, budget: budget).map(\.tuple)
    }

    /// Σ of the soft balance rows' violations in euros, computed exactly from the selection;
    /// nil when a hard row is violated.
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

    /// The exact (ESSMS, acquisitions) Pareto front, sorted by acquisitions.
    static func paretoFront(_ p: SelectionProblem) -> [[Int]] {
        let pairs = Set(feasibleTuples(p).map { [$0[0], $0[1]] })
        return pairs.filter { x in !pairs.contains { y in y != x && y[0] >= x[0] && y[1] >= x[1] } }
            .sorted { $0[1] < $1[1] }
    }
}
