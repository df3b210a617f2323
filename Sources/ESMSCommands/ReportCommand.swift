// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import FundingRules
import ReportRendering
import ScenarioModel
import Selection
import Workflow

/// `esms report`: the committee report of a scenario, in one folder.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the committee report of a scenario: HTML with charts, Excel CSV and workbook, minutes, results and audit record.",
        discussion: """
        Runs every step on the scenario — funding of every project, the selection with its \
        explanations and next in line, the envelope frontier and the ESSMS–acquisition trade-off — \
        and writes into the output folder (default: Reports/<scenario id>/):

          note.html      the short note to the committee: context, method,
                         decision, money, balance, risks, projects retained
          index.html     one self-contained page (no network), French, printable
                         on A4: summary, charts, all projects, every ESSMS
          index-details.js  above 400 projects, the ESSMS of every project,
                         which index.html loads on request (keep it beside)
          decisions.csv  one row per project, for a French Excel
          essms.csv      one row per ESSMS of every project
          decisions.xlsx the same tables as an Excel workbook (sheets Décisions,
                         ESSMS, Équilibre, Enveloppe; Régions when national):
                         euros and percentages as formatted numbers
          pv.md          the procès-verbal: meeting (blanks to fill), method, the
                         committee's choices and their cost, retained and not
                         retained with reasons, payment conditions, vote
          pv.odt         the same procès-verbal as an OpenDocument text, to edit
                         in LibreOffice or Word (A4, page numbers, styles)
          lettres.html   one notification letter per applicant (regional)
          results.json   the documents of fund, select, frontier and tradeoff
          audit.json     SHA-256 of every input, rules, policies, solver,
                         status, gap, settings, time of the run

        With --campaign FILE (a campaign over this scenario), the report adds the committees of \
        the year. When the scenario has a followup block, it adds the follow-up of the funded \
        projects (who is late, who is at risk, the money withheld): funded are the engaged \
        projects plus the campaign's selections, or the report's selection without --campaign.

        The report is written into a temporary folder beside the output folder, then put in its \
        place in one step: the folder always holds a complete report, the old one or the new one \
        (a run stopped by Ctrl-C or SIGTERM removes its temporary folder; one killed otherwise is \
        cleaned by the next run). The command refuses a folder that holds an input, or files that \
        are not part of a report. The time of the run is \
        SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, else the clock: with it a re-run \
        gives the same bytes.

        Exit codes: 0 the report was written (the selection may be infeasible, or undecided at the \
        search's limit: see the report), \
        1 the scenario has errors or the solver failed, 2 usage, 3 an output could not be written.
        """)

    @Argument(help: ArgumentHelp("The scenario file (YAML).", valueName: "scenario"))
    var scenario: String

    @Option(help: ArgumentHelp("Run a what-if variant of the scenario instead of the base (its id under 'variants').",
                               valueName: "id"))
    var variant: String?

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("The folder to write the report into (default: Reports/<scenario id>).", valueName: "dir"))
    var output: String?

    @Option(help: ArgumentHelp("A campaign file whose scenario is this one: adds the committees of the year (and they are the funded projects of the follow-up).",
                               valueName: "file"))
    var campaign: String?

    @Option(help: ArgumentHelp("Language of the HTML, the minutes, the CSV and workbook headers and the messages about the input files: fr or en.", valueName: "lang"))
    var lang: String = "fr"

    @Flag(help: "No progress line on stderr (there is one only when stderr is a terminal).")
    var quiet = false

    @OptionGroup(title: "Committee pins")
    var pins: CommitteePins

    @OptionGroup(title: "Solver")
    var solve: SolveOptions
    var timeLimit: Double? { solve.timeLimit }
    var gap: Double { solve.gap }

    @Option(help: ArgumentHelp("Re-solves made to explain projects (forcing in, taking out), at most this many of each (default: every project; a national committee of 1 879 candidates takes some 9 s on two cores): the projects left out with the highest priority score first, the selected ones with the lowest.",
                               valueName: "n"))
    var explainLimit: Int?

    @Option(name: .customLong("explain"), help: ArgumentHelp("Explain project ID by its re-solve whatever --explain-limit, before the others (repeatable): the committee's questions about projects past the limit.",
                               valueName: "id"))
    var explain: [String] = []

    @Option(help: ArgumentHelp("Changes of the selection reported if the envelope grows (0 for none).", valueName: "n"))
    var nextInLine: Int = 3

    @Option(help: ArgumentHelp("Envelopes of the frontier, 50 % to 150 % of the available envelope (0 for none, else 2 to 201).",
                               valueName: "n"))
    var frontierSteps: Int = 21

    @Option(help: ArgumentHelp("Solves of the ESSMS–acquisition trade-off (0 for none, else 2 to 101).", valueName: "n"))
    var tradeoffPoints: Int = 11

    @OptionGroup(title: "Monte-Carlo simulation of the selection")
    var simulation: SimulationOptions

    @Flag(help: "Leave out the Monte-Carlo simulation of the selection.")
    var noSimulation = false

    func validate() throws {
        try simulation.check()
        if ReportLanguage(rawValue: lang) == nil { throw LanguageOption.invalid(lang) }
        try NumericOptions.explainLimit.check(explainLimit)
        try NumericOptions.nextInLine.check(nextInLine)
        try NumericOptions.frontierSteps.check(frontierSteps)
        try NumericOptions.tradeoffPoints.check(tradeoffPoints)
        if let e = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !e.isEmpty, Int64(e) == nil {
            throw Output.usage(.fr("SOURCE_DATE_EPOCH est un nombre de secondes depuis le 1970-01-01 UTC, reçu '\(e)'",
                                   en: "SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01 UTC, got '\(e)'"))
        }
    }

    func run() throws {
        var arguments = [scenario]
        if let variant { arguments += ["--variant", variant] }
        let options = try ScenarioOptions.parse(arguments)
        let (scenario, rules) = try options.load()
        let folder = output ?? "Reports/\(scenario.spec.id)"
        let reportFolder: ReportFolder
        do {
            reportFolder = try ReportFolder(folder, files: Report.fileNames, inputs: scenario.inputs.map(\.path))
        } catch {
            Output.fail(.verbatim("\(error)"))
            throw ExitStatus.outputFailed
        }
        defer { reportFolder.discard() }

        let (force, exclude) = try pins.resolved(for: scenario)
        let committee = try SelectionMessages.committee(scenario, rules, force: force, exclude: exclude)
        let (assessments, problem) = (committee.assessments, committee.problem)
        try SelectionMessages.checkExplained(explain, in: scenario)
        SelectionMessages.warn(committee)
        let report: CommitteeReport
        let section: SelectionSection
        var frontier: [FrontierPoint]?
        var tradeoff: TradeoffCurve?
        do {
            let settings = SolveSettings(timeLimit: timeLimit, relativeGap: gap, explainLimit: explainLimit, nextInLine: nextInLine,
                                         explain: explain)
            let shown = Output.showsProgress
            defer { if shown { Output.clearProgress() } }
            let run = try committee.select(settings, progress: SelectionMessages.progress(shown: shown))
            if let failure = run.analysisFailure { Output.warn(SelectionMessages.describe(failure)) }
            report = CommitteeReport(committee: committee, run: run, settings: settings)
            section = SelectionSection(problem: problem, result: run.result, explanations: run.explanations, nextInLine: run.nextInLine,
                                       infeasibility: run.infeasibility, warnings: committee.warnings, pinCost: run.pinCost)
            let analyses = try committee.analyses(after: run, settings: settings, frontierSteps: frontierSteps, tradeoffPoints: tradeoffPoints)
            (frontier, tradeoff) = (analyses.frontier, analyses.tradeoff)
        } catch {
            Output.fail(SelectionMessages.describe(error))
            throw ExitStatus.scenarioErrors
        }

        let (time, source) = Self.runTime()
        // The choices file only when given, so that a report without it keeps its audit record.
        let pinsSetting: [(String, JSONValue)] = (pins.file.map { [("pins_file", .string($0))] } ?? [])
            + (explain.isEmpty ? [] : [("explain", .array(explain.map { .string($0) }))])
        let solver = Selector.defaultSolver
        let run = ReportRun(toolVersion: ESMS.version, time: time, timeSource: source, solverName: solver.name,
                            solverVersion: solver.version, settings: pinsSetting + [
                                ("time_limit", timeLimit.map { .double($0) } ?? .null), ("relative_gap", .double(gap)),
                                ("explain_limit", .int(explainLimit ?? Explainer.defaultResolveLimit(candidates: problem.candidates.count))), ("next_in_line", .int(nextInLine)),
                                ("frontier", frontierSteps > 0
                                    ? .object([("from", .string("50%")), ("to", .string("150%")), ("steps", .int(frontierSteps))]) : .null),
                                ("tradeoff_points", tradeoffPoints > 0 ? .int(tradeoffPoints) : .null),
                                ("force", .array(force.map { .string($0) })), ("exclude", .array(exclude.map { .string($0) })),
                                ("language", .string(lang)),
                            ])
        var content = ReportContent(scenario: scenario, rules: rules, variant: variant, assessments: assessments,
                                    selection: section, frontier: frontier, tradeoff: tradeoff, run: run)
        let language = ReportLanguage(rawValue: lang) ?? .fr
        SelectionMessages.noteBalanceUnproven(section.result, timeLimit: timeLimit)
        try Self.runSections(&content, report, file: options.scenario, settings: simulation, simulate: !noSimulation,
                             variant: variant, campaign: campaign, language: language)
        let files: [ReportFile]
        do {
            files = try Report.files(content, language: language, workbookFile: reportFolder.scratchFile)
        } catch {
            Output.fail(.fr("impossible d'écrire \(error.file) dans \(folder) : \(error) ; le rapport précédent, s'il y en a un, est inchangé",
                            en: "cannot write \(error.file) in \(folder): \(error); the previous report, if any, is unchanged"))
            throw ExitStatus.outputFailed
        }
        do {
            for file in files { try reportFolder.write(file.name, file.bytes) }
            try reportFolder.commit()
        } catch {
            Output.fail(.verbatim("\(error)"))
            throw ExitStatus.outputFailed
        }
        Output.wrote(folder: folder, files.map(\.name))
        ExitLifetime.keep((scenario, assessments, content))
        // The report documents an infeasible or undecided selection (exit 0: it was written); stderr says it too.
        if !section.result.status.hasSelection {
            let l = Output.language
            let why = SelectionText.sentence(section.result, language: l)
                + (section.infeasibility.map { " — " + SelectionAnalysisDocument.infeasibilitySentence($0, language: l) } ?? "")
            Output.note(.fr("le rapport n'a pas de sélection : \(ReportFormat(.fr).status(section.result.status)) — \(why)",
                            en: "the report has no selection: \(section.result.status.rawValue) — \(why)"))
        }
    }

    /// The time of the run: `SOURCE_DATE_EPOCH` when set (reproducible), else the clock.
    static func runTime() -> (Int64, ReportRun.TimeSource) {
        if let e = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let t = Int64(e) { return (t, .sourceDateEpoch) }
        return (Int64(Date().timeIntervalSince1970), .clock)
    }
}
