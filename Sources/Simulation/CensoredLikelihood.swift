// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ScenarioModel

/// The exact log-likelihood of the calibration model with censored rates, and its gradient, for
/// one choice of sectors with an effect of their own (docs/SIMULATION.md, "Calibration"):
/// `y*_ik = μ_k + β_s(i) + offset_i + a_p + b_i + e_ik`, a ~ N(0, σ_p²), b ~ N(0, σ_e²),
/// e ~ N(0, σ_k²); y*_ik is observed exactly, or only known to be at least (a rate of 100 %) or
/// at most (0 %) a bound.
///
/// Per project, the project effect is integrated by adaptive Gauss–Hermite quadrature
/// (`projectNodes` nodes, centred on the Gaussian posterior of a with the censored rates at their
/// bound, scaled by its spread from the exact rates alone). Given a, each ESSMS is integrated over
/// b in closed form when it has at most one censored rate (a normal and a normal tail), else by
/// Gauss–Hermite quadrature over b (`essmsNodes` nodes on the Gaussian posterior of b given its
/// exact rates). The gradient is Fisher's identity: the posterior expectation of the gradient of
/// the complete-data log-likelihood, computed on the same nodes. Deterministic: no random numbers.
///
/// Parameters, in this order: μ_0…μ_4, log σ_p², log σ_e², log σ_k², then β of each sector of
/// `sectors` (the sectors with a rate of their own; the others share μ).
struct CensoredLikelihood {
    static let projectNodes = GaussHermite(12)
    static let essmsNodes = GaussHermite(16)
    static let log2pi = Foundation.log(2 * Double.pi)

    let sectors: [Sector]
    /// Projects with at least one observation: their ESSMS `projectStart[p] ..< projectStart[p + 1]`.
    let projectStart: [Int]
    let offset: [Double]
    /// Index of the ESSMS's sector effect in the parameters, or −1 (the common rate).
    let effectIndex: [Int]
    /// Observations of ESSMS i: `observationStart[i] ..< observationStart[i + 1]`.
    let observationStart: [Int]
    let indicator: [Int]
    /// 0 exact, +1 at least (right-censored), −1 at most (left-censored).
    let side: [Int8]
    let value: [Double]

    var parameterCount: Int { 8 + sectors.count }

    init(_ data: CalibrationData, sectors: [Sector]) {
        self.sectors = sectors
        var starts = [0], offset: [Double] = [], effect: [Int] = [], obsStart = [0]
        var indicator: [Int] = [], side: [Int8] = [], value: [Double] = []
        for p in data.projects {
            for i in p where data.observations[i].contains(where: { $0 != nil }) {
                offset.append(data.offsets[i])
                effect.append(data.sectors[i].flatMap { sectors.firstIndex(of: $0) }.map { 8 + $0 } ?? -1)
                for (k, o) in data.observations[i].enumerated() {
                    guard let o else { continue }
                    indicator.append(k)
                    switch o {
                    case .exact(let y): side.append(0); value.append(y)
                    case .atLeast(let y): side.append(1); value.append(y)
                    case .atMost(let y): side.append(-1); value.append(y)
                    }
                }
                obsStart.append(indicator.count)
            }
            if offset.count > starts.last! { starts.append(offset.count) }
        }
        projectStart = starts
        self.offset = offset
        effectIndex = effect
        observationStart = obsStart
        self.indicator = indicator
        self.side = side
        self.value = value
    }

