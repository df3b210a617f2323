// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ScenarioModel

/// Reported usage rates of funded ESSMS, on the attainment model's logit scale: what
/// `Calibration.fit` estimates the usage part of the model from (docs/SIMULATION.md,
/// "Calibration").
public struct CalibrationData: Sendable {
    /// For each project, the indices of its ESSMS.
    public var projects: [[Int]]
    /// Per ESSMS: the model's effects on its logit (acquisition, small OG, maturity, grappe size),
    /// from the scenario's parameters, held fixed by the fit.
    public var offsets: [Double]
    /// Per ESSMS, per indicator (the order of `Indicator`): the empirical logit of the reported
    /// rate, nil when not reported (an exempt ESSMS).
    public var logits: [[Double?]]

    public init(projects: [[Int]], offsets: [Double], logits: [[Double?]]) {
        self.projects = projects
        self.offsets = offsets
        self.logits = logits
    }

    /// The logit of `n` out of `total`: log(n / (total − n)), so that a rate exactly on its
    /// target is on the target's logit (the targets are checked on n / total); at 0 and at 100 %,
    /// where it is infinite, half a case is moved: log(½ / (total − ½)) and log((total − ½) / ½).
    public static func empiricalLogit(_ n: Int, of total: Int) -> Double {
        let t = Double(max(total, 1)), k = Double(max(0, min(n, total)))
        let x = k == 0 ? 0.5 : k == t ? t - 0.5 : k
        return Foundation.log(x / (t - x))
    }

    public var observationCount: Int { logits.reduce(0) { $0 + $1.compactMap { $0 }.count } }
}

/// A fitted parameter with its 95 % interval (nil when the estimate is on the boundary of its
/// range, a spread of 0, where a Wald interval has no meaning).
public struct CalibratedValue: Sendable, Hashable {
    public var estimate: Double
    public var low: Double?
    public var high: Double?
    /// Observations behind it.
    public var count: Int
}

/// What `Calibration.fit` found.
public struct CalibrationFit: Sendable {
    /// Typical rate of each indicator (`usage_rate`), nil when no ESSMS reported it.
    public var typicalRate: [CalibratedValue?]
    public var sigmaProject: CalibratedValue
    public var sigmaESSMS: CalibratedValue
    public var sigmaIndicator: CalibratedValue
    public var logLikelihood: Double
    public var iterations: Int
    public var converged: Bool
    public var projects: Int
    public var essms: Int
    public var observations: Int
    /// The logit means (μ_k), for predictions.
    public var means: [Double?]

    /// `parameters` with the fitted values in place.
    public func applied(to parameters: SimulationParameters) -> SimulationParameters {
        var p = parameters
        for k in 0..<5 { if let v = typicalRate[k] { p.typicalRate[k] = v.estimate } }
        p.projectSigma = sigmaProject.estimate
        p.essmsSigma = sigmaESSMS.estimate
        p.indicatorSigma = sigmaIndicator.estimate
        return p
    }
}

/// Maximum-likelihood fit of the usage part of the attainment model,
/// `logit(rate_ik) = μ_k + offset_i + a_p + b_i + e_ik`, a ~ N(0, σ_p²) per project, b ~ N(0, σ_e²)
/// per ESSMS, e ~ N(0, σ_k²) per indicator: a linear mixed model with nested random effects, fitted
/// by EM (exact E-step: the posterior of a project's effects is Gaussian and closed-form), then
/// 95 % Wald intervals from the observed information (numerical Hessian of the exact
/// log-likelihood, spreads on the log-variance scale). Deterministic: no random numbers.
public enum Calibration {
    public enum Failure: Error, Equatable, Sendable {
        case tooFewProjects(Int)
    }

    static let floor = 1e-10

