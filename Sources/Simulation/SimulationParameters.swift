// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ScenarioModel

/// The five usage indicators of the usage targets (cibles d'usage, RULES.md §5), in this order
/// everywhere in the module.
public enum Indicator: Int, CaseIterable, Sendable {
    case activeRecords, personalisedProject, agendaEvent, mssante, dmp

    public var key: String {
        switch self {
        case .activeRecords: return "active_records"
        case .personalisedProject: return "personalised_project"
        case .agendaEvent: return "agenda_event"
        case .mssante: return "mssante"
        case .dmp: return "dmp"
        }
    }
}

/// Every assumption of the attainment model, with its default. `docs/SIMULATION.md` gives the
/// reasoning behind each default; the scenario's `simulation` block overrides any of them
/// (and a variant can override them again: `simulation.sigma.project: 0.9`).
///
/// Usage rates live on the logit scale: the rate of indicator k of ESSMS i of project p is
/// logistic(logit(typical_k) + shift + effects_i + σ_p·Z_p + σ_e·Z_i + σ_k·Z_ik), Z standard
/// normal, Z_p shared by the whole project (grappes succeed or fail together).
public struct SimulationParameters: Hashable, Sendable {
    public var draws = 10_000
    public var seed: UInt64 = 1
    /// Stop early when the standard error of the expected tranche-2 money paid falls below
    /// this fraction of it (checked every `batch` draws); nil: run every draw.
    public var tolerance: Double?
    /// Draws per batch (progress and convergence check); part of the result's definition.
    public var batch = 1_000
    /// Active DUI the user wants to reach; nil: the scope's ESSMS share of the national target.
    public var targetActiveDUI: Int?
    /// Draws of each run of the tornado (0: no sensitivity analysis).
    public var sensitivityDraws = 1_000

    /// Typical (median) usage rate of a reference ESSMS (upgrade, IS maturity 50, maturity score
    /// 1.5, not a small OG, grappe of 15), per indicator, in `Indicator` order.
    public var typicalRate: [Double] = [0.97, 0.95, 0.96, 0.85, 0.80]
    /// Typical rates of the ESSMS of a sector (`usage_rate_by_sector`), per indicator; nil (or a
    /// sector absent) uses `typicalRate`.
    public var typicalRateBySector: [Sector: [Double?]] = [:]
    /// Added to every indicator's logit (the tornado's "usage level").
    public var usageShift = 0.0
    /// Overrides of the rule set's targets (what-ifs on rule values); nil keeps the rules'.
    public var usageTargets: [Double]?
    /// Overrides the rule set's PJM exemption from MSSanté and DMP; nil keeps the rules'.
    public var pjmExempt: Bool?

    /// Standard deviations (logit scale) of the project, ESSMS and indicator effects.
    /// The calibration file the `simulation` block loads (`calibration:`), and the keys it set:
    /// the parameters that come from reported data, the others being assumptions.
    public var calibrationFile: String?
    public var fromData: [String] = []

    public var projectSigma = 0.6
    public var essmsSigma = 0.4
    public var indicatorSigma = 0.3

    /// Effects on the logit of every usage rate.
    public var acquisitionEffect = -0.4
    /// Per point of `si_maturity` above 50 (absent: 50).
    public var siMaturityEffect = 0.01
    public var smallWithoutAMOAEffect = -0.5
    public var smallWithAMOAEffect = -0.15
    /// Per unit of ln(ESSMS in the grappe / 15).
    public var grappeSizeEffect = -0.15
    /// Per point of `score_maturite` above 1.5 (absent: 1.5).
    public var scoreMaturiteEffect = 0.2

    /// Deployment: actual duration = planned × overrun(mode) × exp(project shock + ESSMS stagger).
    public var overrunAcquisition = 1.2
    public var overrunUpgrade = 1.1
    public var durationSigma = 0.3
    public var staggerSigma = 0.15
    /// Correlation between a project's delay and its usage shortfall.
    public var delayUsageCorrelation = 0.5
    /// Months from the start to the measurement of the usage targets: the rule set's indicative
    /// duration (9 months for an upgrade, 18 for an acquisition [000 §3.4.2]) plus this margin
    /// (end-of-project report and the measurement window), an assumption of this project kept
    /// separate from the call's figures.
    public var deadlineMargin = 6.0
    /// Overrides of the whole measurement deadline (indicative duration + margin), when set.
    public var deadlineAcquisition: Double?
    public var deadlineUpgrade: Double?
    /// Planned duration when `planned_months` is absent.
    public var plannedAcquisition = 14.0
    public var plannedUpgrade = 7.0