    /// The log-likelihood at `theta` and, when asked, its gradient.
    ///
    /// An ESSMS without censored rates is Gaussian given a: its term at each node is closed-form
    /// in O(1), and its share of the gradient is a polynomial of degree 2 in a, taken at the
    /// posterior moments of a after the nodes. Only ESSMS with a censored rate are worked node
    /// by node.
    func evaluate(_ theta: [Double], gradient wanted: Bool = true) -> (value: Double, gradient: [Double]) {
        let n = parameterCount
        let va = exp(theta[5]), vb = exp(theta[6]), ve = exp(theta[7])
        let nodes = Self.projectNodes
        // Residuals at a = b = 0, and per ESSMS the sums over its exact rates.
        var u0 = [Double](repeating: 0, count: value.count)
        let essmsCount = offset.count
        var exactCount = [Int](repeating: 0, count: essmsCount), censoredCount = [Int](repeating: 0, count: essmsCount)
        var sum0 = [Double](repeating: 0, count: essmsCount), squares0 = [Double](repeating: 0, count: essmsCount)
        var allSum = [Double](repeating: 0, count: essmsCount)
        for i in 0..<essmsCount {
            let shift = offset[i] + (effectIndex[i] >= 0 ? theta[effectIndex[i]] : 0)
            for o in observationStart[i]..<observationStart[i + 1] {
                let u = value[o] - theta[indicator[o]] - shift
                u0[o] = u
                allSum[i] += u
                if side[o] == 0 { exactCount[i] += 1; sum0[i] += u; squares0[i] += u * u } else { censoredCount[i] += 1 }
            }
        }
        var total = 0.0
        var gradient = [Double](repeating: 0, count: n)
        var logWeight = [Double](repeating: 0, count: nodes.count)
        var nodeGradient = [Double](repeating: 0, count: nodes.count * n)
        var scratch = [Double](repeating: 0, count: 8)
        let logVe = Foundation.log(ve)
        for p in 0..<(projectStart.count - 1) {
            let essms = projectStart[p]..<projectStart[p + 1]
            // Centre and scale of the quadrature over a.
            var precisionAll = 1 / va, precisionExact = 1 / va, weighted = 0.0, anyCensored = false
            for i in essms {
                let count = Double(exactCount[i] + censoredCount[i])
                let d = vb + ve / count
                precisionAll += 1 / d
                weighted += allSum[i] / count / d
                if exactCount[i] > 0 { precisionExact += 1 / (vb + ve / Double(exactCount[i])) }
                if censoredCount[i] > 0 { anyCensored = true }
            }
            let centre = weighted / precisionAll, scale = 2.0.squareRoot() / precisionExact.squareRoot()
            // The constant part of the Gaussian ESSMS' terms.
            var constant = 0.0
            for i in essms where censoredCount[i] == 0 {
                let m = Double(exactCount[i]), vPost = 1 / (m / ve + 1 / vb)
                constant += -m / 2 * (Self.log2pi + logVe) + 0.5 * Foundation.log(vPost / vb)
            }
            for j in 0..<nodes.count {
                let a = centre + scale * nodes.x[j]
                var lw = nodes.logW[j] + nodes.x[j] * nodes.x[j] + Foundation.log(scale) - 0.5 * (Self.log2pi + theta[5]) - a * a / (2 * va) + constant
                for i in essms where censoredCount[i] == 0 {
                    let m = Double(exactCount[i]), vPost = 1 / (m / ve + 1 / vb)
                    let s = sum0[i] - m * a, q = squares0[i] - 2 * a * sum0[i] + m * a * a
                    let mb = vPost * s / ve
                    lw -= 0.5 * (q / ve - mb * mb / vPost)
                }
                if anyCensored {
                    nodeGradient.withUnsafeMutableBufferPointer { all in
                        let g = UnsafeMutableBufferPointer(rebasing: all[(j * n)..<((j + 1) * n)])
                        for q in 0..<n { g[q] = 0 }
                        for i in essms where censoredCount[i] > 0 { lw += essmsTerm(i, a: a, u0, vb: vb, ve: ve, &scratch, g) }
                    }
                }
                logWeight[j] = lw
            }
            let top = logWeight.max()!
            var sum = 0.0
            for j in 0..<nodes.count { sum += exp(logWeight[j] - top) }
            total += top + Foundation.log(sum)
            guard wanted else { continue }
            var ea = 0.0, ea2 = 0.0
            for j in 0..<nodes.count {
                let w = exp(logWeight[j] - top) / sum, a = centre + scale * nodes.x[j]
                ea += w * a
                ea2 += w * a * a
                if anyCensored { for q in 0..<n { gradient[q] += w * nodeGradient[j * n + q] } }
            }
            gradient[5] += -0.5 + ea2 / (2 * va)
            // The Gaussian ESSMS: b given a is N(m0 − κa, vPost), r_k = u0_k − a − b.
            for i in essms where censoredCount[i] == 0 {
                let m = Double(exactCount[i]), vPost = 1 / (m / ve + 1 / vb)
                let m0 = vPost * sum0[i] / ve, kappa = vPost * m / ve
                gradient[6] += -0.5 + (m0 * m0 - 2 * m0 * kappa * ea + kappa * kappa * ea2 + vPost) / (2 * vb)
                let slope = 1 - kappa
                for o in observationStart[i]..<observationStart[i + 1] {
                    let c = u0[o] - m0
                    let er = c - slope * ea, er2 = c * c - 2 * c * slope * ea + slope * slope * ea2 + vPost
                    gradient[indicator[o]] += er / ve
                    if effectIndex[i] >= 0 { gradient[effectIndex[i]] += er / ve }
                    gradient[7] += -0.5 + er2 / (2 * ve)
                }
            }
        }
        return (total, gradient)
    }

