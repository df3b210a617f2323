// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection
import Testing
import TestSupport

/// The explanations equal exhaustive re-solves: for every candidate left out, what forcing it in
/// costs is the lexicographic optimum of the selections that hold it (enumerated); the projects
/// it pushes out are exactly those of the re-solve's selection; the envelope with which it
/// comes in on top of the selection is the money used plus its amount, and only when it shares
/// no FINESS and keeps every hard row; for every selected project, removing it loses what the
/// enumeration without it says.
@Suite struct ExplainerBruteForceTests {
    static func lexMax(_ tuples: [[Int]]) -> [Int]? {
        tuples.max { a, b in a.lexicographicallyPrecedes(b) }
    }

    @Test(arguments: [BalanceRule.Mode.off, .hard, .soft])
    func explanationsEqualExhaustiveReSolves(mode: BalanceRule.Mode) throws {
        var checked = 0
        for seed in UInt64(0)..<40 {
            let p = RandomSelectionInstances.instance(seed: seed, mode: mode)
            let r = try Selector().solve(p)
            guard r.status == .optimal else { continue }
            let all = RandomSelectionInstances.feasibleSelections(p)
            let best = try #require(Self.lexMax(all.map(\.tuple)))
            #expect([r.finess, r.acquisitions, r.score] == best, "seed \(seed)")
            let explanations = Explainer(selector: Selector(), resolveLimit: 1_000)
                .explain(p, r, projects: p.candidates.map { ($0.id, $0.title) })
            let selected = Set(r.selected)
            for (i, c) in p.candidates.enumerated() {
                let e = try #require(explanations.first { $0.id == c.id })
                if selected.contains(i) {
                    // Removing it: the best selection without it.
                    if let without = Self.lexMax(all.filter { !$0.chosen.contains(i) }.map(\.tuple)) {
                        #expect(e.removal?.finessLost == r.finess - without[0], "seed \(seed) \(c.id)")
                    } else {
                        #expect(e.removal == nil, "seed \(seed) \(c.id): no selection without it keeps the hard rows")
                    }
                    continue
                }
                guard e.code == "displaced" || e.code == "forcing-infeasible" else { continue }
                let holding = all.filter { $0.chosen.contains(i) }
                guard let forced = Self.lexMax(holding.map(\.tuple)) else {
                    #expect(e.code == "forcing-infeasible", "seed \(seed) \(c.id): no feasible selection holds it")
                    continue
                }
                let cost = try #require(e.forcingCost, "seed \(seed) \(c.id)")
                #expect([cost.finess, cost.acquisitions, cost.score] == zip(best, forced).map { $0 - $1 },
                        "seed \(seed) \(c.id): \(cost) against \(best) − \(forced)")
                // The dropped projects are those of an optimal selection holding it.
                let index = Dictionary(uniqueKeysWithValues: p.candidates.enumerated().map { ($1.id, $0) })
                let dropped = Set(e.dropped.compactMap { index[$0] })
                let kept = Set(r.selected).subtracting(dropped)
                #expect(dropped.isSubset(of: selected), "seed \(seed) \(c.id): dropped \(e.dropped)")
                let optimal = holding.filter { $0.tuple == forced }.map { Set($0.chosen) }
                #expect(optimal.contains { kept.isSubset(of: $0) && $0.isDisjoint(with: dropped) },
                        "seed \(seed) \(c.id): dropped \(e.dropped)")
                // The envelope to come in on top of the selection.
                let with = r.selected + [i]
                let fits = RandomSelectionInstances.feasibleSelections(p, budget: Money(cents: Int64.max / 4))
                    .contains { Set($0.chosen) == Set(with) }
                if fits {
                    #expect(e.envelopeToEnter == r.used + c.amount, "seed \(seed) \(c.id)")
                } else {
                    #expect(e.envelopeToEnter == nil, "seed \(seed) \(c.id)")
                }
                checked += 1
            }
        }
        #expect(checked > 10)
    }

    /// Under an objective that does not rank the score, the score of a re-solve's selection is
    /// whichever the tie among its optima gives: the reason must not call it a loss or a gain.
    /// The terms ranked are named, and their figures still equal the exhaustive optimum.
    /// By default every project is re-solved, whatever the size of the committee (20 of each
    /// kind above 400 candidates before); a committee's recorded limit stays 200.
    @Test func everyProjectIsReSolvedByDefault() {
        for n in [0, 1, 116, 200, 258, 401, 1_879, 5_000] {
            #expect(Explainer.defaultResolveLimit(candidates: n) >= n, "\(n) candidates")
        }
        #expect(Explainer.defaultResolveLimit(candidates: 116) == 200)
    }

    @Test func termsTheObjectiveDoesNotRankAreNotCalledCosts() throws {
        var displaced = 0
        for seed in UInt64(0)..<40 {
            var p = RandomSelectionInstances.instance(seed: seed, mode: .off)
            p.objective = .lexicographic([.acquisition, .finess])
            let r = try Selector().solve(p)
            guard r.status == .optimal else { continue }
            let all = RandomSelectionInstances.feasibleSelections(p)
            let best = try #require(all.map { [$0.tuple[1], $0.tuple[0]] }.max { $0.lexicographicallyPrecedes($1) })
            let explanations = Explainer(selector: Selector(), resolveLimit: 1_000)
                .explain(p, r, projects: p.candidates.map { ($0.id, $0.title) })
            for (i, e) in zip(p.candidates.indices, explanations) where e.code == "displaced" {
                displaced += 1
                #expect(e.rankedTerms == [.finess, .acquisition], "seed \(seed) \(e.id)")
                #expect(!e.reason.contains("score"), "seed \(seed) \(e.id): \(e.reason)")
                let cost = try #require(e.forcingCost)
                let forced = try #require(all.filter { $0.chosen.contains(i) }.map { [$0.tuple[1], $0.tuple[0]] }
                    .max { $0.lexicographicallyPrecedes($1) })
                #expect([cost.acquisitions, cost.finess] == zip(best, forced).map { $0 - $1 }, "seed \(seed) \(e.id)")
                #expect(e.reason.contains("ESSMS") || e.reason.contains("acquisition"), "seed \(seed) \(e.id): \(e.reason)")
            }
        }
        #expect(displaced > 10)
        #expect(Explainer.rankedCountTerms(.weighted([.finess: 1, .score: 0, .acquisition: 0.5])) == [.finess, .acquisition])
        #expect(Explainer.rankedCountTerms(.default) == [.finess, .acquisition, .score])
    }

    @Test("the explanations of the brute-force instances are proven, within the default node limits")
    func bruteForceExplanationsAreProven() throws {
        for seed in UInt64(0)..<20 {
            let p = RandomSelectionInstances.instance(seed: seed, mode: .hard)
            let r = try Selector().solve(p)
            guard r.status == .optimal else { continue }
            let explanations = Explainer(selector: Selector(), resolveLimit: 1_000)
                .explain(p, r, projects: p.candidates.map { ($0.id, $0.title) })
            #expect(explanations.allSatisfy { $0.proven && !$0.reason.contains("node") }, "seed \(seed)")
        }
    }

    @Test("under a limit, the projects left out with the highest score and the selected ones with the lowest are re-solved, after those asked for")
    func limitTakesTheMostRelevantFirst() throws {
        var checked = 0
        for seed in UInt64(0)..<80 {
            let p = RandomSelectionInstances.instance(seed: seed, mode: .soft)
            let r = try Selector().solve(p)
            guard r.status == .optimal else { continue }
            let projects = p.candidates.map { ($0.id, $0.title) }
            let selected = Set(r.selected)
            let taken = Set(r.selected.flatMap { p.candidates[$0].finess }).union(p.engagedFINESS)
            // The candidates each kind of re-solve may take, in the order of the projects.
            let outs = p.candidates.indices.filter { i in
                !selected.contains(i) && p.candidates[i].amount <= p.available && p.candidates[i].finess.allSatisfy { !taken.contains($0) }
            }
            let ins = r.selected.sorted().filter { !p.forced.contains(p.candidates[$0].id) }
            guard outs.count >= 2, ins.count >= 2 else { continue }
            let asked = p.candidates[outs.last!].id
            let e = Explainer(selector: Selector(), resolveLimit: 1)
            var withAsked = e
            withAsked.asked = [asked]
            // The highest score left out (the one asked for aside), the lowest selected; ties by order.
            func first(_ outs: [Int]) -> String { p.candidates[outs.min { (-p.candidates[$0].score, $0) < (-p.candidates[$1].score, $1) }!].id }
            let expectedIn = ins.min { (p.candidates[$0].score, $0) < (p.candidates[$1].score, $1) }!
            let runs: [(Explainer, Set<String>)] = [(e, [first(outs)]), (withAsked, [asked, first(outs.dropLast())])]
            for (explainer, expected) in runs {
                let out: [ProjectExplanation] = explainer.explain(p, r, projects: projects)
                func reSolved(_ x: ProjectExplanation) -> Bool {
                    x.forcingCost != nil || x.code == "forcing-infeasible" || (x.code == "not-computed" && !x.proven)
                }
                let forced = Set(out.filter(reSolved).map { $0.id })
                let removed = Set(out.filter { $0.removal != nil }.map { $0.id })
                #expect(forced == expected, "seed \(seed): \(forced)")
                #expect(removed == [p.candidates[expectedIn].id], "seed \(seed): \(removed)")
            }
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test("a spent node budget leaves the projects after it not computed, and says so; threads change nothing")
    func nodeBudgetIsDeterministic() throws {
        var sawBudget = false
        for seed in UInt64(0)..<20 {
            let p = RandomSelectionInstances.instance(seed: seed, mode: .hard)
            let r = try Selector().solve(p)
            guard r.status == .optimal else { continue }
            let projects = p.candidates.map { ($0.id, $0.title) }
            let none = Explainer(selector: Selector(), resolveLimit: 1_000, nodeBudget: 0).explain(p, r, projects: projects)
            #expect(none.allSatisfy { $0.forcingCost == nil && $0.removal == nil }, "seed \(seed)")
            for e in none where e.code == "not-computed" {
                #expect(e.reason.contains("node budget was spent"), "seed \(seed) \(e.id): \(e.reason)")
                sawBudget = true
            }
            // One node: the first batch runs (each re-solve opens at least one node), nothing after it.
            let one = Explainer(selector: Selector(), resolveLimit: 1_000, threads: 1, nodeBudget: 1).explain(p, r, projects: projects)
            let two = Explainer(selector: Selector(), resolveLimit: 1_000, threads: 2, nodeBudget: 1).explain(p, r, projects: projects)
            #expect(one.map(\.reason) == two.map(\.reason), "seed \(seed)")
            // What the small budget did compute equals the unlimited explanation; what it did not is marked.
            let full = Explainer(selector: Selector(), resolveLimit: 1_000).explain(p, r, projects: projects)
            for (a, b) in zip(one, full) {
                if a.forcingCost != nil || a.removal != nil || a.code != "not-computed" {
                    #expect(a.reason == b.reason, "seed \(seed) \(a.id)")
                } else if b.code != "not-computed" || b.removal != nil {
                    #expect(a.reason.contains("node budget was spent") || a.decision == .selected, "seed \(seed) \(a.id): \(a.reason)")
                }
            }
        }
        #expect(sawBudget)
    }
}
