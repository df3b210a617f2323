// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Selection
import Simulation

/// The report's sections built from what was run: the simulation of the selection as charts and
/// its document, the redeployment as flows by region.
extension SimulationSection {
    /// The histograms of tranche 2 paid and of the active DUI, the tornado of the assumptions
    /// (labelled in the committee's words in French) and `esms simulate`'s document, from the
    /// simulation of the selection (`context`) drawn with `seed`.
    public init(_ context: SimulationDocument.Context, seed: UInt64, language: ReportLanguage) {
        let report = context.report
        let french = language == .fr
        func histogram(_ title: String, _ unit: ChartUnit, _ s: Summary, scale: Double) -> HistogramData {
            HistogramData(title: title, unit: unit,
                          bins: s.histogram.map { .init(low: Double($0.low) / scale, high: Double($0.high) / scale, count: $0.count) },
                          p5: Double(s.p5) / scale, p50: Double(s.p50) / scale, p95: Double(s.p95) / scale)
        }
        let histograms = [
            histogram(french ? "Tranche 2 versée" : "Tranche 2 paid", .euros, report.paid, scale: 100),
            histogram(french ? "DUI actifs" : "Active DUI", .count(french ? "DUI actifs" : "active DUI"), report.activeDUI, scale: 1),
        ]
        let bars = context.tornado.map { t in
            TornadoData(title: french ? "Sensibilité de la tranche 2 versée" : "Sensitivity of tranche 2 paid", unit: .euros,
                        base: t.basePaid / 100,
                        rows: t.bars.map {
                            TornadoData.Row(label: french ? Self.assumptionLabels[$0.key] ?? $0.key : $0.key,
                                            low: $0.paidLow / 100, high: $0.paidHigh / 100)
                        })
        }
        self.init(draws: report.draws, seed: seed, histograms: histograms, tornado: bars, document: SimulationDocument.json(context))
    }

    /// The simulation's assumptions (docs/SIMULATION.md) in the committee's words.
    static let assumptionLabels: [String: String] = [
        "usage_shift": "niveau d'usage général",
        "sigma.indicator": "dispersion entre indicateurs",
        "sigma.essms": "dispersion entre ESSMS",
        "sigma.project": "effet commun à la grappe",
        "deployment.deadline_margin": "marge après les durées indicatives (9 / 18 mois)",
        "deployment.deadline_upgrade": "délai de mesure (mises à niveau)",
        "deployment.deadline_acquisition": "délai de mesure (acquisitions)",
        "deployment.overrun_upgrade": "dépassement de durée (mises à niveau)",
        "deployment.overrun_acquisition": "dépassement de durée (acquisitions)",
        "deployment.sigma": "incertitude sur la durée",
        "deployment.stagger_sigma": "échelonnement des ESSMS",
        "effects.acquisition": "effet acquisition",
        "effects.si_maturity": "effet maturité SI",
        "effects.small_og_without_amoa": "petit OG sans AMOA",
        "effects.small_og_with_amoa": "petit OG avec AMOA",
        "effects.score_maturite": "effet maturité du projet",
        "effects.grappe_size": "effet taille de grappe",
        "file_active.scale": "taille des files actives",
    ]
}

extension RedeploymentSection {
    /// Each region's flows under `result` (released, received, funded) and `esms redeploy`'s
    /// document.
    public init(scenario: Scenario, rules: String, problem: RedeploymentProblem, result: RedeploymentResult) {
        let flows = result.regions.map { r in
            RegionFlow(region: r.account.region, released: r.released, received: r.received,
                       funded: r.funded, projects: r.projects.count, essms: r.finess)
        }
        self.init(policy: result.policy.rawValue, regions: flows,
                  document: RedeployDocument.json(scenario: scenario, rules: rules, problem: problem, result: result, timings: false))
    }
}
