// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import LinearOptimizer

@Suite("Statuses")
struct StatusTests {
    let solver = GLPKSolver()

    @Test("a small knapsack is solved to its known optimum", arguments: [SearchStrategy.tuned, .glpkDefaults])
    func knapsackOptimal(strategy: SearchStrategy) throws {
        let (model, x) = Fixtures.knapsack()
        let result = try solver.solve(model, options: SolverOptions(strategies: [strategy]))
        #expect(result.status == .optimal)
        #expect(result.objectiveValue == 23)
        #expect(x.map { result.integerValue($0) } == [1, 1, 0, 0])
        #expect(result.gap == 0)
        #expect(result.bestBound == 23)
    }

    @Test("x >= 1 and x <= 0 by rows is infeasible, with and without presolve",
          arguments: [SearchStrategy.tuned, .glpkDefaults])
    func infeasible(strategy: SearchStrategy) throws {
        var model = LinearModel(sense: .maximize)
        let x = model.addVariable("x", kind: .integer, lower: 0, upper: 5, objective: 1)
        model.addRow("at_least_one", [Term(x, 1)], .greaterOrEqual(1))
        model.addRow("at_most_zero", [Term(x, 1)], .lessOrEqual(0))
        let result = try solver.solve(model, options: SolverOptions(strategies: [strategy]))
        #expect(result.status == .infeasible)
        #expect(result.values.isEmpty)
        #expect(result.objectiveValue == nil)
        #expect(!result.sentence.isEmpty)
    }

    @Test("an integer variable without upper bound in a maximisation is unbounded",
          arguments: [SearchStrategy.tuned, .glpkDefaults])
    func unbounded(strategy: SearchStrategy) throws {
        var model = LinearModel(sense: .maximize)
        let x = model.addVariable("x", kind: .integer, lower: 0, objective: 1)
        let y = model.addBinary("y", objective: 1)
        model.addRow("link", [Term(x, 1), Term(y, -1)], .greaterOrEqual(0))
        let result = try solver.solve(model, options: SolverOptions(strategies: [strategy]))
        #expect(result.status == .unbounded)
        #expect(result.objectiveValue == nil)
    }

    @Test("a 0.5 s limit on a hard model yields a feasible solution with a gap")
    func timeLimitWithIncumbent() throws {
        let model = Fixtures.marketSplit()
        var strategy = SearchStrategy.tuned
        strategy.presolve = false
        let result = try solver.solve(model, options: SolverOptions(timeLimit: 0.5, strategies: [strategy]))
        #expect(result.status == .feasible)
        let objective = try #require(result.objectiveValue)
        #expect(objective > 0)
        #expect(model.isFeasible(result.values))
        #expect((result.gap ?? 0) > 0)
        #expect(result.seconds < 3)
    }

    @Test("a node limit stops the search with the incumbent found so far")
    func nodeLimit() throws {
        let model = Fixtures.marketSplit()
        let result = try solver.solve(model, options: SolverOptions(nodeLimit: 20))
        #expect(result.status == .feasible || result.status == .timeLimitNoSolution)
        if result.status == .feasible { #expect(model.isFeasible(result.values)) }
        #expect((result.nodeCount ?? 0) >= 20)
        #expect(result.sentence.contains("node limit"))
    }

    @Test("a search stopped early still reports a bound: at least the LP relaxation's")
    func relaxationBoundWhenStoppedEarly() throws {
        let model = Fixtures.marketSplit()
        let zeros = [Double](repeating: 0, count: model.variables.count)
        let result = try solver.solve(model, options: SolverOptions(nodeLimit: 1), start: zeros)
        guard result.status == .feasible, let objective = result.objectiveValue else { return }
        let bound = try #require(result.bestBound, "no bound: \(result.sentence)")
        #expect(model.sense == .maximize ? bound >= objective - 1e-9 : bound <= objective + 1e-9)
        #expect(result.gap != nil)
    }

    @Test("a time limit of zero never aborts")
    func zeroTimeLimit() throws {
        let result = try solver.solve(Fixtures.marketSplit(), options: SolverOptions(timeLimit: 0))
        #expect([SolveStatus.feasible, .timeLimitNoSolution, .optimal].contains(result.status))
    }

    @Test("an empty model is optimal without GLPK; an impossible empty row is infeasible")
    func emptyModel() throws {
        var model = LinearModel(sense: .minimize)
        model.objectiveConstant = 4
        let empty = try solver.solve(model)
        #expect(empty.status == .optimal)
        #expect(empty.objectiveValue == 4)
        model.addRow("impossible", [], .greaterOrEqual(1))
        #expect(try solver.solve(model).status == .infeasible)
    }

    @Test("rows without terms and variables without rows are solved")
    func degenerate() throws {
        var model = LinearModel(sense: .maximize)
        let x = model.addVariable("x", kind: .integer, lower: -3, upper: 7, objective: 1)
        model.addRow("nothing", [], .lessOrEqual(5))
        let result = try solver.solve(model)
        #expect(result.status == .optimal)
        #expect(result.integerValue(x) == 7)
        var noRows = LinearModel(sense: .minimize)
        let y = noRows.addContinuous("y", lower: 2, upper: 9, objective: 1)
        let lp = try solver.solve(noRows)
        #expect(lp.status == .optimal)
        #expect(lp.value(y) == 2)
    }

    @Test("every glp_intopt return code maps to a status and a sentence")
    func intoptCodes() {
        // GLPK 5.0 values: GLP_UNDEF 1, GLP_FEAS 2, GLP_NOFEAS 4, GLP_OPT 5.
        let undefined: Int32 = 1, feasible: Int32 = 2, noFeasible: Int32 = 4, optimal: Int32 = 5
        typealias Case = (code: Int32, mip: Int32, stop: GLPKSolver.StopCause, expected: SolveStatus)
        let cases: [Case] = [
            (0, optimal, .init(), .optimal),
            (0, noFeasible, .init(), .infeasible),
            (0, feasible, .init(), .feasible),
            (0x0A, noFeasible, .init(), .infeasible),      // GLP_ENOPFS
            (0x0B, undefined, .init(), .unbounded),        // GLP_ENODFS
            (0x0E, feasible, .init(), .feasible),          // GLP_EMIPGAP
            (0x09, feasible, .init(), .feasible),          // GLP_ETMLIM
            (0x09, undefined, .init(), .timeLimitNoSolution),
            (0x0D, feasible, .init(granularity: true), .optimal), // GLP_ESTOP
            (0x0D, feasible, .init(nodeLimit: true), .feasible),
            (0x0D, undefined, .init(nodeLimit: true), .timeLimitNoSolution),
            (0x0D, feasible, .init(), .feasible),
        ]
        for item in cases {
            let (status, sentence) = GLPKSolver.interpretIntopt(code: item.code, mipStatus: item.mip, stop: item.stop)
            #expect(status == item.expected, "code \(item.code), mip status \(item.mip)")
            #expect(sentence.hasSuffix("."))
        }
        for code: Int32 in [0x04, 0x0C, 0x05, 0x42] {   // GLP_EBOUND, GLP_EROOT, GLP_EFAIL, unknown
            let (status, sentence) = GLPKSolver.interpretIntopt(code: code, mipStatus: undefined)
            #expect(status == .solverError(code: Int(code), sentence: sentence))
        }
        let (undefinedAfterSuccess, _) = GLPKSolver.interpretIntopt(code: 0, mipStatus: undefined)
        #expect(!undefinedAfterSuccess.hasSolution)
    }
}
