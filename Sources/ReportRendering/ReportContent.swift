// SPDX-License-Identifier: GPL-3.0-or-later
import CampaignYear
import FundingRules
import ScenarioModel
import Selection
import Simulation

/// Everything a committee report shows, computed beforehand by the commands: the renderer only
/// formats. Sections are optional so that a report is complete with what was computed (a
/// scenario whose selection failed still gets its funding tables) and so that simulation and
/// national redeployment plug in as values (`SimulationSection`, `RedeploymentSection`).
public struct ReportContent: Sendable {
    public var scenario: Scenario
    public var rules: RuleSet
    /// The run of a what-if variant, when one was asked for.
    public var variant: String?
    /// `esms fund`: every project's eligibility and money.
    public var assessments: [ProjectAssessment]
    /// `esms select`, with explanations and next in line.
    public var selection: SelectionSection?
    /// `esms frontier`: the selection along the envelope.
    public var frontier: [FrontierPoint]?
    /// `esms tradeoff`: funded ESSMS against acquisitions.
    public var tradeoff: TradeoffCurve?
    /// Monte-Carlo attainment of the usage targets (histograms, tornado).
    public var simulation: SimulationSection?
    /// National redeployment: what each region released, received and funded.
    public var redeployment: RedeploymentSection?
    /// When, with what and how the run was made (the audit record).
    public var run: ReportRun
    /// `esms campaign`: the committees of the year, when the report is given a campaign.
    public var campaign: CampaignResult? = nil
    /// `esms followup`: the funded projects' reports, when the scenario has a followup block.
    public var followup: FollowupResult? = nil
    /// `esms calibrate` on that follow-up, when at least 3 projects have ended.
    public var calibration: CalibrationRun? = nil
    /// The scenario's what-if variants beside the base (`esms whatif`), when it has any.
    public var whatif: WhatifSection? = nil

    public init(scenario: Scenario, rules: RuleSet, variant: String? = nil, assessments: [ProjectAssessment],
                selection: SelectionSection? = nil, frontier: [FrontierPoint]? = nil, tradeoff: TradeoffCurve? = nil,
                simulation: SimulationSection? = nil, redeployment: RedeploymentSection? = nil, run: ReportRun) {
        self.scenario = scenario
        self.rules = rules
        self.variant = variant
        self.assessments = assessments
        self.selection = selection
        self.frontier = frontier
        self.tradeoff = tradeoff
        self.simulation = simulation
        self.redeployment = redeployment
        self.run = run
    }
}

/// The committee selection and what explains it.
public struct SelectionSection: Sendable {
    public var problem: SelectionProblem
    public var result: SelectionResult
    /// One per project of the scenario, in its order (empty when the selection failed).
    public var explanations: [ProjectExplanation]
    public var nextInLine: [NextInLineChange]
    public var infeasibility: InfeasibilityReport?
    /// Warnings found before solving (keys without a fundable candidate, overspent envelope).
    public var warnings: [String]
    /// What the committee's pins cost (nil without pins).
    public var pinCost: PinCost?

    public init(problem: SelectionProblem, result: SelectionResult, explanations: [ProjectExplanation],
                nextInLine: [NextInLineChange] = [], infeasibility: InfeasibilityReport? = nil, warnings: [String] = [],
                pinCost: PinCost? = nil) {
        self.pinCost = pinCost
        self.problem = problem
        self.result = result
        self.explanations = explanations
        self.nextInLine = nextInLine
        self.infeasibility = infeasibility
        self.warnings = warnings
    }

    public var solved: Bool { result.status == .optimal || result.status == .feasible }
}

/// The Monte-Carlo section: a histogram per simulated quantity (tranche 2 paid, active DUI…)
/// with its p5/p50/p95, and the tornado of the inputs' influence.
public struct SimulationSection: Sendable {
    public var draws: Int
    public var seed: UInt64
    public var histograms: [HistogramData]
    public var tornado: TornadoData?
    /// Extra key–values for results.json (`"simulation"`), e.g. the simulation's own document.
    public var document: JSONValue?

    public init(draws: Int, seed: UInt64, histograms: [HistogramData], tornado: TornadoData? = nil, document: JSONValue? = nil) {
        self.draws = draws
        self.seed = seed
        self.histograms = histograms
        self.tornado = tornado
        self.document = document
    }
}