    /// log ∫ p(observations of ESSMS i | a, b) N(b; 0, σ_e²) db for an ESSMS with a censored rate,
    /// and the posterior expectations of the complete-data gradient added to `g`.
    func essmsTerm(_ i: Int, a: Double, _ u0: [Double], vb: Double, ve: Double, _ u: inout [Double],
                   _ g: UnsafeMutableBufferPointer<Double>) -> Double {
        let range = observationStart[i]..<observationStart[i + 1]
        var exact = 0, censored = 0, sum = 0.0, squares = 0.0
        for (j, o) in range.enumerated() {
            u[j] = u0[o] - a
            if side[o] == 0 { exact += 1; sum += u[j]; squares += u[j] * u[j] } else { censored += 1 }
        }
        // b given a and the exact rates: N(mb, vPost).
        let vPost = 1 / (Double(exact) / ve + 1 / vb), mb = vPost * sum / ve
        var logL = -Double(exact) / 2 * (Self.log2pi + Foundation.log(ve)) + 0.5 * Foundation.log(vPost / vb)
            - 0.5 * (squares / ve - mb * mb / vPost)
        var eb = mb, eb2 = mb * mb + vPost
        var momentR = (0.0, 0.0), censoredAt = -1
        let se = ve.squareRoot()
        if censored == 1 {
            // One censored rate: w = b + r is N(mb, vPost + σ²) truncated at the bound; b given w
            // is a linear regression on w.
            censoredAt = range.firstIndex { side[$0] != 0 }!
            let o = censoredAt, s = Double(side[o]), uc = u[o - range.lowerBound]
            let vw = vPost + ve, sw = vw.squareRoot()
            let x = s * (uc - mb) / sw
            let t = Self.tail(x)
            logL += t.logQ
            let ew = mb + s * sw * t.lambda
            let vwCond = vw * (1 + x * t.lambda - t.lambda * t.lambda)
            let beta = vPost / vw, residualVariance = vPost * ve / vw
            eb = mb + beta * (ew - mb)
            eb2 = eb * eb + beta * beta * vwCond + residualVariance
            let er = ew - eb
            // E[r²] = E[(w − b)²]: r = (1 − β)(w − mb) − (b − E[b | w]) shifted by the means.
            let er2 = er * er + (1 - beta) * (1 - beta) * vwCond + residualVariance
            momentR = (er, er2)
        } else if censored > 1 {
            let nodes = Self.essmsNodes
            let width = (2 * vPost).squareRoot()
            var logs = [Double](repeating: 0, count: nodes.count)
            for l in 0..<nodes.count {
                let b = mb + width * nodes.x[l]
                var lw = nodes.logW[l] - 0.5 * Foundation.log(Double.pi)
                for o in range where side[o] != 0 {
                    lw += Self.tail(Double(side[o]) * (u[o - range.lowerBound] - b) / se).logQ
                }
                logs[l] = lw
            }
            let top = logs.max()!
            var total = 0.0
            for l in 0..<nodes.count { total += exp(logs[l] - top) }
            logL += top + Foundation.log(total)
            eb = 0; eb2 = 0
            for l in 0..<nodes.count {
                let w = exp(logs[l] - top) / total, b = mb + width * nodes.x[l]
                eb += w * b; eb2 += w * b * b
                for o in range where side[o] != 0 {
                    let s = Double(side[o]), x = s * (u[o - range.lowerBound] - b) / se
                    let lambda = Self.tail(x).lambda
                    let m1 = s * se * lambda, m2 = ve * (1 + x * lambda)
                    g[indicator[o]] += w * m1 / ve
                    if effectIndex[i] >= 0 { g[effectIndex[i]] += w * m1 / ve }
                    g[7] += w * (-0.5 + m2 / (2 * ve))
                }
            }
        }
        g[6] += -0.5 + eb2 / (2 * vb)
        for o in range {
            let uj = u[o - range.lowerBound]
            let er: Double, er2: Double
            if side[o] == 0 {
                er = uj - eb; er2 = uj * uj - 2 * uj * eb + eb2
            } else if o == censoredAt {
                (er, er2) = momentR
            } else {
                continue
            }
            g[indicator[o]] += er / ve
            if effectIndex[i] >= 0 { g[effectIndex[i]] += er / ve }
            g[7] += -0.5 + er2 / (2 * ve)
        }
        return logL
    }

