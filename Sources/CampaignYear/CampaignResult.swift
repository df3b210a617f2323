// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection

/// What one committee of a campaign decided.
public struct CommitteeOutcome: Sendable {
    public enum Status: String, Sendable {
        case optimal, feasible, infeasible
        case timeLimit = "time-limit"
        case solverError = "solver-error"
        /// `only_if_envelope_left` and nothing left to spend.
        case skipped
    }

    public var committee: CampaignSpec.Committee
    public var status: Status = .skipped
    /// No selection: infeasible, undecided at the search's limit, or a solver failure.
    public var failed: Bool { status == .infeasible || status == .timeLimit || status == .solverError }
    /// The solver's sentence, or why the committee was skipped.
    public var sentence: String = ""
    /// The committee's selection problem (its candidates, the engaged projects, the envelope).
    public var problem: SelectionProblem
    public var result: SelectionResult?
    /// Projects selected by this committee, in the scenario's order.
    public var selected: [String] = []
    /// Money of this committee's selection.
    public var used: Money = .zero
    /// Eligible ESSMS funded by this committee's selection.
    public var finess: Int = 0
    /// Admissible projects deposited after its cut-off: they go to the next committee.
    public var carriedOver: [String]

    init(committee: CampaignSpec.Committee, problem: SelectionProblem, carriedOver: [String]) {
        self.committee = committee
        self.problem = problem
        self.carriedOver = carriedOver
    }

    /// What this committee could spend: the envelope less everything engaged and its reserve.
    public var available: Money { problem.available }
    /// The money engaged before it (engaged projects of the scenario and of earlier committees).
    public var engagedBefore: Money { problem.engaged.reduce(.zero) { $0 + $1.amount } }
    /// Not engaged after it (its reserve included): what later committees may spend.
    public var left: Money { problem.available + committee.reserve - used }
    public var candidates: Int { problem.candidates.count }

    mutating func record(_ r: SelectionResult, _ p: SelectionProblem) {
        result = r
        sentence = r.sentence
        switch r.status {
        case .optimal: status = .optimal
        case .feasible: status = .feasible
        case .infeasible: status = .infeasible
        case .timeLimit: status = .timeLimit
        case .solverError: status = .solverError
        }
        guard [.optimal, .feasible].contains(status) else { return }
        selected = r.selectedIDs(p)
        used = r.used
        finess = r.finess
    }
}

/// The year: every committee's outcome, in order.
public struct CampaignResult: Sendable {
    public var campaign: CampaignSpec
    /// Projects engaged before the campaign (`decision: engaged` in the scenario's tables).
    public var engagedBefore: [String]
    public var committees: [CommitteeOutcome]

    /// Every project the campaign's committees selected, in committee order.
    public var selected: [String] { committees.flatMap(\.selected) }
    public var used: Money { committees.reduce(.zero) { $0 + $1.used } }
    public var finess: Int { committees.reduce(0) { $0 + $1.finess } }
    /// Not engaged after the last committee.
    public var left: Money { committees.last?.left ?? .zero }
    /// Projects still carried over after the last committee.
    public var carriedOver: [String] { committees.last?.carriedOver ?? [] }
    /// Whether a committee found no selection meeting the hard constraints, or failed.
    public var failed: Bool { committees.contains(where: \.failed) }
    /// Which committee selected a project.
    public func committee(of project: String) -> CommitteeOutcome? {
        committees.first { $0.selected.contains(project) }
    }
}
