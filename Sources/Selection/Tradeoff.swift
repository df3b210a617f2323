// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// One non-dominated (ESSMS, acquisitions) pair and the selection reaching it.
public struct TradeoffPoint: Sendable, Hashable {
    /// The ε of the solve (acquisitions ≥ ε), nil for the two lexicographic end points.
    public var minimumAcquisitions: Int?
    /// `finess-first`, `acquisition-first` or `epsilon`.
    public var origin: String
    public var status: SelectionResult.Status
    public var finess: Int
    public var acquisitions: Int
    public var score: Int
    public var used: Money
    public var selected: [String]
}

/// The Pareto curve between funded ESSMS and funded acquisitions, sorted by acquisitions.
public struct TradeoffCurve: Sendable {
    public var points: [TradeoffPoint]
    /// Solves made (each a full lexicographic `Selector.solve`).
    public var solves: Int
    /// True when every integer ε between the end points was covered, so no non-dominated
    /// point is missing; false when the points were spaced out to stay within the limit.
    public var complete: Bool
    /// Status of the finess-first solve when there is no curve (infeasible, time limit…).
    public var status: SelectionResult.Status

    /// Between point i−1 and point i: ESSMS given up per extra acquisition (nil for i = 0).
    public func marginalCost(_ i: Int) -> Double? {
        guard i > 0, i < points.count else { return nil }
        let a = points[i].acquisitions - points[i - 1].acquisitions
        guard a > 0 else { return nil }
        return Double(points[i - 1].finess - points[i].finess) / Double(a)
    }
}

/// The ESSMS–acquisition trade-off (RULES.md §3bis) by ε-constraint: maximise ESSMS, then
/// acquisitions, then score, subject to acquisitions ≥ ε, for ε from the acquisitions of the
/// finess-first optimum up to the largest number of acquisitions (the acquisition-first
/// optimum), at most `points` solves in all.
public struct Tradeoff: Sendable {
    public var selector: Selector
    public var points: Int

    public init(selector: Selector, points: Int = 11) {
        self.selector = selector
        self.points = max(2, points)
    }

    public static let finessFirst = Objective.lexicographic([.finess, .acquisition, .score])
    public static let acquisitionFirst = Objective.lexicographic([.acquisition, .finess, .score])

    /// The curve, each solve's stages within `Frontier.defaultStageNodeLimit` nodes when there is
    /// no time limit (a point past it is `feasible`, not proven).
    /// `progress` hears the solves made and how many at most there will be, before each solve.
    public func compute(_ p: SelectionProblem, progress: ((_ done: Int, _ total: Int) -> Void)? = nil)
        throws(Selector.Failure) -> TradeoffCurve {
        let selector = Frontier.bounded(self.selector)
        progress?(0, points)
        var q = p
        q.objective = Self.finessFirst
        q.minimumAcquisitions = nil
        let first = try selector.solve(q)
        guard first.status == .optimal || first.status == .feasible else {
            return TradeoffCurve(points: [], solves: 1, complete: true, status: first.status)
        }
        var found = [point(p, first, epsilon: nil, origin: "finess-first")]
        var a = q
        a.objective = Self.acquisitionFirst
        progress?(1, points)
        let last = try selector.solve(a)
        var solves = 2
        let high = last.status == .optimal || last.status == .feasible ? last.acquisitions : first.acquisitions
        let low = first.acquisitions
        let interior = points - 2
        let span = high - low - 1
        let complete = span <= interior
        // ε values strictly between the end points: all of them, or evenly spaced.
        let epsilons: [Int] = complete
            ? (span > 0 ? Array((low + 1)..<high) : [])
            : interior < 1 ? [] : (1...interior).map { j in low + Int((Double(j) * Double(high - low) / Double(interior + 1)).rounded(.up)) }
        var reached = low
        for e in epsilons where e > reached && e < high {
            var s = q
            s.minimumAcquisitions = e
            progress?(solves, points)
            let r = try selector.solve(s)
            solves += 1
            guard r.status == .optimal || r.status == .feasible else { continue }
            found.append(point(p, r, epsilon: e, origin: "epsilon"))
            reached = r.acquisitions
        }
        if last.status == .optimal || last.status == .feasible {
            found.append(point(p, last, epsilon: nil, origin: "acquisition-first"))
        }
        return TradeoffCurve(points: Self.nonDominated(found), solves: solves, complete: complete, status: first.status)
    }

    func point(_ p: SelectionProblem, _ r: SelectionResult, epsilon: Int?, origin: String) -> TradeoffPoint {
        TradeoffPoint(minimumAcquisitions: epsilon, origin: origin, status: r.status, finess: r.finess,
                      acquisitions: r.acquisitions, score: r.score, used: r.used, selected: r.selectedIDs(p))
    }

    /// Keeps the points no other point dominates (one per (ESSMS, acquisitions) pair, the
    /// first found), sorted by acquisitions ascending.
    public static func nonDominated(_ points: [TradeoffPoint]) -> [TradeoffPoint] {
        var kept: [TradeoffPoint] = []
        for (i, x) in points.enumerated() {
            let dominated = points.enumerated().contains { j, y in
                (y.finess >= x.finess && y.acquisitions >= x.acquisitions && (y.finess > x.finess || y.acquisitions > x.acquisitions))
                    || (j < i && y.finess == x.finess && y.acquisitions == x.acquisitions)
            }
            if !dominated { kept.append(x) }
        }
        return kept.sorted { $0.acquisitions != $1.acquisitions ? $0.acquisitions < $1.acquisitions : $0.finess > $1.finess }
    }
}
