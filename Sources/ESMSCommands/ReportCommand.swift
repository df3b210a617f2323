// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser

/// `esms report` (being built).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "(being built)", shouldDisplay: false)
}
