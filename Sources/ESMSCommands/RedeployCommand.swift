// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import FundingRules
import ReportRendering
import ScenarioModel
import Selection
import Simulation
import Workflow

/// `esms redeploy`: the CNSA 15-October redeployment of the AE the regions have not engaged.
struct RedeployCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redeploy",
        abstract: "Redeploy the regions' unengaged AE between regions (national scope): pooled, own-first or prorata-essms.",
        discussion: """
        Reads a national scenario (scope: national; regions.csv with notified and engaged; projects \
        with their region desk and ready date). A region's unengaged AE is notified − engaged − its \
        engaged projects; only projects ready by the deadline are fundable. Policies (default: the \
        scenario's redeployment.policy, else pooled):

          pooled         one national selection under the pooled unengaged AE
          own-first      each region within its own AE, then the leftovers pooled
          prorata-essms  each region within its own AE, then the leftovers shared
                         pro rata of ESSMS between regions with fundable demand

        All use the model and objective of 'select'; national rounds balance money by region \
        (balance.territory read at region level) and by sector. \
        National-desk projects (≥ 50 ESSMS in more than one region) are funded from the national \
        call envelope (national_call) only, never from a region's. Per region: unengaged AE, \
        released (given to the others), received (redeployed money its projects get), funded ESSMS, \
        money and projects; nationally: ESSMS funded, acquisitions, money left unengaged, progress \
        toward the 29 000 ESMS funded. --compare runs the three policies side by side. See \
        docs/REDEPLOYMENT.md.

        Exit codes: 0 a redeployment was computed, 1 the scenario has errors, is not national, or a \
        selection is infeasible, 2 usage, 4 a selection was not decided (no selection found and \
        none proven impossible before the search's limit, or the solver failed).
        """)

    @OptionGroup var options: ScenarioOptions

    @Option(help: ArgumentHelp("pooled, own-first or prorata-essms (default: the scenario's redeployment.policy).",
                               valueName: "policy"))
    var policy: String?

    @Flag(help: "Run the three policies and print them side by side, with what each funds that the others do not.")
    var compare = false

    @OptionGroup(title: "Solver")
    var solve: SolveOptions

    @Flag(help: ArgumentHelp("Report the wall time of every solve (off by default so that the output is reproducible)."))
    var timings = false

    @OptionGroup(title: "Expected active DUI (the simulation's attainment model)")
    var simulation: SimulationOptions

    @Flag(help: "Do not estimate the active DUI of what the redeployment funds.")
    var noSimulation = false

    func validate() throws {
        try simulation.check()
        if let policy, RedeploymentPolicy(rawValue: policy) == nil {
            throw Output.usage(.fr("--policy vaut pooled, own-first ou prorata-essms, reçu '\(policy)'",
                                   en: "--policy must be pooled, own-first or prorata-essms, got '\(policy)'"))
        }
        if policy != nil && compare {
            throw Output.usage(.fr("--policy et --compare ne vont pas ensemble : --compare applique chaque politique",
                                   en: "--policy and --compare cannot be used together: --compare runs every policy"))
        }
    }

    func run() throws {
        let (scenario, rules) = try options.load()
        guard scenario.spec.scope == .national else {
            let scope = scenario.spec.scope.rawValue
            Output.fail(.fr("\(options.scenario) : redeploy demande un scénario national (scope: national), trouvé scope: \(scope)\n"
                                + "conseil : pour un comité régional, utilisez 'esms select' ; le format national est décrit dans "
                                + "Scenarios/README.md (National scope)",
                            en: "\(options.scenario): redeploy needs a national scenario (scope: national), found scope: \(scope)\n"
                                + "help: for a regional committee use 'esms select'; the national format is in Scenarios/README.md (National scope)"))
            throw ExitStatus.scenarioErrors
        }
        let national = NationalRedeployment(scenario: scenario, rules: rules)
        let problem = national.problem
        for a in national.overspentRegions {
            Output.warn(.fr("la région \(a.region) a dépassé son enveloppe (AE non engagées : \(a.unengaged.frenchString)) : elle ne libère rien",
                            en: "region \(a.region) is overspent (unengaged AE \(a.unengaged.frenchString)): it releases nothing"))
        }
        let chosen = policy.flatMap(RedeploymentPolicy.init(rawValue:)) ?? national.scenarioPolicy
        let results: [RedeploymentResult]
        do {
            let shown = !options.json && Output.showsProgress
            defer { if shown { Output.clearProgress() } }
            if shown && !compare { Output.progress(.fr("redéploiement : sélection nationale…", en: "redeployment: national selection…"), final: false) }
            results = compare
                ? try national.compare(selector: solve.selector, progress: shown ? { policy, done, total in
                    Output.progress(.fr("redéploiement : politique \(done + 1) / \(total) (\(policy.rawValue))",
                                        en: "redeployment: policy \(done + 1) / \(total) (\(policy.rawValue))"), final: false)
                } : nil)
                : [try national.run(chosen, selector: solve.selector)]
        } catch {
            Output.fail(SelectionMessages.describe(error))
            throw ExitStatus.scenarioErrors
        }
        var activeDUI: [RedeploymentPolicy: ActiveDUIEstimate] = [:]
        if !noSimulation {
            var parameters = try simulation.parameters(scenario, file: options.scenario)
            if simulation.draws == nil { parameters.draws = min(parameters.draws, 2_000) }
            for r in results {
                guard let (projects, report) = national.activeDUI(of: r, parameters: parameters, threads: simulation.resolvedThreads) else { continue }
                activeDUI[r.policy] = ActiveDUIEstimate(mean: report.activeDUI.mean, p5: report.activeDUI.p5, p50: report.activeDUI.p50,
                                                        p95: report.activeDUI.p95, draws: report.draws, seed: parameters.seed,
                                                        projects: projects, essms: report.essms)
            }
        }
        if options.json {
            let document = compare
                ? RedeployDocument.compareJSON(scenario: scenario, rules: rules.name, problem: problem, results: results,
                                               timings: timings, activeDUI: activeDUI)
                : RedeployDocument.json(scenario: scenario, rules: rules.name, problem: problem, result: results[0],
                                        timings: timings, activeDUI: activeDUI)
            try Output.out(document.renderedBytes())
        } else if compare {
            try Output.out(RedeployDocument.compareText(scenario: scenario, problem: problem, results: results, language: options.language))
        } else {
            try Output.out(RedeployDocument.text(scenario: scenario, problem: problem, result: results[0], timings: timings,
                                             activeDUI: activeDUI[results[0].policy], language: options.language))
        }
        ExitLifetime.keep((scenario, national))
        let failed = results.filter { !$0.status.hasSelection }
        if !failed.isEmpty {
            for r in failed {
                let sentence = SelectionText.sentence(r, language: Output.language)
                Output.fail(.fr("politique \(r.policy.rawValue) : \(ReportFormat(.fr).status(r.status)) — \(sentence)",
                                en: "policy \(r.policy.rawValue): \(r.status.rawValue) — \(sentence)"))
                if options.json || compare { Output.error(RedeployDocument.infeasibilityText(r, language: options.language)) }
            }
            // 1 when a policy is proven infeasible; 4 when none is but one is undecided or failed.
            throw failed.contains { $0.status == .infeasible } ? ExitStatus.scenarioErrors : ExitStatus.undecided
        }
    }
}
