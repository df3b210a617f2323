// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Simulation

/// What a simulated set contributes to the programme's national result indicators [003]:
/// 410 000 active DUI and 29 000 ESMS funded are programme totals. A regional run shows its
/// share of them and is never measured against an invented regional target; a national run sums
/// what it knows and says what it does not.
struct NationalContribution {
    var activeTarget: Int
    var fundedTarget: Int
    /// Funded ESSMS of the simulated set.
    var simulatedESSMS: Int
    /// ESSMS of the scenario's `engaged` projects (funded; their usage is not simulated).
    var engagedESSMS: Int
    var expectedActiveDUI: Double
    var regional: Bool

    init(_ c: SimulationDocument.Context) {
        activeTarget = c.rules.nationalActiveDUITarget
        fundedTarget = c.rules.nationalFundedESSMSTarget
        simulatedESSMS = c.report.essms
        engagedESSMS = c.engagedESSMS
        expectedActiveDUI = c.report.activeDUI.mean
        regional = c.scenario.spec.scope == .regional
    }

    var activeShare: Double { activeTarget > 0 ? expectedActiveDUI / Double(activeTarget) : 0 }
    var fundedShare: Double { fundedTarget > 0 ? Double(simulatedESSMS + engagedESSMS) / Double(fundedTarget) : 0 }

    /// What the run does not count, as stable codes.
    var notCounted: [String] {
        let engaged = engagedESSMS > 0 ? ["engaged-projects-active-dui"] : []
        return regional ? ["other-regions-and-desks", "earlier-campaigns"] + engaged
                        : engaged + ["earlier-campaigns", "other-regions-and-desks"]
    }

    /// The paragraph for a person.
    func text(_ f: (Int) -> String, percent: (Double) -> String, language: ReportLanguage = .en) -> String {
        let t = Catalogue(language)
        let separator = language == .fr ? " ; " : "; "
        let activeLine = t(.activeLine, f(Int(expectedActiveDUI.rounded())), percent(activeShare), f(activeTarget))
        let funded = t(.fundedLine, f(simulatedESSMS + engagedESSMS), percent(fundedShare), f(fundedTarget))
        if regional {
            return t(.contributionRegional, activeLine, funded, engagedESSMS > 0 ? t(.contributionEngaged, f(engagedESSMS)) : "") + "\n"
        }
        var unknown: [String] = []
        if engagedESSMS > 0 { unknown.append(t(.notCountedEngaged, f(engagedESSMS))) }
        unknown.append(t(.notCountedEarlier))
        unknown.append(t(.notCountedOutside))
        return t(.contributionNational, activeLine, funded) + "\n" + t(.notCounted, unknown.joined(separator: separator)) + "\n"
    }
}
