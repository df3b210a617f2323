// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ScenarioModel

/// One reported rate on the attainment model's logit scale: known exactly, or, at 100 % and at
/// 0 % where the logit is infinite, only known to be at least or at most a bound (censored).
public enum CensoredLogit: Sendable, Hashable {
    case exact(Double)
    case atLeast(Double)
    case atMost(Double)

    public var value: Double {
        switch self { case .exact(let y), .atLeast(let y), .atMost(let y): return y }
    }
}

/// Reported usage rates of funded ESSMS, on the attainment model's logit scale: what
/// `Calibration.fit` estimates the usage part of the model from (docs/SIMULATION.md,
/// "Calibration").
public struct CalibrationData: Sendable {
    /// For each project, the indices of its ESSMS.
    public var projects: [[Int]]
    /// Per ESSMS: the model's effects on its logit (acquisition, small OG, maturity, grappe size),
    /// from the scenario's parameters, held fixed by the fit.
    public var offsets: [Double]
    /// Per ESSMS, per indicator (the order of `Indicator`): the reported rate, nil when not
    /// reported (an exempt ESSMS).
    public var observations: [[CensoredLogit?]]
    /// Per ESSMS: its sector (nil: no sector effect can be fitted for it).
    public var sectors: [Sector?]

    public init(projects: [[Int]], offsets: [Double], observations: [[CensoredLogit?]], sectors: [Sector?]? = nil) {
        self.projects = projects
        self.offsets = offsets
        self.observations = observations
        self.sectors = sectors ?? Array(repeating: nil, count: offsets.count)
    }

    /// Every rate known exactly (no censoring).
    public init(projects: [[Int]], offsets: [Double], logits: [[Double?]]) {
        self.init(projects: projects, offsets: offsets, observations: logits.map { $0.map { $0.map(CensoredLogit.exact) } })
    }

    /// `n` out of `total` on the logit scale: log(n / (total − n)), so that a rate exactly on its
    /// target is on the target's logit (the targets are checked on n / total). At 100 % the rate
    /// is censored: the latent logit is at least log((total − ½) / ½), where the rate would round
    /// to total; at 0 % at most log(½ / (total − ½)). Nil for a rate over nobody (total 0).
    public static func observation(_ n: Int, of total: Int) -> CensoredLogit? {
        guard total > 0 else { return nil }
        let t = Double(total), k = Double(max(0, min(n, total)))
        if k == t { return .atLeast(Foundation.log((t - 0.5) / 0.5)) }
        if k == 0 { return .atMost(Foundation.log(0.5 / (t - 0.5))) }
        return .exact(Foundation.log(k / (t - k)))
    }

    public var observationCount: Int { observations.reduce(0) { $0 + $1.compactMap { $0 }.count } }
    /// Rates at 100 % (censored from above: at least) and at 0 %.
    public var censoredCount: (atLeast: Int, atMost: Int) {
        var high = 0, low = 0
        for row in observations { for o in row {
            if case .atLeast = o { high += 1 } else if case .atMost = o { low += 1 }
        } }
        return (high, low)
    }
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

/// How a sector's typical rates were decided (docs/SIMULATION.md, "Calibration").
public struct SectorCalibration: Sendable, Hashable {
    public enum Decision: String, Sendable {
        /// A rate of its own: enough data, and the likelihood-ratio test rejects the common rate.
        case ownRate = "own-rate"
        /// Fewer reporting ESSMS or projects than the rule asks: the common rate.
        case tooFew = "too-few"
        /// The test does not reject the common rate at the rule's level.
        case notSignificant = "not-significant"
        /// Significant, but kept in the common group so that the common rate stays estimable.
        case commonGroup = "common-group"
    }

    public var sector: Sector
    public var essms: Int
    public var projects: Int
    public var decision: Decision
    /// 2 (ℓ with the sector's effect − ℓ without), and its p-value (χ², 1 degree of freedom).
    public var likelihoodRatio: Double?
    public var pValue: Double?
    /// The sector's effect on the logit of every rate, against the common rate.
    public var effect: CalibratedValue?
    /// Its typical rate per indicator (`Indicator` order), when it has a rate of its own.
    public var typicalRate: [CalibratedValue?]
}

/// When a sector gets typical rates of its own: at least `minimumESSMS` reporting ESSMS from at
/// least `minimumProjects` ended projects, and a likelihood-ratio test at `level` against the
/// common rate.
public struct SectorRule: Sendable, Hashable {
    public var minimumESSMS = 30
    public var minimumProjects = 3
    public var level = 0.05
    public init() {}
}

/// What `Calibration.fit` found.
public struct CalibrationFit: Sendable {
    /// Typical rate of each indicator (`usage_rate`), nil when no ESSMS reported it: the common
    /// rate, of the ESSMS whose sector has no rate of its own.
    public var typicalRate: [CalibratedValue?]
    public var sigmaProject: CalibratedValue
    public var sigmaESSMS: CalibratedValue
    public var sigmaIndicator: CalibratedValue
    public var logLikelihood: Double
    /// Quasi-Newton iterations of the final fit (every fit of the sector tests converged too when
    /// `converged`).
    public var iterations: Int
    public var converged: Bool
    public var projects: Int
    public var essms: Int
    public var observations: Int
    /// Rates at 100 % and at 0 %, censored.
    public var censoredHigh: Int
    public var censoredLow: Int
    /// The logit means (μ_k), for predictions.
    public var means: [Double?]
    /// Every sector with reporting ESSMS, in `Sector` order, and its decision.
    public var sectors: [SectorCalibration]

