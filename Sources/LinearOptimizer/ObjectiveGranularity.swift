// SPDX-License-Identifier: GPL-3.0-or-later

/// The step between two possible objective values, used to stop the search as soon as
/// the best bound, rounded to that step, equals the incumbent (proof of optimality).
public enum ObjectiveGranularity: Sendable, Hashable {
    /// Do not use a granularity.
    case none
    /// Detect it: every objective variable integer and every objective coefficient an
    /// integer multiple of a common rational step (denominators up to 1 000).
    case automatic
    /// The caller asserts that every feasible objective value is `constant + k * step`, k integer.
    case step(Double)

    /// The step for `model`, or nil if none applies.
    func resolve(for model: LinearModel) -> Double? {
        switch self {
        case .none: return nil
        case .step(let g): return g
        case .automatic: return Self.detect(in: model)
        }
    }

    /// The common step of `coefficients` (every sum of some of them is an integer multiple of
    /// it): their greatest common divisor as small-denominator rationals (denominators up to
    /// `maximumDenominator`, the common one up to 1 000 000); nil when one is not such a
    /// rational or all are 0. Weights 3, 1 and 0,1 over integer counts step by 0,1.
    public static func commonStep(of coefficients: [Double], maximumDenominator: Int64 = 1000) -> Double? {
        var numerators: [Int64] = []
        var denominators: [Int64] = []
        for c in coefficients where c != 0 {
            guard let (p, q) = rational(c, maximumDenominator: maximumDenominator) else { return nil }
            numerators.append(p)
            denominators.append(q)
        }
        guard !numerators.isEmpty else { return nil }
        var common: Int64 = 1
        for q in denominators {
            let (product, overflow) = common.multipliedReportingOverflow(by: q / gcd(common, q))
            guard !overflow, product <= 1_000_000 else { return nil }
            common = product
        }
        var g: Int64 = 0
        for (p, q) in zip(numerators, denominators) {
            let (scaled, overflow) = abs(p).multipliedReportingOverflow(by: common / q)
            guard !overflow else { return nil }
            g = gcd(g, scaled)
        }
        guard g > 0 else { return nil }
        return Double(g) / Double(common)
    }

    /// Detects a common step of the objective coefficients; nil when a continuous variable
    /// has a non-zero coefficient, when there is no non-zero coefficient, or when a
    /// coefficient is not a small-denominator rational.
    static func detect(in model: LinearModel, maximumDenominator: Int64 = 1000) -> Double? {
        var coefficients: [Double] = []
        for variable in model.variables where variable.objective != 0 {
            guard variable.kind.isInteger else {
                // A continuous variable fixed to a value contributes a constant.
                guard variable.lower == variable.upper else { return nil }
                continue
            }
            coefficients.append(variable.objective)
        }
        return commonStep(of: coefficients, maximumDenominator: maximumDenominator)
    }

    /// `value` as p/q with q <= maximumDenominator, within 1e-9 relative; nil otherwise.
    static func rational(_ value: Double, maximumDenominator: Int64) -> (Int64, Int64)? {
        guard value.isFinite, abs(value) < 1e15 else { return nil }
        for q in 1...maximumDenominator {
            let scaled = value * Double(q)
            let p = scaled.rounded()
            if abs(scaled - p) <= 1e-9 * Swift.max(1, abs(scaled)) { return (Int64(p), q) }
        }
        return nil
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
