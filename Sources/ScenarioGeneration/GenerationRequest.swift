// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

/// What to generate: a regional committee's pipeline or the national redeployment's.
public struct GenerationRequest: Sendable {
    public enum Scope: Hashable, Sendable {
        /// The candidates of one regional committee (INSEE region code).
        case regional(region: String)
        /// The projects of every ARS desk at the national redeployment of 15 October.
        case national
    }

    public var scope: Scope
    /// Number of projects (the pipeline may hold fewer when the region runs out of ESSMS).
    public var projects: Int
    public var seed: UInt64
    /// The rule set the scenario names (`2024` or `2025`); dates follow its campaign year.
    public var rules: RuleSet
    /// Regional scope: the committee date (default: 14 June of the campaign year).
    public var committee: Day?
    /// The register path as the scenario file will name it (relative to the scenario folder).
    public var registerReference: String

    public init(scope: Scope, projects: Int, seed: UInt64, rules: RuleSet = .campaign2024, committee: Day? = nil,
                registerReference: String) {
        self.scope = scope
        self.projects = projects
        self.seed = seed
        self.rules = rules
        self.committee = committee
        self.registerReference = registerReference
    }

    /// The committee date of a regional request: the one given, or the Friday on or before
    /// 14 June of the campaign year (14 June 2024 was a national milestone).
    public var committeeDay: Day {
        if let committee { return committee }
        let june14 = Day(year: rules.campaignYear, month: 6, day: 14)!
        // 1 January 1970 was a Thursday: weekday 0 = Sunday … 5 = Friday.
        let weekday = ((june14.ordinal + 4) % 7 + 7) % 7
        return june14.adding(days: -((weekday - 5 + 7) % 7))
    }
}

/// Why a pipeline cannot be generated.
public enum GenerationError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownRegion(String)
    case regionWithoutESSMS(String)
    case projectCount(Int)
    case committeeOutsideCampaign(Day, year: Int)

    public var description: String {
        switch self {
        case .unknownRegion(let r):
            return "unknown region code '\(r)'; expected one of "
                + Geography.regions.map { "\($0.code) \($0.name)" }.joined(separator: ", ")
        case .regionWithoutESSMS(let r):
            return "the register has no ESSMS in region \(r) (\(Geography.regionsByCode[r]?.name ?? r)): nothing to generate"
        case .projectCount(let n):
            return "a pipeline needs between 10 and 20000 projects, not \(n) (the ineligible cases need room)"
        case .committeeOutsideCampaign(let d, let y):
            return "the committee date \(d.iso) is outside the \(y) campaign (expected a date in \(y))"
        }
    }
}

/// A case planted in the pipeline on purpose, and the code the funding rules give it.
public enum PlantedCase: String, CaseIterable, Hashable, Sendable {
    case otherEUFunds = "other-eu-funds"
    case priorFunding = "prior-funding"
    case sonsValidatedEarly = "sons-validated-early"
    /// An acquisition with a SONS order never cancelled: excluded [000 §3.2.A].
    case sonsNotCancelled = "sons-not-cancelled"
    case comfortOnly = "comfort-only"
    /// ≥ 50 ESSMS in more than one region: a regional committee must reject it.
    case nationalDesk = "national-desk"
    case depositBeforeWindow = "deposit-before-window"
    case depositAfterWindow = "deposit-after-window"
    /// Deposited after the committee's cut-off: admissible, for the next committee (a warning).
    case afterCutoff = "after-cutoff"
    case nationalEntityAgreement = "national-entity-agreement"
    case joinsWithoutAgreement = "joins-without-agreement"
    case notReferenced = "not-referenced"
    /// Fewer than 15 ESSMS (a warning by default).
    case belowMinimumSize = "below-minimum-size"

    /// Whether the case is an ESSMS-level exclusion (reported in `excluded`) rather than a
    /// project issue.
    public var isExclusion: Bool {
        switch self {
        case .otherEUFunds, .priorFunding, .sonsValidatedEarly, .sonsNotCancelled, .comfortOnly: return true
        default: return false
        }
    }
}

/// A generated scenario: the files to write and what was planted in them.
public struct GeneratedScenario: Sendable {
    public struct File: Sendable {
        /// File name inside the scenario folder.
        public var name: String
        public var contents: String
    }

    public var files: [File]
    public var projects: [Project]
    /// The kind of each project, by id.
    public var kinds: [String: CandidateKind]
    /// Each planted case and the projects that carry it.
    public var planted: [PlantedCase: [String]]
    /// ESSMS held by more than one project (one grant per ESSMS), sorted.
    public var conflicts: [FINESS]
    /// National scope: each region's envelope as written in regions.csv.
    public var regions: [RegionEnvelope]
    public var envelope: Envelope?
}
