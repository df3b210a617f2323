// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import FundingRules
import ReportRendering
import ScenarioModel
import Selection
import TestSupport

/// The small Breton committee of the command-line tests (`Tests/ESMSCommandsTests/Fixtures/mini`),
/// copied to a temporary folder with a hostile project title, run through every step in process.
enum ReportFixture {
    static let hostileTitle = "<script>alert(1)</script> & Cie | \"quoted\"; l'EHPAD *gras*"
    static let epoch: Int64 = 1_718_352_000  // 2024-06-14 08:00 UTC

    /// Built once: the solves take a fraction of a second but every test uses the content.
    static let content: ReportContent = {
        do { return try build() } catch { fatalError("report fixture: \(error)") }
    }()

    static func build() throws -> ReportContent {
        let source = Fixture.repositoryRoot.appendingPathComponent("Tests/ESMSCommandsTests/Fixtures/mini")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-report-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["scenario.yaml", "register.csv", "members.csv"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        var projects = try String(contentsOf: source.appendingPathComponent("projects.csv"), encoding: .utf8)
        projects = projects.replacingOccurrences(of: "SAAD des Côtes-d'Armor",
                                                 with: "\"" + hostileTitle.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
        try projects.write(to: dir.appendingPathComponent("projects.csv"), atomically: true, encoding: .utf8)

        var loader = ScenarioLoader()
        let scenario = try loader.load(dir.appendingPathComponent("scenario.yaml").path).get()
        var d = Diagnostics()
        guard let rules = RuleSet.resolve(for: scenario.spec, scenarioFile: "scenario.yaml", diagnostics: &d) else {
            throw FixtureError.rules
        }
        let assessments = FundingEngine(scenario: scenario, rules: rules).assess(scenario.projects)
        let problem = try SelectionProblem.build(scenario: scenario, assessments: assessments)
        let selector = Selector()
        let result = try selector.solve(problem)
        let explanations = Explainer(selector: selector).explain(problem, result, projects: scenario.projects.map { ($0.id, $0.title) })
        let next = try NextInLine(selector: selector, changes: 2).compute(problem, result)
        let budgets = EnvelopeLevel.budgets(available: problem.available, from: .share(millionths: 500_000),
                                            to: .share(millionths: 1_500_000), steps: 5)
        let frontier = try Frontier(selector: selector).compute(problem, budgets: budgets)
        let tradeoff = try Tradeoff(selector: selector, points: 5).compute(problem)
        let run = ReportRun(toolVersion: "0.0.0-test", time: epoch, timeSource: .sourceDateEpoch, solverVersion: "5.0",
                            settings: [("relative_gap", .double(0))])
        return ReportContent(scenario: scenario, rules: rules, assessments: assessments,
                             selection: SelectionSection(problem: problem, result: result, explanations: explanations, nextInLine: next),
                             frontier: frontier, tradeoff: tradeoff, run: run)
    }

    /// The Monte-Carlo and redeployment sections, on constructed data.
    static let simulation = SimulationSection(
        draws: 10_000, seed: 20_240_614,
        histograms: [
            HistogramData(title: "Tranche 2 versée", unit: .euros,
                          bins: (0..<10).map { HistogramData.Bin(low: 1_000_000 + Double($0) * 100_000, high: 1_100_000 + Double($0) * 100_000,
                                                                 count: [3, 12, 40, 95, 160, 180, 120, 60, 20, 5][$0]) },
                          p5: 1_250_000, p50: 1_530_000, p95: 1_820_000),
            HistogramData(title: "DUI actifs", unit: .count("DUI"),
                          bins: (0..<8).map { HistogramData.Bin(low: 20_000 + Double($0) * 500, high: 20_500 + Double($0) * 500, count: $0 * ($0 - 8) * -10) },
                          p5: 20_800, p50: 21_900, p95: 23_100),
        ],
        tornado: TornadoData(title: "Sensibilité de la tranche 2 versée", unit: .euros, base: 1_530_000, rows: [
            .init(label: "Taux d'atteinte des cibles", low: 1_200_000, high: 1_800_000),
            .init(label: "Retard de déploiement <6 mois>", low: 1_450_000, high: 1_600_000),
            .init(label: "File active", low: 1_500_000, high: 1_560_000),
        ]))

    static let redeployment = RedeploymentSection(policy: "pooled", regions: [
        .init(region: "53", released: Money(euros: 1_200_000), received: Money(euros: 0), funded: Money(cents: 2_512_345_67), projects: 12, essms: 140),
        .init(region: "11", released: Money(euros: 300_000), received: Money(euros: 900_000), funded: Money(euros: 8_000_000), projects: 40, essms: 410),
        .init(region: "94", released: Money(euros: 500_000), received: Money(euros: 0), funded: Money(euros: 0)),
    ])

    enum FixtureError: Error { case rules }
}
