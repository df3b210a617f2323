// SPDX-License-Identifier: GPL-3.0-or-later

/// A tornado: each assumption moved to a low and a high value, one at a time, the others at
/// their values; every run with the same seed and draws (common random numbers), so that the
/// differences are the assumption's effect and not noise.
public enum Sensitivity {
    /// One assumption and how it is moved.
    public struct Assumption: Sendable {
        public var key: String
        public var low: @Sendable (SimulationParameters) -> SimulationParameters
        public var high: @Sendable (SimulationParameters) -> SimulationParameters
        public var value: @Sendable (SimulationParameters) -> Double
        public init(key: String, value: @escaping @Sendable (SimulationParameters) -> Double,
                    low: @escaping @Sendable (SimulationParameters) -> SimulationParameters,
                    high: @escaping @Sendable (SimulationParameters) -> SimulationParameters) {
            self.key = key
            self.value = value
            self.low = low
            self.high = high
        }
    }

    public struct Bar: Sendable, Hashable {
        public var key: String
        public var base: Double
        public var lowValue: Double
        public var highValue: Double
        /// Expected tranche-2 cents paid and expected active DUI at the low and high values.
        public var paidLow: Double
        public var paidHigh: Double
        public var duiLow: Double
        public var duiHigh: Double
        public var paidSwing: Double { abs(paidHigh - paidLow) }
        public var duiSwing: Double { abs(duiHigh - duiLow) }
    }

    public struct Tornado: Sendable {
        public var draws: Int
        public var seed: UInt64
        public var basePaid: Double
        public var baseDUI: Double
        /// Sorted by the swing of tranche-2 paid, then of active DUI, then by key.
        public var bars: [Bar]
    }

    static func scaled(_ kp: WritableKeyPath<SimulationParameters, Double>, _ f: Double) -> @Sendable (SimulationParameters) -> SimulationParameters {
        nonisolated(unsafe) let kp = kp
        return { var p = $0; p[keyPath: kp] *= f; return p }
    }
    static func shifted(_ kp: WritableKeyPath<SimulationParameters, Double>, _ d: Double) -> @Sendable (SimulationParameters) -> SimulationParameters {
        nonisolated(unsafe) let kp = kp
        return { var p = $0; p[keyPath: kp] += d; return p }
    }
    static func get(_ kp: WritableKeyPath<SimulationParameters, Double>) -> @Sendable (SimulationParameters) -> Double {
        nonisolated(unsafe) let kp = kp
        return { $0[keyPath: kp] }
    }
    /// Overrun excess (overrun − 1) scaled by f.
    static func overrun(_ kp: WritableKeyPath<SimulationParameters, Double>, _ f: Double) -> @Sendable (SimulationParameters) -> SimulationParameters {
        nonisolated(unsafe) let kp = kp
        return { var p = $0; p[keyPath: kp] = 1 + (p[keyPath: kp] - 1) * f; return p }
    }

