// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import FundingRules
import ScenarioModel
import Testing
import TestSupport
@testable import Simulation

/// `esms calibrate`'s fit: on indicators drawn by the tool's own generator from known
/// parameters, each parameter is recovered within its 95 % interval at the stated rate.
@Suite struct CalibrationTests {
    /// 60 grappes of 2 to 8 ESSMS, acquisitions and upgrades, small and large OGs.
    static func input() -> SimulationInput {
        let sizes = (0..<60).map { 2 + $0 % 7 }
        let categories = ["500", "183", "460", "340"]
        let (register, ogs) = Fixture.register(sizes.enumerated().map { j, n in (["29", "35", "56", "22"][j % 4], n, categories[j % 4]) })
        var projects: [Project] = []
        for (j, og) in ogs.enumerated() {
            var p = Fixture.project("P\(j)", og.establishments, mode: j % 3 == 0 ? .acquisition : .upgrade)
            p.plannedMonths = 6
            projects.append(p)
        }
        let engine = FundingEngine(rules: .campaign2024, register: register,
                                   context: .regional(region: "53", committee: Day(year: 2024, month: 6, day: 14)!))
        return SimulationInput(ids: projects.map(\.id), projects: projects, assessments: engine.assess(projects), register: register,
                               rules: .campaign2024)
    }

    static let truth: SimulationParameters = {
        var q = SimulationParameters()
        q.typicalRate = [0.9, 0.85, 0.88, 0.7, 0.65]
        q.projectSigma = 0.6
        q.essmsSigma = 0.4
        q.indicatorSigma = 0.3
        q.durationSigma = 0
        q.staggerSigma = 0
        q.deadlineAcquisition = 600
        q.deadlineUpgrade = 600
        return q
    }()

    static func data(_ model: AttainmentModel, seed: UInt64) -> CalibrationData {
        let draw = model.reportedRates(seed: seed, draw: 0)
        let logits = draw.map { d in d.deployed ? d.rates.map { Optional(Foundation.log($0 / (1 - $0))) } : Array(repeating: nil, count: 5) }
        let projects = (0..<model.projectCount).map { Array(model.projectStart[$0]..<model.projectStart[$0 + 1]) }
        return CalibrationData(projects: projects, offsets: model.offsets, logits: logits)
    }

    @Test func theParametersAreRecoveredWithinTheirIntervals() throws {
        let model = AttainmentModel(Self.input(), parameters: Self.truth)
        #expect(model.projectCount == 60)
        let seeds = 20
        var covered = [Int](repeating: 0, count: 8)
        var estimates = [Double](repeating: 0, count: 8)
        let truth = Self.truth.typicalRate + [Self.truth.projectSigma, Self.truth.essmsSigma, Self.truth.indicatorSigma]
        for seed in 1...UInt64(seeds) {
            let fit = try Calibration.fit(Self.data(model, seed: seed))
            #expect(fit.converged, "seed \(seed)")
            let values = fit.typicalRate.map { $0! } + [fit.sigmaProject, fit.sigmaESSMS, fit.sigmaIndicator]
            for (j, v) in values.enumerated() {
                estimates[j] += v.estimate / Double(seeds)
                if let low = v.low, let high = v.high, low <= truth[j], truth[j] <= high { covered[j] += 1 }
            }
        }
        // 95 % intervals: each covers the truth in at least 80 % of 20 fits (a 95 % interval
        // falls below that with probability < 0.1 %).
        for j in 0..<8 { #expect(covered[j] >= 16, "parameter \(j): covered \(covered[j]) / \(seeds)") }
        // And the estimates are centred on the truth.
        for j in 0..<5 { #expect(abs(estimates[j] - truth[j]) < 0.02, "rate \(j): mean \(estimates[j]) vs \(truth[j])") }
        for j in 5..<8 { #expect(abs(estimates[j] - truth[j]) < 0.06, "sigma \(j): mean \(estimates[j]) vs \(truth[j])") }
    }

    @Test func theFitIsTheMaximumOfTheLikelihood() throws {
        let model = AttainmentModel(Self.input(), parameters: Self.truth)
        let fit = try Calibration.fit(Self.data(model, seed: 7))
        // Moving any parameter away from the estimate lowers the log-likelihood (EM converged to a
        // stationary point that is a maximum).
        let fitted = fit.applied(to: Self.truth)
        for (k, delta) in [(0, 0.01), (3, -0.01)] {
            var worse = fitted
            worse.typicalRate[k] += delta
            #expect(Self.logLikelihood(model, worse, seed: 7) < fit.logLikelihood, "rate \(k)")
        }
        var worse = fitted
        worse.projectSigma *= 1.1
        #expect(Self.logLikelihood(model, worse, seed: 7) < fit.logLikelihood)
        worse = fitted
        worse.indicatorSigma *= 0.9
        #expect(Self.logLikelihood(model, worse, seed: 7) < fit.logLikelihood)
    }

    static func logLikelihood(_ model: AttainmentModel, _ q: SimulationParameters, seed: UInt64) -> Double {
        let data = Self.data(model, seed: seed)
        return Calibration.logLikelihood(data, mu: q.typicalRate.map { Foundation.log($0 / (1 - $0)) },
                                         sigmaProject: q.projectSigma, sigmaESSMS: q.essmsSigma, sigmaIndicator: q.indicatorSigma)
    }

    @Test func tooFewProjectsAreRefused() {
        let data = CalibrationData(projects: [[0], [1]], offsets: [0, 0], logits: [[1, 1, 1, 1, 1], [2, 2, 2, 2, 2]])
        #expect(throws: Calibration.Failure.tooFewProjects(2)) { try Calibration.fit(data) }
    }

    @Test func ratesAtTheEndsAreCensored() {
        #expect(CalibrationData.observation(40, of: 40) == .atLeast(Foundation.log(39.5 / 0.5)))
        #expect(CalibrationData.observation(0, of: 40) == .atMost(Foundation.log(0.5 / 39.5)))
        #expect(CalibrationData.observation(20, of: 40) == .exact(0))
        #expect(CalibrationData.observation(36, of: 40) == .exact(Foundation.log(9)))
        #expect(CalibrationData.observation(0, of: 0) == nil)
    }
}
