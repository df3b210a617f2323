// SPDX-License-Identifier: GPL-3.0-or-later

/// Regional committee or national redeployment.
public enum Scope: String, Hashable, Sendable {
    case regional, national
}

/// The envelope of a regional committee (euros notified, engaged earlier, kept back).
public struct Envelope: Hashable, Sendable {
    public var notified: Money
    /// Engaged earlier and not listed as `engaged` projects.
    public var engaged: Money
    /// Kept back for later committees.
    public var reserve: Money
    public init(notified: Money, engaged: Money = .zero, reserve: Money = .zero) {
        self.notified = notified
        self.engaged = engaged
        self.reserve = reserve
    }
}

/// A balance constraint of the selection (territory = département, sector).
public struct BalanceRule: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable { case soft, hard, off }
    public enum Basis: Hashable, Sendable {
        /// Each key's share of the scope's ESSMS in the register.
        case essms
        /// Shares given in the file, by key.
        case shares([String: Double])
    }
    public var basis: Basis
    public var tolerance: Double
    public var mode: Mode
    public init(basis: Basis = .essms, tolerance: Double, mode: Mode) {
        self.basis = basis
        self.tolerance = tolerance
        self.mode = mode
    }
}

/// A term of the selection objective.
public enum ObjectiveTerm: String, CaseIterable, Hashable, Sendable {
    /// Eligible ESSMS funded.
    case finess
    /// Of which in acquisition mode.
    case acquisition
    /// Sum of the six priority criteria of the selected projects.
    case score
    /// Expected number of ESSMS reaching their usage targets (needs the simulation model).
    case expectedAttaining = "expected_attaining"
}

public enum Objective: Hashable, Sendable {
    case lexicographic([ObjectiveTerm])
    case weighted([ObjectiveTerm: Double])

    public static let `default` = Objective.lexicographic([.finess, .acquisition, .score])

    /// The terms the objective ranks: a lexicographic objective's terms in its order, a weighted
    /// one's terms of non-zero weight.
    public var rankedTerms: [ObjectiveTerm] {
        switch self {
        case .lexicographic(let terms): return terms
        case .weighted(let weights): return ObjectiveTerm.allCases.filter { (weights[$0] ?? 0) != 0 }
        }
    }
}

/// A what-if: keys of the scenario file overridden.
public struct Variant: Sendable {
    public var id: String
    public var set: [(keyPath: [String], value: ConfigNode)]
}

/// Regions of a national scenario (`regions.csv`: region, notified, engaged).
public struct RegionEnvelope: Hashable, Sendable {
    public var region: String
    public var notified: Money
    public var engaged: Money
    public init(region: String, notified: Money, engaged: Money) {
        self.region = region
        self.notified = notified
        self.engaged = engaged
    }
}

/// A scenario file, decoded; the tables it points to are loaded by `ScenarioLoader`.
public struct ScenarioSpec: Sendable {
    public var id: String
    public var title: String
    /// `2024`, `2025`, or a path to a rules file (relative to the scenario).
    public var rules: String
    public var rulesNode: ConfigNode?
    public var scope: Scope
    public var region: String?
    public var committee: Day?
    /// The committee's deposit cut-off (`committee: { date, deposits_until }`, RULES §3 item 12):
    /// projects deposited after it are not before this committee. Nil: the committee date.
    public var depositsUntil: Day?
    public var envelope: Envelope
    public var register: String
    public var projects: String
    public var members: String
    /// Policy overrides, interpreted by the rule set.
    public var policies: ConfigNode?
    public var territory: BalanceRule
    public var sector: BalanceRule
    public var objective: Objective
    /// The `simulation` block, interpreted by the simulation module.
    public var simulation: ConfigNode?
    public var variants: [Variant]
    // National scope.
    public var date: Day?
    public var deadline: Day?
    public var regions: String?
    public var redeploymentPolicy: String?
    /// Envelope of the national call (projects ≥ 50 ESSMS in several regions).
    public var nationalCall: Money?
    /// Grappes funded by ESMS numérique outside this scenario's tables (earlier campaigns), which a
    /// project's `joins_grappe` may name besides the scenario's `engaged` projects.
    public var fundedGrappes: [String] = []
    /// The `followup` block: reports of the funded projects (`esms followup`).
    public var followup: FollowupSpec? = nil
    /// The whole file, for variants.
    public var node: ConfigNode

    /// The last deposit day this committee takes: `deposits_until`, else the committee date.
    public var cutoff: Day? { depositsUntil ?? committee }

    public static let defaultTerritory = BalanceRule(tolerance: 0.20, mode: .soft)
    public static let defaultSector = BalanceRule(tolerance: 0.25, mode: .soft)
}
