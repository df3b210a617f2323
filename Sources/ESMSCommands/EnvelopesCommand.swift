// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser

/// `esms envelopes` (being built).
struct EnvelopesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "envelopes", abstract: "(being built)", shouldDisplay: false)
}
