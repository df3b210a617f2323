// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Simulation
import Testing
import TestSupport

/// Small instances built from fixtures: the rules' assessments, then the attainment model.
enum Instance {
    /// Three projects: an acquisition grappe of 20 EHPAD (OG of 20: not small), an upgrade grappe
    /// of 6 PJM services and 4 SAAD of a small OG, and 3 IME acquisitions of a small OG.
    static func input(rules: RuleSet = .campaign2024, planned: [Int?] = [12, 6, 10],
                      mode: [Mode] = [.acquisition, .upgrade, .acquisition]) -> SimulationInput {
        let (register, ogs) = Fixture.register([("29", 20, "500"), ("35", 6, "340"), ("35", 4, "460"), ("56", 3, "183")])
        var projects = [
            Fixture.project("P1", ogs[0].establishments, mode: mode[0]),
            Fixture.project("P2", ogs[1].establishments + ogs[2].establishments, mode: mode[1]),
            Fixture.project("P3", ogs[3].establishments, mode: mode[2]),
        ]
        for i in projects.indices { projects[i].plannedMonths = planned[i] }
        projects[0].siMaturity = 70
        projects[0].scores[5] = 3
        let engine = FundingEngine(rules: rules, register: register,
                                   context: .regional(region: "53", committee: Day(year: 2024, month: 6, day: 14)!))
        let assessments = engine.assess(projects)
        return SimulationInput(ids: projects.map(\.id), projects: projects, assessments: assessments, register: register, rules: rules)
    }

    /// Deployment certain: no duration spread, deadlines far.
    static func certainDeployment(_ p: SimulationParameters) -> SimulationParameters {
        var q = p
        q.durationSigma = 0
        q.staggerSigma = 0
        q.deadlineAcquisition = 600
        q.deadlineUpgrade = 600
        return q
    }
}

@Suite struct MonteCarloTests {
    @Test func identicalOnAnyNumberOfThreadsAndBatches() {
        let model = AttainmentModel(Instance.input(), parameters: SimulationParameters())
        let one = MonteCarlo.run(model, draws: 3_001, seed: 42, threads: 1)
        for (threads, batch) in [(2, 1_000), (3, 7), (8, 3_001), (5, 250)] {
            let other = MonteCarlo.run(model, draws: 3_001, seed: 42, threads: threads, batch: batch)
            #expect(other.attaining == one.attaining, "threads \(threads)")
            #expect(other.paid == one.paid)
            #expect(other.activeDUI == one.activeDUI)
            #expect(other.deployed == one.deployed)
            #expect(other.projectAllAttain == one.projectAllAttain)
            #expect(other.projectPaid == one.projectPaid)
            #expect(other.essmsAttain == one.essmsAttain)
        }
        // Another seed, other numbers.
        #expect(MonteCarlo.run(model, draws: 3_001, seed: 43, threads: 2).paid != one.paid)
    }

    @Test func ratesOfOneHundredPercentAttainEverything() {
        var q = Instance.certainDeployment(SimulationParameters())
        q.typicalRate = [1, 1, 1, 1, 1]
        let model = AttainmentModel(Instance.input(), parameters: q)
        let run = MonteCarlo.run(model, draws: 500, seed: 1, threads: 2)
        #expect(run.attaining.allSatisfy { $0 == Int64(model.essmsCount) })
        #expect(run.paid.allSatisfy { $0 == model.tranche2Total })
        #expect(run.projectAllAttain.allSatisfy { $0 == 500 })
        // Active DUI = file active (40 each) × 100 %.
        #expect(run.activeDUI.allSatisfy { $0 == Int64(40 * model.essmsCount) })
    }

    @Test func ratesOfZeroAttainNothing() {
        var q = SimulationParameters()
        q.typicalRate = [0, 0, 0, 0, 0]
        let model = AttainmentModel(Instance.input(), parameters: q)
        let run = MonteCarlo.run(model, draws: 500, seed: 1, threads: 2)
        #expect(run.attaining.allSatisfy { $0 == 0 })
        #expect(run.paid.allSatisfy { $0 == 0 })
        #expect(run.activeDUI.allSatisfy { $0 == 0 })
        #expect(run.deployed.contains { $0 > 0 })
    }

