// SPDX-License-Identifier: GPL-3.0-or-later

/// One row of `indicators.csv`: the usage indicators of one funded ESSMS of one project over one
/// measurement period [000 §4].
public struct IndicatorReport: Hashable, Sendable {
    public var project: String
    public var finess: FINESS
    /// Last day of the measurement period.
    public var periodEnd: Day
    /// People accompanied (file active), more than 0.
    public var fileActive: Int
    /// DUI records of the file active updated in the period.
    public var activeRecords: Int
    public var withPersonalisedProject: Int
    public var withAgendaEvent: Int
    /// Nil when the field is empty (an exempt ESSMS).
    public var mssRate: UsageRate?
    public var dmpRate: UsageRate?
    /// The project's end, when the porteur declares it ended.
    public var projectEnded: Day?
    /// Where the row is, and its `project` and `finess` fields (for messages).
    public var line: Int
    public var projectLocation: SourceLocation
    public var finessLocation: SourceLocation

    public init(project: String, finess: FINESS, periodEnd: Day, fileActive: Int, activeRecords: Int,
                withPersonalisedProject: Int, withAgendaEvent: Int, mssRate: UsageRate? = nil, dmpRate: UsageRate? = nil,
                projectEnded: Day? = nil, line: Int = 0, file: String = "indicators.csv") {
        self.project = project
        self.finess = finess
        self.periodEnd = periodEnd
        self.fileActive = fileActive
        self.activeRecords = activeRecords
        self.withPersonalisedProject = withPersonalisedProject
        self.withAgendaEvent = withAgendaEvent
        self.mssRate = mssRate
        self.dmpRate = dmpRate
        self.projectEnded = projectEnded
        self.line = line
        projectLocation = SourceLocation(file: file, line: line, keyPath: "project")
        finessLocation = SourceLocation(file: file, line: line, keyPath: "finess")
    }
}

/// One row of `expenses.csv`: the statement of expenses of one funded ESSMS [000 §3.4.2].
public struct ExpenseStatement: Hashable, Sendable {
    public var project: String
    public var finess: FINESS
    /// Equipment actually spent: the equipment grant never exceeds it [000 §3.4].
    public var equipmentSpent: Money?
    /// Certified by the public accountant or the auditor.
    public var certified: Bool
    public var line: Int
    public var projectLocation: SourceLocation
    public var finessLocation: SourceLocation

    public init(project: String, finess: FINESS, equipmentSpent: Money? = nil, certified: Bool, line: Int = 0,
                file: String = "expenses.csv") {
        self.project = project
        self.finess = finess
        self.equipmentSpent = equipmentSpent
        self.certified = certified
        self.line = line
        projectLocation = SourceLocation(file: file, line: line, keyPath: "project")
        finessLocation = SourceLocation(file: file, line: line, keyPath: "finess")
    }
}

/// The reports of a scenario's `followup` block, read and checked row by row (what needs the
/// funding — is this ESSMS funded in this project? — is checked by the follow-up itself).
public struct FollowupReports: Sendable {
    public var asOf: Day
    public var indicators: [IndicatorReport]
    /// Nil when the scenario names no expenses table.
    public var expenses: [ExpenseStatement]?
    public var indicatorsFile: String
    public var expensesFile: String?

    public init(asOf: Day, indicators: [IndicatorReport], expenses: [ExpenseStatement]? = nil,
                indicatorsFile: String = "indicators.csv", expensesFile: String? = nil) {
        self.asOf = asOf
        self.indicators = indicators
        self.expenses = expenses
        self.indicatorsFile = indicatorsFile
        self.expensesFile = expensesFile
    }
}
