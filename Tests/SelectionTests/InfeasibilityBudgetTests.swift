// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import ScenarioModel
import Selection
import Testing
import TestSupport

/// Issue 13: a hard balance that cannot be met is said at once, its diagnosis is bounded in
/// time by default and says when it was cut short, and what it suggests stays proven.
@Suite struct InfeasibilityBudgetTests {
    typealias R = RandomSelectionInstances

    /// Generated instances with an engaged project (without one, funding nothing meets any
    /// balance) and a territorial balance hard within 2 %, that brute force finds infeasible.
    static func infeasibleInstances(count: Int) -> [(seed: UInt64, problem: SelectionProblem)] {
        var out: [(UInt64, SelectionProblem)] = []
        for seed in UInt64(1)...400 where out.count < count {
            var p = R.instance(seed: seed &* 104_729, mode: .hard)
            guard !p.engaged.isEmpty else { continue }
            p.territory.tolerance = 0.02
            p.sector.mode = .off
            if R.feasibleSelections(p).isEmpty { out.append((seed, p)) }
        }
        return out
    }

    /// The problem with the tolerances the report suggests.
    static func relaxed(_ p: SelectionProblem, _ report: InfeasibilityReport) -> SelectionProblem {
        var q = p
        for (name, t) in report.suggestedTolerances {
            if name == p.territory.name { q.territory.tolerance = t } else { q.sector.tolerance = t }
        }
        return q
    }

    @Test func infeasibleModelsAreProvenAndDiagnosedWithinTheDefaultBudget() throws {
        let instances = Self.infeasibleInstances(count: 12)
        #expect(instances.count == 12)
        let clock = ContinuousClock()
        for (seed, p) in instances {
            let r = try Selector().solve(p)
            #expect(r.status == .infeasible, "seed \(seed): \(r.sentence)")
            let began = clock.now
            let report = try InfeasibilityAnalyzer.sharing(timeLimit: nil, relativeGap: 0).analyze(p)
            #expect(report.timeBudget == InfeasibilityAnalyzer.defaultTimeBudget)
            // The budget, plus GLPK's overrun and a loaded machine.
            #expect(began.duration(to: clock.now) < .seconds(InfeasibilityAnalyzer.defaultTimeBudget + 5), "seed \(seed)")
            #expect(report.cause == .balance, "seed \(seed): \(report.sentence)")
            // What it suggests admits a selection, by exhaustive enumeration.
            #expect(!R.feasibleSelections(Self.relaxed(p, report)).isEmpty, "seed \(seed): \(report.suggestedTolerances)")
            if let v = report.verification { #expect(v.status == .optimal, "seed \(seed)") }
        }
    }

    @Test func aDiagnosisCutShortSaysSoAndItsTolerancesStayProven() throws {
        for (seed, p) in Self.infeasibleInstances(count: 6) {
            let full = try InfeasibilityAnalyzer(selector: Selector(), timeBudget: 60).analyze(p)
            #expect(!full.cutShort, "seed \(seed): \(full.sentence)")
            #expect(!full.sentence.contains("cut short"))
            // No time for the bisection: the elastic selection alone bounds the tolerances.
            let cut = try InfeasibilityAnalyzer(selector: Selector(), verify: false, timeBudget: 0.001).analyze(p)
            #expect(cut.cutShort, "seed \(seed)")
            #expect(cut.sentence.contains("cut short by its time limit"), "seed \(seed): \(cut.sentence)")
            guard cut.cause == .balance else { continue }
            #expect(!R.feasibleSelections(Self.relaxed(p, cut)).isEmpty, "seed \(seed): \(cut.suggestedTolerances)")
            // Less tight, never tighter, than the full diagnosis.
            for (name, t) in full.suggestedTolerances {
                let loose = cut.suggestedTolerances.first { $0.balance == name }?.tolerance
                #expect((loose ?? .infinity) >= t - 1e-9, "seed \(seed) \(name): \(loose ?? -1) < \(t)")
            }
        }
    }
}
