// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// `--seed -1`: the argument parser reads `-1` as an option and says "Missing value for
/// '--seed <s>'". No numeric option of esms takes a negative number; this says so, with the range.
enum NegativeNumberArgument {
    static func explain(_ arguments: [String]?, parserMessage: String) -> String? {
        let args = arguments ?? Array(CommandLine.arguments.dropFirst())
        for (i, arg) in args.enumerated() where arg.hasPrefix("--") {
            let name: String, value: String
            if let eq = arg.firstIndex(of: "=") {
                (name, value) = (String(arg[..<eq]), String(arg[arg.index(after: eq)...]))
            } else if i + 1 < args.count {
                (name, value) = (arg, args[i + 1])
            } else {
                continue
            }
            guard value.count > 1, value.hasPrefix("-"), value.dropFirst().first.map({ $0.isNumber || $0 == "." }) == true,
                  parserMessage.contains("'\(name) ") || parserMessage.contains("'\(name)'") else { continue }
            let allowed = NumericOptions.allowedByName[name] ?? .fr("une valeur", en: "a value")
            let command = "esms \(args.first ?? "") --help"
            let text: Phrase = .fr("erreur : \(name) \(value) : \(name) prend \(allowed.fr), jamais un nombre négatif", en: "Error: \(name) \(value): \(name) takes \(allowed.en), never a negative number")
                + (arg.contains("=") ? .verbatim("") : .fr(" (et une valeur commençant par '-' est lue comme une option)", en: " (and a value starting with '-' is read as an option)"))
                + .fr("\nconseil : \(command) liste chaque option et ses valeurs possibles", en: "\nHelp: \(command) lists every option and its range")
            return text.text(Output.language)
        }
        return nil
    }
}
