// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import CampaignYear
import ReportRendering
import ScenarioModel
import Selection

/// `esms campaign`: the committees of a year, in sequence.
struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Run the committees of a year in order: each selects among the applications deposited up to its cut-off.",
        discussion: """
        Reads a campaign file (id, title, scenario, committees: id, date, deposits_until, reserve, \
        only_if_envelope_left) and runs its committees in order over the scenario's tables. \
        Committee k is the scenario's selection ('esms select') with the date and cut-off of k, in \
        which every project selected by the earlier committees is engaged: its money counts against \
        the envelope and in the balance, and a project joining its grappe becomes admissible. Its \
        candidates are the admissible applications deposited up to its cut-off that no earlier \
        committee took; later deposits are carried over to the next committee. A committee marked \
        only_if_envelope_left is skipped when nothing is left to spend. Projects already 'engaged' \
        in the scenario's tables stay engaged from the first committee on; its 'rejected' ones stay \
        out; each committee's reserve (default 0) replaces the scenario's envelope.reserve.

          esms campaign Scenarios/bretagne-2024-campagne/campaign.yaml
          esms campaign Scenarios/bretagne-2024-campagne/campaign.yaml --json

        Exit codes: 0 every committee ran or was skipped, 1 the campaign or its scenario has \
        errors, or a committee found no selection meeting the hard constraints, 2 usage, 3 an \
        output could not be written, 4 a committee's selection was not decided (none found and \
        none proven impossible before the search's limit, or the solver failed).
        """)

    @Argument(help: ArgumentHelp("The campaign file (YAML).", valueName: "campaign"))
    var campaign: String

    @OptionGroup var options: YearOptions

    func validate() throws { try options.check() }

    func run() throws {
        let (campaign, run) = try CampaignFile.run(campaign, timeLimit: options.timeLimit)
        let scenario = campaign.scenario
        if options.json {
            try Output.out(CampaignDocument.json(run, scenario: scenario).renderedBytes())
        } else {
            try Output.out(CampaignDocument.text(run, scenario: scenario, language: options.language))
        }
        try CampaignFile.failIfInfeasible(run)
    }
}

/// The options `campaign` and `followup` share.
struct YearOptions: ParsableArguments {
    @Flag(help: "Print one JSON document on stdout; human text goes to stderr.")
    var json = false

    @Option(help: ArgumentHelp("Time limit for each selection solve (each committee's), in seconds.", valueName: "seconds"))
    var timeLimit: Double?

    @OptionGroup var languageOption: LanguageOption

    var language: ReportLanguage { languageOption.language }

    func check() throws { try NumericOptions.timeLimit.check(timeLimit) }
}

/// Loading and running a campaign file, shared by `campaign`, `followup` and `report`.
enum CampaignFile {
    /// Loads the campaign and its scenario, or reports every problem and exits 1.
    static func load(_ path: String) throws -> Campaign {
        switch CampaignSpec.load(path) {
        case .failure(let e):
            Output.report(e.diagnostics)
            Output.notLoaded(path)
            throw ExitStatus.scenarioErrors
        case .success(let (spec, scenarioPath)):
            var loader = ScenarioLoader()
            let (scenario, rules) = try ScenarioOptions.load(&loader, scenarioPath, variant: nil, reportWarnings: true)
            if scenario.spec.scope != .regional {
                Output.fail(.fr("\(path) : une campagne enchaîne les comités d'une région ; le scénario \(scenarioPath) est national",
                                en: "\(path): a campaign runs one region's committees; the scenario \(scenarioPath) is national"))
                throw ExitStatus.scenarioErrors
            }
            for c in spec.committees {
                if let why = c.pins?.otherScenario(than: scenario.spec.id, file: c.pinsFile ?? "") {
                    Output.fail(.fr("\(path) : comité \(c.id) : ", en: "\(path): committee \(c.id): ") + why)
                    throw ExitStatus.scenarioErrors
                }
            }
            return Campaign(spec: spec, scenario: scenario, rules: rules)
        }
    }

    /// Loads and runs the campaign at `path`.
    static func run(_ path: String, timeLimit: Double?) throws -> (Campaign, CampaignResult) {
        let campaign = try load(path)
        do {
            return (campaign, try campaign.run(selector: Selector(timeLimit: timeLimit)))
        } catch {
            switch error {
            case .selection(let committee, let failure):
                let why = SelectionMessages.describe(failure)
                Output.fail(.fr("comité \(committee) : \(why.fr)", en: "committee \(committee): \(why.en)"))
            case .pins(let committee, let failure):
                let why = SelectionMessages.describe(failure)
                Output.fail(.fr("comité \(committee) : choix du comité : \(why.fr)", en: "committee \(committee): the committee's choices: \(why.en)"))
            }
            throw ExitStatus.scenarioErrors
        }
    }

    /// After the outputs, when a committee has no selection: exit 1 if one is infeasible, else 4
    /// (undecided at the search's limit, or a solver failure), each committee said on stderr.
    static func failIfInfeasible(_ run: CampaignResult) throws {
        guard run.failed else { return }
        for c in run.committees where c.failed {
            let id = c.committee.id
            let sentence = c.result.map { SelectionText.sentence($0, language: Output.language) } ?? c.sentence
            switch c.status {
            case .infeasible:
                Output.fail(.fr("comité \(id) : aucune sélection ne respecte les contraintes impératives du scénario : \(sentence)",
                                en: "committee \(id): no selection satisfies the scenario's hard constraints: \(sentence)"))
            case .timeLimit:
                Output.fail(.fr("comité \(id) : aucune sélection respectant les contraintes impératives n'a été trouvée, et aucune n'a été prouvée impossible (donnez --time-limit pour chercher plus longtemps ; 'esms select' sur ce comité en fait le diagnostic) : \(sentence)",
                                en: "committee \(id): no selection meeting the hard constraints was found, and none was proven impossible (give --time-limit to search longer; 'esms select' on that committee diagnoses it): \(sentence)"))
            default:
                Output.fail(.fr("comité \(id) : le solveur a échoué, aucune sélection n'a été décidée : \(sentence)",
                                en: "committee \(id): the solver failed, no selection was decided: \(sentence)"))
            }
        }
        throw run.committees.contains { $0.status == .infeasible } ? ExitStatus.scenarioErrors : ExitStatus.undecided
    }
}