    @Test func pjmExemptionChangesOnlyPJMServices() {
        let input = Instance.input(rules: .campaign2025)
        var on = SimulationParameters(), off = SimulationParameters()
        on.pjmExempt = true
        off.pjmExempt = false
        let a = AttainmentModel(input, parameters: on), b = AttainmentModel(input, parameters: off)
        let ra = MonteCarlo.run(a, draws: 2_000, seed: 9, threads: 2), rb = MonteCarlo.run(b, draws: 2_000, seed: 9, threads: 2)
        var pjmGained = false
        for i in 0..<a.essmsCount {
            if a.sector[i] == .pjm {
                #expect(ra.essmsAttain[i] >= rb.essmsAttain[i])
                if ra.essmsAttain[i] > rb.essmsAttain[i] { pjmGained = true }
            } else {
                #expect(ra.essmsAttain[i] == rb.essmsAttain[i], "non-PJM ESSMS \(i) changed")
            }
            #expect(ra.essmsDeployed[i] == rb.essmsDeployed[i])
        }
        #expect(pjmGained)
        #expect(ra.activeDUI == rb.activeDUI)
        // The 2025 rules exempt PJM by default, the 2024 rules do not.
        #expect(AttainmentModel(input, parameters: SimulationParameters()).pjmExempt)
        #expect(!AttainmentModel(Instance.input(rules: .campaign2024), parameters: SimulationParameters()).pjmExempt)
    }

