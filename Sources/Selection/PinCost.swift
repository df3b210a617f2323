// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// What the committee's pins (projects forced in, projects excluded) cost: the selection made
/// with them against the one made without them, on the same envelope and balance. Positive
/// deltas are what the pins give up.
public struct PinCost: Sendable {
    public var forced: [String]
    public var excluded: [String]
    /// The selection without pins, and whether every stage of it was proven optimal.
    public var unpinnedFiness: Int
    public var unpinnedAcquisitions: Int
    public var unpinnedScore: Int
    public var unpinnedUsed: Money
    public var proven: Bool
    /// ESSMS, acquisitions and score points the pins cost (without − with).
    public var finess: Int
    public var acquisitions: Int
    public var score: Int
    /// Forced projects the selection without pins leaves out, excluded ones it would take.
    public var forcedOutWithout: [String]
    public var excludedInWithout: [String]

    /// Compares `pinned` (the selection of `p`, which has the pins) with the solve of `unpinned`
    /// (the same problem built without them); nil when `p` has no pin or that solve has no selection.
    public static func measure(_ p: SelectionProblem, _ pinned: SelectionResult, unpinned q: SelectionProblem,
                               selector: Selector) throws(Selector.Failure) -> PinCost? {
        guard !p.forced.isEmpty || !p.excluded.isEmpty, pinned.status.hasSelection else { return nil }
        var hinted = q
        hinted.startHint = Set(pinned.selectedIDs(p))
        let s = try selector.solve(hinted)
        guard s.status.hasSelection else { return nil }
        let without = Set(s.selectedIDs(hinted))
        return PinCost(forced: p.forced.sorted(), excluded: p.excluded.sorted(),
                       unpinnedFiness: s.finess, unpinnedAcquisitions: s.acquisitions, unpinnedScore: s.score,
                       unpinnedUsed: s.used, proven: s.status == .optimal && pinned.status == .optimal,
                       finess: s.finess - pinned.finess, acquisitions: s.acquisitions - pinned.acquisitions,
                       score: s.score - pinned.score,
                       forcedOutWithout: p.forced.sorted().filter { !without.contains($0) },
                       excludedInWithout: p.excluded.sorted().filter { without.contains($0) })
    }
}
