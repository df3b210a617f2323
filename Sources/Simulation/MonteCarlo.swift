// SPDX-License-Identifier: GPL-3.0-or-later
import Dispatch
import Foundation

/// The raw results of a simulation: one value per draw (in draw order) and exact integer
/// counts per project and per ESSMS.
public struct SimulationRun: Sendable {
    public var draws: Int
    public var seed: UInt64
    /// Per draw: ESSMS attaining every target, tranche-2 cents paid, active DUI, ESSMS deployed.
    public var attaining: [Int64]
    public var paid: [Int64]
    public var activeDUI: [Int64]
    public var deployed: [Int64]
    /// Per project, summed over the draws: draws where every ESSMS attains, ESSMS attaining,
    /// cents paid, ESSMS deployed.
    public var projectAllAttain: [Int64]
    public var projectAttaining: [Int64]
    public var projectPaid: [Int64]
    public var projectDeployed: [Int64]
    /// Per ESSMS, summed over the draws: draws where it attains, where it is deployed.
    public var essmsAttain: [Int64]
    public var essmsDeployed: [Int64]
    /// Stopped by the convergence check (nil: no tolerance asked).
    public var converged: Bool?
}

/// A pointer shared by the threads of a run; each thread writes only its own slice.
struct SharedPointer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}

/// Runs an `AttainmentModel`: draw d uses its own generator seeded from (seed, d), draws are
/// split over threads in contiguous slices, per-draw results land at their draw's index and
/// per-project / per-ESSMS counts are integers summed after the threads finish — so the run
/// is the same on 1 or N threads, byte for byte.
public enum MonteCarlo {
    public typealias Progress = (_ done: Int, _ total: Int) -> Void

