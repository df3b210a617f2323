// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
import LinearOptimizer
import TestSupport

@Suite("Sessions")
struct SessionTests {
    /// The changes of one job: a binary fixed, a row bound moved, another objective.
    struct Job {
        var variable: Int
        var value: Double
        var budgetShare: Double
        var objective: [Double]
    }

    static func jobs(_ model: LinearModel, count: Int, seed: UInt64) -> [Job] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            Job(variable: Int.random(in: 0..<model.variables.count, using: &rng), value: Double(Int.random(in: 0...1, using: &rng)),
                budgetShare: Double.random(in: 0.2...0.6, using: &rng),
                objective: model.variables.map { _ in Double(Int.random(in: 0...9, using: &rng)) })
        }
    }

    static func changed(_ model: LinearModel, _ job: Job, budget: Double) -> LinearModel {
        var m = model
        m.fix(VariableID(job.variable), to: job.value)
        m.setRowBounds(RowID(0), .lessOrEqual((budget * job.budgetShare).rounded()))
        m.setObjective(.maximize, terms: job.objective.enumerated().map { Term(VariableID($0.offset), $0.element) })
        return m
    }

    /// Runs `jobs` in a session in the given order, putting the model back after each.
    static func runInSession(_ model: LinearModel, _ jobs: [Job], order: [Int], budget: Double) throws -> [Int: SolveResult] {
        var out: [Int: SolveResult] = [:]
        var failure: (any Error)?
        try GLPKSolver().withSession(model) { session in
            for k in order {
                let job = jobs[k]
                do {
                    try session.setBounds(VariableID(job.variable), lower: job.value, upper: job.value)
                    try session.setRowBounds(RowID(0), .lessOrEqual((budget * job.budgetShare).rounded()))
                    try session.setObjective(.maximize, terms: job.objective.enumerated().map { Term(VariableID($0.offset), $0.element) })
                    out[k] = try session.solve(options: SolverOptions(), start: nil)
                    try session.setBounds(VariableID(job.variable), lower: 0, upper: 1)
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
        return out
    }

    static func budget(_ model: LinearModel) -> Double {
        model.rows[0].terms.reduce(0) { $0 + $1.coefficient }
    }

    @Test("a session's solves equal solving each changed model from scratch, and brute force", arguments: [1, 2, 3] as [UInt64])
    func equalsColdSolves(seed: UInt64) throws {
        let model = Fixtures.smallSelection(seed: seed, projects: 14)
        let budget = Self.budget(model)
        let jobs = Self.jobs(model, count: 12, seed: seed + 100)
        let warm = try Self.runInSession(model, jobs, order: Array(jobs.indices), budget: budget)
        for (k, job) in jobs.enumerated() {
            let changed = Self.changed(model, job, budget: budget)
            let cold = try GLPKSolver().solve(changed)
            #expect(warm[k]?.status == cold.status)
            #expect(warm[k]?.objectiveValue == cold.objectiveValue)
            #expect(warm[k]?.objectiveValue == Fixtures.bruteForceOptimum(changed))
            if let values = warm[k]?.values, !values.isEmpty { #expect(changed.isFeasible(values)) }
        }
    }

    @Test("a solve from the last solve's basis, with another objective, equals brute force and the cold solve", arguments: [4, 5] as [UInt64])
    func fromLastBasis(seed: UInt64) throws {
        let model = Fixtures.smallSelection(seed: seed, projects: 14)
        let budget = Self.budget(model)
        let jobs = Self.jobs(model, count: 12, seed: seed + 200)
        var failure: (any Error)?
        var checked = 0
        try GLPKSolver().withSession(model) { session in
            for (k, job) in jobs.enumerated() {
                do {
                    try session.setBounds(VariableID(job.variable), lower: job.value, upper: job.value)
                    try session.setRowBounds(RowID(0), .lessOrEqual((budget * job.budgetShare).rounded()))
                    try session.setObjective(.maximize, terms: job.objective.enumerated().map { Term(VariableID($0.offset), $0.element) })
                    session.startFrom(basis: nil)
                    _ = try session.solve(options: SolverOptions(), start: nil)
                    // The next job's objective, on this job's rows and bounds, from the basis just left.
                    let next = jobs[(k + 1) % jobs.count].objective
                    try session.setObjective(.maximize, terms: next.enumerated().map { Term(VariableID($0.offset), $0.element) })
                    session.startFromLastBasis()
                    let warm = try session.solve(options: SolverOptions(), start: nil)
                    var changed = Self.changed(model, job, budget: budget)
                    changed.setObjective(.maximize, terms: next.enumerated().map { Term(VariableID($0.offset), $0.element) })
                    let cold = try GLPKSolver().solve(changed)
                    #expect(warm.status == cold.status, "job \(k)")
                    #expect(warm.objectiveValue == cold.objectiveValue, "job \(k)")
                    #expect(warm.objectiveValue == Fixtures.bruteForceOptimum(changed), "job \(k)")
                    if !warm.values.isEmpty { #expect(changed.isFeasible(warm.values), "job \(k)") }
                    checked += 1
                    try session.setBounds(VariableID(job.variable), lower: 0, upper: 1)
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
        #expect(checked == jobs.count)
    }

    @Test("a session's answers do not depend on the order of its solves")
    func orderIndependent() throws {
        let model = Fixtures.smallSelection(seed: 7, projects: 40)
        let budget = Self.budget(model)
        let jobs = Self.jobs(model, count: 16, seed: 70)
        let forward = try Self.runInSession(model, jobs, order: Array(jobs.indices), budget: budget)
        let backward = try Self.runInSession(model, jobs, order: Array(jobs.indices.reversed()), budget: budget)
        for k in jobs.indices {
            #expect(forward[k]?.values == backward[k]?.values)
            #expect(forward[k]?.nodeCount == backward[k]?.nodeCount)
        }
    }

    /// A start for `model`: the binaries taken in order while the model stays feasible.
    static func greedyStart(_ model: LinearModel) -> [Double] {
        var v = [Double](repeating: 0, count: model.variables.count)
        for j in v.indices where model.variables[j].lower == 0 {
            v[j] = 1
            if !model.isFeasible(v) { v[j] = 0 }
        }
        for j in v.indices where model.variables[j].lower == 1 { v[j] = 1 }
        return v
    }

    /// `job` solved in `session` from the greedy start with reduced-cost fixing (the session put
    /// back after), and the changed model.
    static func solvedFromStart(_ session: any MIPSession, _ model: LinearModel, _ job: Job,
                                budget: Double) -> (LinearModel, SolveResult?) {
        let changed = Self.changed(model, job, budget: budget)
        try? session.setBounds(VariableID(job.variable), lower: job.value, upper: job.value)
        try? session.setRowBounds(RowID(0), .lessOrEqual((budget * job.budgetShare).rounded()))
        try? session.setObjective(.maximize, terms: job.objective.enumerated().map { Term(VariableID($0.offset), $0.element) })
        let start = Self.greedyStart(changed)
        var options = SolverOptions()
        options.reducedCostFixing = true
        let r = try? session.solve(options: options, start: changed.isFeasible(start) ? start : nil)
        try? session.setBounds(VariableID(job.variable), lower: 0, upper: 1)
        return (changed, r)
    }

    @Test("solves from a start (columns fixed by their reduced costs, the rest searched in a compact problem) equal brute force",
          arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func reducedCostFixing(seed: UInt64) throws {
        let model = Fixtures.smallSelection(seed: seed + 20, projects: 13)
        let budget = Self.budget(model)
        let jobs = Self.jobs(model, count: 12, seed: seed + 200)
        try GLPKSolver().withSession(model) { session in
            for job in jobs {
                let (changed, r) = Self.solvedFromStart(session, model, job, budget: budget)
                #expect(r?.objectiveValue == Fixtures.bruteForceOptimum(changed), "seed \(seed)")
                if let values = r?.values, !values.isEmpty { #expect(changed.isFeasible(values)) }
            }
        }
    }

    @Test("a compact search asked again in a session (the same job after others) gives the same answer, equal to brute force",
          arguments: [3, 4] as [UInt64])
    func repeatedCompactSearches(seed: UInt64) throws {
        let model = Fixtures.smallSelection(seed: seed + 40, projects: 13)
        let budget = Self.budget(model)
        var jobs = Self.jobs(model, count: 6, seed: seed + 300)
        // Jobs that differ only by their objective, then every job again in the other order.
        jobs += jobs.map { var j = $0; j.objective = j.objective.map { 9 - $0 }; return j }
        let order = Array(jobs.indices) + Array(jobs.indices.reversed())
        var first: [Int: SolveResult] = [:]
        try GLPKSolver().withSession(model) { session in
            for k in order {
                let (changed, r) = Self.solvedFromStart(session, model, jobs[k], budget: budget)
                #expect(r?.objectiveValue == Fixtures.bruteForceOptimum(changed), "seed \(seed) job \(k)")
                if let values = r?.values, !values.isEmpty { #expect(changed.isFeasible(values), "seed \(seed) job \(k)") }
                if let earlier = first[k] {
                    #expect(r?.values == earlier.values && r?.nodeCount == earlier.nodeCount, "seed \(seed) job \(k) asked again")
                } else {
                    first[k] = r
                }
            }
        }
    }

    @Test("reduced-cost fixing counts an objective constant once, maximising and minimising", arguments: [6, 7, 8] as [UInt64])
    func reducedCostFixingWithConstant(seed: UInt64) throws {
        let base = Fixtures.smallSelection(seed: seed, projects: 14)
        let best = try #require(Fixtures.bruteForceOptimum(base))
        let start = Self.greedyStart(base)
        var options = SolverOptions()
        options.reducedCostFixing = true
        let terms = base.variables.indices.map { Term(VariableID($0), base.variables[$0].objective) }
        var maximum = base
        maximum.setObjective(.maximize, terms: terms, constant: -5_000)
        #expect(try GLPKSolver().solve(maximum, options: options, start: start).objectiveValue == best - 5_000)
        var minimum = base
        minimum.setObjective(.minimize, terms: terms.map { Term($0.variable, -$0.coefficient) }, constant: 5_000)
        #expect(try GLPKSolver().solve(minimum, options: options, start: start).objectiveValue == 5_000 - best)
    }

    @Test("solves from recorded bases equal cold solves, whatever their order")
    func recordedBases() throws {
        let model = Fixtures.smallSelection(seed: 11, projects: 14)
        let budget = Self.budget(model)
        let jobs = Self.jobs(model, count: 10, seed: 110)
        func run(_ order: [Int]) throws -> [Int: SolveResult] {
            var out: [Int: SolveResult] = [:]
            try GLPKSolver().withSession(model) { session in
                // Two bases recorded in fixed states: the budget halved, and another objective.
                try? session.setRowBounds(RowID(0), .lessOrEqual((budget * 0.2).rounded()))
                try? session.recordBasis(1)
                try? session.setRowBounds(RowID(0), model.rows[0].bounds)
                try? session.setObjective(.maximize, terms: jobs[0].objective.enumerated().map { Term(VariableID($0.offset), $0.element) })
                try? session.recordBasis(2)
                for k in order {
                    let job = jobs[k]
                    session.startFrom(basis: k % 3 == 0 ? nil : k % 3)
                    try? session.setBounds(VariableID(job.variable), lower: job.value, upper: job.value)
                    try? session.setRowBounds(RowID(0), .lessOrEqual((budget * job.budgetShare).rounded()))
                    try? session.setObjective(.maximize, terms: job.objective.enumerated().map { Term(VariableID($0.offset), $0.element) })
                    out[k] = try? session.solve(options: SolverOptions(), start: nil)
                    try? session.setBounds(VariableID(job.variable), lower: 0, upper: 1)
                }
            }
            return out
        }
        let forward = try run(Array(jobs.indices)), backward = try run(Array(jobs.indices.reversed()))
        for (k, job) in jobs.enumerated() {
            let changed = Self.changed(model, job, budget: budget)
            #expect(forward[k]?.objectiveValue == Fixtures.bruteForceOptimum(changed), "job \(k)")
            #expect(forward[k]?.values == backward[k]?.values, "job \(k)")
        }
    }

    @Test("a start that reaches a known bound is returned without a search; a search stops when it reaches the bound")
    func knownBound() throws {
        let model = Fixtures.smallSelection(seed: 5, projects: 14)
        let optimum = try #require(Fixtures.bruteForceOptimum(model))
        let best = try GLPKSolver().solve(model)
        var options = SolverOptions()
        options.knownBound = optimum
        let settled = try GLPKSolver().solve(model, options: options, start: best.values)
        #expect(settled.status == .optimal)
        #expect(settled.objectiveValue == optimum)
        #expect(settled.nodeCount == 0)
        #expect(settled.values == best.values)
        // Without a start, the search still reaches the optimum.
        let searched = try GLPKSolver().solve(model, options: options)
        #expect(searched.status == .optimal)
        #expect(searched.objectiveValue == optimum)
        // A worse start is not returned as optimal.
        var worse = [Double](repeating: 0, count: model.variables.count)
        worse[0] = 0
        let fromWorse = try GLPKSolver().solve(model, options: options, start: worse)
        #expect(fromWorse.objectiveValue == optimum)
        options.knownBound = .infinity
        #expect(throws: LinearOptimizerError.self) { try GLPKSolver().solve(model, options: options) }
    }

    @Test("a bad change is refused with a sentence, and the session goes on")
    func badChangeRefused() throws {
        let model = Fixtures.smallSelection(seed: 4, projects: 10)
        var messages: [String] = []
        var after: Double?
        try GLPKSolver().withSession(model) { session in
            do throws(LinearOptimizerError) { try session.setBounds(VariableID(99), lower: 0, upper: 1) } catch { messages.append(error.message) }
            do throws(LinearOptimizerError) { try session.setBounds(VariableID(0), lower: 1, upper: 0) } catch { messages.append(error.message) }
            do throws(LinearOptimizerError) { try session.setRowBounds(RowID(0), .lessOrEqual(.nan)) } catch { messages.append(error.message) }
            after = try? session.solve(options: SolverOptions(), start: nil).objectiveValue
        }
        #expect(messages.count == 3)
        #expect(messages.allSatisfy { !$0.isEmpty })
        #expect(after == (try GLPKSolver().solve(model).objectiveValue))
    }
}
