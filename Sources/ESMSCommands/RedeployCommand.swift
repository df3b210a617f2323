// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser

/// `esms redeploy` (being built).
struct RedeployCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redeploy", abstract: "(being built)", shouldDisplay: false)
}
