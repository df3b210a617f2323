// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import FundingRules
import ScenarioModel

/// What a simulation runs on: projects with their assessment (the funded ESSMS and their
/// money), the register (file active, sector) and the rule set (targets, PJM exemption,
/// second-tranche policy).
public struct SimulationInput: Sendable {
    public struct Item: Sendable {
        public var project: Project
        public var assessment: ProjectAssessment
        public init(project: Project, assessment: ProjectAssessment) {
            self.project = project
            self.assessment = assessment
        }
    }

    public var items: [Item]
    public var register: Register
    public var rules: RuleSet

    public init(items: [Item], register: Register, rules: RuleSet) {
        self.items = items
        self.register = register
        self.rules = rules
    }

    /// The projects of `ids` (in that order) among `projects`, with their assessments.
    public init(ids: [String], projects: [Project], assessments: [ProjectAssessment], register: Register, rules: RuleSet) {
        let byProject = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let byAssessment = Dictionary(assessments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let items = ids.compactMap { id -> Item? in
            guard let p = byProject[id], let a = byAssessment[id] else { return nil }
            return Item(project: p, assessment: a)
        }
        self.init(items: items, register: register, rules: rules)
    }
}

/// The money of tranche 2 for one funded ESSMS, in cents: its total minus the first half,
/// the first half being half the total rounded half-up to the cent (1 000,01 € → 500,01 € paid
/// in advance, 500,00 € at the end).
public func secondTranche(of total: Money) -> Int64 {
    let cents = total.cents
    let first = cents / 2 + cents % 2
    return cents - first
}

/// The attainment model compiled for the inner loop: flat arrays over the ESSMS of the
/// simulated projects (struct of arrays), ESSMS of a project contiguous, everything that does
/// not depend on the draw precomputed. Attainment of indicator k by ESSMS i:
/// σ_p·Z_p + σ_e·Z_i + σ_k·Z_ik ≥ threshold_ik, with threshold_ik = logit(target_k) − μ_ik.
public struct AttainmentModel: Sendable {
    public let parameters: SimulationParameters
    public let policy: Policies.SecondTranche
    public let targets: [Double]
    public let pjmExempt: Bool

    public let projectIDs: [String]
    /// ESSMS of project p: `projectStart[p] ..< projectStart[p + 1]`.
    public let projectStart: [Int]
    /// Tranche-2 cents of each project (sum over its ESSMS).
    public let projectTranche2: [Int64]

    public let finess: [FINESS]
    public let sector: [Sector]
    /// 5 per ESSMS, `Indicator` order; −∞ for an exempt indicator.
    public let threshold: [Float]
    /// μ of the active-records rate (logit scale), for the active DUI.
    public let activeMu: [Float]
    /// 5 per ESSMS: the logit of its typical rate of each indicator (its sector's, where the
    /// parameters give one, else the common one).
    public let rateLogit: [Double]
    /// Per ESSMS: the effects on its logit (acquisition, small OG, maturity, grappe size, usage shift).
    public let usageEffect: [Double]
    /// ln(deadline) − ln(planned × overrun): deployed when the duration shock is at most this.
    public let deploySlack: [Float]
    public let fileActive: [Float]
    public let tranche2: [Int64]

    public let sigmaProject: Float, sigmaESSMS: Float, sigmaIndicator: Float
    public let delayOnProject: Float, delayOwn: Float, sigmaStagger: Float

    public var essmsCount: Int { finess.count }
    public var projectCount: Int { projectIDs.count }
    public var tranche2Total: Int64 { tranche2.reduce(0, +) }

