// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser

/// `esms whatif` (being built).
struct WhatifCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whatif", abstract: "(being built)", shouldDisplay: false)
}