    /// The assumptions of the tornado and their moves: spreads and effects halved / ×1.5, the
    /// usage level ±0.5 on the logit scale, overruns' excess halved / ×1.5, measurement
    /// deadlines ∓3 months, file-active ±25 %.
    public static let standard: [Assumption] = {
        var list: [Assumption] = [
            Assumption(key: "usage_shift", value: get(\.usageShift), low: shifted(\.usageShift, -0.5), high: shifted(\.usageShift, 0.5)),
        ]
        let halved: [(String, WritableKeyPath<SimulationParameters, Double>)] = [
            ("sigma.project", \.projectSigma), ("sigma.essms", \.essmsSigma), ("sigma.indicator", \.indicatorSigma),
            ("effects.acquisition", \.acquisitionEffect), ("effects.si_maturity", \.siMaturityEffect),
            ("effects.small_og_without_amoa", \.smallWithoutAMOAEffect), ("effects.small_og_with_amoa", \.smallWithAMOAEffect),
            ("effects.grappe_size", \.grappeSizeEffect), ("effects.score_maturite", \.scoreMaturiteEffect),
            ("deployment.sigma", \.durationSigma), ("deployment.stagger_sigma", \.staggerSigma),
        ]
        for (key, kp) in halved {
            list.append(Assumption(key: key, value: get(kp), low: scaled(kp, 0.5), high: scaled(kp, 1.5)))
        }
        for (key, kp) in [("deployment.overrun_acquisition", \SimulationParameters.overrunAcquisition),
                          ("deployment.overrun_upgrade", \SimulationParameters.overrunUpgrade)] {
            list.append(Assumption(key: key, value: get(kp), low: overrun(kp, 0.5), high: overrun(kp, 1.5)))
        }
        // The margin added to the indicative durations, ∓3 months (a deadline overridden whole
        // moves with it).
        func margin(_ delta: Double) -> @Sendable (SimulationParameters) -> SimulationParameters {
            { var p = $0
              p.deadlineMargin = max(0, p.deadlineMargin + delta)
              p.deadlineAcquisition = p.deadlineAcquisition.map { max(0.5, $0 + delta) }
              p.deadlineUpgrade = p.deadlineUpgrade.map { max(0.5, $0 + delta) }
              return p }
        }
        list.append(Assumption(key: "deployment.deadline_margin", value: get(\.deadlineMargin), low: margin(-3), high: margin(3)))
        list.append(Assumption(key: "file_active.scale", value: get(\.fileActiveScale), low: scaled(\.fileActiveScale, 0.75),
                               high: scaled(\.fileActiveScale, 1.25)))
        return list
    }()

    /// The tornado of `input` around `parameters`, each run with `draws` draws and `seed`.
    public static func tornado(_ input: SimulationInput, parameters: SimulationParameters, draws: Int, seed: UInt64,
                               threads: Int, assumptions: [Assumption] = standard,
                               progress: ((Int, Int) -> Void)? = nil) -> Tornado {
        func expected(_ q: SimulationParameters) -> (Double, Double) {
            let run = MonteCarlo.run(AttainmentModel(input, parameters: q), draws: draws, seed: seed, threads: threads,
                                     batch: max(1, draws))
            let n = Double(max(1, run.draws))
            return (Double(run.paid.reduce(0, +)) / n, Double(run.activeDUI.reduce(0, +)) / n)
        }
        let base = expected(parameters)
        var bars: [Bar] = []
        for (i, a) in assumptions.enumerated() {
            let lo = a.low(parameters), hi = a.high(parameters)
            let l = expected(lo), h = expected(hi)
            bars.append(Bar(key: a.key, base: a.value(parameters), lowValue: a.value(lo), highValue: a.value(hi),
                            paidLow: l.0, paidHigh: h.0, duiLow: l.1, duiHigh: h.1))
            progress?(i + 1, assumptions.count)
        }
        bars.sort { a, b in
            if a.paidSwing != b.paidSwing { return a.paidSwing > b.paidSwing }
            if a.duiSwing != b.duiSwing { return a.duiSwing > b.duiSwing }
            return a.key < b.key
        }
        return Tornado(draws: draws, seed: seed, basePaid: base.0, baseDUI: base.1, bars: bars)
    }
}

/// The expected number of ESSMS reaching their targets in each project, for the selection's
/// `expected_attaining` objective. Projects are independent in the model, so one run over all
/// candidates gives each project's expectation.
public enum ExpectedAttaining {
    public static func weights(_ input: SimulationInput, parameters: SimulationParameters, draws: Int, seed: UInt64,
                               threads: Int) -> [String: Double] {
        let model = AttainmentModel(input, parameters: parameters)
        let run = MonteCarlo.run(model, draws: draws, seed: seed, threads: threads, batch: max(1, draws))
        var out: [String: Double] = [:]
        for (p, id) in model.projectIDs.enumerated() {
            // Rounded to 1/10 000 ESSMS: the same weights on every machine, a clean model.
            let x = Double(run.projectAttaining[p]) / Double(max(1, run.draws))
            out[id] = (x * 10_000).rounded() / 10_000
        }
        return out
    }
}
