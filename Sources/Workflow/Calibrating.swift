// SPDX-License-Identifier: GPL-3.0-or-later
import CampaignYear
import Foundation
import FundingRules
import ScenarioModel
import Simulation

/// `esms calibrate` on the workflow: the reported indicators of the funded ESSMS of a follow-up
/// turned into calibration data on the attainment model's scale, the fit, and how well the
/// fitted model predicts the attainment that was reported.
public enum Calibrating {
    /// Each reported rate on the logit scale, censored at 100 % and 0 % (counts over the file
    /// active or the active records; MSSanté and DMP rates over the file active as their
    /// pseudo-count), for the ESSMS of ended projects with a report at `as_of`, with their sectors.
    /// `rule` decides which sectors get rates of their own.
    public static func run(scenario: Scenario, rules: RuleSet, followup: FollowupResult,
                           parameters: SimulationParameters, rule: SectorRule = SectorRule()) throws(Calibration.Failure) -> CalibrationRun {
        let assessments = FundingEngine(scenario: scenario, rules: rules).assess(scenario.projects)
        let input = SimulationInput(ids: followup.projects.map(\.id), projects: scenario.projects, assessments: assessments,
                                    register: scenario.register, rules: rules)
        let model = AttainmentModel(input, parameters: parameters)
        let reported = Dictionary(followup.projects.flatMap { p in p.essms.map { ("\(p.id)/\($0.finess.text)", (p, $0)) } },
                                  uniquingKeysWith: { a, _ in a })
        var observations: [[CensoredLogit?]] = [], followed: [FollowupESSMS?] = []
        var notEnded = 0
        for p in 0..<model.projectCount {
            for i in model.projectStart[p]..<model.projectStart[p + 1] {
                guard let (project, e) = reported["\(model.projectIDs[p])/\(model.finess[i].text)"], let r = e.report else {
                    observations.append(Array(repeating: nil, count: 5)); followed.append(nil); continue
                }
                guard project.ended else {
                    notEnded += 1
                    observations.append(Array(repeating: nil, count: 5)); followed.append(nil); continue
                }
                let total = r.fileActive
                func rate(_ f: UsageRate?) -> CensoredLogit? {
                    f.flatMap { CalibrationData.observation(Int(($0.fraction * Double(total)).rounded()), of: total) }
                }
                observations.append([CalibrationData.observation(r.activeRecords, of: r.fileActive),
                                     CalibrationData.observation(r.withPersonalisedProject, of: r.activeRecords),
                                     CalibrationData.observation(r.withAgendaEvent, of: r.activeRecords),
                               e.exempt.contains(.mss) ? nil : rate(r.mssRate), e.exempt.contains(.dmp) ? nil : rate(r.dmpRate)])
                followed.append(e)
            }
        }
        let data = CalibrationData(projects: (0..<model.projectCount).map { Array(model.projectStart[$0]..<model.projectStart[$0 + 1]) },
                                   offsets: model.offsets, observations: observations, sectors: model.sector.map { $0 })
        let fit = try Calibration.fit(data, rule: rule)
        let calibrated = fit.applied(to: parameters)
        // Predicted attainment of each reporting ESSMS: its rate's logit is normal with mean
        // μ_k + β_sector + offset_i and variance σ_p² + σ_e² + σ_k².
        let spread = (pow(fit.sigmaProject.estimate, 2) + pow(fit.sigmaESSMS.estimate, 2) + pow(fit.sigmaIndicator.estimate, 2)).squareRoot()
        let targets = model.targets.map { Foundation.log($0 / (1 - $0)) }
        let indicators = UsageIndicator.allCases
        var byIndicator: [CalibrationRun.Comparison] = []
        for k in 0..<5 {
            guard let mu = fit.means[k] else { continue }
            var n = 0, observed = 0.0, predicted = 0.0
            for i in followed.indices where observations[i][k] != nil {
                guard let e = followed[i] else { continue }
                n += 1
                if e.met[indicators[k]] == true { observed += 1 }
                predicted += 1 - NormalTable.cdf((targets[k] - mu - fit.sectorEffect(model.sector[i]) - data.offsets[i]) / spread)
            }
            if n > 0 { byIndicator.append(.init(key: Indicator.allCases[k].key, essms: n, observed: observed / Double(n), predicted: predicted / Double(n))) }
        }
        // Every target at once, by sector: the fitted model's own draws (deployment aside: these
        // ESSMS reported), 2 000 of them, the seed of the scenario's simulation.
        let fittedModel = AttainmentModel(input, parameters: calibrated)
        let draws = 2_000
        let attained = fittedModel.attainingCounts(seed: parameters.seed, draws: draws)
        var sectors: [String: (n: Int, observed: Int, predicted: Double)] = [:]
        for i in followed.indices {
            guard let e = followed[i] else { continue }
            var s = sectors[e.sector.rawValue] ?? (0, 0, 0)
            s.n += 1
            if e.allMet { s.observed += 1 }
            s.predicted += Double(attained[i]) / Double(draws)
            sectors[e.sector.rawValue] = s
        }
        let bySector = sectors.keys.sorted().map { k in
            CalibrationRun.Comparison(key: k, essms: sectors[k]!.n, observed: Double(sectors[k]!.observed) / Double(sectors[k]!.n),
                                      predicted: sectors[k]!.predicted / Double(sectors[k]!.n))
        }
        return CalibrationRun(fit: fit, prior: parameters, calibrated: calibrated, byIndicator: byIndicator, bySector: bySector,
                              notEnded: notEnded, asOf: followup.asOf, rule: rule)
    }
}