/// A histogram of simulated values: bins, counts and three percentiles.
public struct HistogramData: Sendable {
    public struct Bin: Sendable, Hashable {
        public var low: Double
        public var high: Double
        public var count: Int
        public init(low: Double, high: Double, count: Int) {
            self.low = low
            self.high = high
            self.count = count
        }
    }

    public var title: String
    /// Unit of the values (the x axis).
    public var unit: ChartUnit
    public var bins: [Bin]
    public var p5: Double
    public var p50: Double
    public var p95: Double

    public init(title: String, unit: ChartUnit, bins: [Bin], p5: Double, p50: Double, p95: Double) {
        self.title = title
        self.unit = unit
        self.bins = bins
        self.p5 = p5
        self.p50 = p50
        self.p95 = p95
    }
}

/// A tornado: each input moved from its low to its high value, the output's range.
public struct TornadoData: Sendable {
    public struct Row: Sendable, Hashable {
        public var label: String
        /// The output with the input at its low and at its high value.
        public var low: Double
        public var high: Double
        public init(label: String, low: Double, high: Double) {
            self.label = label
            self.low = low
            self.high = high
        }
    }

    public var title: String
    public var unit: ChartUnit
    /// The output with every input at its central value.
    public var base: Double
    public var rows: [Row]

    public init(title: String, unit: ChartUnit, base: Double, rows: [Row]) {
        self.title = title
        self.unit = unit
        self.base = base
        self.rows = rows
    }
}

/// National redeployment: the flows of each region.
public struct RedeploymentSection: Sendable {
    public struct RegionFlow: Sendable, Hashable {
        /// INSEE region code.
        public var region: String
        /// Unengaged AE the region gave back to the pool.
        public var released: Money
        /// AE it received from the pool.
        public var received: Money
        /// Money of its selected projects.
        public var funded: Money
        public var projects: Int
        public var essms: Int
        public init(region: String, released: Money, received: Money, funded: Money, projects: Int = 0, essms: Int = 0) {
            self.region = region
            self.released = released
            self.received = received
            self.funded = funded
            self.projects = projects
            self.essms = essms
        }
    }

    /// `pooled`, `own-first`, `prorata-essms`.
    public var policy: String
    public var regions: [RegionFlow]
    /// Extra document for results.json (`"redeployment"`).
    public var document: JSONValue?

    public init(policy: String, regions: [RegionFlow], document: JSONValue? = nil) {
        self.policy = policy
        self.regions = regions
        self.document = document
    }
}

/// How the run was made, for the audit record; read by the command (clock, environment).
public struct ReportRun: Sendable {
    public enum TimeSource: String, Sendable {
        /// `SOURCE_DATE_EPOCH` was set: a re-run gives the same bytes.
        case sourceDateEpoch = "SOURCE_DATE_EPOCH"
        case clock
    }

    public var toolVersion: String
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64
    public var timeSource: TimeSource
    public var solverName: String
    public var solverVersion: String
    /// The command's settings (time limit, gap, explain limit, frontier range…), in order.
    public var settings: [(String, JSONValue)]

    public init(toolVersion: String, time: Int64, timeSource: TimeSource, solverName: String = "GLPK",
                solverVersion: String, settings: [(String, JSONValue)] = []) {
        self.toolVersion = toolVersion
        self.time = time
        self.timeSource = timeSource
        self.solverName = solverName
        self.solverVersion = solverVersion
        self.settings = settings
    }
}

/// One file of a report.
public struct ReportFile: Sendable {
    public var name: String
    public var bytes: [UInt8]
}

/// The base and the scenario's variants through fund → select → simulate with the same seed and
/// draws (`esms whatif`), for the note's risks and results.json.
public struct WhatifSection: Sendable {
    public var rows: [WhatifDocument.Row]
    public var draws: Int
    public var seed: UInt64
    /// `whatif --json`'s document.
    public var document: JSONValue

    public init(rows: [WhatifDocument.Row], draws: Int, seed: UInt64, document: JSONValue) {
        self.rows = rows
        self.draws = draws
        self.seed = seed
        self.document = document
    }
}