    /// People accompanied in a year when the register has no `file_active`: by category,
    /// then by sector; multiplied by `fileActiveScale`.
    public var fileActiveByCategory: [String: Int] = SimulationParameters.defaultFileActiveByCategory
    public var fileActiveBySector: [Sector: Int] = SimulationParameters.defaultFileActiveBySector
    public var fileActiveScale = 1.0

    public init() {}

    public static let defaultFileActiveByCategory: [String: Int] = [
        "500": 100, "202": 70, "460": 150, "354": 110, "209": 150, "182": 50, "183": 65, "382": 40,
        "246": 75, "177": 45, "252": 35, "446": 60, "445": 55, "214": 90, "437": 45, "255": 50,
        "340": 300, "189": 250, "190": 150, "197": 400, "295": 150, "443": 120,
    ]
    public static let defaultFileActiveBySector: [Sector: Int] = [
        .pa: 90, .ph: 55, .domicile: 130, .ahi: 90, .pjm: 250, .pe: 50, .autre: 60,
    ]

    /// The typical rates of the ESSMS of `sector`: its own where given, else the common ones.
    public func typicalRates(for sector: Sector) -> [Double] {
        guard let own = typicalRateBySector[sector] else { return typicalRate }
        return (0..<5).map { own[$0] ?? typicalRate[$0] }
    }

    /// People accompanied by an ESSMS: the register's `file_active`, else the default of its
    /// category or sector, times the scale.
    public func fileActive(_ e: Establishment) -> Double {
        let base = e.fileActive ?? fileActiveByCategory[e.category] ?? fileActiveBySector[e.sector] ?? 60
        return Double(base) * fileActiveScale
    }
}