    public static func fit(_ data: CalibrationData, maxIterations: Int = 5_000) throws(Failure) -> CalibrationFit {
        let projects = data.projects.filter { p in p.contains { i in data.logits[i].contains { $0 != nil } } }
        guard projects.count >= 3 else { throw .tooFewProjects(projects.count) }
        var counts = [Int](repeating: 0, count: 5)
        var sums = [Double](repeating: 0, count: 5)
        for p in projects { for i in p { for k in 0..<5 { if let y = data.logits[i][k] { counts[k] += 1; sums[k] += y - data.offsets[i] } } } }
        var mu = (0..<5).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : 0 }
        var total = 0.0
        for p in projects { for i in p { for k in 0..<5 { if let y = data.logits[i][k] { total += pow(y - data.offsets[i] - mu[k], 2) } } } }
        let n = Double(counts.reduce(0, +))
        let v0 = max(total / max(n, 1) / 3, 1e-4)
        var theta = Theta(mu: mu, a: v0, b: v0, s: v0)
        var previous = -Double.infinity
        var iterations = 0, converged = false
        while iterations < maxIterations {
            iterations += 1
            let next = emStep(data, projects, theta, counts: counts)
            let ll = logLikelihood(data, projects, next)
            let moved = max(abs(next.a / theta.a - 1), abs(next.b / theta.b - 1), abs(next.s / theta.s - 1),
                            zip(next.mu, theta.mu).map { abs($0 - $1) }.max() ?? 0)
            theta = next
            if abs(ll - previous) <= 1e-12 * max(1, abs(ll)) && moved < 1e-7 { converged = true; previous = ll; break }
            previous = ll
        }
        mu = theta.mu
        let intervals = waldIntervals(data, projects, theta, counts: counts)
        func spread(_ variance: Double, _ index: Int, count: Int) -> CalibratedValue {
            let sd = variance.squareRoot()
            guard variance > 1e-6, let se = intervals[index] else { return CalibratedValue(estimate: sd, low: nil, high: nil, count: count) }
            let logV = Foundation.log(variance)
            return CalibratedValue(estimate: sd, low: exp((logV - 1.959964 * se) / 2), high: exp((logV + 1.959964 * se) / 2), count: count)
        }
        let withData = (0..<5).filter { counts[$0] > 0 }
        var rates: [CalibratedValue?] = Array(repeating: nil, count: 5)
        for (j, k) in withData.enumerated() {
            let se = intervals[3 + j]
            rates[k] = CalibratedValue(estimate: logistic(mu[k]), low: se.map { logistic(mu[k] - 1.959964 * $0) },
                                       high: se.map { logistic(mu[k] + 1.959964 * $0) }, count: counts[k])
        }
        let essms = projects.reduce(0) { $0 + $1.count }
        return CalibrationFit(typicalRate: rates, sigmaProject: spread(theta.a, 0, count: projects.count),
                              sigmaESSMS: spread(theta.b, 1, count: essms), sigmaIndicator: spread(theta.s, 2, count: Int(n)),
                              logLikelihood: previous, iterations: iterations, converged: converged,
                              projects: projects.count, essms: essms, observations: Int(n),
                              means: (0..<5).map { counts[$0] > 0 ? mu[$0] : nil })
    }

    public static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    struct Theta {
        var mu: [Double]
        var a: Double, b: Double, s: Double
    }

    /// One ESSMS's residuals r_ik = y_ik − offset_i − μ_k: their count, sum and sum of squares.
    @inline(__always)
    static func residuals(_ data: CalibrationData, _ i: Int, _ mu: [Double]) -> (n: Int, sum: Double, squares: Double) {
        var n = 0, sum = 0.0, squares = 0.0
        let row = data.logits[i], offset = data.offsets[i]
        for k in 0..<5 { if let y = row[k] { let r = y - offset - mu[k]; n += 1; sum += r; squares += r * r } }
        return (n, sum, squares)
    }

    /// E-step and M-step: the posterior moments of each project's and ESSMS's effects, then the
    /// means and variances that maximise the expected complete log-likelihood.
    static func emStep(_ data: CalibrationData, _ projects: [[Int]], _ t: Theta, counts: [Int]) -> Theta {
        var sumA = 0.0, sumB = 0.0, sumS = 0.0, essmsCount = 0, obs = 0
        var muSum = [Double](repeating: 0, count: 5)
        for p in projects {
            let rs = p.map { residuals(data, $0, t.mu) }
            var precision = 1 / t.a, weighted = 0.0
            for r in rs where r.n > 0 {
                let d = t.b + t.s / Double(r.n)
                precision += 1 / d
                weighted += (r.sum / Double(r.n)) / d
            }
            let va = 1 / precision, ma = weighted * va
            sumA += ma * ma + va
            for (j, r) in rs.enumerated() {
                let i = p[j]
                guard r.n > 0 else { continue }
                let q = Double(r.n) / t.s + 1 / t.b
                let w = (Double(r.n) / t.s) / q
                let mean = r.sum / Double(r.n)
                let mb = w * (mean - ma)
                let vb = 1 / q + w * w * va
                let cov = -w * va
                sumB += mb * mb + vb
                essmsCount += 1
                let row = data.logits[i], offset = data.offsets[i]
                for k in 0..<5 {
                    guard let y = row[k] else { continue }
                    let value = y - offset - t.mu[k]
                    let e = value - ma - mb
                    sumS += e * e + va + vb + 2 * cov
                    obs += 1
                    // For μ_k: y − offset − E[a] − E[b].
                    muSum[k] += y - offset - ma - mb
                }
            }
        }
        let mu = (0..<5).map { counts[$0] > 0 ? muSum[$0] / Double(counts[$0]) : t.mu[$0] }
        return Theta(mu: mu, a: max(sumA / Double(projects.count), floor), b: max(sumB / Double(max(essmsCount, 1)), floor),
                     s: max(sumS / Double(max(obs, 1)), floor))
    }

    /// The exact log-likelihood: per project, the within-ESSMS deviations (variance σ_k²) and the
    /// ESSMS means, jointly normal with covariance diag(σ_e² + σ_k²/n_i) + σ_p² J.
    static func logLikelihood(_ data: CalibrationData, _ projects: [[Int]], _ t: Theta) -> Double {
        let log2pi = Foundation.log(2 * Double.pi)
        var ll = 0.0
        for p in projects {
            var m = 0, sumInv = 0.0, sumMeanInv = 0.0, quad = 0.0, logDet = 0.0
            for i in p {
                let r = residuals(data, i, t.mu)
                guard r.n > 0 else { continue }
                let n = Double(r.n), mean = r.sum / n
                let within = r.squares - n * mean * mean
                ll += -(n - 1) / 2 * (log2pi + Foundation.log(t.s)) - 0.5 * Foundation.log(n) - within / (2 * t.s)
                let d = t.b + t.s / n
                m += 1
                sumInv += 1 / d
                sumMeanInv += mean / d
                quad += mean * mean / d
                logDet += Foundation.log(d)
            }
            guard m > 0 else { continue }
            let c = 1 + t.a * sumInv
            logDet += Foundation.log(c)
            quad -= t.a * sumMeanInv * sumMeanInv / c
            ll += -0.5 * (Double(m) * log2pi + logDet + quad)
        }
        return ll
    }

    /// Standard errors of (log σ_p², log σ_e², log σ_k², then μ_k of the indicators with data),
    /// from the inverse of the numerical Hessian of the log-likelihood; nil where it is not
    /// positive definite there.
    static func waldIntervals(_ data: CalibrationData, _ projects: [[Int]], _ t: Theta, counts: [Int]) -> [Double?] {
        let withData = (0..<5).filter { counts[$0] > 0 }
        let base = [Foundation.log(t.a), Foundation.log(t.b), Foundation.log(t.s)] + withData.map { t.mu[$0] }
        func ll(_ x: [Double]) -> Double {
            var mu = t.mu
            for (j, k) in withData.enumerated() { mu[k] = x[3 + j] }
            return logLikelihood(data, projects, Theta(mu: mu, a: exp(x[0]), b: exp(x[1]), s: exp(x[2])))
        }
        let n = base.count, h = 1e-4
        var hessian = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        let f0 = ll(base)
        for i in 0..<n {
            for j in i..<n {
                var pp = base, pm = base, mp = base, mm = base
                pp[i] += h; pp[j] += h
                pm[i] += h; pm[j] -= h
                mp[i] -= h; mp[j] += h
                mm[i] -= h; mm[j] -= h
                let value = i == j
                    ? (ll({ var x = base; x[i] += h; return x }()) - 2 * f0 + ll({ var x = base; x[i] -= h; return x }())) / (h * h)
                    : (ll(pp) - ll(pm) - ll(mp) + ll(mm)) / (4 * h * h)
                hessian[i][j] = value
                hessian[j][i] = value
            }
        }
        // Observed information = −Hessian; its inverse is the covariance of the estimates.
        guard let covariance = invert(hessian.map { $0.map { -$0 } }) else { return Array(repeating: nil, count: n) }
        return (0..<n).map { covariance[$0][$0] > 0 ? covariance[$0][$0].squareRoot() : nil }
    }

    /// Gauss–Jordan inversion with partial pivoting; nil for a singular matrix.
    static func invert(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        var m = a.enumerated().map { i, row in row + (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for c in 0..<n {
            guard let pivot = (c..<n).max(by: { abs(m[$0][c]) < abs(m[$1][c]) }), abs(m[pivot][c]) > 1e-12 else { return nil }
            m.swapAt(c, pivot)
            let p = m[c][c]
            m[c] = m[c].map { $0 / p }
            for r in 0..<n where r != c {
                let f = m[r][c]
                if f != 0 { m[r] = zip(m[r], m[c]).map { $0 - f * $1 } }
            }
        }
        return m.map { Array($0[n...]) }
    }
}

extension AttainmentModel {
    /// Per ESSMS: the model's effects on its logit (everything but the indicator's typical rate
    /// and the random effects), from the parameters the model was built with.
    public var offsets: [Double] {
        let base = Self.logit(parameters.typicalRate[0])
        return activeMu.map { Double($0) - base }
    }

    /// For each ESSMS, in how many of `draws` draws its five rates meet their targets (exempt
    /// indicators aside), deployment aside: the model's attainment of ESSMS known to be deployed.
    /// The same random stream as `reportedRates`, without building the rates.
    public func attainingCounts(seed: UInt64, draws: Int) -> [Int] {
        let table = NormalTable.shared
        let base = (0..<5).map { Self.logit(parameters.typicalRate[$0]) }
        let offsets = self.offsets
        let targetLogits = targets.map { Self.logit($0) }
        var counts = [Int](repeating: 0, count: essmsCount)
        table.entries.withUnsafeBufferPointer { buffer in
            let t = buffer.baseAddress!
            @inline(__always) func normal(_ u: UInt32) -> Double { Double(table.deviate(u, t)) }
            let sp = Double(sigmaProject), se = Double(sigmaESSMS), sk = Double(sigmaIndicator)
            for d in 0..<draws {
                var g = Xoshiro256StarStar(seed: seed, draw: UInt64(d))
                for p in 0..<projectCount {
                    let r = g.next()
                    let usage = sp * normal(UInt32(truncatingIfNeeded: r))
                    for i in projectStart[p]..<projectStart[p + 1] {
                        let r0 = g.next(), r1 = g.next(), r2 = g.next(), r3 = g.next()
                        let shared = usage + se * normal(UInt32(truncatingIfNeeded: r0)) + offsets[i]
                        let words = (r1, r1 >> 32, r2, r2 >> 32, r3)
                        var ok = true
                        for k in 0..<5 where threshold[5 * i + k] != -.infinity {
                            let u: UInt64 = k == 0 ? words.0 : k == 1 ? words.1 : k == 2 ? words.2 : k == 3 ? words.3 : words.4
                            if base[k] + shared + sk * normal(UInt32(truncatingIfNeeded: u)) < targetLogits[k] { ok = false; break }
                        }
                        if ok { counts[i] += 1 }
                    }
                }
            }
        }
        return counts
    }

    /// One draw of the model, as a follow-up would report it: for each ESSMS, whether it is
    /// deployed in time and its five usage rates (the model's own generator and random stream:
    /// the draw `draw` of `simulate` with `seed` makes the same project, ESSMS and indicator
    /// effects). The recovery tests of the calibration are fitted on these.
    public func reportedRates(seed: UInt64, draw: UInt64) -> [(deployed: Bool, rates: [Double])] {
        let table = NormalTable.shared
        let base = (0..<5).map { Self.logit(parameters.typicalRate[$0]) }
        let offsets = self.offsets
        return table.entries.withUnsafeBufferPointer { buffer in
            let t = buffer.baseAddress!
            func normal(_ u: UInt32) -> Double { Double(table.deviate(u, t)) }
            var g = Xoshiro256StarStar(seed: seed, draw: draw)
            var out: [(Bool, [Double])] = []
            for p in 0..<projectCount {
                let r = g.next()
                let zp = normal(UInt32(truncatingIfNeeded: r)), wp = normal(UInt32(truncatingIfNeeded: r >> 32))
                let usage = Double(sigmaProject) * zp
                let delay = Double(delayOnProject) * zp + Double(delayOwn) * wp
                for i in projectStart[p]..<projectStart[p + 1] {
                    let r0 = g.next(), r1 = g.next(), r2 = g.next(), r3 = g.next()
                    let deployed = delay + Double(sigmaStagger) * normal(UInt32(truncatingIfNeeded: r0 >> 32)) <= Double(deploySlack[i])
                    let shared = usage + Double(sigmaESSMS) * normal(UInt32(truncatingIfNeeded: r0))
                    let noise = [r1, r1 >> 32, r2, r2 >> 32, r3].map { normal(UInt32(truncatingIfNeeded: $0)) }
                    let rates = (0..<5).map { k in Calibration.logistic(base[k] + offsets[i] + shared + Double(sigmaIndicator) * noise[k]) }
                    out.append((deployed, rates))
                }
            }
            return out
        }
    }
}

extension Calibration {
    /// The log-likelihood of `data` under the given means (logit scale) and spreads.
    public static func logLikelihood(_ data: CalibrationData, mu: [Double], sigmaProject: Double, sigmaESSMS: Double,
                                     sigmaIndicator: Double) -> Double {
        let projects = data.projects.filter { p in p.contains { i in data.logits[i].contains { $0 != nil } } }
        return logLikelihood(data, projects, Theta(mu: mu, a: sigmaProject * sigmaProject, b: sigmaESSMS * sigmaESSMS,
                                                   s: sigmaIndicator * sigmaIndicator))
    }
}

/// What `esms calibrate` found: the fit, the parameters before and after, and how well the fitted
/// model predicts the attainment that was reported.
public struct CalibrationRun: Sendable {
    public init(fit: CalibrationFit, prior: SimulationParameters, calibrated: SimulationParameters, byIndicator: [Comparison],
                bySector: [Comparison], notEnded: Int, asOf: Day) {
        self.fit = fit
        self.prior = prior
        self.calibrated = calibrated
        self.byIndicator = byIndicator
        self.bySector = bySector
        self.notEnded = notEnded
        self.asOf = asOf
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

    /// The parameters the fit sets; the others stay the scenario's assumptions.
    public static let fittedKeys = Indicator.allCases.map { "usage_rate.\($0.key)" } + ["sigma.project", "sigma.essms", "sigma.indicator"]
}