    @Test(arguments: [1, 3, 8])
    func aLongerPlannedDurationNeverRaisesAttainment(extra: Int) {
        let q = SimulationParameters()
        let short = AttainmentModel(Instance.input(planned: [12, 6, 10]), parameters: q)
        let long = AttainmentModel(Instance.input(planned: [12 + extra, 6 + extra, 10 + extra]), parameters: q)
        let rs = MonteCarlo.run(short, draws: 2_000, seed: 5, threads: 2), rl = MonteCarlo.run(long, draws: 2_000, seed: 5, threads: 2)
        for d in 0..<2_000 {
            #expect(rl.attaining[d] <= rs.attaining[d])
            #expect(rl.paid[d] <= rs.paid[d])
            #expect(rl.deployed[d] <= rs.deployed[d])
        }
        for i in 0..<short.essmsCount { #expect(rl.essmsAttain[i] <= rs.essmsAttain[i]) }
        #expect(rl.paid.reduce(0, +) < rs.paid.reduce(0, +))
    }

    @Test func allOrNothingNeverPaysMoreThanPerESSMS() {
        var rules = RuleSet.campaign2024
        rules.policies.secondTranche = .allOrNothing
        let q = SimulationParameters()
        let per = MonteCarlo.run(AttainmentModel(Instance.input(), parameters: q), draws: 1_000, seed: 3, threads: 2)
        let all = MonteCarlo.run(AttainmentModel(Instance.input(rules: rules), parameters: q), draws: 1_000, seed: 3, threads: 2)
        for d in 0..<1_000 { #expect(all.paid[d] <= per.paid[d]) }
        #expect(all.attaining == per.attaining)
    }

    /// With no shared effects and every typical rate at its target, each indicator is a fair
    /// coin: P(all five) = 1/32 per ESSMS.
    @Test func independentIndicatorsMatchTheirProbability() {
        var q = Instance.certainDeployment(SimulationParameters())
        q.projectSigma = 0
        q.essmsSigma = 0
        q.indicatorSigma = 1
        q.typicalRate = [0.9, 0.9, 0.9, 0.7, 0.7]
        q.acquisitionEffect = 0
        q.siMaturityEffect = 0
        q.smallWithAMOAEffect = 0
        q.smallWithoutAMOAEffect = 0
        q.grappeSizeEffect = 0
        q.scoreMaturiteEffect = 0
        let model = AttainmentModel(Instance.input(), parameters: q)
        let draws = 20_000
        let run = MonteCarlo.run(model, draws: draws, seed: 11, threads: 2)
        let p = Double(run.essmsAttain.reduce(0, +)) / Double(draws * model.essmsCount)
        let se = (1.0 / 32 * 31 / 32 / Double(draws * model.essmsCount)).squareRoot()
        #expect(abs(p - 1.0 / 32) < 5 * se, "P(attain) = \(p)")
    }

    @Test func convergenceStopsEarlyAtABatchBoundary() {
        let model = AttainmentModel(Instance.input(), parameters: SimulationParameters())
        let run = MonteCarlo.run(model, draws: 50_000, seed: 2, threads: 2, tolerance: 0.05, batch: 500)
        #expect(run.converged == true)
        #expect(run.draws < 50_000 && run.draws % 500 == 0)
        let again = MonteCarlo.run(model, draws: 50_000, seed: 2, threads: 1, tolerance: 0.05, batch: 500)
        #expect(again.paid == run.paid)
    }
}

@Suite struct SensitivityTests {
    /// Only upgrades of large OGs with neither IS maturity nor maturity score: the acquisition,
    /// small-OG, maturity effects and the acquisition overrun and deadline cannot matter; the
    /// usage level matters most.
    @Test func tornadoIsSortedAndIdlesAssumptionsThatCannotMatter() {
        let (register, ogs) = Fixture.register([("29", 20, "500"), ("35", 18, "460")])
        let projects = [Fixture.project("U1", ogs[0].establishments, mode: .upgrade),
                        Fixture.project("U2", ogs[1].establishments, mode: .upgrade)]
        let rules = RuleSet.campaign2024
        let engine = FundingEngine(rules: rules, register: register,
                                   context: .regional(region: "53", committee: Day(year: 2024, month: 6, day: 14)!))
        let input = SimulationInput(ids: ["U1", "U2"], projects: projects, assessments: engine.assess(projects),
                                    register: register, rules: rules)
        let t = Sensitivity.tornado(input, parameters: SimulationParameters(), draws: 400, seed: 4, threads: 2)
        #expect(t.bars.first?.key == "usage_shift")
        for (a, b) in zip(t.bars, t.bars.dropFirst()) { #expect(a.paidSwing >= b.paidSwing) }
        let idle: Set = ["effects.acquisition", "effects.small_og_without_amoa", "effects.small_og_with_amoa",
                         "effects.si_maturity", "effects.score_maturite", "deployment.overrun_acquisition",
                         "file_active.scale"]
        for b in t.bars where idle.contains(b.key) { #expect(b.paidSwing == 0, "\(b.key)") }
        let moving = t.bars.filter { !idle.contains($0.key) && $0.key != "effects.grappe_size" }
        #expect(moving.allSatisfy { $0.paidSwing > 0 })
        // The zero swings come last, the file-active scale moves the active DUI only.
        let firstIdle = t.bars.firstIndex { $0.paidSwing == 0 } ?? t.bars.count
        #expect(t.bars[firstIdle...].allSatisfy { $0.paidSwing == 0 })
        let fa = t.bars.first { $0.key == "file_active.scale" }!
        #expect(fa.duiHigh > fa.duiLow)
        // Raising the usage level raises the money paid.
        let u = t.bars[0]
        #expect(u.paidHigh > t.basePaid && t.basePaid > u.paidLow)
    }
}

@Suite struct PiecesTests {
    @Test func secondTrancheIsTheHalfLeftAfterAFirstHalfRoundedUp() {
        #expect(secondTranche(of: Money(cents: 100_001)) == 50_000)
        #expect(secondTranche(of: Money(cents: 100_000)) == 50_000)
        #expect(secondTranche(of: Money(cents: 1)) == 0)
    }

    @Test func summaryPercentilesAndMean() {
        let s = Summary((1...100).map { Int64($0) })
        #expect(s.p5 == 5 && s.p50 == 50 && s.p95 == 95)
        #expect(s.mean == 50.5 && s.roundedMean == 51 && s.sum == 5050)
        #expect(s.histogram.reduce(0) { $0 + $1.count } == 100)
        #expect(s.histogram.first?.low == 1 && s.histogram.last!.high >= 100)
        #expect(Summary([7, 7, 7]).standardError == 0)
    }

    @Test func normalTableHasUnitMoments() {
        var g = Xoshiro256StarStar(seed: 1, draw: 0)
        let table = NormalTable.shared
        var sum = 0.0, squares = 0.0, below = 0
        let n = 400_000
        table.entries.withUnsafeBufferPointer { t in
            for _ in 0..<n {
                let z = Double(table.deviate(UInt32(truncatingIfNeeded: g.next()), t.baseAddress!))
                sum += z
                squares += z * z
                if z < -1.6448536 { below += 1 }
            }
        }
        #expect(abs(sum / Double(n)) < 0.01)
        #expect(abs(squares / Double(n) - 1) < 0.01)
        #expect(abs(Double(below) / Double(n) - 0.05) < 0.002)
        #expect(abs(NormalTable.quantile(0.975) - 1.959963984540054) < 1e-12)
    }

    @Test func parametersAreReadFromTheSimulationBlock() {
        var d = Diagnostics()
        let yaml = """
        simulation:
          draws: 500
          seed: 77
          sigma: { project: 0.9 }
          usage_targets: { dmp: 0.6 }
          file_active: { sectors: { PA: 120 }, categories: { "500": 80 } }
          typo: 1
        """
        let node = ConfigNode.parse(yaml: yaml, file: "s.yaml", diagnostics: &d)!
        let p = SimulationParameters.decode(node["simulation"], file: "s.yaml", diagnostics: &d)
        #expect(p.draws == 500 && p.seed == 77 && p.projectSigma == 0.9)
        #expect(p.usageTargets?[4] == 0.6 && p.usageTargets?[0].isNaN == true)
        #expect(p.fileActiveBySector[.pa] == 120 && p.fileActiveByCategory["500"] == 80)
        #expect(d.warningCount == 1 && !d.hasErrors)
        var bad = Diagnostics()
        let wrong = ConfigNode.parse(yaml: "simulation: { draws: lots, sigma: { project: -1 } }", file: "s.yaml", diagnostics: &bad)!
        _ = SimulationParameters.decode(wrong["simulation"], file: "s.yaml", diagnostics: &bad)
        #expect(bad.errorCount == 2)
    }

    @Test func expectedAttainingWeightsAreProbabilitySums() {
        var q = Instance.certainDeployment(SimulationParameters())
        q.typicalRate = [1, 1, 1, 1, 1]
        let w = ExpectedAttaining.weights(Instance.input(), parameters: q, draws: 200, seed: 1, threads: 2)
        #expect(w["P1"] == 20 && w["P2"] == 10 && w["P3"] == 3)
    }
}

/// [000 §3.4.2] "concernant les projets n'impliquant pas de changement de logiciel, que la durée du
/// projet devrait être comprise dans un délai d'au plus 9 mois […] concernant les acquisitions, elle
/// devrait être comprise dans un délai d'au plus 18 mois […] Ces délais indicatifs ne concernent pas
/// les projets de portée nationale."
@Suite struct IndicativeDurationTests {
    /// No duration spread, no overrun: a project is deployed in time exactly when its planned
    /// duration is within the indicative duration plus the margin.
    static func exact(margin: Double) -> SimulationParameters {
        var q = SimulationParameters()
        q.durationSigma = 0
        q.staggerSigma = 0
        q.overrunAcquisition = 1
        q.overrunUpgrade = 1
        q.deadlineMargin = margin
        return q
    }

    static func deployed(_ model: AttainmentModel, project p: Int) -> [Bool] {
        (model.projectStart[p]..<model.projectStart[p + 1]).map { model.deploySlack[$0] >= 0 }
    }

    @Test func ninMonthsForAnUpgradeEighteenForAnAcquisitionPlusTheMargin() {
        // P1: 20 acquisitions planned 18 months; P2: 10 upgrades planned 10 months; P3: 3 acquisitions planned 19.
        let input = Instance.input(planned: [18, 10, 19])
        let noMargin = AttainmentModel(input, parameters: Self.exact(margin: 0))
        #expect(Self.deployed(noMargin, project: 0).allSatisfy { $0 })     // 18 ≤ 18
        #expect(Self.deployed(noMargin, project: 1).allSatisfy { !$0 })    // 10 > 9
        #expect(Self.deployed(noMargin, project: 2).allSatisfy { !$0 })    // 19 > 18
        let sixMonths = AttainmentModel(input, parameters: Self.exact(margin: 6))
        #expect(Self.deployed(sixMonths, project: 1).allSatisfy { $0 })    // 10 ≤ 9 + 6
        #expect(Self.deployed(sixMonths, project: 2).allSatisfy { $0 })    // 19 ≤ 18 + 6
        // The margin is this project's assumption, kept apart from the call's 9 and 18 months.
        #expect(SimulationParameters().deadlineMargin == 6)
        #expect(RuleSet.campaign2024.indicativeMonthsUpgrade == 9 && RuleSet.campaign2024.indicativeMonthsAcquisition == 18)
    }

    @Test func nationalScopeProjectsHaveNoIndicativeDuration() {
        // 30 + 30 acquisitions in two regions: the national desk, planned 60 months.
        let (register, ogs) = Fixture.register([("29", 30, "500"), ("75", 30, "500")])
        var p = Fixture.project("N", ogs[0].establishments + ogs[1].establishments)
        p.plannedMonths = 60
        let engine = FundingEngine(rules: .campaign2024, register: register, context: .national(date: nil))
        let a = engine.assess(p)
        #expect(a.guichet == .national)
        let model = AttainmentModel(SimulationInput(items: [.init(project: p, assessment: a)], register: register,
                                                    rules: .campaign2024), parameters: Self.exact(margin: 0))
        #expect(model.deploySlack.count == 60 && model.deploySlack.allSatisfy { $0 == .infinity })
    }
}