extension SimulationParameters {
    /// The defaults with the scenario's `simulation` block applied; every problem in `d`.
    public static func decode(_ node: ConfigNode?, file: String, diagnostics d: inout Diagnostics) -> SimulationParameters {
        var p = SimulationParameters()
        guard let node else { return p }
        guard case .map = node else {
            d.error("config-type", at: SourceLocation(file: file, line: node.position.line, column: node.position.column,
                                                      keyPath: "simulation"),
                    .fr("'simulation' doit être une table de clés", en: "'simulation' must be a map of keys"),
                    expected: .verbatim("{ draws: 10000, seed: 1 }"), found: node.kindName)
            return p
        }
        var r = ConfigReader(file: file, node: node, path: "simulation")
        // First the calibration file, so that the block's own values override it.
        if let name = r.string("calibration", &d, what: .fr("le chemin d'un fichier de calibrage écrit par 'esms calibrate'",
                                                      en: "the path of a calibration file written by 'esms calibrate'")) {
            p.loadCalibration(name, scenarioFile: file, at: r.location("calibration"), &d)
        }
        if let v = r.integer("draws", range: 1...100_000_000, &d) { p.draws = v }
        if let v = r.unsigned("seed", &d) { p.seed = v }
        if let v = r.number("tolerance", range: 1e-9...1, &d) { p.tolerance = v }
        if let v = r.integer("batch", range: 1...10_000_000, &d) { p.batch = v }
        if let v = r.integer("target_active_dui", range: 0...1_000_000_000, &d) { p.targetActiveDUI = v }
        if let v = r.integer("sensitivity_draws", range: 0...10_000_000, &d) { p.sensitivityDraws = v }
        if var m = r.map("usage_rate", &d) {
            for k in Indicator.allCases {
                if let x = m.number(k.key, range: 0...1, &d) { p.typicalRate[k.rawValue] = x; p.fromData.removeAll { $0 == "usage_rate.\(k.key)" } }
            }
            m.reportUnknownKeys(&d)
        }
        if var m = r.map("usage_rate_by_sector", &d) {
            for key in p.readRatesBySector(&m, &d) { p.fromData.removeAll { $0 == key } }
        }
        if let v = r.number("usage_shift", range: -20...20, &d) { p.usageShift = v }
        if var m = r.map("usage_targets", &d) {
            var t: [Double?] = Array(repeating: nil, count: 5)
            for k in Indicator.allCases { t[k.rawValue] = m.number(k.key, range: 0...1, &d) }
            if t.contains(where: { $0 != nil }) { p.usageTargets = t.map { $0 ?? .nan } }
            m.reportUnknownKeys(&d)
        }
        if let v = r.bool("pjm_exempt", &d) { p.pjmExempt = v }
        if var m = r.map("sigma", &d) {
            for key in ["project", "essms", "indicator"] where m.value(key) != nil { p.fromData.removeAll { $0 == "sigma.\(key)" } }
            p.readSigma(&m, &d)
        }
        if var m = r.map("effects", &d) {
            if let x = m.number("acquisition", range: -20...20, &d) { p.acquisitionEffect = x }
            if let x = m.number("si_maturity", range: -1...1, &d) { p.siMaturityEffect = x }
            if let x = m.number("small_og_without_amoa", range: -20...20, &d) { p.smallWithoutAMOAEffect = x }
            if let x = m.number("small_og_with_amoa", range: -20...20, &d) { p.smallWithAMOAEffect = x }
            if let x = m.number("grappe_size", range: -20...20, &d) { p.grappeSizeEffect = x }
            if let x = m.number("score_maturite", range: -20...20, &d) { p.scoreMaturiteEffect = x }
            m.reportUnknownKeys(&d)
        }
        if var m = r.map("deployment", &d) {
            if let x = m.number("overrun_acquisition", range: 0.1...10, &d) { p.overrunAcquisition = x }
            if let x = m.number("overrun_upgrade", range: 0.1...10, &d) { p.overrunUpgrade = x }
            if let x = m.number("sigma", range: 0...5, &d) { p.durationSigma = x }
            if let x = m.number("stagger_sigma", range: 0...5, &d) { p.staggerSigma = x }
            if let x = m.number("delay_usage_correlation", range: -1...1, &d) { p.delayUsageCorrelation = x }
            if let x = m.number("deadline_margin", range: 0...600, &d) { p.deadlineMargin = x }
            if let x = m.number("deadline_acquisition", range: 0.1...600, &d) { p.deadlineAcquisition = x }
            if let x = m.number("deadline_upgrade", range: 0.1...600, &d) { p.deadlineUpgrade = x }
            if let x = m.number("planned_acquisition", range: 0.1...600, &d) { p.plannedAcquisition = x }
            if let x = m.number("planned_upgrade", range: 0.1...600, &d) { p.plannedUpgrade = x }
            m.reportUnknownKeys(&d)
        }
        if var m = r.map("file_active", &d) {
            if let x = m.number("scale", range: 0...100, &d) { p.fileActiveScale = x }
            if var c = m.map("categories", &d), case .map(let pairs, _) = c.node {
                for (k, _) in pairs { if let v = c.integer(k, range: 0...10_000_000, &d) { p.fileActiveByCategory[k] = v } }
            }
            if var s = m.map("sectors", &d), case .map(let pairs, _) = s.node {
                for (k, _) in pairs {
                    guard let sector = Sector(rawValue: k.uppercased()) else {
                        d.error("config-choice", at: s.location(k), .fr("secteur '\(k)' inconnu", en: "unknown sector '\(k)'"),
                                expected: .oneOf(Sector.allCases.map(\.rawValue)))
                        continue
                    }
                    if let v = s.integer(k, range: 0...10_000_000, &d) { p.fileActiveBySector[sector] = v }
                }
            }
            m.reportUnknownKeys(&d)
        }
        r.reportUnknownKeys(&d)
        return p
    }

    mutating func readSigma(_ m: inout ConfigReader, _ d: inout Diagnostics) {
        if let x = m.number("project", range: 0...10, &d) { projectSigma = x }
        if let x = m.number("essms", range: 0...10, &d) { essmsSigma = x }
        if let x = m.number("indicator", range: 0...10, &d) { indicatorSigma = x }
        m.reportUnknownKeys(&d)
    }

    /// Reads `usage_rate_by_sector: { PA: { active_records: 0.98, … }, … }`; the keys it set
    /// (`usage_rate_by_sector.PA.active_records`).
    mutating func readRatesBySector(_ m: inout ConfigReader, _ d: inout Diagnostics) -> [String] {
        guard case .map(let pairs, _) = m.node else { return [] }
        var set: [String] = []
        for (key, _) in pairs {
            guard let sector = Sector(rawValue: key.uppercased()) else {
                d.error("config-choice", at: m.location(key), .fr("secteur '\(key)' inconnu", en: "unknown sector '\(key)'"),
                        expected: .oneOf(Sector.allCases.map(\.rawValue)))
                continue
            }
            guard var rates = m.map(key, &d) else { continue }
            var own = typicalRateBySector[sector] ?? Array(repeating: nil, count: 5)
            for k in Indicator.allCases {
                if let x = rates.number(k.key, range: 0...1, &d) { own[k.rawValue] = x; set.append("usage_rate_by_sector.\(sector.rawValue).\(k.key)") }
            }
            rates.reportUnknownKeys(&d)
            typicalRateBySector[sector] = own
        }
        return set
    }

