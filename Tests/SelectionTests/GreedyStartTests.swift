// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
@testable import Selection
import Testing
import TestSupport

/// The greedy start of an explanation re-solve, prepared once for the selection, is the one
/// `Selector.greedy` gives on the changed problem (candidate forced in, or skipped), entry for
/// entry: with forced projects, a hint, budget rows, engaged FINESS and every objective order.
@Suite struct GreedyStartTests {
    @Test("the prepared greedy start equals Selector.greedy on each changed problem")
    func sameAsGreedy() throws {
        let orders: [Objective] = [.default, .lexicographic([.acquisition, .score, .finess]), .lexicographic([.score, .finess]),
                                   .weighted([.finess: 3, .score: 1])]
        var compared = 0, differentFromBase = 0
        for seed in UInt64(1)...150 {
            var p = RandomSelectionInstances.instance(seed: seed, mode: .off)
            var g = SeededGenerator(seed: seed &* 7919)
            p.objective = orders[Int(seed) % orders.count]
            let ids = p.candidates.map(\.id)
            p.forced = Set(ids.filter { _ in g.int(6) == 0 })
            if g.int(2) == 0 {
                let members = Set(ids.filter { _ in g.int(2) == 0 })
                let cap = p.candidates.filter { members.contains($0.id) }.reduce(Int64(0)) { $0 + $1.amount.cents } / 2
                p.budgetRows = [BudgetRow(name: "r1", members: members, cap: Money(cents: cap))]
            }
            let hint = Set(ids.filter { _ in g.int(2) == 0 })
            let plan = try Selector.stagesPlan(p)
            let weights = plan.first?.1 ?? [:]
            let sm = SelectionModel(p, withSoftBalance: false)
            let prepared = GreedyStart(p, weights: weights, hint: hint)
            let selector = Selector()
            for i in p.candidates.indices {
                for forcing in [true, false] where !(forcing && p.forced.contains(ids[i])) {
                    var q = p
                    q.startHint = hint
                    if forcing { q.forced.insert(ids[i]) }
                    let expected = selector.greedy(q, sm, weights: weights, budget: p.available, skip: forcing ? nil : i)
                    let got = prepared.start(sm, candidate: i, forcing: forcing)
                    #expect(got == expected, "seed \(seed) candidate \(i) forcing \(forcing)")
                    compared += 1
                    var base = p
                    base.startHint = hint
                    if expected != selector.greedy(base, sm, weights: weights, budget: p.available) { differentFromBase += 1 }
                }
            }
        }
        #expect(compared > 1_000)
        #expect(differentFromBase > 300)
    }
}