    public init(_ input: SimulationInput, parameters q: SimulationParameters) {
        parameters = q
        policy = input.rules.policies.secondTranche
        let t = input.rules.usageTargets
        var targets = [t.activeRecords, t.personalisedProject, t.agendaEvent, t.mssante, t.dmp]
        if let o = q.usageTargets { for k in 0..<5 where !o[k].isNaN { targets[k] = o[k] } }
        self.targets = targets
        pjmExempt = q.pjmExempt ?? input.rules.pjmExemptFromMSSanteAndDMP

        var ids: [String] = [], starts = [0], projectT2: [Int64] = []
        var finess: [FINESS] = [], sector: [Sector] = [], threshold: [Float] = [], activeMu: [Float] = []
        var slack: [Float] = [], fileActive: [Float] = [], tranche2: [Int64] = []
        var rateLogit: [Double] = [], usageEffect: [Double] = []
        let logits = Dictionary(uniqueKeysWithValues: Sector.allCases.map { s in (s, q.typicalRates(for: s).map(Self.logit)) })
        let targetLogit = targets.map(Self.logit)
        for item in input.items {
            let p = item.project, a = item.assessment
            ids.append(p.id)
            let n = a.funded.count
            let si = Double(p.siMaturity ?? 50)
            let maturite = Double(p.scores[ScoreCriterion.allCases.firstIndex(of: .maturite)!] ?? 0)
            let hasMaturite = p.scores[ScoreCriterion.allCases.firstIndex(of: .maturite)!] != nil
            let projectEffect = q.usageShift + q.siMaturityEffect * (si - 50)
                + (n > 0 ? q.grappeSizeEffect * Foundation.log(Double(n) / 15) : 0)
                + (hasMaturite ? q.scoreMaturiteEffect * (maturite - 1.5) : 0)
            var sum: Int64 = 0
            for f in a.funded {
                let acquisition = f.mode == .acquisition
                var effect = projectEffect + (acquisition ? q.acquisitionEffect : 0)
                if f.smallOrganisation { effect += a.amoaGranted ? q.smallWithAMOAEffect : q.smallWithoutAMOAEffect }
                let exempt = pjmExempt && f.sector == .pjm
                let baseLogit = logits[f.sector]!
                rateLogit += baseLogit
                usageEffect.append(effect)
                for k in 0..<5 {
                    if exempt && (k == Indicator.mssante.rawValue || k == Indicator.dmp.rawValue) {
                        threshold.append(-.infinity)
                    } else {
                        threshold.append(Float(Self.threshold(target: targetLogit[k], mu: baseLogit[k] + effect)))
                    }
                }
                activeMu.append(Float(baseLogit[0] + effect))
                let planned = p.plannedMonths.map(Double.init) ?? (acquisition ? q.plannedAcquisition : q.plannedUpgrade)
                let overrun = acquisition ? q.overrunAcquisition : q.overrunUpgrade
                // The indicative durations do not apply to national-scope projects [000 §3.4.2]:
                // they are measured at their own end, never late against 9 or 18 months.
                if a.guichet == .national {
                    slack.append(.infinity)
                } else {
                    let indicative = Double(acquisition ? input.rules.indicativeMonthsAcquisition : input.rules.indicativeMonthsUpgrade)
                    let deadline = (acquisition ? q.deadlineAcquisition : q.deadlineUpgrade) ?? indicative + q.deadlineMargin
                    slack.append(Float(Foundation.log(deadline) - Foundation.log(max(planned, 1e-9) * overrun)))
                }
                let establishment = input.register[f.finess]
                fileActive.append(Float(establishment.map(q.fileActive) ?? 60 * q.fileActiveScale))
                let t2 = secondTranche(of: f.amount.total)
                tranche2.append(t2)
                sum += t2
                finess.append(f.finess)
                sector.append(f.sector)
            }
            projectT2.append(sum)
            starts.append(finess.count)
        }
        projectIDs = ids
        projectStart = starts
        projectTranche2 = projectT2
        self.finess = finess
        self.sector = sector
        self.threshold = threshold
        self.activeMu = activeMu
        self.rateLogit = rateLogit
        self.usageEffect = usageEffect
        deploySlack = slack
        self.fileActive = fileActive
        self.tranche2 = tranche2
        sigmaProject = Float(q.projectSigma)
        sigmaESSMS = Float(q.essmsSigma)
        sigmaIndicator = Float(q.indicatorSigma)
        let rho = max(-1, min(1, q.delayUsageCorrelation))
        delayOnProject = Float(-q.durationSigma * rho)
        delayOwn = Float(q.durationSigma * (1 - rho * rho).squareRoot())
        sigmaStagger = Float(q.staggerSigma)
    }

    static func logit(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        return Foundation.log(p / (1 - p))
    }

    /// logit(target) − μ, with the limits: a rate of 100 % meets every target, a rate of 0 %
    /// none but a target of 0.
    static func threshold(target: Double, mu: Double) -> Double {
        if target == -.infinity { return -.infinity }
        if mu == .infinity { return -.infinity }
        if mu == -.infinity { return .infinity }
        return target - mu
    }
}
