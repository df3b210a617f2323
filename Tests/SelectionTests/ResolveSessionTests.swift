// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import ScenarioModel
@testable import Selection
import Testing
import TestSupport

/// The re-solves made in solver sessions (`Selector.resolve`), where each stage's LP reduced
/// costs fix columns for the stages after it and the soft-balance stage is settled without a
/// search when no other selection ties on every integer stage: against enumeration.
@Suite struct ResolveSessionTests {
    /// Runs `body` with the sessions of `p`'s re-solves open, as `Explainer` opens them.
    static func withSessions(_ p: SelectionProblem, _ r: SelectionResult,
                             _ body: (ResolveModels, Explainer.Sessions) -> Void) throws {
        let models = try ResolveModels(p, hint: Set(r.selectedIDs(p)))
        let values = r.stages.prefix(models.plan.count).compactMap(\.value)
        Explainer.withSessions(Selector(), models, values: values, reference: values) { sessions in
            guard let sessions else { Issue.record("no solver sessions"); return }
            body(models, sessions)
        }
    }

    @Test("a removal's re-solve under a soft balance is the lexicographic optimum without it, with the least imbalance of its ties")
    func removalsTakeTheLeastImbalancedTie() throws {
        var checked = 0, tied = 0, alone = 0
        for seed in UInt64(0)..<60 {
            let p = RandomSelectionInstances.instance(seed: seed, mode: .soft)
            let r = try Selector().solve(p)
            guard r.status == .optimal else { continue }
            let all = RandomSelectionInstances.feasibleSelections(p)
            let hint = Set(r.selectedIDs(p))
            try Self.withSessions(p, r) { models, sessions in
                for i in r.selected {
                    let without = all.filter { !$0.chosen.contains(i) }
                    guard let best = without.map(\.tuple).max(by: { $0.lexicographicallyPrecedes($1) }) else { continue }
                    let ties = without.filter { $0.tuple == best }
                    let least = ties.map(\.slack).min()!
                    let s: SelectionResult?
                    do {
                        s = try Selector().resolve(p, models, integer: sessions.integer, balance: sessions.balance, candidate: i,
                                                   forcing: false, hint: hint, reference: sessions.reference)
                    } catch {
                        Issue.record("seed \(seed) P\(i): \(error)")
                        continue
                    }
                    guard let s else { Issue.record("seed \(seed) P\(i): no answer"); continue }
                    #expect(s.status == .optimal, "seed \(seed) P\(i)")
                    #expect(!s.selected.contains(i), "seed \(seed) P\(i)")
                    #expect([s.finess, s.acquisitions, s.score] == best, "seed \(seed) P\(i)")
                    let slack = RandomSelectionInstances.imbalance(p, s.selected) ?? .infinity
                    #expect(abs(slack - least) <= 0.02 + 1e-6 * least, "seed \(seed) P\(i): imbalance \(slack), least \(least)")
                    if ties.count > 1 { tied += 1 } else { alone += 1 }
                    checked += 1
                }
            }
        }
        #expect(checked > 40)
        #expect(tied > 5, "the instances must hold removals with several optimal selections")
        #expect(alone > 5)
    }

    @Test("a soft-balance session whose basis is recorded on first use answers as one recorded before any job")
    func balanceBasisOnFirstUseGivesTheSameAnswers() throws {
        var compared = 0, balanced = 0
        for seed in UInt64(0)..<40 {
            var p = RandomSelectionInstances.instance(seed: seed, mode: .soft)
            // Without scores, every other instance has removals whose optima tie.
            if seed % 2 == 0 { p.candidates = p.candidates.map { var c = $0; c.score = 0; return c } }
            let r = try Selector().solve(p)
            guard r.status == .optimal else { continue }
            let hint = Set(r.selectedIDs(p))
            let models = try ResolveModels(p, hint: hint)
            let values = r.stages.prefix(models.plan.count).compactMap(\.value)
            func answers(eager: Bool) throws -> [[Int]] {
                var out: [[Int]] = []
                try Selector().solver.withSession(models.integer.model) { integer in
                    try? Selector().solver.withSession(models.balance!) { opened in
                        try? models.recordBases(integer: integer, values: values)
                        var recorded = 0
                        let balance: any MIPSession
                        if eager {
                            try? models.recordBalanceBasis(opened, values: values)
                            balance = opened
                        } else {
                            balance = BasisOnFirstUse(opened) { recorded += 1; try? models.recordBalanceBasis($0, values: values) }
                        }
                        for i in r.selected {
                            let s = try? Selector().resolve(p, models, integer: integer, balance: balance, candidate: i,
                                                            forcing: false, hint: hint, reference: values)
                            out.append((s?.selected ?? [-1]) + [s?.stages.last?.nodes ?? -1])
                            if s?.stages.last?.sentence.hasPrefix("No other selection") == false { balanced += 1 }
                        }
                        #expect(recorded <= 1)
                    }
                }
                return out
            }
            #expect(try answers(eager: true) == answers(eager: false), "seed \(seed)")
            compared += 1
        }
        #expect(compared > 20)
        #expect(balanced > 5, "the soft-balance stage must be solved in some re-solves")
    }

    @Test("a forcing's re-solve is the lexicographic optimum of the selections that hold it")
    func forcingsReachTheOptimumHoldingThem() throws {
        var checked = 0
        for seed in UInt64(0)..<60 {
            let p = RandomSelectionInstances.instance(seed: seed, mode: seed % 2 == 0 ? .soft : .hard)
            let r = try Selector().solve(p)
            guard r.status == .optimal else { continue }
            let all = RandomSelectionInstances.feasibleSelections(p)
            let hint = Set(r.selectedIDs(p))
            try Self.withSessions(p, r) { models, sessions in
                for i in p.candidates.indices where !r.selected.contains(i) {
                    let holding = all.filter { $0.chosen.contains(i) }.map(\.tuple)
                    let s = try? Selector().resolve(p, models, integer: sessions.integer, balance: sessions.balance, candidate: i,
                                                    forcing: true, hint: hint, reference: sessions.reference)
                    guard let best = holding.max(by: { $0.lexicographicallyPrecedes($1) }) else {
                        #expect(s?.status == .infeasible || s?.selected.isEmpty != false, "seed \(seed) P\(i)")
                        continue
                    }
                    guard let s, s.status == .optimal else { Issue.record("seed \(seed) P\(i): not proven"); continue }
                    #expect(s.selected.contains(i) && [s.finess, s.acquisitions, s.score] == best, "seed \(seed) P\(i)")
                    checked += 1
                }
            }
        }
        #expect(checked > 40)
    }
}
