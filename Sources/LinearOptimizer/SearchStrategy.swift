// SPDX-License-Identifier: GPL-3.0-or-later

/// The knobs of one branch-and-cut run of GLPK (`glp_iocp`), solver-neutral in name.
public struct SearchStrategy: Sendable, Hashable {
    /// Cut families of GLPK's branch-and-cut.
    public enum CutFamily: String, Sendable, Hashable, CaseIterable, Comparable {
        case gomory, mixedIntegerRounding, cover, clique

        public static func < (lhs: CutFamily, rhs: CutFamily) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Choice of the branching variable (`br_tech`).
    public enum Branching: String, Sendable, Hashable, CaseIterable {
        case firstFractional, lastFractional, mostFractional, driebeckTomlin, hybridPseudocost
    }

    /// Choice of the next node (`bt_tech`).
    public enum Backtracking: String, Sendable, Hashable, CaseIterable {
        case depthFirst, breadthFirst, bestLocalBound, bestProjection
    }

    /// Short label used in reports, e.g. "tuned".
    public var label: String
    /// GLPK's MIP presolver. Off when a start solution or a heuristic must be injected
    /// (injection needs the original columns); the solver then turns it off itself.
    public var presolve: Bool
    /// Scale the problem before the first LP (`glp_scale_prob`, automatic).
    public var scaling: Bool
    public var cuts: Set<CutFamily>
    public var branching: Branching
    public var backtracking: Backtracking
    /// Feasibility pump heuristic (`fp_heur`).
    public var feasibilityPump: Bool
    /// Proximity search heuristic (`ps_heur`) and its time limit in seconds.
    public var proximitySearch: Bool
    public var proximitySearchTimeLimit: Double
    /// Share of the remaining time limit this run may use when another strategy follows, in (0, 1].
    public var timeShare: Double

    public init(
        label: String, presolve: Bool, scaling: Bool = true, cuts: Set<CutFamily>,
        branching: Branching, backtracking: Backtracking, feasibilityPump: Bool,
        proximitySearch: Bool = false, proximitySearchTimeLimit: Double = 60, timeShare: Double = 1
    ) {
        self.label = label
        self.presolve = presolve
        self.scaling = scaling
        self.cuts = cuts
        self.branching = branching
        self.backtracking = backtracking
        self.feasibilityPump = feasibilityPump
        self.proximitySearch = proximitySearch
        self.proximitySearchTimeLimit = proximitySearchTimeLimit
        self.timeShare = timeShare
    }

    /// GLPK's own defaults (`glp_init_iocp`): no presolve, no cuts, Driebeck-Tomlin, best local bound.
    public static let glpkDefaults = SearchStrategy(
        label: "glpk-defaults", presolve: false, scaling: false, cuts: [],
        branching: .driebeckTomlin, backtracking: .bestLocalBound, feasibilityPump: false
    )

    /// Presolve, all four cut families, feasibility pump, hybrid pseudocost branching,
    /// best local bound: the "tuned" row of domain/GLPK-NOTES.md (see Benchmarks/GLPK-TUNING.md).
    public static let tuned = SearchStrategy(
        label: "tuned", presolve: true, cuts: Set(CutFamily.allCases),
        branching: .hybridPseudocost, backtracking: .bestLocalBound, feasibilityPump: true
    )

    /// Gomory, cover and clique cuts: the families of `tuned` without mixed-integer rounding.
    /// On selections with a hard balance, MIR cuts took most of the solve (a committee of 202
    /// candidates with hard territory and sector balance: score stage 15.3 s with them, 0.44 s
    /// without; cover cuts are the ones that matter: without them, no proof within 60 s); on
    /// the soft-balance instances of Benchmarks/GLPK-TUNING.md dropping them was as fast or faster
    /// ("Hard balance"). The least-cost solves of the next in line keep MIR: without it, the
    /// shipped national scenario's took minutes instead of seconds.
    public static let selectionCuts: Set<CutFamily> = [.gomory, .cover, .clique]

    /// The `tuned` cuts and pump without the MIP presolver (so incumbents can be injected),
    /// hybrid pseudocost branching, depth-first backtracking. With a greedy heuristic and the
    /// granularity stop it was the fastest setting measured on selection-shaped models
    /// (worst 7.7 s over six instances of 500 to 5 000 projects; Benchmarks/GLPK-TUNING.md).
    public static let tunedDepthFirst = SearchStrategy(
        label: "tuned-depth-first", presolve: false, cuts: Set(CutFamily.allCases),
        branching: .hybridPseudocost, backtracking: .depthFirst, feasibilityPump: true
    )