    /// The effect (logit) of the ESSMS's sector, 0 for the common rate.
    public func sectorEffect(_ sector: Sector?) -> Double {
        sectors.first { $0.sector == sector && $0.decision == .ownRate }?.effect?.estimate ?? 0
    }

    /// `parameters` with the fitted values in place; the per-sector rates replaced by the fitted ones.
    public func applied(to parameters: SimulationParameters) -> SimulationParameters {
        var p = parameters
        for k in 0..<5 { if let v = typicalRate[k] { p.typicalRate[k] = v.estimate } }
        p.typicalRateBySector = [:]
        for s in sectors where s.decision == .ownRate { p.typicalRateBySector[s.sector] = s.typicalRate.map { $0?.estimate } }
        p.projectSigma = sigmaProject.estimate
        p.essmsSigma = sigmaESSMS.estimate
        p.indicatorSigma = sigmaIndicator.estimate
        return p
    }
}

/// Maximum-likelihood fit of the usage part of the attainment model,
/// `logit(rate_ik) = μ_k + β_s + offset_i + a_p + b_i + e_ik`, a ~ N(0, σ_p²) per project,
/// b ~ N(0, σ_e²) per ESSMS, e ~ N(0, σ_k²) per indicator, β_s the effect of a sector with a rate
/// of its own (0 for the others), rates at 100 % and 0 % censored. The likelihood is integrated
/// by quadrature (`CensoredLikelihood`), maximised by BFGS with its exact gradient, then 95 %
/// Wald intervals from the observed information (Hessian by differences of the gradient, spreads
/// on the log-variance scale). Deterministic: no random numbers.
public enum Calibration {
    public enum Failure: Error, Equatable, Sendable {
        case tooFewProjects(Int)
    }

    public static func fit(_ data: CalibrationData, rule: SectorRule = SectorRule(), maxIterations: Int = 500) throws(Failure) -> CalibrationFit {
        let projects = data.projects.filter { p in p.contains { i in data.observations[i].contains { $0 != nil } } }
        guard projects.count >= 3 else { throw .tooFewProjects(projects.count) }
        var counts = [Int](repeating: 0, count: 5), sums = [Double](repeating: 0, count: 5)
        for p in projects { for i in p { for (k, o) in data.observations[i].enumerated() {
            if let o { counts[k] += 1; sums[k] += o.value - data.offsets[i] }
        } } }
        let mu = (0..<5).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : 0 }
        var squares = 0.0
        for p in projects { for i in p { for (k, o) in data.observations[i].enumerated() {
            if let o { squares += pow(o.value - data.offsets[i] - mu[k], 2) }
        } } }
        let n = counts.reduce(0, +)
        let v0 = Foundation.log(max(squares / Double(max(n, 1)) / 3, 1e-4))
        let withData = (0..<5).filter { counts[$0] > 0 }

