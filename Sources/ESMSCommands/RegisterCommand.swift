// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser

/// `esms register`: work with FINESS registers.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Work with FINESS registers (import the official data.gouv.fr extract).",
        discussion: """
        A scenario's 'register' is a CSV table of establishments (finess,ej,name,category,\
        category_label,departement,region,sector). 'esms register import' builds it from the national \
        FINESS extract published on data.gouv.fr.
        """,
        subcommands: [RegisterImportCommand.self])
}
