// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import FundingRules
import ReportRendering
import ScenarioModel

/// `esms validate`: checks a scenario and its tables, reporting every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario and its tables; list every problem with its file, line and column.",
        discussion: """
        Reads the scenario file, the register, the projects and members tables (and regions.csv for a \
        national scenario), checks FINESS check keys, dates, amounts, SAAD hours, duplicates and \
        references between tables, and the rule set and policies. Exits 0 when the scenario can be \
        run (warnings allowed), 1 when it has errors.
        """)

    @OptionGroup var options: ScenarioOptions

    @Flag(help: "Also list notes (e.g. columns that esms does not use).")
    var notes = false

    func run() throws {
        var loader = ScenarioLoader()
        let result = loader.load(options.scenario, variant: options.variant)
        var diagnostics: Diagnostics
        var summary: [(String, JSONValue)] = [("scenario", .string(options.scenario))]
        var counts: [(String, Int)] = []
        switch result {
        case .failure(let e):
            diagnostics = e.diagnostics
        case .success(let s):
            diagnostics = s.diagnostics
            _ = RuleSet.resolve(for: s.spec, scenarioFile: options.scenario, diagnostics: &diagnostics)
            counts = [("register", s.register.count), ("projects", s.projects.count),
                      ("members", s.projects.reduce(0) { $0 + $1.members.count })]
            summary.append(("id", .string(s.spec.id)))
            summary += counts.map { ($0.0, .int($0.1)) }
        }
        Output.report(diagnostics, showNotes: notes)
        if options.json {
            summary += [("valid", .bool(!diagnostics.hasErrors)),
                        ("language", .string(options.language.rawValue)),
                        ("diagnostics", .array(diagnostics.sorted.map { DiagnosticDocument.json($0, language: options.language) }))]
            try Output.out(JSONValue.object(summary).rendered())
        } else if !diagnostics.hasErrors {
            Output.error(Self.valid(options.scenario, counts, options.language))
        }
        if diagnostics.hasErrors { throw ExitStatus.scenarioErrors }
    }

    /// `scenario.yaml: valid (40 register rows, …)` / `scenario.yaml : valide (40 lignes register, …)`.
    static func valid(_ file: String, _ counts: [(String, Int)], _ language: Language) -> String {
        guard language == .fr else { return "\(file): valid (" + counts.map { "\($0.1) \($0.0) rows" }.joined(separator: ", ") + ")" }
        return "\(file) : valide (" + counts.map { "\($0.1) ligne\($0.1 > 1 ? "s" : "") \($0.0)" }.joined(separator: ", ") + ")"
    }
}