        // The common rate first: every sector on it.
        let common = Optimizer.maximise(CensoredLikelihood(data, sectors: []), start: mu + [v0, v0, v0],
                                        free: withData + [5, 6, 7], maxIterations: maxIterations)
        var stats: [Sector: (essms: Int, projects: Set<Int>)] = [:]
        for (j, p) in projects.enumerated() { for i in p where data.observations[i].contains(where: { $0 != nil }) {
            guard let s = data.sectors[i] else { continue }
            stats[s, default: (0, [])].essms += 1
            stats[s, default: (0, [])].projects.insert(j)
        } }
        // Forward selection: each round fits every remaining sector on top of those kept, and
        // keeps the one with the largest likelihood ratio if the test rejects at the rule's level.
        var tests: [Sector: (ratio: Double, p: Double)] = [:]
        var converged = common.converged
        let essms = projects.reduce(0) { $0 + $1.filter { i in data.observations[i].contains { $0 != nil } }.count }
        var candidates = stats.keys.sorted().filter { stats[$0]!.essms >= rule.minimumESSMS && stats[$0]!.projects.count >= rule.minimumProjects }
        var kept: [Sector] = [], final = common
        while !candidates.isEmpty {
            var best: (sector: Sector, fit: Optimizer.Result, ratio: Double)?
            for s in candidates {
                let with = kept + [s]
                // Started from the curvature of the fit it extends; β's variance guessed from the
                // μ's, scaled by the sector's share of the ESSMS.
                let muVariance = withData.indices.reduce(0) { $0 + final.inverseHessian[$1][$1] } / Double(withData.count)
                let one = Optimizer.maximise(CensoredLikelihood(data, sectors: with), start: final.theta + [0],
                                             free: withData + [5, 6, 7] + with.indices.map { 8 + $0 }, maxIterations: maxIterations,
                                             inverseHessian: Optimizer.extended(final.inverseHessian, variance: muVariance * Double(essms) / Double(stats[s]!.essms)))
                converged = converged && one.converged
                let ratio = max(0, 2 * (one.value - final.value))
                tests[s] = (ratio, erfc((ratio / 2).squareRoot()))
                if best == nil || ratio > best!.ratio { best = (s, one, ratio) }
            }
            // The ESSMS without a rate of their own must stay enough to estimate the common rate.
            guard let b = best, tests[b.sector]!.p < rule.level,
                  essms - (kept + [b.sector]).reduce(0, { $0 + stats[$1]!.essms }) >= rule.minimumESSMS else { break }
            kept.append(b.sector)
            final = b.fit
            candidates.removeAll { $0 == b.sector }
        }
        let model = CensoredLikelihood(data, sectors: kept)
        converged = converged && final.converged
        let theta = final.theta
        let boundary = (5...7).filter { theta[$0] < Foundation.log(1e-4) }
        let covariance = Optimizer.covariance(model, at: theta, free: (withData + [5, 6, 7] + kept.indices.map { 8 + $0 }).filter { !boundary.contains($0) })
        func se(_ j: Int) -> Double? { covariance[j]?[j].flatMap { $0 > 0 ? $0.squareRoot() : nil } }
        func spread(_ j: Int, count: Int) -> CalibratedValue {
            let sd = exp(theta[j] / 2)
            guard let s = se(j) else { return CalibratedValue(estimate: sd, low: nil, high: nil, count: count) }
            return CalibratedValue(estimate: sd, low: exp((theta[j] - 1.959964 * s) / 2), high: exp((theta[j] + 1.959964 * s) / 2), count: count)
        }
        func rate(_ logit: Double, _ s: Double?, count: Int) -> CalibratedValue {
            CalibratedValue(estimate: logistic(logit), low: s.map { logistic(logit - 1.959964 * $0) }, high: s.map { logistic(logit + 1.959964 * $0) }, count: count)
        }
        let rates: [CalibratedValue?] = (0..<5).map { k in counts[k] > 0 ? rate(theta[k], se(k), count: counts[k]) : nil }
        let sectors = stats.keys.sorted().map { s -> SectorCalibration in
            let st = stats[s]!, test = tests[s]
            guard let j = kept.firstIndex(of: s).map({ 8 + $0 }) else {
                let decision: SectorCalibration.Decision = test == nil ? .tooFew : test!.p < rule.level ? .commonGroup : .notSignificant
                return SectorCalibration(sector: s, essms: st.essms, projects: st.projects.count, decision: decision,
                                         likelihoodRatio: test?.ratio, pValue: test?.p, effect: nil, typicalRate: Array(repeating: nil, count: 5))
            }
            let effect = CalibratedValue(estimate: theta[j], low: se(j).map { theta[j] - 1.959964 * $0 }, high: se(j).map { theta[j] + 1.959964 * $0 }, count: st.essms)
            let typical: [CalibratedValue?] = (0..<5).map { k in
                guard counts[k] > 0 else { return nil }
                let v = covariance[k]?[k], w = covariance[j]?[j], c = covariance[k]?[j]
                let s = v.flatMap { v in w.flatMap { w in c.flatMap { c in v + w + 2 * c > 0 ? (v + w + 2 * c).squareRoot() : nil } } }
                return rate(theta[k] + theta[j], s, count: st.essms)
            }
            return SectorCalibration(sector: s, essms: st.essms, projects: st.projects.count, decision: .ownRate,
                                     likelihoodRatio: test?.ratio, pValue: test?.p, effect: effect, typicalRate: typical)
        }
        let censored = data.censoredCount
        return CalibrationFit(typicalRate: rates, sigmaProject: spread(5, count: projects.count), sigmaESSMS: spread(6, count: essms),
                              sigmaIndicator: spread(7, count: n), logLikelihood: final.value, iterations: final.iterations,
                              converged: converged, projects: projects.count, essms: essms, observations: n,
                              censoredHigh: censored.atLeast, censoredLow: censored.atMost,
                              means: (0..<5).map { counts[$0] > 0 ? theta[$0] : nil }, sectors: sectors)
    }

    public static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// The log-likelihood of `data` (censored rates included, no sector effect) under the given
    /// means (logit scale) and spreads.
    public static func logLikelihood(_ data: CalibrationData, mu: [Double], sigmaProject: Double, sigmaESSMS: Double,
                                     sigmaIndicator: Double) -> Double {
        let theta = mu + [sigmaProject, sigmaESSMS, sigmaIndicator].map { Foundation.log($0 * $0) }
        return CensoredLikelihood(data, sectors: []).evaluate(theta, gradient: false).value
    }
}
