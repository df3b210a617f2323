// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Selection
import Simulation

/// `esms whatif` and the report's risks on the workflow: the base scenario and every variant of
/// it through fund → select → simulate, on the same draws — the base's seed and count for every
/// run (common random numbers), so that the differences are the variants' and not noise — one
/// row each. It reads no file: the command gives the base loaded and a loader of the variants,
/// which says what is wrong in a file its own way.
public struct Whatif: Sendable {
    /// A scenario ready to run: loaded, its rules, and its simulation parameters (its
    /// `simulation` block with the command's options).
    public struct Input: Sendable {
        public var scenario: Scenario
        public var rules: RuleSet
        public var parameters: SimulationParameters

        public init(scenario: Scenario, rules: RuleSet, parameters: SimulationParameters) {
            self.scenario = scenario
            self.rules = rules
            self.parameters = parameters
        }
    }

    /// A variant of the scenario: its id and what it sets (`envelope.notified = 3575273`).
    public struct Variant: Sendable, Equatable {
        public var id: String
        public var changes: [String]

        public init(id: String, changes: [String]) {
            self.id = id
            self.changes = changes
        }

        /// The variant as the scenario file declares it.
        public init(_ v: ScenarioModel.Variant) {
            self.init(id: v.id, changes: v.set.map { "\($0.keyPath.joined(separator: ".")) = \(Self.describe($0.value))" })
        }

        /// A value of the file as it reads: `3575273`, `[a, b]`, `{ mode: soft }`.
        static func describe(_ node: ConfigNode) -> String {
            switch node {
            case .scalar(let s, _): return s
            case .list(let items, _): return "[" + items.map(describe).joined(separator: ", ") + "]"
            case .map(let pairs, _): return "{ " + pairs.map { "\($0.key): \(describe($0.value))" }.joined(separator: ", ") + " }"
            }
        }
    }

    /// One run of the table: the base (`base`, no changes) or a variant.
    public struct Row: Sendable {
        public enum Outcome: Sendable {
            /// The selection, simulated: what it funds, the envelope it had, the Monte-Carlo.
            case simulated(set: SimulatedSet, available: Money, report: SimulationReport)
            /// A variant with no selection (infeasible, undecided, a solver failure): why.
            case noSelection(Committee.NoSelection)
        }

        public var variant: String
        public var changes: [String]
        public var outcome: Outcome

        public init(variant: String, changes: [String], outcome: Outcome) {
            self.variant = variant
            self.changes = changes
            self.outcome = outcome
        }
    }

    /// Hears each run before it starts: its rank from 1, how many there are, the variant's id.
    public typealias Progress = (_ run: Int, _ total: Int, _ variant: String) -> Void

    public var base: Input
    /// The scenario's variants, in its order.
    public var variants: [Variant]
    public var threads: Int

    /// The table of `base` and its scenario's variants; `threads` run each simulation (the
    /// results do not depend on them).
    public init(base: Input, threads: Int) {
        self.base = base
        variants = base.scenario.spec.variants.map(Variant.init)
        self.threads = threads
    }

    /// The parameters every run shares with the base: its seed and draws, and no tornado (that
    /// is `simulate`'s; here one run per variant).
    public var parameters: SimulationParameters { shared(base.parameters) }

    /// `p` on the base's draws.
    func shared(_ p: SimulationParameters) -> SimulationParameters {
        var p = p
        p.seed = base.parameters.seed
        p.draws = base.parameters.draws
        p.sensitivityDraws = 0
        return p
    }

    /// Runs the base, then each variant loaded by `load` (its id), in order: each committee
    /// built on its scenario, its selection solved and simulated with `parameters`' seed and
    /// draws. A variant without a selection gets its row with the reason; the base without one
    /// throws its `Committee.NoSelection` (nothing to compare with), before any variant is
    /// loaded. `base`: the base's row when it is already run (`CommitteeReport.baseRow`), not run again.
    public func run(loading load: (_ variant: String) throws -> Input, base given: Row? = nil,
                    progress: Progress? = nil) throws -> [Row] {
        let runs = [Variant(id: "base", changes: [])] + variants
        var rows: [Row] = []
        for (i, v) in runs.enumerated() {
            progress?(i + 1, runs.count, v.id)
            if i == 0, let given {
                rows.append(given)
                continue
            }
            let input = i == 0 ? base : try load(v.id)
            let committee = try Committee(scenario: input.scenario, rules: input.rules)
            do {
                let o = try committee.simulate(.selection, parameters: shared(input.parameters), threads: threads, tornado: false)
                rows.append(Row(variant: v.id, changes: v.changes,
                                outcome: .simulated(set: o.set, available: committee.problem.available, report: o.report)))
            } catch let e as Committee.NoSelection where i > 0 {
                rows.append(Row(variant: v.id, changes: v.changes, outcome: .noSelection(e)))
            }
        }
        return rows
    }
}