    /// The `tuned` cuts and pump without the MIP presolver, hybrid pseudocost branching,
    /// best local bound: for a stage that starts from a near-optimal solution (a later
    /// lexicographic stage, started from the previous optimum), where the work is to prove
    /// the bound. On generated national selections it took the acquisition stage of 5 000
    /// candidates from 14.8 s (3 859 nodes, depth-first) to 0.16 s (57 nodes);
    /// Benchmarks/GLPK-TUNING.md, "Per-stage strategies".
    public static let tunedBestBound = SearchStrategy(
        label: "tuned-best-bound", presolve: false, cuts: Set(CutFamily.allCases),
        branching: .hybridPseudocost, backtracking: .bestLocalBound, feasibilityPump: true
    )

    /// `tunedDepthFirst` with the selection cuts (no MIR): the first stage of a selection.
    public static let selectionDepthFirst = { () -> SearchStrategy in
        var s = SearchStrategy.tunedDepthFirst
        s.label = "selection-depth-first"
        s.cuts = selectionCuts
        return s
    }()

    /// `selectionDepthFirst` backtracking to the node of best projection: the first stage of a
    /// selection. Depth-first search, which dives from the greedy start, could stay for minutes
    /// in one subtree a few units below the optimum under a hard balance (a national committee
    /// of 608 candidates with the sector balance hard at 30 %: ESSMS stage 3 439 against a bound
    /// of 3 442 after 10 000 nodes, never ending without a time limit; with the score first, 89 s
    /// and 114 903 nodes): the best projection, which weighs each node's bound against how
    /// fractional it still is, proved both in 989 and 239 nodes, 2.7 and 1.2 s
    /// (Benchmarks/README.md, "The first stage's backtracking").
    public static let selectionBestProjection = { () -> SearchStrategy in
        var s = SearchStrategy.selectionDepthFirst
        s.label = "selection-best-projection"
        s.backtracking = .bestProjection
        return s
    }()

    /// `tunedBestBound` with the selection cuts (no MIR): the later stages of a selection.
    public static let selectionBestBound = { () -> SearchStrategy in
        var s = SearchStrategy.tunedBestBound
        s.label = "selection-best-bound"
        s.cuts = selectionCuts
        return s
    }()

    /// No cuts, no pump, no presolve, Driebeck-Tomlin branching, best local bound: for a stage
    /// whose objective is continuous (the penalised slack of soft balance rows over the
    /// binaries fixed by earlier stages). Each cut round costs an LP, and cuts did not raise
    /// the bound: 0.5-0.9 s instead of 0.7-1.4 s at 5 000 candidates (Benchmarks/GLPK-TUNING.md,
    /// "Per-stage strategies"). Its LP relaxation can be 0 (a fractional selection meets every
    /// soft row): Driebeck-Tomlin's penalties raise the bound where pseudocosts, which start
    /// from nothing, did not (soft territory with a hard sector balance within 2 %: 1.9 s and
    /// 2 221 nodes → 0.5 s and 465; "The soft-balance stage's bound").
    public static let slackBestBound = SearchStrategy(
        label: "slack-best-bound", presolve: false, cuts: [],
        branching: .driebeckTomlin, backtracking: .bestLocalBound, feasibilityPump: false
    )

    /// Checks every value GLPK would reject by aborting.
    func validate() throws(LinearOptimizerError) {
        guard proximitySearchTimeLimit.isFinite, proximitySearchTimeLimit >= 0,
              proximitySearchTimeLimit * 1000 < Double(Int32.max) else {
            throw LinearOptimizerError(.invalidOption, "The proximity search time limit of strategy '\(label)' is \(proximitySearchTimeLimit) s; give a finite number of seconds between 0 and \(Int32.max / 1000).")
        }
        guard timeShare.isFinite, timeShare > 0, timeShare <= 1 else {
            throw LinearOptimizerError(.invalidOption, "The time share of strategy '\(label)' is \(timeShare); give a fraction in (0, 1].")
        }
    }
}
