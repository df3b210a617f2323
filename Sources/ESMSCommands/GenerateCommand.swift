// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser

/// `esms generate`: a synthetic candidate pipeline over the real register.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a realistic synthetic candidate pipeline over the real register.")
}
