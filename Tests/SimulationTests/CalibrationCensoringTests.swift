// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ScenarioModel
@testable import Simulation
import Testing

/// The censored likelihood of `esms calibrate`: rates at 100 % (and 0 %) taken as "at least" (at
/// most) their bound, the project and ESSMS effects integrated by quadrature; sectors with rates of
/// their own where the data support them.
@Suite struct CalibrationCensoringTests {
    /// Usage rates close to 100 %: about half of the active-records rates of 30 people round to 100 %.
    static let truth: SimulationParameters = {
        var q = CalibrationTests.truth
        q.typicalRate = [0.99, 0.985, 0.99, 0.9, 0.85]
        q.projectSigma = 0.5
        q.essmsSigma = 0.3
        q.indicatorSigma = 0.4
        return q
    }()

    /// One draw of the model's own generator, each rate over `total` people: a rate that would
    /// round to 100 % (0 %) is censored at its bound, the others are kept exactly.
    static func data(_ model: AttainmentModel, seed: UInt64, total: Int = 30, naive: Bool = false) -> CalibrationData {
        let t = Double(total), high = Foundation.log((t - 0.5) / 0.5)
        let observations = model.reportedRates(seed: seed, draw: 0).map { d -> [CensoredLogit?] in
            guard d.deployed else { return Array(repeating: nil, count: 5) }
            return d.rates.map { r -> CensoredLogit? in
                if r >= (t - 0.5) / t { return naive ? .exact(high) : .atLeast(high) }
                if r <= 0.5 / t { return naive ? .exact(-high) : .atMost(-high) }
                return .exact(Foundation.log(r / (1 - r)))
            }
        }
        let projects = (0..<model.projectCount).map { Array(model.projectStart[$0]..<model.projectStart[$0 + 1]) }
        return CalibrationData(projects: projects, offsets: model.offsets, observations: observations, sectors: model.sector.map { $0 })
    }

