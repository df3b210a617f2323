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
            // Every fourth seed, some candidates frozen as well (a re-solve's chained fixings).
            let frozen = seed % 4 == 1 ? (0..<n).map { ($0 * 7 + Int(seed)) % 3 == 0 } : nil
            for stage in plan.indices {
                let floors = (0..<stage).map { Double(Self.value(p, start, $0)) - 1e-6 }
                let bools = (0..<n).map { start.contains($0) }
                let better = try #require(search.improved(bools, stage: stage, floors: floors, fixed: fixed, frozen: frozen), "seed \(seed)")
                if let frozen { for j in 0..<n where frozen[j] { #expect(better[j] == bools[j], "seed \(seed) stage \(stage): frozen project moved") } }
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

    @Test("a search made near a selection gives the answers of one made from nothing; not near one under fractional weights",
          arguments: [BalanceRule.Mode.off, .hard])
    func searchNearASelectionGivesTheSameAnswers(mode: BalanceRule.Mode) throws {
        var compared = 0
        let cases = (UInt64(1)...80).map { ($0, RandomSelectionInstances.instance(seed: $0, mode: mode)) }
        for (seed, instance) in cases {
            var p = instance
            let nonEmpty = RandomSelectionInstances.feasibleSelections(p).filter { !$0.chosen.isEmpty }
            guard nonEmpty.count > 2 else { continue }
            let feasible = nonEmpty
            let plan = try Selector.stagesPlan(p)
            let n = p.candidates.count
            let reference = nonEmpty[Int(seed) % nonEmpty.count].chosen
            let near = Set(reference.map { p.candidates[$0].id })
            let plain = ExchangeSearch(p, plan: plan), made = ExchangeSearch(p, plan: plan, near: near)
            #expect(made.near != nil)
            for start in [feasible[(Int(seed) * 7) % feasible.count].chosen, reference, []] {
                let bools = (0..<n).map { start.contains($0) }
                let relaxation = (0..<n).map { start.contains($0) ? 1.0 : Double(($0 * 37 + Int(seed)) % 10) / 10 }
                for stage in plan.indices {
                    let floors = (0..<stage).map { Double(Self.value(p, start, $0)) - 1e-6 }
                    #expect(made.improved(bools, stage: stage, floors: floors, fixed: nil)
                            == plain.improved(bools, stage: stage, floors: floors, fixed: nil), "seed \(seed) stage \(stage)")
                    #expect(made.rounded(relaxation, stage: stage, floors: floors, fixed: nil)
                            == plain.rounded(relaxation, stage: stage, floors: floors, fixed: nil), "seed \(seed) stage \(stage)")
                    let a = ExchangeSearch.State(search: made, selected: bools), b = ExchangeSearch.State(search: plain, selected: bools)
                    #expect(a.used == b.used && a.sums == b.sums && a.taken == b.taken && a.rowUsed == b.rowUsed
                            && a.balance == b.balance && a.overTaken == b.overTaken && a.holds == b.holds, "seed \(seed)")
                    compared += 1
                }
            }
            // Terms that are not whole numbers: their sums could differ in the last bits.
            p.objective = .weighted([.finess: 3, .acquisition: 1, .score: 0.1])
            #expect(ExchangeSearch(p, plan: try Selector.stagesPlan(p), near: near).near == nil)
        }
        #expect(compared > 100)
    }

    @Test("a start rounded from an LP point is feasible, meets the floors, keeps the fixed and frozen projects, and loses nothing on an integral point",
          arguments: [BalanceRule.Mode.off, .hard])
    func roundedStartsAreFeasible(mode: BalanceRule.Mode) throws {
        var made = 0, repaired = 0
        for seed in UInt64(1)...160 {
            let p = RandomSelectionInstances.instance(seed: seed, mode: mode)
            let feasible = RandomSelectionInstances.feasibleSelections(p)
            let allowed = Set(feasible.map(\.chosen))
            guard feasible.count > 1 else { continue }
            let plan = try Selector.stagesPlan(p)
            let search = ExchangeSearch(p, plan: plan)
            let n = p.candidates.count
            // The point: a feasible selection G, with some candidates outside it fractional
            // (an LP optimum is a few fractional candidates on top of whole ones), or G whole.
            let g = feasible[(Int(seed) * 7) % feasible.count].chosen
            let integral = seed % 3 == 0
            let fixed = seed % 2 == 0 ? nil : g.first
            let frozen = seed % 4 == 1 ? (0..<n).map { ($0 * 5 + Int(seed)) % 4 == 0 } : nil
            // One member of G fractional too (not a fixed or frozen one: an LP keeps those at
            // their bound), so that its rounding down may fall below a floor.
            let split = integral ? nil : g.last(where: { $0 != fixed && !(frozen?[$0] ?? false) })
            let point = (0..<n).map { j in
                j == split ? 0.6 : g.contains(j) ? 1.0 : !integral && (j + Int(seed)) % 3 == 0 && !(frozen?[j] ?? false) ? 0.4 : 0
            }
            for stage in plan.indices.dropFirst() {
                // Floors a unit or so below G's values, as an earlier stage's row holds them.
                let floors = (0..<stage).map { Double(Self.value(p, g, $0)) - Double((Int(seed) + $0) % 2) - 1e-6 }
                guard let r = search.rounded(point, stage: stage, floors: floors, fixed: fixed, frozen: frozen) else { continue }
                made += 1
                let chosen = (0..<n).filter { r[$0] }
                #expect(allowed.contains(chosen), "seed \(seed) stage \(stage): \(chosen) is not a feasible selection")
                for j in 0..<stage { #expect(Double(Self.value(p, chosen, j)) >= floors[j], "seed \(seed) stage \(stage): floor \(j)") }
                if let fixed { #expect(r[fixed] == (point[fixed] > 0.5), "seed \(seed) stage \(stage): fixed project moved") }
                if let frozen {
                    for j in 0..<n where frozen[j] { #expect(r[j] == (point[j] > 0.5), "seed \(seed) stage \(stage): frozen project moved") }
                }
                if integral { #expect(Self.value(p, chosen, stage) >= Self.value(p, g, stage), "seed \(seed) stage \(stage)") }
                if chosen != g { repaired += 1 }
            }
        }
        #expect(made > 60)
        #expect(repaired > 20)
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

    /// The exchanges as first written: every pass scans the candidates that may enter from the
    /// start. `improved` finds the same first fitting candidate through a `CandidateTree`.
    static func scanned(_ search: ExchangeSearch, _ selected: [Bool], stage: Int, floors: [Double], fixed: Int?) -> [Bool]? {
        var state = ExchangeSearch.State(search: search, selected: selected)
        guard state.holds else { return nil }
        let term = search.values[stage]
        let entering = (0..<search.count).filter { !search.blocked[$0] && $0 != fixed && term[$0] > 0 }
            .sorted { term[$0] != term[$1] ? term[$0] > term[$1] : $0 < $1 }
        var passes = 0
        var moved = true
        while moved && passes < 20 {
            moved = false
            passes += 1
            for b in entering where !state.selected[b] && state.canAdd(b, floors: floors) {
                state.add(b)
                moved = true
            }
            for a in 0..<search.count where state.selected[a] && !search.forced[a] && a != fixed {
                for b in entering {
                    if term[b] <= term[a] { break }
                    guard !state.selected[b], state.canSwap(out: a, in: b, stage: stage, floors: floors) else { continue }
                    state.remove(a)
                    state.add(b)
                    moved = true
                    break
                }
            }
        }
        return state.selected
    }

    @Test("the tree finds the same moves as scanning every candidate", arguments: [BalanceRule.Mode.off, .hard])
    func sameMovesAsTheScan(mode: BalanceRule.Mode) throws {
        var compared = 0, moved = 0
        for seed in UInt64(1)...200 {
            let p = RandomSelectionInstances.instance(seed: seed, mode: mode)
            let feasible = RandomSelectionInstances.feasibleSelections(p)
            guard !feasible.isEmpty else { continue }
            let plan = try Selector.stagesPlan(p)
            let search = ExchangeSearch(p, plan: plan)
            let n = p.candidates.count
            for (k, start) in [feasible[Int(seed) % feasible.count].chosen, feasible[0].chosen, []].enumerated() {
                let bools = (0..<n).map { start.contains($0) }
                for stage in plan.indices {
                    // Floors at, below and (unreachable) above the start's earlier terms.
                    let margin = [-1e-6, -1.0 - Double(seed % 3), 0.5][(Int(seed) + k) % 3]
                    let floors = (0..<stage).map { Double(Self.value(p, start, $0)) + margin }
                    for fixed in [nil, Int(seed) % n, (Int(seed) + 1) % n] {
                        let tree = search.improved(bools, stage: stage, floors: floors, fixed: fixed)
                        let scan = Self.scanned(search, bools, stage: stage, floors: floors, fixed: fixed)
                        #expect(tree == scan, "seed \(seed) start \(k) stage \(stage) fixed \(String(describing: fixed))")
                        compared += 1
                        if tree != bools { moved += 1 }
                    }
                }
            }
        }
        #expect(compared > 1_000)
        #expect(moved > 200)
    }
}
