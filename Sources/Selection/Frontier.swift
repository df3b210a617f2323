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

    /// Nodes each stage of an envelope's solve may open when no time limit is given: past it
    /// the point is the best selection found, `feasible` (not proven). An analysis over many
    /// envelopes must end: at 115 % of the shipped national envelope, the acquisition stage
    /// opened 41 000 nodes in 16 s without a proof, and the frontier ran for more than ten
    /// minutes. A count of nodes, so the points are the same on every machine.
    public static let defaultStageNodeLimit = 5_000

    /// `selector` with `defaultStageNodeLimit` when it has neither a time limit nor a node limit.
    static func bounded(_ selector: Selector) -> Selector {
        var s = selector
        if s.timeLimit == nil && s.stageNodeLimit == nil { s.stageNodeLimit = defaultStageNodeLimit }
        return s
    }

    /// One `Selector.solve(p, budget:)` per envelope, on the same problem (each stage within
    /// `defaultStageNodeLimit` nodes without a time limit); `progress` hears the
    /// envelopes done and how many there are, before each solve and after the last.
    public func compute(_ p: SelectionProblem, budgets: [Money],
                        progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws(Selector.Failure) -> [FrontierPoint] {
        var out: [FrontierPoint] = []
        let selector = Self.bounded(self.selector)
        defer { progress?(out.count, budgets.count) }
        for b in budgets {
            progress?(out.count, budgets.count)
            let r = try selector.solve(p, budget: b)
            out.append(FrontierPoint(budget: b, status: r.status, used: r.used, finess: r.finess, acquisitions: r.acquisitions,
                                     score: r.score, selected: r.selectedIDs(p)))
        }
        return out
    }
}
