// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection
import Testing
import TestSupport

@Suite struct SelectorEdgeTests {
    /// An envelope already overspent by engaged projects: the model is infeasible, and says so
    /// (no cut loop on an empty selection, no solver error).
    @Test func anOverspentEnvelopeIsInfeasible() throws {
        var p = RandomSelectionInstances.instance(seed: 3, mode: .off)
        p.available = Money(cents: -100)
        let r = try Selector().solve(p)
        #expect(r.status == .infeasible, "\(r.sentence)")
        #expect(r.selected.isEmpty && r.used == .zero)
    }
}
