// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Summary of one output over the draws, computed in draw order (the same numbers on any
/// number of threads). Values are integers (ESSMS, cents, active DUI).
public struct Summary: Sendable, Hashable {
    public struct Bin: Sendable, Hashable {
        /// Values `low ... high`, both included.
        public var low: Int64
        public var high: Int64
        public var count: Int
    }

    public var count: Int
    /// Exact sum over the draws.
    public var sum: Int64
    public var mean: Double
    /// Standard error of the mean (sample standard deviation / √draws).
    public var standardError: Double
    public var standardDeviation: Double
    public var min: Int64
    public var max: Int64
    /// Nearest-rank percentiles: the smallest value with at least p % of the draws at or below it.
    public var p5: Int64
    public var p50: Int64
    public var p95: Int64
    public var histogram: [Bin]

    public init(_ values: [Int64], bins: Int = 20) {
        count = values.count
        sum = values.reduce(0, +)
        let n = Double(Swift.max(1, values.count))
        mean = Double(sum) / n
        var squares = 0.0
        for v in values {
            let x = Double(v) - mean
            squares += x * x
        }
        standardDeviation = values.count > 1 ? (squares / Double(values.count - 1)).squareRoot() : 0
        standardError = values.count > 1 ? standardDeviation / n.squareRoot() : 0
        let sorted = values.sorted()
        func percentile(_ p: Int) -> Int64 {
            guard !sorted.isEmpty else { return 0 }
            let rank = (p * sorted.count + 99) / 100  // ceil(p/100 · n)
            return sorted[Swift.max(0, rank - 1)]
        }
        min = sorted.first ?? 0
        max = sorted.last ?? 0
        p5 = percentile(5)
        p50 = percentile(50)
        p95 = percentile(95)
        // Equal-width integer bins from min to max.
        var h: [Bin] = []
        if !sorted.isEmpty {
            let span = max - min + 1
            let width = Swift.max(1, (span + Int64(bins) - 1) / Int64(bins))
            var low = min
            var index = 0
            while low <= max {
                let high = low + width - 1
                var c = 0
                while index < sorted.count && sorted[index] <= high {
                    c += 1
                    index += 1
                }
                h.append(Bin(low: low, high: high, count: c))
                low = high + 1
            }
        }
        histogram = h
    }

    /// The mean rounded half-up to a whole unit, computed exactly from the integer sum (for
    /// money: the mean in cents, to the cent).
    public var roundedMean: Int64 {
        guard count > 0 else { return 0 }
        let n = Int64(count)
        let q = sum / n, r = sum % n
        if r >= 0 { return 2 * r >= n ? q + 1 : q }
        return -2 * r > n ? q - 1 : q
    }

    /// Share of the draws at or above `threshold`.
    public static func probability(_ values: [Int64], atLeast threshold: Int64) -> Double {
        guard !values.isEmpty else { return 0 }
        return Double(values.count { $0 >= threshold }) / Double(values.count)
    }
}
