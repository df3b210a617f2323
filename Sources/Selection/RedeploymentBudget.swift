// SPDX-License-Identifier: GPL-3.0-or-later
import LinearOptimizer
import ScenarioModel

/// An envelope inside a selection's budget: the candidates it names may use at most `cap`
/// together (row `budget_<name>`). The national redeployment uses one for the national call
/// (national-desk projects only, never regional money) and one for the regions' pool, or one
/// per region when each region selects within its own AE.
public struct BudgetRow: Sendable, Hashable {
    /// `[A-Za-z0-9_]+`, used in the row name.
    public var name: String
    /// Candidate ids funded from this envelope.
    public var members: Set<String>
    public var cap: Money

    public init(name: String, members: Set<String>, cap: Money) {
        self.name = name
        self.members = members
        self.cap = cap
    }
}

extension SelectionProblem {
    /// The budget rows a selection (indices into `candidates`) exceeds, counted exactly in cents.
    public func budgetRowsExceeded(by selected: [Int]) -> [BudgetRow] {
        budgetRows.filter { row in
            selected.reduce(Money.zero) { row.members.contains(candidates[$1].id) ? $0 + candidates[$1].amount : $0 } > row.cap
        }
    }
}

extension SelectionModel {
    /// Σ amount_p x_p ≤ cap over the candidates of `row` (skipped when none is a candidate).
    static func addBudgetRow(_ m: inout LinearModel, _ row: BudgetRow, p: SelectionProblem, x: [VariableID]) {
        let terms = p.candidates.indices.compactMap { i in
            row.members.contains(p.candidates[i].id) ? Term(x[i], euros(p.candidates[i].amount.cents)) : nil
        }
        guard !terms.isEmpty else { return }
        m.addRow("budget_\(row.name)", terms, .lessOrEqual(euros(max(0, row.cap.cents))))
    }
}
