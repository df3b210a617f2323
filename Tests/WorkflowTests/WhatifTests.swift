// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Simulation
import Testing
import TestSupport
import Workflow

/// The what-if table on the workflow: the rows of the shipped scenario are those `esms whatif`
/// printed when the loop was the command's, and the report's table reuses its own simulation
/// as the base row only when that is the run the table would make.
@Suite struct WhatifTests {
    static let bretagne = Fixture.repositoryRoot.appendingPathComponent("Scenarios/bretagne-2024/scenario.yaml").path

    /// Loads the shipped Bretagne scenario, or one of its variants, as the commands do (its
    /// `simulation` block decoded, `draws` of them).
    final class Loader {
        var loader = ScenarioLoader()
        var loaded: [String] = []
        let draws: Int

        init(draws: Int) { self.draws = draws }

        func input(_ variant: String?) throws -> Whatif.Input {
            if let variant { loaded.append(variant) }
            let scenario = try loader.load(WhatifTests.bretagne, variant: variant).get()
            var d = Diagnostics()
            let rules = try #require(RuleSet.resolve(for: scenario.spec, scenarioFile: WhatifTests.bretagne, diagnostics: &d))
            var parameters = SimulationParameters.decode(scenario.spec.simulation, file: WhatifTests.bretagne, diagnostics: &d)
            #expect(!d.hasErrors)
            parameters.draws = draws
            return Whatif.Input(scenario: scenario, rules: rules, parameters: parameters)
        }
    }

    /// What a row says, to compare rows: status, projects, ESSMS, acquisitions, cents used,
    /// cents of tranche 2 expected paid, active DUI to a tenth; or the reason of no selection.
    static func summary(_ row: Whatif.Row) -> String {
        switch row.outcome {
        case .simulated(let set, let available, let r):
            return "\(row.variant) \(row.changes) \(set.status ?? "") \(set.projects.count) \(set.finess) \(set.acquisitions) "
                + "\(available.cents) \(set.used.cents) \(r.paid.roundedMean) \((r.activeDUI.mean * 10).rounded() / 10) \(r.draws)"
        case .noSelection(let e):
            return "\(row.variant) \(row.changes) \(e.status): \(e.sentence)"
        }
    }

    @Test func theShippedVariantsGiveTheRowsWhatifPrinted() throws {
        let load = Loader(draws: 2_000)
        let rows = try Whatif(base: try load.input(nil), threads: 2).run(loading: { try load.input($0) })
        // `esms whatif Scenarios/bretagne-2024/scenario.yaml --draws 2000 --json` before the loop moved here.
        #expect(rows.map(Self.summary) == [
            "base [] optimal 71 431 41 342393871 342331019 83344315 30946.7 2000",
            "enveloppe-moins-10 [\"envelope.notified = 3575273\"] optimal 70 407 29 302668571 302604397 83449610 30665.7 2000",
            "reserve-septembre [\"envelope.reserve = 794000\"] optimal 60 380 17 262993871 262820149 74095838 28427.6 2000",
            "taille-minimale-stricte [\"policies.minimum_size.hard = true\"] optimal 14 284 65 342393871 274408409 60765743 18398.4 2000",
        ])
        #expect(load.loaded == ["enveloppe-moins-10", "reserve-septembre", "taille-minimale-stricte"])
    }

    @Test func everyRunHasTheBasesDrawsAndProgressHearsEachBeforeItRuns() throws {
        let load = Loader(draws: 300)
        var base = try load.input(nil)
        base.parameters.seed = 7
        let table = Whatif(base: base, threads: 1)
        var heard: [String] = []
        let rows = try table.run(loading: { id in
            // A variant's own draws and seed give way to the base's: common random numbers.
            var input = try load.input(id)
            input.parameters.draws = 50
            input.parameters.seed = 99
            heard.append("load \(id)")
            return input
        }, progress: { heard.append("\($0)/\($1) \($2)") })
        #expect(heard == ["1/4 base", "2/4 enveloppe-moins-10", "load enveloppe-moins-10", "3/4 reserve-septembre",
                          "load reserve-septembre", "4/4 taille-minimale-stricte", "load taille-minimale-stricte"])
        #expect(table.parameters.seed == 7 && table.parameters.draws == 300 && table.parameters.sensitivityDraws == 0)
        for row in rows {
            guard case .simulated(_, _, let report) = row.outcome else { Issue.record("\(row.variant) has no selection"); continue }
            #expect(report.draws == 300 && report.seed == 7)
        }
    }

    @Test func aVariantWithoutASelectionGetsItsReasonAndABaseWithoutOneThrows() throws {
        let load = Loader(draws: 200)
        let overspent = { (input: inout Whatif.Input) in
            input.scenario.spec.envelope.engaged = input.scenario.spec.envelope.notified + Money(cents: 100)
        }
        let rows = try Whatif(base: try load.input(nil), threads: 1).run(loading: { id in
            var input = try load.input(id)
            if id == "reserve-septembre" { overspent(&input) }
            return input
        })
        guard case .noSelection(let e) = rows[2].outcome else {
            Issue.record("an overspent envelope has a selection: \(Self.summary(rows[2]))")
            return
        }
        #expect(e.status == "infeasible" && e.result != nil)
        #expect(rows.map(\.variant) == ["base", "enveloppe-moins-10", "reserve-septembre", "taille-minimale-stricte"])

        var base = try load.input(nil)
        overspent(&base)
        let before = load.loaded.count
        #expect(throws: Committee.NoSelection.self) {
            try Whatif(base: base, threads: 1).run(loading: { try load.input($0) })
        }
        #expect(load.loaded.count == before, "a variant was loaded after the base failed")
    }
}
