// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
@testable import Selection
import Testing
import TestSupport

/// The exchanges that improve an explanation re-solve's start keep every constraint, on seeded
/// random instances checked against the exhaustive list of feasible selections.
@Suite struct ExchangeSearchTests {
    static func value(_ p: SelectionProblem, _ chosen: [Int], _ k: Int) -> Int {
        chosen.reduce(0) { sum, i in
            let c = p.candidates[i]
            return sum + [c.finessCount, c.acquisitions, c.score][k]
        }
    }

    @Test("improved starts stay feasible, keep the earlier stages and the fixed project, and never lose on the stage",
          arguments: [BalanceRule.Mode.off, .hard])
    func improvedStartsAreFeasible(mode: BalanceRule.Mode) throws {
        var improvements = 0
        for seed in UInt64(1)...120 {
            let p = RandomSelectionInstances.instance(seed: seed, mode: mode)
            let feasible = RandomSelectionInstances.feasibleSelections(p)
            let allowed = Set(feasible.map(\.chosen))
            guard !feasible.isEmpty else { continue }
            let plan = try Selector.stagesPlan(p)
            let search = ExchangeSearch(p, plan: plan)
            let start = feasible[Int(seed) % feasible.count].chosen
            let n = p.candidates.count
            let fixed = seed % 3 == 0 ? nil : Int(seed) % n
            for stage in plan.indices {
                let floors = (0..<stage).map { Double(Self.value(p, start, $0)) - 1e-6 }
                let bools = (0..<n).map { start.contains($0) }
                let better = try #require(search.improved(bools, stage: stage, floors: floors, fixed: fixed), "seed \(seed)")
                let chosen = (0..<n).filter { better[$0] }
                #expect(allowed.contains(chosen), "seed \(seed) stage \(stage): \(chosen) is not a feasible selection")
                for j in 0..<stage { #expect(Self.value(p, chosen, j) >= Self.value(p, start, j), "seed \(seed) stage \(stage)") }
                #expect(Self.value(p, chosen, stage) >= Self.value(p, start, stage), "seed \(seed) stage \(stage)")
                if let fixed { #expect(better[fixed] == bools[fixed], "seed \(seed) stage \(stage): fixed project moved") }
                if Self.value(p, chosen, stage) > Self.value(p, start, stage) { improvements += 1 }
            }
        }
        #expect(improvements > 20)
    }

    @Test("a start that breaks a constraint is left to the solver")
    func infeasibleStartRefused() throws {
        for seed in UInt64(1)...40 {
            let p = RandomSelectionInstances.instance(seed: seed, mode: .off)
            let all = p.candidates.reduce(Int64(0)) { $0 + $1.amount.cents }
            guard all > p.available.cents else { continue }
            let search = ExchangeSearch(p, plan: try Selector.stagesPlan(p))
            #expect(search.improved(p.candidates.map { _ in true }, stage: 0, floors: [], fixed: nil) == nil, "seed \(seed)")
        }
    }
}
