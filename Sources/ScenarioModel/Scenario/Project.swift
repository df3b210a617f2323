// SPDX-License-Identifier: GPL-3.0-or-later

/// Ségur referencing status of the DUI solution a project deploys.
public enum Referencing: String, CaseIterable, Hashable, Sendable {
    /// Referenced "vague 1", medico-social corridor.
    case segurMedicoSocial = "segur-v1-ms"
    /// Referenced "vague 1", hospital corridor (a DPI; admissible for a GHT porteur only).
    case segurHospital = "segur-v1-hopital"
    /// Being referenced: admissible with a warning.
    case inProgress = "in-progress"
    case none = "none"
}

/// What an earlier committee decided about a project.
public enum Decision: String, Hashable, Sendable {
    /// Not decided yet: a candidate of this committee.
    case candidate = ""
    /// Selected at an earlier committee: fixed in, counts against the envelope and balance.
    case engaged
    case rejected
}

/// How an ESSMS takes part in a project.
public enum Mode: String, CaseIterable, Hashable, Sendable {
    /// A new DUI solution (first equipment or change of solution).
    case acquisition
    /// Keeps its solution and moves to a Ségur-referenced version (mise à niveau).
    case upgrade
}

/// The six scored priority criteria, 0–3 each.
public enum ScoreCriterion: String, CaseIterable, Hashable, Sendable {
    case motivation, perimetre, mutualisation, interop, plateforme, maturite
    public var column: String { "score_" + rawValue }
}

/// A candidate project (grappe) as filed.
public struct Project: Hashable, Sendable {
    public var id: String
    public var title: String
    /// FINESS juridique of the filing OG.
    public var porteur: FINESS
    public var software: String
    public var referencing: Referencing
    /// The porteur is a GHT meeting the three conditions of the hospital-corridor exception.
    public var ght: Bool
    public var deposited: Day
    public var nationalEntityAgreement: Bool
    public var joinsGrappe: String?
    public var joinsAgreement: Bool
    public var amoaRequested: Money
    /// Scores in `ScoreCriterion.allCases` order; nil when not given.
    public var scores: [Int?]
    public var plannedMonths: Int?
    public var decision: Decision
    /// INSEE code of the instructing ARS (national scope).
    public var region: String?
    public var ready: Day?
    public var siMaturity: Int?
    /// Line of the project in its table, for messages.
    public var line: Int
    /// The members, in the order of the members table.
    public var members: [Member]

    public init(id: String, title: String = "", porteur: FINESS, software: String, referencing: Referencing,
                ght: Bool = false, deposited: Day, nationalEntityAgreement: Bool = false, joinsGrappe: String? = nil,
                joinsAgreement: Bool = false, amoaRequested: Money = .zero, scores: [Int?] = Array(repeating: nil, count: 6),
                plannedMonths: Int? = nil, decision: Decision = .candidate, region: String? = nil, ready: Day? = nil,
                siMaturity: Int? = nil, line: Int = 0, members: [Member] = []) {
        self.id = id
        self.title = title
        self.porteur = porteur
        self.software = software
        self.referencing = referencing
        self.ght = ght
        self.deposited = deposited
        self.nationalEntityAgreement = nationalEntityAgreement
        self.joinsGrappe = joinsGrappe
        self.joinsAgreement = joinsAgreement
        self.amoaRequested = amoaRequested
        self.scores = scores
        self.plannedMonths = plannedMonths
        self.decision = decision
        self.region = region
        self.ready = ready
        self.siMaturity = siMaturity
        self.line = line
        self.members = members
    }

    /// Sum of the six criteria (missing ones count 0).
    public var score: Int { scores.reduce(0) { $0 + ($1 ?? 0) } }
}

/// One ESSMS in one project.
public struct Member: Hashable, Sendable {
    public var finess: FINESS
    public var mode: Mode
    public var equipmentQuote: Money?
    public var saadEligibleHours: Quantity?
    public var saadTotalHours: Quantity?
    public var otherEUFunds: Bool
    public var priorFunding: Bool
    public var sonsOrder: Bool
    public var sonsValidated: Day?
    public var sonsCancelled: Day?
    public var nationalEntity: Bool
    /// The DUI solution of this ESSMS when the members table says it (extension column `software`).
    public var software: String?
    public var line: Int

    public init(finess: FINESS, mode: Mode, equipmentQuote: Money? = nil, saadEligibleHours: Quantity? = nil,
                saadTotalHours: Quantity? = nil, otherEUFunds: Bool = false, priorFunding: Bool = false,
                sonsOrder: Bool = false, sonsValidated: Day? = nil, sonsCancelled: Day? = nil,
                nationalEntity: Bool = false, software: String? = nil, line: Int = 0) {
        self.finess = finess
        self.mode = mode
        self.equipmentQuote = equipmentQuote
        self.saadEligibleHours = saadEligibleHours
        self.saadTotalHours = saadTotalHours
        self.otherEUFunds = otherEUFunds
        self.priorFunding = priorFunding
        self.sonsOrder = sonsOrder
        self.sonsValidated = sonsValidated
        self.sonsCancelled = sonsCancelled
        self.nationalEntity = nationalEntity
        self.software = software
        self.line = line
    }
}
