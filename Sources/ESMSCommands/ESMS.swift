// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import ScenarioModel

/// The `esms` command.
public struct ESMS: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "esms",
        abstract: "Simulate and optimise the ESMS numérique programme: eligibility and funding, committee selection, usage-target risk, national redeployment, committee reports.",
        discussion: """
        A scenario is a YAML file naming the rule set, the envelope and the policies, and pointing to \
        CSV tables of establishments (the FINESS register), candidate projects and their members \
        (see Scenarios/README.md). Start with:

          esms validate Scenarios/bretagne-2024/scenario.yaml
          esms fund Scenarios/bretagne-2024/scenario.yaml
          esms select Scenarios/bretagne-2024/scenario.yaml
          esms report Scenarios/bretagne-2024/scenario.yaml
          esms campaign Scenarios/bretagne-2024-campagne/campaign.yaml
          esms followup Scenarios/bretagne-2024-campagne/campaign.yaml

        Every command that computes takes --json and then prints one JSON document on stdout; \
        human text goes to stderr.

        EXIT CODES
          0  success
          1  the scenario or an input file has errors (all of them are listed)
          2  wrong usage (unknown option, missing argument)
          3  an output could not be written (a file, or stdout/stderr: disk full, closed)
          4  no selection was decided: none found and none proven impossible before the
             search's limit (status time-limit), or the solver failed
          141  stdout or stderr is a pipe whose reader has gone (as a shell says for
               SIGPIPE): esms stops quietly
        """,
        version: version,
        subcommands: [ValidateCommand.self, FundCommand.self, SelectCommand.self, FrontierCommand.self, TradeoffCommand.self,
                      SimulateCommand.self, WhatifCommand.self, CampaignCommand.self, FollowupCommand.self, CalibrateCommand.self, EnvelopesCommand.self,
                      RedeployCommand.self, ReportCommand.self,
                      RegisterCommand.self, GenerateCommand.self]
    )

    public init() {}

    /// Runs the command line and exits with a meaningful code.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        StandardStream.prepare()
        Foundation.exit(Output.finalStatus(status(arguments)))
    }

    /// Parses and runs; the status of the run (0, 1, 2, 3 or 141).
    static func status(_ arguments: [String]?) -> Int32 {
        // The language of usage errors, found before parsing ends; the command's own `--lang` after.
        Output.language = Language.ofArguments(arguments ?? Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            Output.language = (command as? Multilingual)?.diagnosticLanguage ?? .fr
            Output.quiet = (command as? Multilingual)?.quiet ?? false
            try command.run()
            return 0
        } catch let exit as ExitCode {
            // Every non-zero exit says why; the commands do, this is the last guard (a broken
            // pipe ends quietly by convention).
            if exit.rawValue != 0 && exit != ExitStatus.brokenPipe && !Output.wroteError {
                Output.fail(.fr("esms s'est arrêté avec le code de sortie \(exit.rawValue) (\(exitMeaning(exit.rawValue).fr))",
                                en: "esms stopped with exit code \(exit.rawValue) (\(exitMeaning(exit.rawValue).en))"))
            }
            return exit.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                do {
                    if !message.isEmpty { try Output.line(message) }
                } catch {
                    return error.rawValue
                }
                return 0
            }
            if !message.isEmpty {
                Output.error(NegativeNumberArgument.explain(arguments, parserMessage: message) ?? parserText(message))
            }
            // Usage errors are 2 by the convention of command-line tools; ArgumentParser uses 64.
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}

/// The argument parser's message in `Output.language`: its frame (`Error:`, `Usage:`, `See
/// '…' for more information.`) in French; our own usage errors are already in the language
/// (`Output.usage`), the parser's own sentences stay English.
func parserText(_ message: String) -> String {
    guard Output.language == .fr else { return message }
    return message.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        if line.hasPrefix("Error: ") { return "erreur : " + line.dropFirst(7) }
        if line.hasPrefix("Usage: ") { return "Utilisation : " + line.dropFirst(7) }
        if line.contains("See '"), line.hasSuffix("' for more information.") {
            return line.replacingOccurrences(of: "See '", with: "Voir '")
                .replacingOccurrences(of: "' for more information.", with: "' pour en savoir plus.")
        }
        return String(line)
    }.joined(separator: "\n")
}

/// What an exit code of esms means, in words.
func exitMeaning(_ code: Int32) -> Phrase {
    switch code {
    case 1: return .fr("le scénario ou une entrée contient des erreurs, ou aucune sélection ne respecte ses contraintes impératives",
                       en: "the scenario or an input has errors, or no selection satisfies its hard constraints")
    case 2: return .fr("mauvaise utilisation", en: "wrong usage")
    case 3: return .fr("une sortie n'a pas pu être écrite", en: "an output could not be written")
    default: return .fr("échec inattendu", en: "unexpected failure")
    }
}

/// Exit codes of esms.
public enum ExitStatus {
    public static let scenarioErrors = ExitCode(1)
    public static let usage = ExitCode(2)
    public static let outputFailed = ExitCode(3)
    /// No selection was decided: the search stopped at its limit (`--time-limit`, or without it
    /// the nodes allowed to find a first selection) before it found a selection or proved there
    /// is none, or the solver failed. Not an error of the scenario, and not infeasible.
    public static let undecided = ExitCode(4)
    /// Standard output (or error) is a pipe whose reader has gone (`esms … | head`): the run ends
    /// quietly with the status a shell gives a process killed by SIGPIPE (128 + 13).
    public static let brokenPipe = ExitCode(141)
}
