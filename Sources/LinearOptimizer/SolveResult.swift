// SPDX-License-Identifier: GPL-3.0-or-later

/// What became of the start solution a caller gave.
public enum StartSolutionOutcome: Sendable, Hashable {
    case notGiven
    /// Handed to GLPK as its first incumbent.
    case accepted
    /// Not used, with the reason (infeasible, not better than GLPK's own incumbent...).
    case rejected(String)
}

/// One strategy run inside a solve.
public struct AttemptReport: Sendable, Hashable {
    public let strategy: SearchStrategy
    public let status: SolveStatus
    public let objectiveValue: Double?
    public let bestBound: Double?
    public let seconds: Double
}

/// The outcome of `GLPKSolver.solve`: a status, a sentence, values and search statistics.
public struct SolveResult: Sendable {
    public let status: SolveStatus
    /// What happened, in one sentence.
    public let sentence: String
    /// Objective of the returned solution; nil when there is none.
    public let objectiveValue: Double?
    /// Value of every variable, by position; empty when there is no solution.
    public let values: [Double]
    /// Best proven bound on the optimum (upper for a maximisation); nil when unknown.
    public let bestBound: Double?
    /// |objective - bound| / (|objective| + eps), GLPK's formula; nil when either is unknown.
    public let gap: Double?
    /// Branch-and-bound nodes created, when GLPK reported any.
    public let nodeCount: Int?
    /// Wall-clock seconds spent in the solve.
    public let seconds: Double
    /// The options used, after defaults and adjustments (e.g. presolve turned off to inject).
    public let options: SolverOptions
    /// The granularity step used for the stop rule, if any.
    public let granularity: Double?
    /// True when optimality was proven by the granularity rule rather than by GLPK.
    public let provenByGranularity: Bool
    public let startSolution: StartSolutionOutcome
    /// Solutions from the heuristic closure accepted by GLPK as new incumbents.
    public let heuristicSolutionsAccepted: Int
    public let attempts: [AttemptReport]
    /// The reduced costs of the LP relaxation's optimum, when asked for
    /// (`SolverOptions.reportsReducedCosts`) and the LP was solved; nil otherwise.
    public internal(set) var rootReducedCosts: ReducedCosts? = nil

    /// Value of a variable; nil if there is no solution or the handle is out of range.
    public func value(_ variable: VariableID) -> Double? {
        values.indices.contains(variable.index) ? values[variable.index] : nil
    }

    /// Value of a variable rounded to the nearest integer (for binary and integer variables).
    public func integerValue(_ variable: VariableID) -> Int? {
        guard let x = value(variable), x.isFinite, abs(x) < 9e15 else { return nil }
        return Int(x.rounded())
    }

    /// True when the 0/1 variable is at 1 (value > 0.5).
    public func isSelected(_ variable: VariableID) -> Bool { (value(variable) ?? 0) > 0.5 }
}

extension SolveResult {
    /// A result made by another implementation of `MIPSolver` (no search statistics).
    public init(status: SolveStatus, sentence: String, objectiveValue: Double?, values: [Double], bestBound: Double?,
                seconds: Double = 0, options: SolverOptions = SolverOptions()) {
        self.status = status
        self.sentence = sentence
        self.objectiveValue = objectiveValue
        self.values = values
        self.bestBound = bestBound
        self.gap = objectiveValue.flatMap { o in bestBound.map { b in abs(o - b) / (abs(o) + 1e-10) } }
        self.nodeCount = nil
        self.seconds = seconds
        self.options = options
        self.granularity = nil
        self.provenByGranularity = false
        self.startSolution = .notGiven
        self.heuristicSolutionsAccepted = 0
        self.attempts = []
    }
}
