// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Independent jobs run side by side, their answers gathered by job index: the result does not
/// depend on the number of threads nor on the order in which the jobs finish.
public enum ParallelWork {
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    public static func map<T: Sendable>(_ count: Int, threads: Int, _ job: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let box = Box<T>(count)
        let workers = min(max(1, threads), count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let k = box.next() { box.set(k, job(k)) }
        }
        return box.values.map { $0! }
    }

    private final class Box<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var cursor = 0
        private let count: Int
        var values: [T?]
        init(_ count: Int) {
            self.count = count
            values = Array(repeating: nil, count: count)
        }
        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard cursor < count else { return nil }
            cursor += 1
            return cursor - 1
        }
        func set(_ k: Int, _ value: T) {
            lock.lock()
            values[k] = value
            lock.unlock()
        }
    }
}
