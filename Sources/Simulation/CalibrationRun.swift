// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// What `esms calibrate` found: the fit, the parameters before and after, and how well the fitted
/// model predicts the attainment that was reported.
public struct CalibrationRun: Sendable {
    public init(fit: CalibrationFit, prior: SimulationParameters, calibrated: SimulationParameters, byIndicator: [Comparison],
                bySector: [Comparison], notEnded: Int, asOf: Day, rule: SectorRule = SectorRule()) {
        self.fit = fit
        self.prior = prior
        self.calibrated = calibrated
        self.byIndicator = byIndicator
        self.bySector = bySector
        self.notEnded = notEnded
        self.asOf = asOf
        self.rule = rule
    }

    /// Observed and predicted share of the reporting ESSMS meeting a target (one indicator, or
    /// every indicator for a sector).
    public struct Comparison: Sendable, Hashable {
        public var key: String
        public var essms: Int
        public var observed: Double
        public var predicted: Double

        public init(key: String, essms: Int, observed: Double, predicted: Double) {
            self.key = key
            self.essms = essms
            self.observed = observed
            self.predicted = predicted
        }
    }

    public var fit: CalibrationFit
    /// The scenario's parameters (its assumptions), and the same with the fitted values.
    public var prior: SimulationParameters
    public var calibrated: SimulationParameters
    public var byIndicator: [Comparison]
    public var bySector: [Comparison]
    /// Reporting ESSMS left out because their project has not ended (rates still ramping up).
    public var notEnded: Int
    public var asOf: Day
    /// When a sector gets rates of its own.
    public var rule: SectorRule

    /// The parameters the fit sets; the others stay the scenario's assumptions.
    public static let fittedKeys = Indicator.allCases.map { "usage_rate.\($0.key)" } + ["usage_rate_by_sector", "sigma.project", "sigma.essms", "sigma.indicator"]
}

