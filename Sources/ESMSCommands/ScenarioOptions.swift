// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import FundingRules
import ScenarioModel

/// The scenario argument and the options every scenario command shares.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The scenario file (YAML).", valueName: "scenario"))
    var scenario: String

    @Option(help: ArgumentHelp("Run a what-if variant of the scenario instead of the base (its id under 'variants').",
                               valueName: "id"))
    var variant: String?

    @Flag(help: "Print one JSON document on stdout; human text goes to stderr.")
    var json = false

    /// Loads the scenario and its rule set, or reports every problem and exits 1.
    func load() throws -> (Scenario, RuleSet) {
        var loader = ScenarioLoader()
        switch loader.load(scenario, variant: variant) {
        case .failure(let e):
            Output.report(e.diagnostics)
            Output.error("\(scenario): not loaded, fix the errors above")
            throw ExitStatus.scenarioErrors
        case .success(let s):
            var d = Diagnostics()
            guard let rules = RuleSet.resolve(for: s.spec, scenarioFile: scenario, diagnostics: &d), !d.hasErrors else {
                var all = s.diagnostics
                all.append(contentsOf: d)
                Output.report(all)
                throw ExitStatus.scenarioErrors
            }
            var all = s.diagnostics
            all.append(contentsOf: d)
            Output.report(all)
            var scenario = s
            scenario.diagnostics = all
            return (scenario, rules)
        }
    }
}