    public static func run(_ model: AttainmentModel, draws: Int, seed: UInt64, threads: Int = 1,
                           tolerance: Double? = nil, batch: Int = 1_000, progress: Progress? = nil) -> SimulationRun {
        let nP = model.projectCount, nE = model.essmsCount
        let threads = max(1, threads)
        var attaining = [Int64](repeating: 0, count: draws), paid = attaining, dui = attaining, deployed = attaining
        // Per-thread accumulators: 4 per project, 2 per ESSMS.
        let width = 4 * nP + 2 * nE
        var accumulators = [Int64](repeating: 0, count: width * threads)
        var done = 0
        var converged: Bool? = tolerance == nil ? nil : false
        var sum = 0.0, sumSquares = 0.0
        let step = max(1, batch)
        while done < draws {
            let end = min(draws, done + step)
            attaining.withUnsafeMutableBufferPointer { a in
                paid.withUnsafeMutableBufferPointer { pd in
                    dui.withUnsafeMutableBufferPointer { du in
                        deployed.withUnsafeMutableBufferPointer { dp in
                            accumulators.withUnsafeMutableBufferPointer { acc in
                                let out = (SharedPointer(base: a.baseAddress!), SharedPointer(base: pd.baseAddress!),
                                           SharedPointer(base: du.baseAddress!), SharedPointer(base: dp.baseAddress!),
                                           SharedPointer(base: acc.baseAddress!))
                                let count = end - done, start = done
                                let slices = min(threads, count)
                                let body: @Sendable (Int) -> Void = { t in
                                    let lo = start + count * t / slices, hi = start + count * (t + 1) / slices
                                    kernel(model, seed: seed, draws: lo..<hi, attaining: out.0.base, paid: out.1.base,
                                           dui: out.2.base, deployed: out.3.base, counts: out.4.base + t * width)
                                }
                                if slices == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: slices, execute: body) }
                            }
                        }
                    }
                }
            }
            for d in done..<end {
                let x = Double(paid[d])
                sum += x
                sumSquares += x * x
            }
            done = end
            progress?(done, draws)
            if let tolerance, done < draws {
                let n = Double(done), mean = sum / n
                let variance = n > 1 ? max(0, (sumSquares - n * mean * mean) / (n - 1)) : .infinity
                if mean > 0, (variance / n).squareRoot() <= tolerance * mean {
                    converged = true
                    break
                }
            }
        }
        if let tolerance, converged == false, done > 1 {
            let n = Double(done), mean = sum / n
            let variance = max(0, (sumSquares - n * mean * mean) / (n - 1))
            converged = mean > 0 && (variance / n).squareRoot() <= tolerance * mean
        }
        var totals = [Int64](repeating: 0, count: width)
        for t in 0..<threads { for j in 0..<width { totals[j] += accumulators[t * width + j] } }
        return SimulationRun(
            draws: done, seed: seed,
            attaining: Array(attaining.prefix(done)), paid: Array(paid.prefix(done)),
            activeDUI: Array(dui.prefix(done)), deployed: Array(deployed.prefix(done)),
            projectAllAttain: Array(totals[0..<nP]), projectAttaining: Array(totals[nP..<2 * nP]),
            projectPaid: Array(totals[2 * nP..<3 * nP]), projectDeployed: Array(totals[3 * nP..<4 * nP]),
            essmsAttain: Array(totals[4 * nP..<4 * nP + nE]), essmsDeployed: Array(totals[4 * nP + nE..<4 * nP + 2 * nE]),
            converged: converged)
    }

    /// The inner loop over draws × projects × ESSMS × indicators: flat arrays, no allocation,
    /// 4 random words per ESSMS and 1 per project whatever happens (common random numbers: a
    /// change of one assumption moves the results of every draw in the same direction).
    static func kernel(_ m: AttainmentModel, seed: UInt64, draws: Range<Int>,
                       attaining: UnsafeMutablePointer<Int64>, paid: UnsafeMutablePointer<Int64>,
                       dui: UnsafeMutablePointer<Int64>, deployed: UnsafeMutablePointer<Int64>,
                       counts: UnsafeMutablePointer<Int64>) {
        let nP = m.projectCount, nE = m.essmsCount
        let allAttain = counts, projAttaining = counts + nP, projPaid = counts + 2 * nP, projDeployed = counts + 3 * nP
        let essmsAttain = counts + 4 * nP, essmsDeployed = counts + 4 * nP + nE
        let allOrNothing = m.policy == .allOrNothing
        let sp = m.sigmaProject, se = m.sigmaESSMS, sk = m.sigmaIndicator
        let dp = m.delayOnProject, dw = m.delayOwn, ss = m.sigmaStagger
        NormalTable.shared.entries.withUnsafeBufferPointer { tableBuffer in
        m.threshold.withUnsafeBufferPointer { thresholdBuffer in
        m.activeMu.withUnsafeBufferPointer { muBuffer in
        m.deploySlack.withUnsafeBufferPointer { slackBuffer in
        m.fileActive.withUnsafeBufferPointer { faBuffer in
        m.tranche2.withUnsafeBufferPointer { t2Buffer in
        m.projectStart.withUnsafeBufferPointer { startBuffer in
            let table = tableBuffer.baseAddress!
            let thr = thresholdBuffer.baseAddress!, mu = muBuffer.baseAddress!, slack = slackBuffer.baseAddress!
            let fa = faBuffer.baseAddress!, t2 = t2Buffer.baseAddress!, starts = startBuffer.baseAddress!
            @inline(__always) func normal(_ u: UInt32) -> Float {
                let e = table[Int(u >> 20)]
                return e.x + Float(u & 0xFFFFF) * (1.0 / 1_048_576.0) * e.y
            }
            for d in draws {
                var g = Xoshiro256StarStar(seed: seed, draw: UInt64(d))
                var drawAttaining: Int64 = 0, drawPaid: Int64 = 0, drawDUI: Int64 = 0, drawDeployed: Int64 = 0
                for p in 0..<nP {
                    let r = g.next()
                    let zp = normal(UInt32(truncatingIfNeeded: r)), wp = normal(UInt32(truncatingIfNeeded: r >> 32))
                    let usage = sp * zp
                    let delay = dp * zp + dw * wp
                    var all = true
                    var n: Int64 = 0, money: Int64 = 0, dep: Int64 = 0
                    for i in starts[p]..<starts[p + 1] {
                        let r0 = g.next(), r1 = g.next(), r2 = g.next(), r3 = g.next()
                        let isDeployed = delay + ss * normal(UInt32(truncatingIfNeeded: r0 >> 32)) <= slack[i]
                        let shared = usage + se * normal(UInt32(truncatingIfNeeded: r0))
                        let l0 = shared + sk * normal(UInt32(truncatingIfNeeded: r1))
                        let l1 = shared + sk * normal(UInt32(truncatingIfNeeded: r1 >> 32))
                        let l2 = shared + sk * normal(UInt32(truncatingIfNeeded: r2))
                        let l3 = shared + sk * normal(UInt32(truncatingIfNeeded: r2 >> 32))
                        let l4 = shared + sk * normal(UInt32(truncatingIfNeeded: r3))
                        let t = thr + 5 * i
                        let ok = isDeployed && (l0 >= t[0]) && (l1 >= t[1]) && (l2 >= t[2]) && (l3 >= t[3]) && (l4 >= t[4])
                        if isDeployed {
                            let rate = 1 / (1 + expf(-(mu[i] + l0)))
                            drawDUI += Int64(fa[i] * rate + 0.5)
                            dep += 1
                            essmsDeployed[i] += 1
                        }
                        if ok {
                            n += 1
                            money += t2[i]
                            essmsAttain[i] += 1
                        } else {
                            all = false
                        }
                    }
                    if allOrNothing { money = all ? money : 0 }
                    if all { allAttain[p] += 1 }
                    projAttaining[p] += n
                    projPaid[p] += money
                    projDeployed[p] += dep
                    drawAttaining += n
                    drawPaid += money
                    drawDeployed += dep
                }
                attaining[d] = drawAttaining
                paid[d] = drawPaid
                dui[d] = drawDUI
                deployed[d] = drawDeployed
            }
        }}}}}}}
    }
}
