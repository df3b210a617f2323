// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// A command whose `--lang` also sets the language of the diagnostics it prints
/// (`Output.language`, set by `ESMS.status` once the command line is parsed).
protocol Multilingual {
    var diagnosticLanguage: Language { get }
    /// `--quiet`: no progress line (`Output.quiet`, set with the language).
    var quiet: Bool { get }
}

/// The commands on a scenario: `--lang` is in their `ScenarioOptions`.
protocol ScenarioCommand: Multilingual { var options: ScenarioOptions { get } }
extension ScenarioCommand {
    var diagnosticLanguage: Language { options.language }
    var quiet: Bool { options.languageOption.quiet }
}

/// The commands on a campaign year: `--lang` is in their `YearOptions`.
protocol YearCommand: Multilingual { var options: YearOptions { get } }
extension YearCommand {
    var diagnosticLanguage: Language { options.language }
    var quiet: Bool { options.languageOption.quiet }
}

/// The other commands: `--lang` on its own.
protocol LanguageCommand: Multilingual { var languageOption: LanguageOption { get } }
extension LanguageCommand {
    var diagnosticLanguage: Language { languageOption.language }
    var quiet: Bool { languageOption.quiet }
}

extension ValidateCommand: ScenarioCommand {}
extension FundCommand: ScenarioCommand {}
extension SelectCommand: ScenarioCommand {}
extension FrontierCommand: ScenarioCommand {}
extension TradeoffCommand: ScenarioCommand {}
extension SimulateCommand: ScenarioCommand {}
extension RedeployCommand: ScenarioCommand {}
extension CampaignCommand: YearCommand {}
extension FollowupCommand: YearCommand {}
extension CalibrateCommand: YearCommand {}
extension WhatifCommand: LanguageCommand {}
extension EnvelopesCommand: LanguageCommand {}
extension GenerateCommand: LanguageCommand {}
extension RegisterImportCommand: LanguageCommand {}
extension ReportCommand: Multilingual { var diagnosticLanguage: Language { Language(rawValue: lang) ?? .fr } }

extension Language {
    /// The language that `--lang` asks for on a command line (`--lang en`, `--lang=en`), French
    /// without it: what usage errors are said in, since they come before the command is parsed.
    static func ofArguments(_ arguments: [String]) -> Language {
        var found = Language.fr
        for (i, arg) in arguments.enumerated() {
            if arg == "--" { break }
            if arg.hasPrefix("--lang="), let l = Language(rawValue: String(arg.dropFirst(7))) { found = l }
            if arg == "--lang", i + 1 < arguments.count, let l = Language(rawValue: arguments[i + 1]) { found = l }
        }
        return found
    }
}
