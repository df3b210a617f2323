// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
import LinearOptimizer
import TestSupport

/// A session's `rounding` (a start made from the LP optimum) changes how fast the optimum is
/// found, never the optimum: it is asked with the LP point only when the LP and the start leave
/// the problem open, its solution is checked like a start, and a wrong one is ignored.
@Suite struct RootRoundingTests {
    /// The binaries of `point` rounded down, then taken in order while the model stays feasible.
    static func roundedDown(_ model: LinearModel, _ point: [Double]) -> [Double] {
        var v = point.map { ($0 + 1e-9).rounded(.down) }
        for j in v.indices where v[j] == 0 && model.variables[j].upper >= 1 {
            v[j] = 1
            if !model.isFeasible(v) { v[j] = 0 }
        }
        return v
    }

    /// The jobs of `SessionTests` solved in one session with the given rounding (the session put
    /// back after each), from the greedy start with reduced-cost fixing, as a re-solve's stage is.
    static func solved(_ model: LinearModel, _ jobs: [SessionTests.Job], budget: Double,
                       rounding: IncumbentHeuristic?) throws -> [(LinearModel, SolveResult?)] {
        try GLPKSolver().withSession(model) { session in
            jobs.map { job in
                let changed = SessionTests.changed(model, job, budget: budget)
                try? session.setBounds(VariableID(job.variable), lower: job.value, upper: job.value)
                try? session.setRowBounds(RowID(0), .lessOrEqual((budget * job.budgetShare).rounded()))
                try? session.setObjective(.maximize, terms: job.objective.enumerated().map { Term(VariableID($0.offset), $0.element) })
                var options = SolverOptions()
                options.reducedCostFixing = true
                let start = SessionTests.greedyStart(changed)
                let r = try? session.solve(options: options, start: changed.isFeasible(start) ? start : nil, rounding: rounding)
                try? session.setBounds(VariableID(job.variable), lower: 0, upper: 1)
                return (changed, r)
            }
        }
    }

    @Test("a rounding, good or wrong, leaves every answer equal to brute force", arguments: [1, 2, 3, 4] as [UInt64])
    func optimumUnchanged(seed: UInt64) throws {
        let model = Fixtures.smallSelection(seed: seed + 60, projects: 13)
        let budget = SessionTests.budget(model)
        let jobs = SessionTests.jobs(model, count: 10, seed: seed + 600)
        let asked = Counter()
        let good: IncumbentHeuristic = { point in
            asked.add()
            #expect(point.count == model.variables.count)
            return Self.roundedDown(model, point)
        }
        let wrong: [IncumbentHeuristic] = [
            { _ in [Double](repeating: 1, count: model.variables.count) },   // over the envelope
            { _ in [0.5] },                                                    // not one value per variable
            { point in point.map { _ in .nan } },                              // not finite
            { point in point },                                                // fractional
        ]
        for rounding in [good] + wrong {
            for (changed, r) in try Self.solved(model, jobs, budget: budget, rounding: rounding) {
                #expect(r?.objectiveValue == Fixtures.bruteForceOptimum(changed), "seed \(seed)")
                if let values = r?.values, !values.isEmpty { #expect(changed.isFeasible(values)) }
            }
        }
        #expect(asked.value > 0, "the rounding was never asked")
    }

    @Test("a rounding that gives the optimum is the answer, found with fewer nodes than without it")
    func optimalRoundingSavesNodes() throws {
        var taken = 0, nodesWith = 0, nodesWithout = 0
        for seed in UInt64(1)...6 {
            let model = Fixtures.smallSelection(seed: seed + 80, projects: 12)
            let budget = SessionTests.budget(model)
            let jobs = SessionTests.jobs(model, count: 8, seed: seed + 800)
            for job in jobs {
                let changed = SessionTests.changed(model, job, budget: budget)
                guard let (best, value) = Self.optimum(changed) else { continue }
                let with = try #require(try Self.solved(model, [job], budget: budget, rounding: { _ in best }).first?.1)
                let without = try #require(try Self.solved(model, [job], budget: budget, rounding: nil).first?.1)
                #expect(with.objectiveValue == value)
                #expect(without.objectiveValue == value)
                if with.values == best { taken += 1 }
                nodesWith += with.nodeCount ?? 0
                nodesWithout += without.nodeCount ?? 0
            }
        }
        #expect(taken > 30)
        #expect(nodesWith < nodesWithout)
    }

    @Test("a session detects the objective's granularity again when the objective changes", arguments: Array(UInt64(1)...12))
    func granularityFollowsTheObjective(seed: UInt64) throws {
        let model = Fixtures.smallSelection(seed: seed + 90, projects: 12)
        let budget = SessionTests.budget(model)
        // Objectives in whole units, then in halves, in one session: a step of 1 kept for the
        // halves would prove a start half a unit below the optimum.
        var jobs = SessionTests.jobs(model, count: 16, seed: seed + 900)
        for k in jobs.indices where k % 2 == 1 { jobs[k].objective = jobs[k].objective.map { $0 + 0.5 } }
        for (changed, r) in try Self.solved(model, jobs, budget: budget, rounding: nil) {
            #expect(r?.objectiveValue == Fixtures.bruteForceOptimum(changed), "seed \(seed)")
        }
    }

    /// The first optimal assignment by enumeration, and its value.
    static func optimum(_ model: LinearModel) -> ([Double], Double)? {
        let n = model.variables.count
        var best: ([Double], Double)?
        for mask in 0..<(1 << n) {
            let values = (0..<n).map { Double((mask >> $0) & 1) }
            guard model.isFeasible(values), let value = model.objectiveValue(of: values) else { continue }
            if best.map({ value > $0.1 }) ?? true { best = (values, value) }
        }
        return best
    }

    final class Counter: @unchecked Sendable {
        private(set) var value = 0
        func add() { value += 1 }
    }
}
