// SPDX-License-Identifier: GPL-3.0-or-later

/// A problem found in a model, an option or a file operation before or around a GLPK call.
///
/// Solver outcomes (infeasible, time limit...) are not errors: they are a `SolveStatus`.
public struct LinearOptimizerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Code: String, Sendable, Hashable {
        case nonFiniteValue
        case valueTooLarge
        case inconsistentBounds
        case fractionalIntegerBound
        case unknownVariable
        case duplicateEntry
        case tooLarge
        case invalidOption
        case invalidStartSolution
        case exportFailed
    }

    public let code: Code
    /// What was wrong, where, and how to fix it, as one or two sentences.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