    /// The upper tail of the standard normal at x: log P(Z ≥ x) and the inverse Mills ratio
    /// φ(x) / P(Z ≥ x), accurate far in the tail (continued fraction beyond 5).
    static func tail(_ x: Double) -> (logQ: Double, lambda: Double) {
        let density = -0.5 * x * x - 0.5 * log2pi
        if x < 5 {
            let q = 0.5 * erfc(x / 2.0.squareRoot())
            return (Foundation.log(q), exp(density) / q)
        }
        // Q(x) / φ(x) = 1 / (x + 1 / (x + 2 / (x + 3 / …))).
        var t = x
        for k in stride(from: 40, through: 1, by: -1) { t = x + Double(k) / t }
        return (density - Foundation.log(t), t)
    }
}

/// Gauss–Hermite nodes and weights: ∫ f(x) e^(−x²) dx ≈ Σ w_j f(x_j), exact for polynomials of
/// degree < 2n (Golub–Welsch-free Newton iteration on the Hermite polynomials).
struct GaussHermite: Sendable {
    let x: [Double]
    let logW: [Double]
    var count: Int { x.count }

    init(_ n: Int) {
        var x = [Double](repeating: 0, count: n), w = [Double](repeating: 0, count: n)
        let m = (n + 1) / 2
        var z = 0.0
        for i in 0..<m {
            // Initial guesses (Numerical Recipes, gauher), then Newton on H_n.
            switch i {
            case 0: z = (Double(2 * n + 1)).squareRoot() - 1.85575 * pow(Double(2 * n + 1), -0.16667)
            case 1: z -= 1.14 * pow(Double(n), 0.426) / z
            case 2: z = 1.86 * z - 0.86 * x[0]
            case 3: z = 1.91 * z - 0.91 * x[1]
            default: z = 2 * z - x[i - 2]
            }
            var derivative = 0.0
            for _ in 0..<100 {
                var p1 = pow(Double.pi, -0.25), p2 = 0.0
                for j in 1...n {
                    let p3 = p2
                    p2 = p1
                    p1 = z * (2 / Double(j)).squareRoot() * p2 - (Double(j - 1) / Double(j)).squareRoot() * p3
                }
                derivative = (2 * Double(n)).squareRoot() * p2
                let previous = z
                z = previous - p1 / derivative
                if abs(z - previous) <= 1e-15 { break }
            }
            x[i] = z; x[n - 1 - i] = -z
            w[i] = 2 / (derivative * derivative); w[n - 1 - i] = w[i]
        }
        self.x = x
        logW = w.map { Foundation.log($0) }
    }
}
