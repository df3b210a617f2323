// SPDX-License-Identifier: GPL-3.0-or-later

/// The answers of the searches a session made on compact problems (`GLPKSolver.solveRestricted`),
/// by everything that decides them: the compact problem (which columns and rows of the session's
/// matrix, their bounds, the objective), the start, the LP basis the search starts from, the
/// strategy and the options. The same search asked again gets the same answer without being
/// made again: explanation re-solves that differ only by a candidate fixed outside the compact
/// problem meet the same one often (a quarter of the national re-solves' compact searches). The
/// searches are deterministic, so an answer recalled is the one the search would give. Lives in
/// one `GLPKSession` (one matrix), on its thread.
final class CompactMemo {
    struct Key: Hashable {
        let kept: [Int]
        let keptRows: [Int]
        let numbers: [Double]
        let basis: [Bool]?
        let strategy: SearchStrategy
        let recovery: String
        let options: SolverOptions
        let startOnly: Bool
    }

    private var answers: [Key: GLPKSolver.AttemptOutcome] = [:]
    private var stored = 0
    /// Numbers kept at most (about 160 MB): past it, new answers are not recorded.
    static let capacity = 20_000_000

    func answer(_ key: Key) -> GLPKSolver.AttemptOutcome? { answers[key] }

    func record(_ key: Key, _ outcome: GLPKSolver.AttemptOutcome) {
        let size = key.numbers.count + key.kept.count + key.keptRows.count + outcome.values.count
        guard stored + size <= Self.capacity else { return }
        stored += size
        answers[key] = outcome
    }

    /// The key of a search on `compact` from `start`; nil when it depends on the clock (a time limit).
    static func key(_ compact: PreparedModel, kept: [Int], keptRows: [Int], start: [Double], basis: [Bool]?,
                    strategy: SearchStrategy, recovery: String, options: SolverOptions, milliseconds: Int32?,
                    granularity: Double?, startOnly: Bool) -> Key? {
        guard milliseconds == nil else { return nil }
        var numbers = compact.columnLower + compact.columnUpper + compact.objective + compact.rowLower + compact.rowUpper + start
        numbers.append(compact.model.objectiveConstant)
        numbers.append(granularity ?? -1)
        numbers.append(compact.model.sense == .maximize ? 1 : -1)
        return Key(kept: kept, keptRows: keptRows, numbers: numbers, basis: basis, strategy: strategy, recovery: recovery,
                   options: options, startOnly: startOnly)
    }
}
