// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
@testable import ESMSCommands
import ScenarioModel

/// `esms register import` on the etalab-layout fixture of ScenarioModelTests: in process for the
/// exit statuses and files, and through the built binary for stdout, stderr and exit code.
@Suite struct RegisterImportCommandTests {
    /// The fixture has one row with a wrong check key (line 9).
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ScenarioModelTests/Fixtures/etalab-cs1100507-stock-20210108-0427.csv")

    /// A fresh folder with a copy of the fixture, and the same without its bad row.
    static func workspace() throws -> (dir: URL, withError: String, clean: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let data = try Data(contentsOf: fixture)
        let withError = dir.appendingPathComponent("etalab-cs1100507-stock-20210108-0427.csv")
        try data.write(to: withError)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let clean = dir.appendingPathComponent("clean").appendingPathComponent(withError.lastPathComponent)
        try FileManager.default.createDirectory(at: clean.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(lines.filter { !$0.contains("010004058") }.joined(separator: "\n").utf8).write(to: clean)
        return (dir, withError.path, clean.path)
    }

    static func run(_ arguments: [String]) throws {
        var command = try ESMS.parseAsRoot(arguments)
        try command.run()
    }

    @Test func anErrorWritesNothingAndExits1() throws {
        let w = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: w.dir) }
        let out = w.dir.appendingPathComponent("register.csv").path
        #expect(throws: ExitStatus.scenarioErrors) { try Self.run(["register", "import", w.withError, "-o", out]) }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func skipInvalidWritesTheValidRowsForRegisterLoad() throws {
        let w = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: w.dir) }
        let out = w.dir.appendingPathComponent("out/register.csv").path
        try Self.run(["register", "import", w.withError, "-o", out, "--skip-invalid"])
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: out)))
        var d = Diagnostics()
        let table = try #require(CSVTable.parse(bytes, file: out, diagnostics: &d))
        #expect(table.header == ["finess", "ej", "name", "category", "category_label", "departement", "region", "sector"])
        let register = Register.load(table, diagnostics: &d)
        #expect(!d.hasErrors)
        #expect(register.count == 7)
        #expect(register[try FINESS("970400040")]?.departement == "974")
        // No temporary file left next to it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.dir.appendingPathComponent("out").path) == ["register.csv"])
    }

    @Test func refusesToWriteOverTheExtract() throws {
        let w = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: w.dir) }
        let before = try Data(contentsOf: URL(fileURLWithPath: w.clean))
        #expect(throws: ExitStatus.outputFailed) { try Self.run(["register", "import", w.clean, "-o", w.clean]) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: w.clean)) == before)
    }

    @Test func aSecondImportReplacesTheRegister() throws {
        let w = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: w.dir) }
        let out = w.dir.appendingPathComponent("register.csv").path
        try Self.run(["register", "import", w.clean, "-o", out])
        #expect(try !String(contentsOfFile: out, encoding: .utf8).contains("970400024"))
        // FileManager.replaceItemAt loses the old file on Linux (swift-corelibs-foundation #4655):
        // the second write must go through rename(2).
        try Self.run(["register", "import", w.clean, "-o", out, "--all-categories"])
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("970400024"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.dir.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    // MARK: The built binary

    /// `<scratch>/debug/esms`, next to this test bundle's resources.
    static let binary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("esms").path

    static func runBinary(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "the esms binary is built"))
    func theBinaryPrintsTheSummaryAndExitCodes() throws {
        let w = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: w.dir) }
        let out = w.dir.appendingPathComponent("register.csv").path

        let failed = try Self.runBinary(["register", "import", w.withError, "-o", out])
        #expect(failed.status == 1)
        #expect(failed.stdout.isEmpty)
        #expect(failed.stderr.contains("\(w.withError):9:13 : erreur : FINESS géographique (nofinesset) invalide"))
        let english = try Self.runBinary(["register", "import", w.withError, "-o", out, "--lang", "en"])
        #expect(english.status == 1)
        #expect(english.stderr.contains("\(w.withError):9:13: error: invalid FINESS géographique (nofinesset)"))
        #expect(failed.stderr.contains("rien n'est écrit"))
        #expect(!FileManager.default.fileExists(atPath: out))

        let ok = try Self.runBinary(["register", "import", w.clean, "-o", out, "--json"])
        #expect(ok.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as? [String: Any])
        #expect(json["kept"] as? Int == 7)
        #expect(json["structureet"] as? Int == 9)
        #expect(json["geolocalisation"] as? Int == 4)
        #expect(json["skipped_category"] as? Int == 1)
        #expect(json["encoding"] as? String == "UTF-8")
        #expect(json["extraction_date"] as? String == "2021-01-08")
        #expect(json["written"] as? Bool == true)
        #expect(ok.stderr.contains("7 ESSMS retenus : PA 2, PH 2, DOMICILE 2, AUTRE 1"))
        #expect(ok.stderr.contains("écrit : \(out) (7 lignes)"))

        let usage = try Self.runBinary(["register", "import", w.clean])
        #expect(usage.status == 2)
    }
}
