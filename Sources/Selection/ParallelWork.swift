// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Independent jobs run side by side, their answers gathered by job index: the result does not
/// depend on the number of threads nor on the order in which the jobs finish.
public enum ParallelWork {
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    public static func map<T: Sendable>(_ count: Int, threads: Int, _ job: @Sendable (Int) -> T) -> [T] {
        withoutActuallyEscaping(job) { job in
            mapInBatches(count, threads: threads, batchSize: max(1, count), budget: .max, cost: { _ in 0 }) { run in run(job) }
                .map { $0! }
        }
    }

    /// Runs jobs `0..<count` in order on up to `threads` workers and stops, like a loop over
    /// batches of `batchSize` jobs that starts no batch once the jobs before it cost `budget` or
    /// more: the jobs past that batch get nil. Each worker is `worker`, called once on its own
    /// thread (where it may set up what its jobs share, e.g. a solver session) with `run`, which
    /// runs jobs until none is left. The results do not depend on the threads as long as each
    /// job's result depends only on its index. `progress`, when given, hears the number of jobs
    /// finished after each one (from the worker threads, one call at a time).
    public static func mapInBatches<T: Sendable>(
        _ count: Int, threads: Int, batchSize: Int, budget: Int, cost: @escaping @Sendable (T) -> Int,
        progress: (@Sendable (Int) -> Void)? = nil, worker: @Sendable (_ run: ((Int) -> T) -> Void) -> Void
    ) -> [T?] {
        guard count > 0 else { return [] }
        let box = BudgetBox<T>(count, batchSize: max(1, batchSize), budget: budget, cost: cost, progress: progress)
        DispatchQueue.concurrentPerform(iterations: min(max(1, threads), count)) { _ in
            worker { job in
                while let k = box.next() { box.set(k, job(k)) }
            }
        }
        return box.results()
    }

    private final class BudgetBox<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var cursor = 0
        private let count: Int, batchSize: Int, budget: Int
        private let cost: (T) -> Int
        private var values: [T?]
        /// Jobs before `done` are all finished and cost `spent`; none from `cutoff` on is used.
        private var done = 0, spent = 0, cutoff: Int
        private var finished = 0
        private let progress: ((Int) -> Void)?
        init(_ count: Int, batchSize: Int, budget: Int, cost: @escaping (T) -> Int, progress: ((Int) -> Void)?) {
            self.count = count
            self.progress = progress
            self.batchSize = batchSize
            self.budget = budget
            self.cost = cost
            cutoff = budget > 0 ? count : 0
            values = Array(repeating: nil, count: count)
        }
        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard cursor < cutoff else { return nil }
            cursor += 1
            return cursor - 1
        }
        func set(_ k: Int, _ value: T) {
            lock.lock()
            defer { lock.unlock() }
            values[k] = value
            finished += 1
            progress?(finished)
            while done < cutoff, let v = values[done] {
                spent += cost(v)
                done += 1
                if done % batchSize == 0 || done == count, spent >= budget { cutoff = done }
            }
        }
        func results() -> [T?] {
            values.indices.map { $0 < cutoff ? values[$0] : nil }
        }
    }
}
