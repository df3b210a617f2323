// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import FundingRules
import ScenarioGeneration
import ScenarioModel

/// The shipped register and the pipelines the tests share (each generated once).
enum Shipped {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static let registerURL = root.appendingPathComponent("Scenarios/data/finess-essms.csv")

    /// The national register (43 748 ESSMS), loaded once.
    static let register: Register = {
        var d = Diagnostics()
        guard let data = FileManager.default.contents(atPath: registerURL.path),
              let table = CSVTable.parse([UInt8](data), file: registerURL.path, diagnostics: &d) else { return Register([]) }
        return Register.load(table, diagnostics: &d)
    }()

    static func generate(_ scope: GenerationRequest.Scope, projects: Int, seed: UInt64, rules: RuleSet = .campaign2024,
                         committee: Day? = nil, reference: String = "../data/finess-essms.csv") throws -> GeneratedScenario {
        try ScenarioGenerator(register: register).generate(GenerationRequest(
            scope: scope, projects: projects, seed: seed, rules: rules, committee: committee, registerReference: reference))
    }

    /// The arguments of Scenarios/bretagne-2024.
    static let bretagne: GeneratedScenario? = try? generate(.regional(region: "53"), projects: 150, seed: 20_240_614)
    /// The same committee under the 2025 rules (SONS orders must be cancelled).
    static let bretagne2025: GeneratedScenario? = try? generate(.regional(region: "53"), projects: 150, seed: 20_240_614,
                                                                rules: .campaign2025)
    /// A small national pipeline.
    static let national: GeneratedScenario? = try? generate(.national, projects: 400, seed: 7,
                                                            reference: registerURL.path)

    static func file(_ g: GeneratedScenario, _ name: String) -> String {
        g.files.first { $0.name == name }?.contents ?? ""
    }

    /// Writes a generated scenario into a fresh temporary folder.
    static func write(_ g: GeneratedScenario) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for f in g.files { try Data(f.contents.utf8).write(to: dir.appendingPathComponent(f.name)) }
        return dir
    }
}
