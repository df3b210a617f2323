// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ScenarioModel

extension AttainmentModel {
    /// Per ESSMS: the model's effects on its logit (everything but the indicator's typical rate,
    /// its sector's when it has one, and the random effects), from the parameters the model was
    /// built with.
    public var offsets: [Double] { usageEffect }

    /// For each ESSMS, in how many of `draws` draws its five rates meet their targets (exempt
    /// indicators aside), deployment aside: the model's attainment of ESSMS known to be deployed.
    /// The same random stream as `reportedRates`, without building the rates.
    public func attainingCounts(seed: UInt64, draws: Int) -> [Int] {
        let table = NormalTable.shared
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
                            if rateLogit[5 * i + k] + shared + sk * normal(UInt32(truncatingIfNeeded: u)) < targetLogits[k] { ok = false; break }
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
                    let rates = (0..<5).map { k in Calibration.logistic(rateLogit[5 * i + k] + offsets[i] + shared + Double(sigmaIndicator) * noise[k]) }
                    out.append((deployed, rates))
                }
            }
            return out
        }
    }
}