    @Test func censoredDataRecoverTheTruthWithinTheIntervals() throws {
        let model = AttainmentModel(CalibrationTests.input(), parameters: Self.truth)
        let truth = Self.truth.typicalRate + [Self.truth.projectSigma, Self.truth.essmsSigma, Self.truth.indicatorSigma]
        // 12 fits (a debug build takes some 5 s each): each 95 % interval must hold the truth in at
        // least 9 (measured: 10 to 12).
        let seeds = 12
        var covered = [Int](repeating: 0, count: 8), estimates = [Double](repeating: 0, count: 8), naive = [Double](repeating: 0, count: 8)
        var censored = 0
        var rule = SectorRule()
        rule.minimumESSMS = 10_000  // no sector effect: the common model only
        for seed in 1...UInt64(seeds) {
            let data = Self.data(model, seed: seed)
            censored += data.censoredCount.atLeast
            let fit = try Calibration.fit(data, rule: rule)
            #expect(fit.converged, "seed \(seed)")
            let values = fit.typicalRate.map { $0! } + [fit.sigmaProject, fit.sigmaESSMS, fit.sigmaIndicator]
            for (j, v) in values.enumerated() {
                estimates[j] += v.estimate / Double(seeds)
                if let low = v.low, let high = v.high, low <= truth[j], truth[j] <= high { covered[j] += 1 }
            }
            let plain = try Calibration.fit(Self.data(model, seed: seed, naive: true), rule: rule)
            for (j, v) in (plain.typicalRate.map { $0! } + [plain.sigmaProject, plain.sigmaESSMS, plain.sigmaIndicator]).enumerated() {
                naive[j] += v.estimate / Double(seeds)
            }
        }
        // Many rates at 100 %: a fifth of all rates.
        #expect(censored * 5 > seeds * 5 * model.essmsCount, "censored \(censored)")
        for j in 0..<8 { #expect(covered[j] >= 9, "parameter \(j): covered \(covered[j]) / \(seeds)") }
        for j in 0..<5 { #expect(abs(estimates[j] - truth[j]) < 0.01, "rate \(j): mean \(estimates[j]) vs \(truth[j])") }
        for j in 5..<8 { #expect(abs(estimates[j] - truth[j]) < 0.06, "sigma \(j): mean \(estimates[j]) vs \(truth[j])") }
        // The same rates taken at their bound, as before the censoring: the spread of the
        // indicators is underestimated, the censored fit is not.
        // Measured: naive 0.986 and σ_p 0.35, censored 0.990 and 0.47 (truth 0.99 and 0.5).
        for j in [0, 5, 6] {
            #expect(truth[j] - naive[j] > 2 * abs(estimates[j] - truth[j]), "parameter \(j): naive \(naive[j]), censored \(estimates[j])")
        }
        #expect(truth[5] - naive[5] > 0.1, "naive sigma.project \(naive[5])")
    }

    /// A small data set with censored rates, its log-likelihood by brute force: the double integral
    /// over the project and ESSMS effects on fine grids.
    @Test func theQuadratureMatchesABruteForceIntegral() {
        let data = CalibrationData(
            projects: [[0, 1], [2], [3, 4, 5]], offsets: [0, 0.2, -0.3, 0, 0.1, 0],
            observations: [[.exact(2.5), .atLeast(3.6), .atLeast(3.6), .exact(1.2), nil],
                           [.atLeast(4.1), .atLeast(4.1), .atLeast(4.1), .exact(0.9), .exact(1.4)],
                           [.exact(3.1), .exact(2.2), .atMost(-2.0), .exact(1.8), .exact(1.1)],
                           [.exact(2.9), .exact(3.3), .exact(2.7), .exact(1.6), .atLeast(3.0)],
                           [.atLeast(3.9), .exact(3.0), .exact(3.4), .exact(2.0), .exact(1.3)],
                           [.exact(2.0), .exact(2.4), .exact(2.8), .exact(0.4), .exact(0.8)]],
            sectors: [.pa, .pa, .ph, .pa, .ph, .ph])
        let theta = [3.0, 2.9, 3.1, 1.5, 1.2, Foundation.log(0.36), Foundation.log(0.09), Foundation.log(0.25), 0.3]
        let model = CensoredLikelihood(data, sectors: [.ph])
        let quadrature = model.evaluate(theta).value
        let (sa, sb, se) = (0.6, 0.3, 0.5)
        func density(_ o: CensoredLogit, _ m: Double) -> Double {
            switch o {
            case .exact(let y): return exp(-pow(y - m, 2) / (2 * se * se)) / (se * (2 * Double.pi).squareRoot())
            case .atLeast(let y): return 1 - NormalTable.cdf((y - m) / se)
            case .atMost(let y): return NormalTable.cdf((y - m) / se)
            }
        }
        func grid(_ sd: Double, _ f: (Double) -> Double) -> Double {
            let n = 1_200, width = 16 * sd / Double(n)
            var sum = 0.0
            for j in 0...n {
                let x = -8 * sd + Double(j) * width
                sum += f(x) * exp(-x * x / (2 * sd * sd)) / (sd * (2 * Double.pi).squareRoot()) * width
            }
            return sum
        }
        var reference = 0.0
        for p in data.projects {
            reference += Foundation.log(grid(sa) { a in
                p.reduce(1.0) { product, i in
                    product * grid(sb) { b in
                        data.observations[i].enumerated().reduce(1.0) { q, pair in
                            guard let o = pair.1 else { return q }
                            return q * density(o, theta[pair.0] + data.offsets[i] + (data.sectors[i] == .ph ? theta[8] : 0) + a + b)
                        }
                    }
                }
            })
        }
        #expect(abs(quadrature - reference) < 1e-6, "quadrature \(quadrature), brute force \(reference)")
    }

    /// The gradient (Fisher's identity on the quadrature nodes) is the derivative of the likelihood.
    @Test func theGradientIsTheDerivative() {
        let model = AttainmentModel(CalibrationTests.input(), parameters: Self.truth)
        let likelihood = CensoredLikelihood(Self.data(model, seed: 3), sectors: [.pa])
        let theta = [3.5, 3.2, 3.7, 2.0, 1.6, Foundation.log(0.3), Foundation.log(0.1), Foundation.log(0.2), -0.2]
        let gradient = likelihood.evaluate(theta).gradient
        for j in theta.indices {
            var plus = theta, minus = theta
            plus[j] += 1e-5
            minus[j] -= 1e-5
            let numeric = (likelihood.evaluate(plus).value - likelihood.evaluate(minus).value) / 2e-5
            #expect(abs(numeric - gradient[j]) < 1e-3 * max(1, abs(numeric)), "parameter \(j): \(gradient[j]) vs \(numeric)")
        }
    }

    /// PA's rates are higher than the others' (logit +0.8): PA gets rates of its own, with an
    /// effect whose interval holds 0.8; PH, DOMICILE and PJM, no different, keep the common rate;
    /// with fewer ESSMS than the rule asks, every sector does.
    @Test func aSectorThatDiffersGetsItsOwnRates() throws {
        var truth = Self.truth
        truth.typicalRate = [0.95, 0.93, 0.95, 0.8, 0.75]
        truth.typicalRateBySector[.pa] = truth.typicalRate.map { Calibration.logistic(Foundation.log($0 / (1 - $0)) + 0.8) }
        let model = AttainmentModel(CalibrationTests.input(), parameters: truth)
        var rule = SectorRule()
        rule.minimumESSMS = 70
        let data = Self.data(model, seed: 11)
        let fit = try Calibration.fit(data, rule: rule)
        #expect(fit.converged)
        let by = Dictionary(uniqueKeysWithValues: fit.sectors.map { ($0.sector, $0) })
        #expect(by[.pa]?.decision == .ownRate)
        let effect = try #require(by[.pa]?.effect)
        #expect(try #require(effect.low) < 0.8 && 0.8 < (try #require(effect.high)), "PA effect \(effect)")
        #expect(by[.ph]?.decision == .notSignificant && by[.ph]!.pValue! >= 0.05)
        #expect(by[.domicile]?.decision == .notSignificant)
        #expect(by[.pjm]?.decision == .notSignificant)
        // With a rule asking more ESSMS than any sector has: every sector on the common rate.
        rule.minimumESSMS = 76
        let strict = try Calibration.fit(data, rule: rule)
        #expect(strict.sectors.map(\.decision) == Array(repeating: .tooFew, count: 4) && strict.sectors.map(\.essms) == [72, 73, 74, 75])
        #expect(strict.applied(to: SimulationParameters()).typicalRateBySector.isEmpty)
        // The parameters a scenario then simulates with: PA's rates, the common ones elsewhere.
        let fitted = fit.applied(to: SimulationParameters())
        #expect(Array(fitted.typicalRateBySector.keys) == [.pa])
        for k in 0..<5 {
            #expect(abs(fitted.typicalRates(for: .pa)[k] - truth.typicalRateBySector[.pa]![k]!) < 0.02, "PA indicator \(k)")
            #expect(fitted.typicalRates(for: .ph)[k] == fitted.typicalRate[k])
        }
    }

    /// The simulation block reads per-sector rates, marks those of a calibration file as data, and
    /// refuses an unknown sector at its key.
    @Test func perSectorRatesAreReadFromTheSimulationBlock() throws {
        var d = Diagnostics()
        let yaml = "simulation: { usage_rate_by_sector: { PA: { mssante: 0.9 }, ph: { dmp: 0.7, active_records: 0.99 }, XX: { dmp: 0.5 } } }"
        let node = try #require(ConfigNode.parse(yaml: yaml, file: "s.yaml", diagnostics: &d))
        guard case .map(let pairs, _) = node else { Issue.record("not a map"); return }
        let q = SimulationParameters.decode(pairs.first?.1, file: "s.yaml", diagnostics: &d)
        #expect(q.typicalRates(for: .pa) == [0.97, 0.95, 0.96, 0.9, 0.8])
        #expect(q.typicalRates(for: .ph) == [0.99, 0.95, 0.96, 0.85, 0.7])
        #expect(q.typicalRates(for: .pe) == q.typicalRate)
        #expect(d.items.map(\.code) == ["config-choice"])
        #expect(d.items.first?.location.keyPath?.contains("XX") == true)
        // In the simulation: the thresholds of a PA ESSMS follow its sector's rate.
        #expect(q.entries.contains { $0.0 == "usage_rate_by_sector.PA.mssante" && $0.1 == 0.9 })
    }
}
