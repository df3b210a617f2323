// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Simulation

/// The result of `esms calibrate`: JSON, text, and the YAML file a scenario loads.
public enum CalibrationDocument {
    /// Each fitted parameter: its key, the scenario's assumption and the estimate.
    static func rows(_ r: CalibrationRun) -> [(key: String, prior: Double, value: CalibratedValue)] {
        var out: [(String, Double, CalibratedValue)] = []
        for k in Indicator.allCases { if let v = r.fit.typicalRate[k.rawValue] { out.append(("usage_rate.\(k.key)", r.prior.typicalRate[k.rawValue], v)) } }
        for s in r.fit.sectors where s.decision == .ownRate {
            for k in Indicator.allCases {
                if let v = s.typicalRate[k.rawValue] { out.append(("usage_rate_by_sector.\(s.sector.rawValue).\(k.key)", r.prior.typicalRates(for: s.sector)[k.rawValue], v)) }
            }
        }
        out.append(("sigma.project", r.prior.projectSigma, r.fit.sigmaProject))
        out.append(("sigma.essms", r.prior.essmsSigma, r.fit.sigmaESSMS))
        out.append(("sigma.indicator", r.prior.indicatorSigma, r.fit.sigmaIndicator))
        return out
    }

    static func value(_ v: CalibratedValue) -> [(String, JSONValue)] {
        [("estimate", .double(v.estimate, digits: 4)), ("low", v.low.map { .double($0, digits: 4) } ?? .null),
         ("high", v.high.map { .double($0, digits: 4) } ?? .null)]
    }

    public static func json(_ r: CalibrationRun, scenario: String, file: String?) -> JSONValue {
        func comparison(_ c: CalibrationRun.Comparison) -> JSONValue {
            .object([("key", .string(c.key)), ("essms", .int(c.essms)), ("observed", .double(c.observed, digits: 4)),
                     ("predicted", .double(c.predicted, digits: 4))])
        }
        let sectors = r.fit.sectors.map { s -> JSONValue in
            let rates = Indicator.allCases.compactMap { k in s.typicalRate[k.rawValue].map { v in JSONValue.object([("key", .string(k.key))] + value(v)) } }
            return .object([("sector", .string(s.sector.rawValue)), ("essms", .int(s.essms)), ("projects", .int(s.projects)),
                            ("decision", .string(s.decision.rawValue)),
                            ("likelihood_ratio", s.likelihoodRatio.map { .double($0, digits: 4) } ?? .null),
                            ("p_value", s.pValue.map { .double($0, digits: 4) } ?? .null),
                            ("effect", s.effect.map { .object(value($0)) } ?? .null),
                            ("usage_rate", s.decision == .ownRate ? .array(rates) : .null)])
        }
        return .object([
            ("scenario", .string(scenario)), ("as_of", .string(r.asOf.iso)),
            ("projects", .int(r.fit.projects)), ("essms", .int(r.fit.essms)), ("observations", .int(r.fit.observations)),
            ("censored", .object([("at_100", .int(r.fit.censoredHigh)), ("at_0", .int(r.fit.censoredLow))])),
            ("not_ended", .int(r.notEnded)),
            ("method", .string("maximum likelihood, rates at 100 % and 0 % censored, project and ESSMS effects integrated by Gauss-Hermite quadrature, BFGS; 95 % Wald intervals from the observed information")),
            ("log_likelihood", .double(r.fit.logLikelihood, digits: 4)), ("iterations", .int(r.fit.iterations)),
            ("converged", .bool(r.fit.converged)),
            ("parameters", .array(rows(r).map { row in
                .object([("key", .string(row.key)), ("assumed", .double(row.prior, digits: 4))] + value(row.value) + [("count", .int(row.value.count))])
            })),
            ("sector_rule", .object([("minimum_essms", .int(r.rule.minimumESSMS)), ("minimum_projects", .int(r.rule.minimumProjects)),
                                     ("level", .double(r.rule.level, digits: 4))])),
            ("sectors", .array(sectors)),
            ("by_indicator", .array(r.byIndicator.map(comparison))),
            ("by_sector", .array(r.bySector.map(comparison))),
            ("file", file.map { .string($0) } ?? .null),
        ])
    }

