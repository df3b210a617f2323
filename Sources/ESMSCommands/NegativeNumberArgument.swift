// SPDX-License-Identifier: GPL-3.0-or-later

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
            let allowed = NumericOptions.allowedByName[name] ?? "a value"
            return "Error: \(name) \(value): \(name) takes \(allowed), never a negative number"
                + (arg.contains("=") ? "" : " (and a value starting with '-' is read as an option)")
                + "\nHelp: esms \(args.first ?? "") --help lists every option and its range"
        }
        return nil
    }
}
