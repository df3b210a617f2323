// SPDX-License-Identifier: GPL-3.0-or-later
import Testing
@testable import LinearOptimizer

/// Inputs that would make GLPK call abort(): each must come back as a typed error, with the
/// process alive, and GLPK must still work afterwards.
@Suite("Validation before GLPK")
struct ValidationTests {
    let solver = GLPKSolver()

    private func expectError(_ code: LinearOptimizerError.Code, _ model: LinearModel, options: SolverOptions = SolverOptions()) {
        #expect {
            _ = try solver.solve(model, options: options)
        } throws: { error in
            guard let error = error as? LinearOptimizerError else { return false }
            return error.code == code && error.message.hasSuffix(".")
        }
    }

    @Test("NaN and infinite coefficients are rejected")
    func nonFinite() {
        for bad in [Double.nan, .infinity, -.infinity] {
            var model = LinearModel()
            let x = model.addBinary("x", objective: 1)
            model.addRow("r", [Term(x, bad)], .lessOrEqual(1))
            expectError(.nonFiniteValue, model)
            var objective = LinearModel()
            objective.addBinary("x", objective: bad)
            expectError(.nonFiniteValue, objective)
        }
        var constant = LinearModel()
        constant.objectiveConstant = .nan
        expectError(.nonFiniteValue, constant)
    }

    @Test("lower > upper on a variable or a row, NaN bounds, +inf lower, are rejected")
    func inconsistentBounds() {
        var variable = LinearModel()
        variable.addVariable("x", kind: .continuous, lower: 2, upper: 1)
        expectError(.inconsistentBounds, variable)
        var integer = LinearModel()
        integer.addVariable("n", kind: .integer, lower: 0.2, upper: 0.8)
        expectError(.inconsistentBounds, integer)
        var row = LinearModel()
        let x = row.addBinary("x")
        row.addRow("r", [Term(x, 1)], .range(3, 2))
        expectError(.inconsistentBounds, row)
        var nanBound = LinearModel()
        nanBound.addVariable("x", kind: .continuous, lower: .nan, upper: 1)
        expectError(.nonFiniteValue, nanBound)
        var plusInfinityLower = LinearModel()
        plusInfinityLower.addVariable("x", kind: .continuous, lower: .infinity, upper: .infinity)
        expectError(.inconsistentBounds, plusInfinityLower)
        var huge = LinearModel()
        huge.addVariable("x", kind: .continuous, lower: 0, upper: 1e300)
        expectError(.valueTooLarge, huge)
    }

    @Test("a term on a variable of another model is rejected")
    func unknownVariable() {
        var model = LinearModel()
        model.addBinary("x")
        model.addRow("r", [Term(VariableID(5), 1)], .lessOrEqual(1))
        expectError(.unknownVariable, model)
        var negative = LinearModel()
        negative.addBinary("x")
        negative.addRow("r", [Term(VariableID(-1), 1)], .lessOrEqual(1))
        expectError(.unknownVariable, negative)
    }

    @Test("duplicate (row, variable) entries are merged, and zeros dropped")
    func duplicatesMerged() throws {
        var model = LinearModel(sense: .maximize)
        let x = model.addVariable("x", kind: .integer, lower: 0, upper: 10, objective: 1)
        let y = model.addVariable("y", kind: .integer, lower: 0, upper: 10, objective: 0)
        model.addRow("r", [Term(x, 1), Term(x, 2), Term(y, 1), Term(y, -1)], .lessOrEqual(9))
        let prepared = try PreparedModel(model)
        #expect(prepared.entryCount == 1)
        #expect(Array(prepared.matrixValues.dropFirst()) == [3])
        let result = try solver.solve(model)
        #expect(result.status == .optimal)
        #expect(result.integerValue(x) == 3)
    }

    @Test("invalid options are rejected before GLPK", arguments: [
        SolverOptions(timeLimit: -1), SolverOptions(timeLimit: .nan), SolverOptions(timeLimit: 1e12),
        SolverOptions(relativeGap: -0.1), SolverOptions(relativeGap: 1), SolverOptions(relativeGap: .nan),
        SolverOptions(strategies: []), SolverOptions(granularity: .step(0)), SolverOptions(granularity: .step(.infinity)),
        SolverOptions(integralityTolerance: 0), SolverOptions(objectiveTolerance: 1),
        SolverOptions(heuristicInterval: 0), SolverOptions(nodeLimit: 0),
    ])
    func badOptions(options: SolverOptions) {
        let (model, _) = Fixtures.knapsack()
        expectError(.invalidOption, model, options: options)
    }

    @Test("an invalid strategy is rejected")
    func badStrategy() {
        var strategy = SearchStrategy.tuned
        strategy.timeShare = 0
        expectError(.invalidOption, Fixtures.knapsack().0, options: SolverOptions(strategies: [strategy]))
        strategy = .tuned
        strategy.proximitySearchTimeLimit = -1
        expectError(.invalidOption, Fixtures.knapsack().0, options: SolverOptions(strategies: [strategy]))
    }

    @Test("a start solution of the wrong length or with NaN is a typed error")
    func badStart() {
        let (model, _) = Fixtures.knapsack()
        #expect(throws: LinearOptimizerError.self) { _ = try solver.solve(model, start: [1, 0]) }
        #expect(throws: LinearOptimizerError.self) { _ = try solver.solve(model, start: [1, .nan, 0, 0]) }
    }

    @Test("GLPK still works after every rejection")
    func aliveAfterRejections() throws {
        var model = LinearModel()
        model.addVariable("x", kind: .continuous, lower: 2, upper: 1)
        _ = try? solver.solve(model)
        #expect(try solver.solve(Fixtures.knapsack().0).objectiveValue == 23)
    }

    @Test("names are sanitised deterministically and kept unique")
    func names() throws {
        var model = LinearModel(name: "s\u{E9}lection 2025")
        let raw = ["x_P012", "x_P012", "projet \u{E9}", "", "1abc", "free", String(repeating: "a", count: 300), String(repeating: "a", count: 300)]
        for name in raw { model.addBinary(name) }
        model.addRow("obj", [], .free)
        model.addRow("budget", [], .free)
        model.addRow("budget", [], .free)
        let prepared = try PreparedModel(model)
        #expect(prepared.names.columns[0] == "x_P012")
        #expect(prepared.names.columns[1] == "x_P012_2")
        #expect(prepared.names.columns[2] == "projet__")
        #expect(prepared.names.columns[3] == "x4")
        #expect(prepared.names.columns[4] == "_1abc")
        #expect(prepared.names.columns[5] == "free_")
        #expect(prepared.names.columns[6].count == 255)
        #expect(prepared.names.columns[7].count == 255 && prepared.names.columns[7].hasSuffix("_2"))
        #expect(Set(prepared.names.columns).count == raw.count)
        #expect(prepared.names.rows == ["obj_2", "budget", "budget_2"])
        #expect(prepared.names.problem == "s_lection_2025")
        #expect(prepared.names.columns.allSatisfy { $0.unicodeScalars.allSatisfy(NameSanitizer.isAllowed) })
        #expect(try PreparedModel(model).names.columns == prepared.names.columns)
    }

    @Test("fractional bounds of an integer variable are tightened to integers")
    func integerBounds() throws {
        var model = LinearModel(sense: .maximize)
        let n = model.addVariable("n", kind: .integer, lower: 0.5, upper: 3.7, objective: 1)
        let result = try solver.solve(model)
        #expect(result.integerValue(n) == 3)
    }
}
