// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import FundingRules
import ReportRendering
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

    @OptionGroup var languageOption: LanguageOption

    /// The language of the text output.
    var language: ReportLanguage { languageOption.language }

    /// Loads the scenario and its rule set, or reports every problem and exits 1.
    func load() throws -> (Scenario, RuleSet) {
        var loader = ScenarioLoader()
        return try Self.load(&loader, scenario, variant: variant, reportWarnings: true)
    }

    /// Loads `path` (a variant of it when given) with `loader` (which keeps the register between
    /// loads) and its rule set; reports every problem and exits 1 on errors.
    static func load(_ loader: inout ScenarioLoader, _ path: String, variant: String?,
                     reportWarnings: Bool) throws -> (Scenario, RuleSet) {
        switch loader.load(path, variant: variant) {
        case .failure(let e):
            Output.report(e.diagnostics)
            Output.notLoaded("\(path)\(variant.map { " (variant \($0))" } ?? "")")
            throw ExitStatus.scenarioErrors
        case .success(let s):
            var d = Diagnostics()
            let rules = RuleSet.resolve(for: s.spec, scenarioFile: path, diagnostics: &d)
            var all = s.diagnostics
            all.append(contentsOf: d)
            guard let rules, !d.hasErrors else {
                Output.report(all)
                throw ExitStatus.scenarioErrors
            }
            if reportWarnings { Output.report(all) }
            var scenario = s
            scenario.diagnostics = all
            return (scenario, rules)
        }
    }
}

/// `--lang`: the language of a command's text output, French by default.
struct LanguageOption: ParsableArguments {
    @Option(help: ArgumentHelp("Language of the text output and of the messages about the input files: fr (default) or en. The JSON (--json) is the same in both, but for those messages (their 'code' is stable).", valueName: "lang"))
    var lang: String = "fr"

    @Flag(help: "No progress line on stderr (there is one only when stderr is a terminal, never on stdout).")
    var quiet = false

    var language: ReportLanguage { ReportLanguage(rawValue: lang) ?? .fr }

    func validate() throws {
        if ReportLanguage(rawValue: lang) == nil { throw LanguageOption.invalid(lang) }
    }

    /// The usage error of a `--lang` that is neither fr nor en.
    static func invalid(_ lang: String) -> ValidationError {
        Output.usage(.fr("--lang vaut fr ou en, reçu '\(lang)'", en: "--lang must be fr or en, got '\(lang)'"))
    }
}

/// Reads a register table given on the command line (`envelopes`, `generate`), or reports every
/// problem and exits 1.
enum RegisterFile {
    static func load(_ path: String, hint: Phrase) throws -> Register {
        guard let bytes = ScenarioLoader.read(path) else {
            Output.fail(.fr("impossible de lire le répertoire \(path)\nconseil : \(hint.fr)", en: "cannot read the register \(path)\nhelp: \(hint.en)"))
            throw ExitStatus.scenarioErrors
        }
        var d = Diagnostics()
        guard let table = CSVTable.parse(bytes, file: path, diagnostics: &d) else {
            Output.report(d)
            throw ExitStatus.scenarioErrors
        }
        let register = Register.load(table, diagnostics: &d)
        if d.hasErrors {
            Output.report(d)
            Output.notLoaded(path)
            throw ExitStatus.scenarioErrors
        }
        return register
    }
}

/// The committee's pins on a selection, shared by `select`, `frontier`, `tradeoff` and `report`.
struct CommitteePins: ParsableArguments {
    @Option(name: .customLong("force"), help: ArgumentHelp("Select project ID whatever it costs (repeatable).", valueName: "id"))
    var force: [String] = []

    @Option(name: .customLong("exclude"), help: ArgumentHelp("Leave project ID out (repeatable).", valueName: "id"))
    var exclude: [String] = []

    @Option(name: .customLong("pins"), help: ArgumentHelp(
        "The committee's choices from a file: 'force: [ids]' and 'exclude: [ids]' (YAML), as the report's deliberation page (deliberation.html) exports them, added to --force and --exclude.",
        valueName: "file"))
    var file: String?

    /// --force and --exclude with the choices of --pins FILE: every problem of the file reported
    /// (exit 1), a warning when the file was made on another scenario or other data.
    func resolved(for scenario: Scenario) throws -> (force: [String], exclude: [String]) {
        guard let file else { return (force, exclude) }
        switch PinsFile.load(file) {
        case .failure(let e):
            Output.report(e.diagnostics)
            Output.notLoaded(file)
            throw ExitStatus.scenarioErrors
        case .success(let pins):
            if let why = pins.otherScenario(than: scenario.spec.id, file: file) {
                Output.fail(why)
                throw ExitStatus.usage
            }
            if let digest = pins.inputsSHA256, digest != AuditDocument.inputsDigest(scenario) {
                Output.warn(.fr("\(file) : les fichiers du scénario ont changé depuis que ces choix ont été exportés ; les projets cités sont repris tels quels",
                                en: "\(file): the scenario's files changed since these choices were exported; the projects named are taken as they are"))
            }
            let force = self.force + pins.force.filter { !self.force.contains($0) }
            let exclude = self.exclude + pins.exclude.filter { !self.exclude.contains($0) }
            return (force, exclude)
        }
    }
}
