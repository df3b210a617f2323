// SPDX-License-Identifier: GPL-3.0-or-later
import Simulation

/// The compiled attainment model as flat arrays (`esms simulate --export-instance`), so that
/// another implementation — the numpy peer of the benchmark — runs the same model on the same
/// numbers. ±∞ thresholds are written ±1e30.
public enum SimulationInstance {
    public static func json(_ m: AttainmentModel, scenario: String, draws: Int, seed: UInt64) -> JSONValue {
        func float(_ x: Float) -> JSONValue {
            if x == .infinity { return .number("1e30") }
            if x == -.infinity { return .number("-1e30") }
            return .number("\(x)")
        }
        let projectOf: [Int] = m.projectIDs.indices.flatMap { p in
            Array(repeating: p, count: m.projectStart[p + 1] - m.projectStart[p])
        }
        return .object([
            ("scenario", .string(scenario)),
            ("draws", .int(draws)),
            ("seed", .number(String(seed))),
            ("policy", .string(m.policy.rawValue)),
            ("sigma_project", float(m.sigmaProject)), ("sigma_essms", float(m.sigmaESSMS)),
            ("sigma_indicator", float(m.sigmaIndicator)), ("delay_on_project", float(m.delayOnProject)),
            ("delay_own", float(m.delayOwn)), ("sigma_stagger", float(m.sigmaStagger)),
            ("projects", .array(m.projectIDs.map { .string($0) })),
            ("project_start", .array(m.projectStart.map { .int($0) })),
            ("project_of", .array(projectOf.map { .int($0) })),
            ("threshold", .array(m.threshold.map(float))),
            ("active_mu", .array(m.activeMu.map(float))),
            ("deploy_slack", .array(m.deploySlack.map(float))),
            ("file_active", .array(m.fileActive.map(float))),
            ("tranche2", .array(m.tranche2.map { .number(String($0)) })),
        ])
    }
}