    /// Reads a calibration file (`usage_rate`, `usage_rate_by_sector` and `sigma`, as `esms calibrate` writes them), its
    /// path relative to the scenario file; every value it sets is marked as coming from data.
    mutating func loadCalibration(_ name: String, scenarioFile: String, at location: SourceLocation, _ d: inout Diagnostics) {
        let path = name.hasPrefix("/") ? name
            : (URL(fileURLWithPath: scenarioFile).deletingLastPathComponent().appendingPathComponent(name).path)
        guard let bytes = ScenarioLoader.read(path) else {
            d.error("calibration-unreadable", at: location, .fr("le fichier de calibrage ne peut pas être lu", en: "the calibration file cannot be read"),
                    expected: .fr("un fichier écrit par 'esms calibrate', relatif au scénario",
                                  en: "a file written by 'esms calibrate', relative to the scenario"), found: "'\(name)'")
            return
        }
        guard let node = ConfigNode.parse(bytes: bytes, file: path, diagnostics: &d) else { return }
        var r = ConfigReader(file: path, node: node)
        calibrationFile = name
        if var m = r.map("usage_rate", &d) {
            for k in Indicator.allCases {
                if let x = m.number(k.key, range: 0...1, &d) { typicalRate[k.rawValue] = x; fromData.append("usage_rate.\(k.key)") }
            }
            m.reportUnknownKeys(&d)
        }
        if var m = r.map("usage_rate_by_sector", &d) { fromData += readRatesBySector(&m, &d) }
        if var m = r.map("sigma", &d) {
            for key in ["project", "essms", "indicator"] where m.value(key) != nil { fromData.append("sigma.\(key)") }
            readSigma(&m, &d)
        }
        r.reportUnknownKeys(&d)
    }

    /// The assumptions, by the key that sets them, for the documents (file-active tables left out).
    public var entries: [(String, Double)] {
        var out: [(String, Double)] = []
        for k in Indicator.allCases { out.append(("usage_rate.\(k.key)", typicalRate[k.rawValue])) }
        for s in typicalRateBySector.keys.sorted() {
            for k in Indicator.allCases { if let x = typicalRateBySector[s]![k.rawValue] { out.append(("usage_rate_by_sector.\(s.rawValue).\(k.key)", x)) } }
        }
        out += [("usage_shift", usageShift),
                ("sigma.project", projectSigma), ("sigma.essms", essmsSigma), ("sigma.indicator", indicatorSigma),
                ("effects.acquisition", acquisitionEffect), ("effects.si_maturity", siMaturityEffect),
                ("effects.small_og_without_amoa", smallWithoutAMOAEffect), ("effects.small_og_with_amoa", smallWithAMOAEffect),
                ("effects.grappe_size", grappeSizeEffect), ("effects.score_maturite", scoreMaturiteEffect),
                ("deployment.overrun_acquisition", overrunAcquisition), ("deployment.overrun_upgrade", overrunUpgrade),
                ("deployment.sigma", durationSigma), ("deployment.stagger_sigma", staggerSigma),
                ("deployment.delay_usage_correlation", delayUsageCorrelation),
                ("deployment.deadline_margin", deadlineMargin)]
        if let x = deadlineAcquisition { out.append(("deployment.deadline_acquisition", x)) }
        if let x = deadlineUpgrade { out.append(("deployment.deadline_upgrade", x)) }
        out += [("deployment.planned_acquisition", plannedAcquisition), ("deployment.planned_upgrade", plannedUpgrade),
                ("file_active.scale", fileActiveScale)]
        return out
    }
    /// `fromData` for a sentence: the five indicators of a sector said once
    /// (`usage_rate_by_sector.PA`).
    public var fromDataSummary: [String] {
        var out: [String] = []
        for key in fromData {
            let parts = key.split(separator: ".")
            if parts.count == 3, parts[0] == "usage_rate_by_sector",
               Indicator.allCases.allSatisfy({ fromData.contains("usage_rate_by_sector.\(parts[1]).\($0.key)") }) {
                let sector = "usage_rate_by_sector.\(parts[1])"
                if !out.contains(sector) { out.append(sector) }
            } else {
                out.append(key)
            }
        }
        return out
    }
}
