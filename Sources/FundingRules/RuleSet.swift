// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// Every value of the programme's rules for one campaign, and the policies this project adopts
/// where the documents are silent (`RULES.md`). Built-in sets: `2024`, `2025`; a rules file
/// overrides any value.
public struct RuleSet: Hashable, Sendable {
    /// Per-ESSMS lump sums [000 §3.3.2, 001 p.12].
    public struct Rates: Hashable, Sendable {
        public var acquisitionUsage = Money(euros: 7_000)
        public var acquisitionSoftware = Money(euros: 14_000)
        public var acquisitionUsageVolume = Money(euros: 2_000)
        public var acquisitionSoftwareVolume = Money(euros: 3_000)
        public var upgradeUsage = Money(euros: 5_000)
        public var upgradeUsageVolume = Money(euros: 2_000)
        public init() {}
    }

    /// A deposit window, bounds included.
    public struct Window: Hashable, Sendable {
        public var opens: Day
        public var closes: Day
        public init(opens: Day, closes: Day) {
            self.opens = opens
            self.closes = closes
        }
        public func contains(_ d: Day) -> Bool { opens <= d && d <= closes }
    }

    /// Usage targets (cibles d'usage) as fractions [000 §4].
    public struct UsageTargets: Hashable, Sendable {
        public var activeRecords = 0.90
        public var personalisedProject = 0.90
        public var agendaEvent = 0.90
        public var mssante = 0.70
        public var dmp = 0.70
        public init() {}
    }

    public var name: String
    public var campaignYear: Int
    public var rates = Rates()
    /// First rank paid at the volume rate ("effet volume": ranks 1–49 full rate, ≥ 50 reduced).
    public var volumeRank = 50
    /// An OG is small below this many ESSMS (whole register)…
    public var smallOrganisationThreshold = 15
    /// …or below this many in Corse and the overseas regions.
    public var smallOrganisationThresholdCorseOverseas = 8
    public var equipmentCap = Money(euros: 10_000)
    public var amoaCap = Money(euros: 100_000)
    /// From this many eligible ESSMS in more than one region, the project goes to the national desk.
    public var nationalDeskThreshold = 50
    public var regionalWindow: Window
    public var multiRegionalWindow: Window
    public var nationalCallWindow: Window
    /// An upgrade whose SONS service validation (VA) is on or before this day is excluded.
    public var sonsValidationCutoff: Day
    /// From the 2025 campaign: an acquisition by an ESSMS with a SONS order needs the order
    /// cancelled before this day (and before its VA). Nil: no such condition.
    public var sonsCancellationDeadline: Day?
    /// Indicative durations from the start of the project to the end of deployment [000 §3.4.2]:
    /// "au plus 9 mois" without a change of software (upgrade), "au plus 18 mois" for an
    /// acquisition; not binding, and "ne concernent pas les projets de portée nationale".
    public var indicativeMonthsUpgrade = 9
    public var indicativeMonthsAcquisition = 18
    /// From 2025 the PJM ESSMS are exempt from the MSSanté and DMP targets.
    public var pjmExemptFromMSSanteAndDMP: Bool
    public var usageTargets = UsageTargets()
    /// National result indicators [003].
    public var nationalActiveDUITarget = 410_000
    public var nationalFundedESSMSTarget = 29_000
    public var policies = Policies()

    public static func builtin(_ name: String) -> RuleSet? {
        switch name {
        case "2024": return campaign2024
        case "2025": return campaign2025
        default: return nil
        }
    }

    public static let builtinNames = ["2024", "2025"]

    /// The 2024 campaign [000, 003].
    public static let campaign2024 = RuleSet(
        name: "2024", campaignYear: 2024,
        regionalWindow: Window(opens: Day(year: 2024, month: 1, day: 15)!, closes: Day(year: 2024, month: 9, day: 15)!),
        multiRegionalWindow: Window(opens: Day(year: 2024, month: 1, day: 15)!, closes: Day(year: 2024, month: 6, day: 1)!),
        nationalCallWindow: Window(opens: Day(year: 2024, month: 2, day: 15)!, closes: Day(year: 2024, month: 6, day: 1)!),
        sonsValidationCutoff: Day(year: 2023, month: 3, day: 31)!,
        sonsCancellationDeadline: nil,
        pjmExemptFromMSSanteAndDMP: false)

    /// The 2025 campaign [001]: the 2024 calendar shifted a year, the SONS cancellation
    /// deadline of 17 April 2025, PJM exempt from MSSanté and DMP targets.
    public static let campaign2025: RuleSet = {
        var r = campaign2024
        r.name = "2025"
        r.campaignYear = 2025
        r.regionalWindow = Window(opens: r.regionalWindow.opens.inYear(2025), closes: r.regionalWindow.closes.inYear(2025))
        r.multiRegionalWindow = Window(opens: r.multiRegionalWindow.opens.inYear(2025),
                                       closes: r.multiRegionalWindow.closes.inYear(2025))
        r.nationalCallWindow = Window(opens: r.nationalCallWindow.opens.inYear(2025),
                                      closes: r.nationalCallWindow.closes.inYear(2025))
        r.sonsValidationCutoff = Day(year: 2024, month: 3, day: 31)!
        r.sonsCancellationDeadline = Day(year: 2025, month: 4, day: 17)!
        r.pjmExemptFromMSSanteAndDMP = true
        return r
    }()

    /// The small-organisation threshold that applies to an ESSMS of `region`.
    public func smallOrganisationThreshold(region: String) -> Int {
        region == "94" || Geography.isOverseas(region: region)
            ? smallOrganisationThresholdCorseOverseas : smallOrganisationThreshold
    }
}

/// The points the documents leave open, each a named setting [RULES.md].
public struct Policies: Hashable, Sendable {
    /// Ranks in a grappe mixing acquisitions and upgrades.
    public enum MixedRankOrder: String, CaseIterable, Hashable, Sendable {
        /// Acquisitions take ranks 1…a, upgrades the following ones.
        case acquisitionFirst = "acquisition-first"
        case upgradeFirst = "upgrade-first"
        /// Each mode gets the full rate on its share of the full-rate ranks (half-up, in
        /// favour of acquisitions).
        case proportional
    }

    public enum AMOARequires: String, CaseIterable, Hashable, Sendable {
        case allSmall = "all-small"
        case anySmall = "any-small"
    }

    public enum SecondTranche: String, CaseIterable, Hashable, Sendable {
        /// The balance is paid pro rata of the ESSMS reaching their targets.
        case perESSMS = "per-essms"
        case allOrNothing = "all-or-nothing"
    }

    public struct MinimumSize: Hashable, Sendable {
        public var value = 15
        /// A rejection below `value` instead of a warning.
        public var hard = false
        public init(value: Int = 15, hard: Bool = false) {
            self.value = value
            self.hard = hard
        }
    }

    public var mixedRankOrder = MixedRankOrder.acquisitionFirst
    public var amoaRequires = AMOARequires.allSmall
    public var secondTranche = SecondTranche.perESSMS
    public var minimumSize = MinimumSize()

    public init() {}

    /// Every policy and its value, for the audit record.
    public var entries: [(String, String)] {
        [("mixed_rank_order", mixedRankOrder.rawValue), ("amoa_requires", amoaRequires.rawValue),
         ("second_tranche", secondTranche.rawValue),
         ("minimum_size", "\(minimumSize.value)\(minimumSize.hard ? " (hard)" : " (warning)")")]
    }
}
