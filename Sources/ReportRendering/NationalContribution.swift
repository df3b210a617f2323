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
    func text(_ f: (Int) -> String, percent: (Double) -> String) -> String {
        let activeLine = "\(f(Int(expectedActiveDUI.rounded()))) active DUI expected (\(percent(activeShare)) of the national \(f(activeTarget)))"
        let funded = "\(f(simulatedESSMS + engagedESSMS)) ESSMS funded (\(percent(fundedShare)) of the national \(f(fundedTarget)))"
        if regional {
            return "Contribution to the national targets (programme totals [003], not regional targets): \(activeLine); "
                + "\(funded)\(engagedESSMS > 0 ? ", of which \(f(engagedESSMS)) in projects engaged earlier (their usage not simulated)" : "").\n"
        }
        var s = "National targets [003], summed over what this scenario knows: \(activeLine); \(funded).\n"
        s += "Not counted: "
        var unknown: [String] = []
        if engagedESSMS > 0 { unknown.append("the active DUI of the \(f(engagedESSMS)) ESSMS of engaged projects (funded, usage not simulated)") }
        unknown.append("ESSMS funded at earlier campaigns (2021–2023)")
        unknown.append("ESSMS funded outside this scenario's tables")
        return s + unknown.joined(separator: "; ") + ".\n"
    }
}
