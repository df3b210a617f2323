// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Simulation

/// The result of `esms calibrate`: JSON, text, and the YAML file a scenario loads.
public enum CalibrationDocument {
    /// Each fitted parameter: its key, the scenario's assumption and the estimate.
    static func rows(_ r: CalibrationRun) -> [(key: String, prior: Double, value: CalibratedValue)] {
        var out: [(String, Double, CalibratedValue)] = []
        for k in Indicator.allCases { if let v = r.fit.typicalRate[k.rawValue] { out.append(("usage_rate.\(k.key)", r.prior.typicalRate[k.rawValue], v)) } }
        out.append(("sigma.project", r.prior.projectSigma, r.fit.sigmaProject))
        out.append(("sigma.essms", r.prior.essmsSigma, r.fit.sigmaESSMS))
        out.append(("sigma.indicator", r.prior.indicatorSigma, r.fit.sigmaIndicator))
        return out
    }

    public static func json(_ r: CalibrationRun, scenario: String, file: String?) -> JSONValue {
        func comparison(_ c: CalibrationRun.Comparison) -> JSONValue {
            .object([("key", .string(c.key)), ("essms", .int(c.essms)), ("observed", .double(c.observed, digits: 4)),
                     ("predicted", .double(c.predicted, digits: 4))])
        }
        return .object([
            ("scenario", .string(scenario)), ("as_of", .string(r.asOf.iso)),
            ("projects", .int(r.fit.projects)), ("essms", .int(r.fit.essms)), ("observations", .int(r.fit.observations)),
            ("not_ended", .int(r.notEnded)),
            ("method", .string("maximum likelihood (EM), 95 % Wald intervals from the observed information")),
            ("log_likelihood", .double(r.fit.logLikelihood, digits: 4)), ("iterations", .int(r.fit.iterations)),
            ("converged", .bool(r.fit.converged)),
            ("parameters", .array(rows(r).map { row in
                .object([("key", .string(row.key)), ("assumed", .double(row.prior, digits: 4)), ("estimate", .double(row.value.estimate, digits: 4)),
                         ("low", row.value.low.map { .double($0, digits: 4) } ?? .null),
                         ("high", row.value.high.map { .double($0, digits: 4) } ?? .null), ("count", .int(row.value.count))])
            })),
            ("by_indicator", .array(r.byIndicator.map(comparison))),
            ("by_sector", .array(r.bySector.map(comparison))),
            ("file", file.map { .string($0) } ?? .null),
        ])
    }

    public static func text(_ r: CalibrationRun, scenario: String, language: ReportLanguage = .fr) -> String {
        let french = language == .fr
        let f = ReportFormat(language)
        let n = f.terminalInteger
        let d = { (x: Double) in f.terminalDecimal(x, digits: 3) }
        let pc = { (x: Double) in french ? f.percent(x) : JSONValue.formatDecimal(x * 100, digits: 1) + " %" }
        var out = french
            ? "Calibration sur le suivi de \(scenario) au \(r.asOf.french) : \(n(r.fit.projects)) projets terminés, \(n(r.fit.essms)) ESSMS, \(n(r.fit.observations)) taux déclarés"
            : "Calibration on the follow-up of \(scenario) on \(r.asOf.french): \(n(r.fit.projects)) ended projects, \(n(r.fit.essms)) ESSMS, \(n(r.fit.observations)) reported rates"
        if r.notEnded > 0 {
            out += french ? " (\(n(r.notEnded)) ESSMS de projets non terminés laissés de côté)" : " (\(n(r.notEnded)) ESSMS of projects not ended left out)"
        }
        out += "\n" + (french ? "Maximum de vraisemblance (EM, \(n(r.fit.iterations)) itérations\(r.fit.converged ? "" : ", non convergé")), intervalles à 95 %.\n\n"
                       : "Maximum likelihood (EM, \(r.fit.iterations) iterations\(r.fit.converged ? "" : ", not converged")), 95 % intervals.\n\n")
        out += TextTable.render([[french ? "paramètre" : "parameter", french ? "hypothèse" : "assumed", french ? "estimation" : "estimate",
                                  french ? "IC 95 %" : "95 % CI", "n"]]
            + rows(r).map { row in
                [row.key, d(row.prior), d(row.value.estimate),
                 row.value.low.flatMap { lo in row.value.high.map { "\(d(lo)) – \(d($0))" } } ?? (french ? "au bord (écart nul)" : "at the boundary (spread 0)"),
                 n(row.value.count)]
            }, rightAligned: [1, 2, 4])
        out += "\n" + (french ? "Atteinte déclarée et prédite par le modèle ajusté, par indicateur :" : "Attainment reported and predicted by the fitted model, by indicator:") + "\n"
        out += TextTable.render([[french ? "indicateur" : "indicator", "ESSMS", french ? "déclarée" : "reported", french ? "prédite" : "predicted"]]
            + r.byIndicator.map { [$0.key, n($0.essms), pc($0.observed), pc($0.predicted)] }, rightAligned: [1, 2, 3])
        out += "\n" + (french ? "Toutes les cibles atteintes, par secteur :" : "Every target met, by sector:") + "\n"
        out += TextTable.render([[french ? "secteur" : "sector", "ESSMS", french ? "déclarée" : "reported", french ? "prédite" : "predicted"]]
            + r.bySector.map { [$0.key, n($0.essms), pc($0.observed), pc($0.predicted)] }, rightAligned: [1, 2, 3])
        out += "\n" + (french
            ? "Les autres paramètres (effets, déploiement, files actives) restent des hypothèses du scénario.\n"
            : "The other parameters (effects, deployment, file active) stay the scenario's assumptions.\n")
        return out
    }

    /// The file a scenario loads with `simulation: { calibration: FILE }`.
    public static func yaml(_ r: CalibrationRun, scenario: String) -> String {
        func number(_ x: Double) -> String { JSONValue.formatDecimal(x, digits: 4) }
        func interval(_ v: CalibratedValue) -> String {
            v.low.flatMap { lo in v.high.map { "95 % CI [\(number(lo)), \(number($0))], n = \(v.count)" } } ?? "at the boundary, n = \(v.count)"
        }
        var out = "# esms calibrate — scenario \(scenario), follow-up as of \(r.asOf.iso): \(r.fit.projects) ended projects, "
        out += "\(r.fit.essms) ESSMS, \(r.fit.observations) reported rates.\n"
        out += "# Maximum likelihood (docs/SIMULATION.md, \"Calibration\"). Load it with simulation: { calibration: <this file> };\n"
        out += "# the parameters not set here stay the scenario's assumptions.\n"
        out += "usage_rate:\n"
        for k in Indicator.allCases {
            guard let v = r.fit.typicalRate[k.rawValue] else { continue }
            out += "  \(k.key): \(number(v.estimate))  # \(interval(v))\n"
        }
        out += "sigma:\n"
        out += "  project: \(number(r.fit.sigmaProject.estimate))  # \(interval(r.fit.sigmaProject))\n"
        out += "  essms: \(number(r.fit.sigmaESSMS.estimate))  # \(interval(r.fit.sigmaESSMS))\n"
        out += "  indicator: \(number(r.fit.sigmaIndicator.estimate))  # \(interval(r.fit.sigmaIndicator))\n"
        return out
    }
}
