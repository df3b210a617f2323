// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// Where a project is filed [000 §7].
public enum Guichet: String, Hashable, Sendable {
    case regional, national
}

/// Why an ESSMS leaves a project (RULES.md §3, items 1–5). Codes are stable.
public enum ExclusionReason: String, CaseIterable, Hashable, Sendable {
    case otherEUFunds = "other-eu-funds"
    case priorFunding = "prior-funding"
    case sonsValidatedEarly = "sons-validated-early"
    case sonsNotCancelled = "sons-not-cancelled"
    case comfortOnly = "comfort-only"
}

/// An ESSMS removed from a project, with the sentence that says why.
public struct Exclusion: Hashable, Sendable {
    public var finess: FINESS
    public var reason: ExclusionReason
    public var message: String
}

/// A project-level finding: an error makes the project ineligible, a warning does not.
public struct RuleIssue: Hashable, Sendable {
    public enum Severity: String, Hashable, Sendable { case error, warning }
    public var severity: Severity
    /// Stable code, e.g. `not-referenced`, `outside-deposit-window`.
    public var code: String
    public var message: String

    /// Deposited after the committee's cut-off: not before this committee (it goes to the next
    /// one), admissible all the same [000 §8].
    public static let afterCutoff = "after-cutoff"
}

/// The money of a project, or of one ESSMS in it.
public struct Amount: Hashable, Sendable {
    public var usage = Money.zero
    public var software = Money.zero
    public var equipment = Money.zero
    public var amoa = Money.zero
    public var total: Money { usage + software + equipment + amoa }

    public init(usage: Money = .zero, software: Money = .zero, equipment: Money = .zero, amoa: Money = .zero) {
        self.usage = usage
        self.software = software
        self.equipment = equipment
        self.amoa = amoa
    }

    public static func + (a: Amount, b: Amount) -> Amount {
        Amount(usage: a.usage + b.usage, software: a.software + b.software, equipment: a.equipment + b.equipment,
               amoa: a.amoa + b.amoa)
    }
}

/// One eligible ESSMS of a project and the euros attributed to it (every euro of the grant
/// lies with one ESSMS, which the territorial and sector balance needs).
public struct FundedESSMS: Hashable, Sendable {
    public var finess: FINESS
    public var mode: Mode
    /// 1-based rank in the project (ranks ≥ the volume rank get the reduced rate).
    public var rank: Int
    /// Paid at the full (ranks 1–49) rate.
    public var fullRate: Bool
    /// SAAD prorata applied (eligible / total hours), when any.
    public var prorataEligible: Quantity?
    public var prorataTotal: Quantity?
    public var smallOrganisation: Bool
    public var amount: Amount
    public var departement: String
    public var region: String
    public var sector: Sector
    public var ej: FINESS
}

/// Everything the rules say about one project: admissibility, desk, exclusions, money.
public struct ProjectAssessment: Hashable, Sendable {
    public var id: String
    public var eligible: Bool
    public var guichet: Guichet
    /// Regions of the eligible ESSMS, sorted.
    public var regions: [String]
    public var excluded: [Exclusion]
    public var issues: [RuleIssue]
    /// Eligible ESSMS in the members table's order, each with its money.
    public var funded: [FundedESSMS]
    public var amount: Amount
    /// Whether the AMOA aid was granted.
    public var amoaGranted: Bool
    /// Deposited after the committee's cut-off: admissible, but for a later committee.
    public var afterCutoff: Bool = false

    public var finessCount: Int { funded.count }
    public var acquisitionCount: Int { funded.count { $0.mode == .acquisition } }
    public var upgradeCount: Int { funded.count { $0.mode == .upgrade } }
    public var errors: [RuleIssue] { issues.filter { $0.severity == .error } }
}
