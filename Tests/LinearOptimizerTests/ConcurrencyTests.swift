// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import LinearOptimizer

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("solves started from several threads at once give the sequential answers")
    func parallelSolves() async throws {
        let models = (1...6).map { Fixtures.smallSelection(seed: UInt64($0), projects: 30) }
        let solver = GLPKSolver()
        let sequential = try models.map { try solver.solve($0).objectiveValue }
        let parallel = try await withThrowingTaskGroup(of: (Int, Double?).self) { group in
            for (index, model) in models.enumerated() {
                group.addTask { (index, try GLPKSolver().solve(model).objectiveValue) }
            }
            var answers = [Double?](repeating: nil, count: models.count)
            for try await (index, value) in group { answers[index] = value }
            return answers
        }
        #expect(parallel == sequential)
    }

    @Test("two plain threads solving at the same time are serialised and correct")
    func twoThreads() throws {
        let model = Fixtures.smallSelection(seed: 9, projects: 30)
        let expected = try GLPKSolver().solve(model).objectiveValue
        let results = ResultBox()
        let group = DispatchGroup()
        for slot in 0..<2 {
            group.enter()
            Thread {
                let value = try? GLPKSolver().solve(model).objectiveValue
                results.set(slot, value)
                group.leave()
            }.start()
        }
        group.wait()
        #expect(results.values == [expected, expected])
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Double?] = [nil, nil]
    func set(_ slot: Int, _ value: Double?) { lock.withLock { storage[slot] = value } }
    var values: [Double?] { lock.withLock { storage } }
}
