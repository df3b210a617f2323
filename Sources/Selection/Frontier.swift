// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// A level of the envelope: a share of the available envelope or an amount.
public enum EnvelopeLevel: Sendable, Hashable {
    /// Millionths of the available envelope (1 000 000 = 100 %), so that "37.5%" stays exact.
    case share(millionths: Int64)
    case amount(Money)

    /// The amount for an available envelope, rounded half up to the cent in integers.
    public func amount(available: Money) -> Money {
        switch self {
        case .amount(let m): return m
        case .share(let millionths):
            let (product, overflow) = available.cents.multipliedReportingOverflow(by: millionths)
            guard !overflow else { return Money(cents: Int64((Double(available.cents) * Double(millionths) / 1e6).rounded())) }
            return Money(cents: Self.divideRounded(product, 1_000_000))
        }
    }

    /// a / b rounded half away from zero (b > 0).
    static func divideRounded(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b)
    }

    /// `steps` envelopes from `from` to `to`, evenly spaced (both ends included): in shares of
    /// the envelope when both ends are shares (each rounded once, so 100 % is the available
    /// envelope to the cent), else in cents.
    public static func budgets(available: Money, from: EnvelopeLevel, to: EnvelopeLevel, steps: Int) -> [Money] {
        guard steps > 1 else { return [from.amount(available: available)] }
        let n = Int64(steps - 1)
        if case .share(let a) = from, case .share(let b) = to {
            return (0...n).map { i in
                let numerator = a * n + (b - a) * i  // millionths × n
                let (product, overflow) = available.cents.multipliedReportingOverflow(by: numerator)
                guard !overflow else {
                    return Money(cents: Int64((Double(available.cents) * Double(numerator) / (1e6 * Double(n))).rounded()))
                }
                return Money(cents: divideRounded(product, 1_000_000 * n))
            }
        }
        let a = from.amount(available: available).cents, b = to.amount(available: available).cents
        return (0...n).map { i in Money(cents: a + divideRounded((b - a) * i, n)) }
    }
}

/// One envelope of the frontier and the selection there.
public struct FrontierPoint: Sendable, Hashable {
    public var budget: Money
    public var status: SelectionResult.Status
    public var used: Money
    public var finess: Int
    public var acquisitions: Int
    public var score: Int
    /// Selected candidates' ids, in the problem's order.
    public var selected: [String]
}

/// The selection re-solved along the envelope: what each extra euro buys.
public struct Frontier: Sendable {
    public var selector: Selector

    public init(selector: Selector) { self.selector = selector }

    /// One `Selector.solve(p, budget:)` per envelope, on the same problem.
    public func compute(_ p: SelectionProblem, budgets: [Money]) throws(Selector.Failure) -> [FrontierPoint] {
        var out: [FrontierPoint] = []
        for b in budgets {
            let r = try selector.solve(p, budget: b)
            out.append(FrontierPoint(budget: b, status: r.status, used: r.used, finess: r.finess, acquisitions: r.acquisitions,
                                     score: r.score, selected: r.selectedIDs(p)))
        }
        return out
    }
}
