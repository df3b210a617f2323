// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ScenarioModel

/// xoshiro256** (Blackman, Vigna 2018): the generator of one draw. Seeded from SplitMix64 of
/// (seed, draw), so that draw `d` sees the same numbers whatever thread runs it.
public struct Xoshiro256StarStar: Sendable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The generator of draw `draw` of a run seeded with `seed`.
    public init(seed: UInt64, draw: UInt64) {
        var sm = SplitMix64(seed: seed ^ (draw &* 0xD1B5_4A32_D192_ED03))
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }
}

/// Standard normal deviates from 32 random bits by the inverse of the normal distribution
/// function, tabulated: the top 12 bits pick one of 4 096 cells of equal probability, the
/// other 20 bits interpolate linearly inside the cell. Every cell holds exactly its
/// probability (1/4 096), so the distribution is the normal one up to the shape inside a
/// cell; the outermost cells reach ±5.3 σ. One multiply-add and one table read per deviate,
/// no branch, no logarithm: what lets the inner loop draw 10⁸ deviates a second per core.
public struct NormalTable: Sendable {
    public static let bits = 12
    public static let cells = 1 << bits
    /// Interleaved (value at the cell's left edge, slope to the right edge), Float.
    public let entries: [SIMD2<Float>]

    public static let shared = NormalTable()

    public init() {
        let n = Self.cells
        var edges = [Double](repeating: 0, count: n + 1)
        for i in 1..<n { edges[i] = Self.quantile(Double(i) / Double(n)) }
        // Outer edges: the quantile at a 2^-32 tail, where 32-bit draws end.
        edges[0] = Self.quantile(0.5 / 4_294_967_296.0)
        edges[n] = -edges[0]
        entries = (0..<n).map { SIMD2(Float(edges[$0]), Float(edges[$0 + 1] - edges[$0])) }
    }

    /// The deviate of the 32 bits `u`.
    @inline(__always)
    public func deviate(_ u: UInt32, _ table: UnsafePointer<SIMD2<Float>>) -> Float {
        let e = table[Int(u >> 20)]
        return e.x + Float(u & 0xFFFFF) * (1.0 / 1_048_576.0) * e.y
    }

    /// The standard normal quantile: Acklam's rational approximation refined by one Halley
    /// step on erfc (relative error below 1e-15). Used to build the table only.
    public static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1)
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * Foundation.log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * Foundation.log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * Foundation.exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// The standard normal distribution function (for tests and documentation).
    public static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
}