    public static func text(_ r: CalibrationRun, scenario: String, language: ReportLanguage = .fr) -> String {
        let t = Catalogue(language), f = ReportFormat(language)
        let n = f.terminalInteger
        let d = { (x: Double) in f.terminalDecimal(x, digits: 3) }
        let pc = { (x: Double) in f.percent(x) }
        func interval(_ v: CalibratedValue, boundary: String = "–") -> String {
            v.low.flatMap { lo in v.high.map { "\(d(lo)) – \(d($0))" } } ?? boundary
        }
        var out = t(.calTitle, scenario, f.date(r.asOf), n(r.fit.projects), n(r.fit.essms), n(r.fit.observations))
        if r.fit.censoredHigh + r.fit.censoredLow > 0 { out += t(.calCensored, n(r.fit.censoredHigh), n(r.fit.censoredLow)) }
        if r.notEnded > 0 { out += t(.calNotEnded, n(r.notEnded)) }
        out += "\n" + t(.calMethod, n(r.fit.iterations), r.fit.converged ? "" : t(.calNotConverged)) + "\n\n"
        out += TextTable.render([[t(.headParameter), t(.headAssumed), t(.headEstimate), t(.headCI), t(.headN)]]
            + rows(r).map { row in [row.key, d(row.prior), d(row.value.estimate), interval(row.value, boundary: t(.atBoundary)), n(row.value.count)] },
            rightAligned: [1, 2, 4])
        if !r.fit.sectors.isEmpty {
            out += "\n" + t(.calSectorRule, n(r.rule.minimumESSMS), n(r.rule.minimumProjects), pc(r.rule.level)) + "\n"
            out += TextTable.render([[t(.headSector), "ESSMS", t(.headProjects), t(.headLR), t(.headP), t(.headDecision), t(.headEffect), t(.headCI)]]
                + r.fit.sectors.map { s in
                    [s.sector.rawValue, n(s.essms), n(s.projects), s.likelihoodRatio.map { f.terminalDecimal($0, digits: 2) } ?? "–",
                     s.pValue.map { f.terminalDecimal($0, digits: 4) } ?? "–", decision(s.decision, t),
                     s.effect.map { ($0.estimate >= 0 ? "+" : "") + d($0.estimate) } ?? "", s.effect.map { interval($0) } ?? ""]
                }, rightAligned: [1, 2, 3, 4, 6])
        }
        out += "\n" + t(.calByIndicator) + "\n"
        out += TextTable.render([[t(.headIndicator), "ESSMS", t(.headReported), t(.headPredicted)]]
            + r.byIndicator.map { [$0.key, n($0.essms), pc($0.observed), pc($0.predicted)] }, rightAligned: [1, 2, 3])
        out += "\n" + t(.calBySector) + "\n"
        out += TextTable.render([[t(.headSector), "ESSMS", t(.headReported), t(.headPredicted)]]
            + r.bySector.map { [$0.key, n($0.essms), pc($0.observed), pc($0.predicted)] }, rightAligned: [1, 2, 3])
        return out + "\n" + t(.calOthers) + "\n"
    }

    static func decision(_ d: SectorCalibration.Decision, _ t: Catalogue) -> String {
        switch d {
        case .ownRate: return t(.calOwnRate)
        case .tooFew: return t(.calTooFew)
        case .notSignificant: return t(.calNotSignificant)
        case .commonGroup: return t(.calCommonGroup)
        }
    }

    /// The file a scenario loads with `simulation: { calibration: FILE }`.
    public static func yaml(_ r: CalibrationRun, scenario: String) -> String {
        func number(_ x: Double) -> String { JSONValue.formatDecimal(x, digits: 4) }
        func interval(_ v: CalibratedValue) -> String {
            v.low.flatMap { lo in v.high.map { "95 % CI [\(number(lo)), \(number($0))], n = \(v.count)" } } ?? "at the boundary, n = \(v.count)"
        }
        var out = "# esms calibrate — scenario \(scenario), follow-up as of \(r.asOf.iso): \(r.fit.projects) ended projects, "
        out += "\(r.fit.essms) ESSMS, \(r.fit.observations) reported rates (\(r.fit.censoredHigh) at 100 %, \(r.fit.censoredLow) at 0 %, censored).\n"
        out += "# Maximum likelihood (docs/SIMULATION.md, \"Calibration\"). Load it with simulation: { calibration: <this file> };\n"
        out += "# the parameters not set here stay the scenario's assumptions.\n"
        out += "usage_rate:\n"
        for k in Indicator.allCases {
            guard let v = r.fit.typicalRate[k.rawValue] else { continue }
            out += "  \(k.key): \(number(v.estimate))  # \(interval(v))\n"
        }
        let own = r.fit.sectors.filter { $0.decision == .ownRate }
        if !own.isEmpty {
            out += "# Sectors with rates of their own (likelihood-ratio test at \(number(r.rule.level))); the others take usage_rate.\n"
            out += "usage_rate_by_sector:\n"
            for s in own {
                out += "  \(s.sector.rawValue):  # \(s.essms) ESSMS, \(s.projects) projects, LR \(number(s.likelihoodRatio ?? 0)), p \(number(s.pValue ?? 1))\n"
                for k in Indicator.allCases {
                    guard let v = s.typicalRate[k.rawValue] else { continue }
                    out += "    \(k.key): \(number(v.estimate))  # \(interval(v))\n"
                }
            }
        }
        out += "sigma:\n"
        out += "  project: \(number(r.fit.sigmaProject.estimate))  # \(interval(r.fit.sigmaProject))\n"
        out += "  essms: \(number(r.fit.sigmaESSMS.estimate))  # \(interval(r.fit.sigmaESSMS))\n"
        out += "  indicator: \(number(r.fit.sigmaIndicator.estimate))  # \(interval(r.fit.sigmaIndicator))\n"
        return out
    }
}
