// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer

/// A seeded generator, so every instance is reproducible from (N, seed).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A selection-shaped instance: N binary projects, objective = number of ESSMS, a budget
/// row at 40 % of the demand, "one grant per FINESS" pairs covering ~10 % of the projects,
/// and hard balance rows (12 departements, 6 sectors): (1-tau) t_k T <= A_k <= (1+tau) t_k T.
struct SelectionInstance {
    static let departements = 12
    static let sectors = 6
    static let tolerance = 0.25

    let model: LinearModel
    let x: [VariableID]
    let essms: [Int]
    let cost: [Double]
    let budget: Double
    let conflicts: [[Int]]          // conflicts[p] = projects sharing a FINESS with p
    /// money[k][p]: money of project p going to balance key k (12 departements then 6 sectors).
    let money: [[Double]]
    let targets: [Double]

    init(projects n: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let keyCount = Self.departements + Self.sectors
        var essms: [Int] = [], cost: [Double] = []
        var money = [[Double]](repeating: [Double](repeating: 0, count: n), count: keyCount)
        for p in 0..<n {
            let e = Int.random(in: 5...60, using: &rng)
            let home = Int.random(in: 0..<Self.departements, using: &rng)
            var total = 0.0
            for _ in 0..<e {
                let amount = Double(Int.random(in: 5_000...21_000, using: &rng))
                // Mostly the project's home departement, sometimes a neighbour.
                let d = Double.random(in: 0..<1, using: &rng) < 0.85 ? home : Int.random(in: 0..<Self.departements, using: &rng)
                let s = Int.random(in: 0..<Self.sectors, using: &rng)
                money[d][p] += amount
                money[Self.departements + s][p] += amount
                total += amount
            }
            essms.append(e)
            cost.append(total)
        }
        var conflicts = [[Int]](repeating: [], count: n)
        var shuffled = Array(0..<n)
        shuffled.shuffle(using: &rng)
        let pairs = n / 20
        for k in 0..<pairs {
            let (a, b) = (shuffled[2 * k], shuffled[2 * k + 1])
            conflicts[a].append(b)
            conflicts[b].append(a)
        }
        let demand = cost.reduce(0, +)
        let budget = (demand * 0.4).rounded(.down)
        // Target shares: each key's share of the demand, per family.
        let targets = (0..<keyCount).map { k in money[k].reduce(0, +) / demand }

        var model = LinearModel(name: "selection_\(n)_\(seed)", sense: .maximize)
        let x = (0..<n).map { model.addBinary("x_P\(String(format3: $0))", objective: Double(essms[$0])) }
        model.addRow("budget", (0..<n).map { Term(x[$0], cost[$0]) }, .lessOrEqual(budget))
        for k in 0..<pairs {
            let (a, b) = (shuffled[2 * k], shuffled[2 * k + 1])
            model.addRow("finess_\(350_000_000 + k)", [Term(x[a], 1), Term(x[b], 1)], .lessOrEqual(1))
        }
        for k in 0..<keyCount {
            let name = k < Self.departements ? "terr_\(k + 20)" : "sect_\(k - Self.departements + 1)"
            let t = targets[k]
            // A_k - (1 + tau) t_k T <= 0 and (1 - tau) t_k T - A_k <= 0, T = sum of cost x.
            model.addRow(name + "_hi", (0..<n).map { Term(x[$0], money[k][$0] - (1 + Self.tolerance) * t * cost[$0]) }, .lessOrEqual(0))
            model.addRow(name + "_lo", (0..<n).map { Term(x[$0], (1 - Self.tolerance) * t * cost[$0] - money[k][$0]) }, .lessOrEqual(0))
        }
        self.model = model
        self.x = x
        self.essms = essms
        self.cost = cost
        self.budget = budget
        self.conflicts = conflicts
        self.money = money
        self.targets = targets
    }
}

extension String {
    init(format3 value: Int) {
        let digits = String(value)
        self = String(repeating: "0", count: Swift.max(0, 3 - digits.count)) + digits
    }
}
