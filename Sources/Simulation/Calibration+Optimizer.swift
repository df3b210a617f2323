// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

extension Calibration {
    /// Maximisation of a `CensoredLikelihood` and its observed information.
    enum Optimizer {
        struct Result {
            var theta: [Double]
            var value: Double
            var iterations: Int
            var converged: Bool
            /// The last approximation of the inverse of −Hessian on the free parameters.
            var inverseHessian: [[Double]]
        }

        /// Log-variances stay within [−25, 10] (spreads from 4·10⁻⁶ to 150).
        static let varianceRange = -25.0...10.0

        /// BFGS on the parameters `free` (the others held at `start`), with a backtracking line
        /// search (Armijo); converged when the step it predicts would gain less than 10⁻¹⁰ in
        /// log-likelihood, or when a step no longer changes it (relative 10⁻¹⁴). `inverseHessian`
        /// starts it from an earlier fit's curvature (a sector fit from the fit it extends).
        static func maximise(_ model: CensoredLikelihood, start: [Double], free: [Int], maxIterations: Int,
                             inverseHessian: [[Double]]? = nil) -> Result {
            let m = free.count
            var theta = start
            var (value, full) = model.evaluate(theta)
            var g = free.map { full[$0] }
            var h = inverseHessian ?? identity(m)
            var iterations = 0, converged = false
            while iterations < maxIterations {
                iterations += 1
                // Ascent direction d = H g (H approximates the inverse of −Hessian).
                var d = multiply(h, g)
                var slope = zip(d, g).reduce(0) { $0 + $1.0 * $1.1 }
                if !(slope > 0) { h = identity(m); d = g; slope = zip(d, g).reduce(0) { $0 + $1.0 * $1.1 } }
                if slope / 2 < 1e-10 { converged = true; break }
                var step = 1.0, next = theta, nextValue = -Double.infinity, nextFull: [Double] = []
                for _ in 0..<60 {
                    next = theta
                    for (j, q) in free.enumerated() {
                        next[q] += step * d[j]
                        if (5...7).contains(q) { next[q] = min(max(next[q], varianceRange.lowerBound), varianceRange.upperBound) }
                    }
                    (nextValue, nextFull) = model.evaluate(next)
                    if nextValue.isFinite && nextValue >= value + 1e-4 * step * slope { break }
                    step /= 2
                }
                guard nextValue.isFinite, nextValue >= value else { converged = abs(nextValue - value) <= 1e-14 * max(1, abs(value)); break }
                let nextG = free.map { nextFull[$0] }
                let s = free.map { next[$0] - theta[$0] }
                // y = change of the gradient of −ℓ.
                let y = zip(g, nextG).map { $0 - $1 }
                let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
                if sy > 1e-14 {
                    if iterations == 1 && inverseHessian == nil {
                        let yy = y.reduce(0) { $0 + $1 * $1 }
                        h = identity(m).map { $0.map { $0 * sy / yy } }
                    }
                    let hy = multiply(h, y)
                    let yhy = zip(y, hy).reduce(0) { $0 + $1.0 * $1.1 }
                    for a in 0..<m { for b in 0..<m {
                        h[a][b] += (sy + yhy) * s[a] * s[b] / (sy * sy) - (hy[a] * s[b] + s[a] * hy[b]) / sy
                    } }
                }
                let gained = nextValue - value
                theta = next; value = nextValue; g = nextG
                if gained <= 1e-14 * max(1, abs(value)) && (s.map(abs).max() ?? 0) < 1e-9 { converged = true; break }
            }
            return Result(theta: theta, value: value, iterations: iterations, converged: converged, inverseHessian: h)
        }

        /// The inverse of the observed information on the parameters `free` (Hessian of ℓ by
        /// central differences of its exact gradient, step 10⁻⁴, symmetrised), by parameter index;
        /// nil entries where it is not positive definite.
        static func covariance(_ model: CensoredLikelihood, at theta: [Double], free: [Int]) -> [Int: [Int: Double]] {
            let m = free.count, h = 1e-4
            var information = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
            for (j, q) in free.enumerated() {
                var plus = theta, minus = theta
                plus[q] += h
                minus[q] -= h
                let gp = model.evaluate(plus).gradient, gm = model.evaluate(minus).gradient
                for (i, r) in free.enumerated() { information[i][j] = -(gp[r] - gm[r]) / (2 * h) }
            }
            for i in 0..<m { for j in 0..<i { let v = (information[i][j] + information[j][i]) / 2; information[i][j] = v; information[j][i] = v } }
            guard let inverse = invert(information), (0..<m).allSatisfy({ inverse[$0][$0] > 0 }) else { return [:] }
            var out: [Int: [Int: Double]] = [:]
            for (i, r) in free.enumerated() { for (j, q) in free.enumerated() { out[r, default: [:]][q] = inverse[i][j] } }
            return out
        }

        /// `h` with one more parameter, uncorrelated, of variance `variance`.
        static func extended(_ h: [[Double]], variance: Double) -> [[Double]] {
            h.map { $0 + [0] } + [Array(repeating: 0, count: h.count) + [variance]]
        }

        static func identity(_ m: Int) -> [[Double]] { (0..<m).map { i in (0..<m).map { $0 == i ? 1 : 0 } } }

        static func multiply(_ a: [[Double]], _ v: [Double]) -> [Double] { a.map { zip($0, v).reduce(0) { $0 + $1.0 * $1.1 } } }

        /// Gauss–Jordan inversion with partial pivoting; nil for a singular matrix.
        static func invert(_ a: [[Double]]) -> [[Double]]? {
            let n = a.count
            var m = a.enumerated().map { i, row in row + (0..<n).map { $0 == i ? 1.0 : 0.0 } }
            for c in 0..<n {
                guard let pivot = (c..<n).max(by: { abs(m[$0][c]) < abs(m[$1][c]) }), abs(m[pivot][c]) > 1e-12 else { return nil }
                m.swapAt(c, pivot)
                let p = m[c][c]
                m[c] = m[c].map { $0 / p }
                for r in 0..<n where r != c {
                    let f = m[r][c]
                    if f != 0 { m[r] = zip(m[r], m[c]).map { $0 - f * $1 } }
                }
            }
            return m.map { Array($0[n...]) }
        }
    }
}
