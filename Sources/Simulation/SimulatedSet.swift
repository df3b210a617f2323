// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// What was simulated, for the documents: the committee's selection or every eligible candidate.
public struct SimulatedSet: Sendable {
    public enum Kind: String, Sendable {
        case selection
        case eligibleCandidates = "eligible-candidates"
    }
    public var kind: Kind
    public var status: String?
    public var projects: [String]
    public var finess: Int
    public var acquisitions: Int
    public var used: Money

    public init(kind: Kind, status: String?, projects: [String], finess: Int, acquisitions: Int, used: Money) {
        self.kind = kind
        self.status = status
        self.projects = projects
        self.finess = finess
        self.acquisitions = acquisitions
        self.used = used
    }
}
