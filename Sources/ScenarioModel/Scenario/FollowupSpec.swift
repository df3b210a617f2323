// SPDX-License-Identifier: GPL-3.0-or-later

/// The `followup` block of a scenario: the reports of the funded projects and the date of the
/// follow-up (SCENARIO-FORMAT.md, "Follow-up of funded projects").
public struct FollowupSpec: Hashable, Sendable {
    /// The indicators table (one row per project, ESSMS and measurement period).
    public var indicators: String
    /// The statements of expenses (optional).
    public var expenses: String?
    /// Reports dated after this day are ignored.
    public var asOf: Day

    public init(indicators: String, expenses: String? = nil, asOf: Day) {
        self.indicators = indicators
        self.expenses = expenses
        self.asOf = asOf
    }
}

extension ScenarioSpec {
    /// `followup: { indicators: indicators.csv, expenses: expenses.csv, as_of: 2025-12-31 }`.
    static func decodeFollowup(_ r: inout ConfigReader, _ d: inout Diagnostics) -> FollowupSpec? {
        guard var m = r.map("followup", &d) else { return nil }
        let indicators = m.string("indicators", required: true, &d, what: .fr("le chemin du CSV des indicateurs", en: "the path of the indicators CSV"))
        let expenses = m.string("expenses", &d, what: .fr("le chemin du CSV des dépenses", en: "the path of the expenses CSV"))
        let asOf = m.day("as_of", required: true, &d)
        m.reportUnknownKeys(&d)
        guard let indicators, let asOf else { return nil }
        return FollowupSpec(indicators: indicators, expenses: expenses, asOf: asOf)
    }
}
