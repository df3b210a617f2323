// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser

/// `esms simulate` (being built).
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "simulate", abstract: "(being built)", shouldDisplay: false)
}
