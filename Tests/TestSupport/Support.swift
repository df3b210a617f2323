// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ScenarioModel

/// Builders of small registers and projects for tests, with valid FINESS numbers.
public enum Fixture {
    /// A valid FINESS number in département `dep` (2 characters, or `97x`) with order `n`.
    public static func finess(_ dep: String, _ n: Int) -> FINESS {
        let prefix: String
        if dep.count == 3 {  // overseas: 97 + 0 + digit, e.g. 974 → "9704"
            prefix = "970" + String(dep.last!) + String(format: "%04d", n % 10_000)
        } else {
            prefix = dep + String(format: "%06d", n % 1_000_000)
        }
        return FINESS.completing(prefix)!
    }

    /// An OG (by its EJ) running `count` ESSMS of `category` in `dep`.
    public struct OG: Sendable {
        public var ej: FINESS
        public var establishments: [Establishment]
    }

    /// Builds a register from OGs: `(dep, count, category)` each, numbered from `start`.
    public static func register(_ ogs: [(dep: String, count: Int, category: String)], start: Int = 1) -> (Register, [OG]) {
        var list: [Establishment] = []
        var out: [OG] = []
        var n = start
        let nomenclature = CategoryNomenclature.shipped
        for og in ogs {
            let ej = finess(og.dep, 900_000 + n)
            var es: [Establishment] = []
            for _ in 0..<og.count {
                n += 1
                let f = finess(og.dep, n)
                let region = Geography.region(ofDepartement: og.dep) ?? "53"
                let e = Establishment(finess: f, ej: ej, name: "ESSMS \(n)", category: og.category, departement: og.dep,
                                      region: region, sector: nomenclature.category(og.category)?.sector ?? .autre,
                                      fileActive: 40)
                es.append(e)
            }
            list += es
            out.append(OG(ej: ej, establishments: es))
        }
        return (Register(list), out)
    }

    /// A project over `establishments`, every member in `mode`.
    public static func project(_ id: String, _ establishments: [Establishment], mode: Mode = .acquisition,
                               deposited: Day = Day(year: 2024, month: 3, day: 1)!,
                               referencing: Referencing = .segurMedicoSocial) -> Project {
        Project(id: id, porteur: establishments.first?.ej ?? finess("29", 999_999), software: "Logiciel DUI",
                referencing: referencing, deposited: deposited,
                members: establishments.map { Member(finess: $0.finess, mode: mode) })
    }

    /// A copy of a fixture scenario folder of the repository in a new temporary folder, its
    /// `scenario.yaml` rewritten by `edit`; returns the new scenario file (remove its folder after).
    public static func editedScenario(_ folder: String, files: [String] = ["register.csv", "projects.csv", "members.csv"],
                                      edit: (String) -> String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-edited-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let source = repositoryRoot.appendingPathComponent(folder)
        for f in files { try FileManager.default.copyItem(at: source.appendingPathComponent(f), to: dir.appendingPathComponent(f)) }
        let yaml = try String(contentsOf: source.appendingPathComponent("scenario.yaml"), encoding: .utf8)
        try edit(yaml).write(to: dir.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        return dir.appendingPathComponent("scenario.yaml")
    }

    /// The repository's root folder (for CLI tests and golden files).
    public static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}
