// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel

/// The five usage indicators of [000 §4] (RULES §5).
public enum UsageIndicator: String, CaseIterable, Hashable, Sendable {
    case activeRecords = "active_records"
    case personalisedProject = "personalised_project"
    case agendaEvent = "agenda_event"
    case mss
    case dmp
}

/// Why the second half of an ESSMS's grant is not due (the first that applies is its `reason`).
public enum WithholdReason: String, CaseIterable, Hashable, Sendable {
    /// No report dated on or before the follow-up date.
    case noReport = "no-report"
    /// A target is not met — or, under `all-or-nothing`, another ESSMS of the project misses one.
    case targetsNotMet = "targets-not-met"
    /// The porteur has not declared the project ended by the follow-up date.
    case notEnded = "not-ended"
    /// No certified statement of expenses.
    case notCertified = "not-certified"
}

/// The follow-up of one funded ESSMS: its grant, what was paid, what is due, what is withheld.
public struct FollowupESSMS: Hashable, Sendable {
    public var finess: FINESS
    public var sector: Sector
    public var region: String
    /// The grant as `fund` computes it.
    public var grantedAtSignature: Money
    /// The grant with the equipment capped at what was spent.
    public var granted: Money
    /// Half the grant at signature, rounded half-up to the cent: paid.
    public var firstHalf: Money
    public var secondHalfDue: Money
    public var withheld: Money
    /// The first half paid beyond the capped grant: to recover from the porteur.
    public var toRecover: Money
    /// The report that counts (the latest `period_end` on or before the follow-up date).
    public var report: IndicatorReport?
    /// Reports dated after the follow-up date, ignored.
    public var ignoredReports: Int
    /// Each indicator's rate (nil: not reported).
    public var rates: [UsageIndicator: Double]
    /// Whether each indicator's target is met (exempt ones count as met).
    public var met: [UsageIndicator: Bool]
    public var exempt: [UsageIndicator]
    public var allMet: Bool
    public var certified: Bool
    /// Every reason that applies, in the order of `WithholdReason.allCases`.
    public var reasons: [WithholdReason]
    /// Under `all-or-nothing`: this ESSMS met its targets, another of the project did not.
    public var withheldByPolicy: Bool

    public var reason: WithholdReason? { reasons.first }
    public var activeDUI: Int { report?.activeRecords ?? 0 }
}

/// The follow-up of one funded project.
public struct FollowupProject: Hashable, Sendable {
    public var id: String
    public var title: String
    /// The committee that selected it (`engaged` before: nil).
    public var committee: String?
    /// The end the porteur declared (on or before the follow-up date), if any.
    public var endedOn: Day?
    public var essms: [FollowupESSMS]

    public var ended: Bool { endedOn != nil }
    public var certified: Bool { essms.allSatisfy(\.certified) }
    public var totals: FollowupTotals { FollowupTotals(essms) }
}

/// Sums over ESSMS: money, ESSMS meeting every target, active DUI reported.
public struct FollowupTotals: Hashable, Sendable {
    public var essms = 0
    public var reported = 0
    public var granted = Money.zero
    public var firstHalf = Money.zero
    public var secondHalfDue = Money.zero
    public var withheld = Money.zero
    public var toRecover = Money.zero
    public var essmsMeetingTargets = 0
    public var activeDUI = 0
    /// Money withheld by the first reason of each ESSMS.
    public var withheldBy: [WithholdReason: Money] = [:]

    public init() {}

    public init<S: Sequence>(_ items: S) where S.Element == FollowupESSMS {
        for e in items { add(e) }
    }

    public mutating func add(_ e: FollowupESSMS) {
        essms += 1
        if e.report != nil { reported += 1 }
        granted += e.granted
        firstHalf += e.firstHalf
        secondHalfDue += e.secondHalfDue
        withheld += e.withheld
        toRecover += e.toRecover
        if e.allMet { essmsMeetingTargets += 1 }
        activeDUI += e.activeDUI
        if let r = e.reason, e.withheld > .zero { withheldBy[r, default: .zero] += e.withheld }
    }

    public mutating func add(_ t: FollowupTotals) {
        essms += t.essms
        reported += t.reported
        granted += t.granted
        firstHalf += t.firstHalf
        secondHalfDue += t.secondHalfDue
        withheld += t.withheld
        toRecover += t.toRecover
        essmsMeetingTargets += t.essmsMeetingTargets
        activeDUI += t.activeDUI
        for (k, v) in t.withheldBy { withheldBy[k, default: .zero] += v }
    }
}

/// The follow-up of every funded project on one date.
public struct FollowupResult: Sendable {
    public var scenario: String
    public var asOf: Day
    public var policy: Policies.SecondTranche
    public var projects: [FollowupProject]
    public var totals: FollowupTotals
    /// National scope: the totals of each region (of the ESSMS), by INSEE code.
    public var regions: [(region: String, totals: FollowupTotals)]
    /// Which projects count as funded, in words (for the outputs).
    public var fundedBasis: String
}
