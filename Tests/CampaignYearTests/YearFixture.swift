// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import FundingRules
import ScenarioModel
import TestSupport

/// Small scenarios written to a temporary folder and loaded as a user's would be.
struct YearFixture {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-year-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// Loads `scenario.yaml`, or the diagnostics of the failure.
    func load(_ name: String = "scenario.yaml") -> Result<(Scenario, RuleSet), ScenarioError> {
        var loader = ScenarioLoader()
        switch loader.load(dir.appendingPathComponent(name).path) {
        case .failure(let e): return .failure(e)
        case .success(let s):
            var d = Diagnostics()
            guard let rules = RuleSet.resolve(for: s.spec, scenarioFile: name, diagnostics: &d) else { return .failure(ScenarioError(d)) }
            return .success((s, rules))
        }
    }

    /// `ESSMS n` of département 29: a valid FINESS number.
    static func finess(_ n: Int) -> String { Fixture.finess("29", n).text }

    /// A scenario file of region 53 with the given extra YAML.
    static func scenario(rules: String = "2024", committee: String = "2024-06-14", notified: Int = 1_000_000,
                         extra: String = "") -> String {
        """
        id: test-year
        rules: \(rules)
        scope: regional
        region: "53"
        committee: \(committee)
        envelope: { notified: \(notified) }
        register: register.csv
        projects: projects.csv
        members: members.csv
        balance:
          territory: { mode: off }
          sector: { mode: off }
        \(extra)
        """
    }
}
