// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// The JSON contract as JSON Schema files (docs/schemas): every command's `--json` output, on
/// the shipped scenarios and on the test fixtures, conforms to its published schema.
@Suite struct JSONSchemaTests {
    static let bretagne = "Scenarios/bretagne-2024/scenario.yaml"
    static let campaign = "Scenarios/bretagne-2024-campagne/campaign.yaml"
    static let mini = "Tests/ESMSCommandsTests/Fixtures/mini/scenario.yaml"
    static let national = "Scenarios/national-2024-redeploiement/scenario.yaml"
    /// The etalab-layout extract of ScenarioModelTests: one row with a wrong check key (line 9).
    static let extract = "Tests/ScenarioModelTests/Fixtures/etalab-cs1100507-stock-20210108-0427.csv"

    static func validator(_ name: String) throws -> JSONSchemaValidator {
        let url = Fixture.repositoryRoot.appendingPathComponent("docs/schemas/\(name).schema.json")
        return try JSONSchemaValidator(schema: Data(contentsOf: url))
    }

    /// Runs `esms arguments`, checks its exit status and its stdout against the schema; the document.
    @discardableResult
    static func conforms(_ schema: String, _ arguments: [String], status: Int32 = 0) throws -> Any {
        let r = try CommandRunner.run(arguments)
        #expect(r.status == status, "\(arguments): \(r.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        let errors = try validator(schema).validate(document)
        #expect(errors.isEmpty, "\(arguments.joined(separator: " ")): \(errors.prefix(10).joined(separator: "; "))")
        return document
    }

    @Test func fundConforms() throws {
        try Self.conforms("fund", ["fund", Self.bretagne, "--json"])
        try Self.conforms("fund", ["fund", Self.mini, "--json"])
    }

    @Test func selectConforms() throws {
        try Self.conforms("select", ["select", Self.bretagne, "--json"])
        try Self.conforms("select", ["select", Self.mini, "--json", "--timings"])
    }

    @Test func anInfeasibleSelectionConformsWithItsDiagnosis() throws {
        let file = try Fixture.editedScenario("Tests/ESMSCommandsTests/Fixtures/mini") { $0.replacingOccurrences(of: "mode: soft", with: "mode: hard") }
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Self.conforms("select", ["select", file.path, "--json"], status: 1)
    }

    @Test func simulateFrontierAndTheYearConform() throws {
        try Self.conforms("simulate", ["simulate", Self.mini, "--json", "--draws", "500"])
        try Self.conforms("frontier", ["frontier", Self.mini, "--json", "--steps", "3"])
        try Self.conforms("campaign", ["campaign", Self.campaign, "--json"])
        try Self.conforms("followup", ["followup", Self.campaign, "--json"])
    }

    @Test func whatifAndTradeoffConform() throws {
        try Self.conforms("whatif", ["whatif", Self.mini, "--json", "--draws", "300"])
        try Self.conforms("tradeoff", ["tradeoff", Self.bretagne, "--json"])
        try Self.conforms("tradeoff", ["tradeoff", Self.mini, "--json"])
    }

    @Test func validateConforms() throws {
        try Self.conforms("validate", ["validate", Self.bretagne, "--json"])
        try Self.conforms("validate", ["validate", Self.national, "--json"])
        try Self.conforms("validate", ["validate", Self.mini, "--json", "--lang", "en"])
        // Valid with a warning: the diagnostics are listed, the scenario still runs.
        let file = try Fixture.editedScenario("Tests/ESMSCommandsTests/Fixtures/mini") { $0 + "\ncolour: blue\n" }
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Self.conforms("validate", ["validate", file.path, "--json", "--notes"])
    }

    /// A failing `validate` prints its diagnostics with --json (exit 1): without the row counts
    /// when the tables could not be loaded, without `id` when the scenario cannot be read at all.
    @Test(arguments: ["broken", "empty-tables", "missing-column", "missing-file", "mixed-separators", "yaml-error"])
    func anInvalidScenarioConformsWithItsDiagnostics(_ fixture: String) throws {
        try Self.conforms("validate", ["validate", "Tests/ESMSCommandsTests/Fixtures/\(fixture)/scenario.yaml", "--json"], status: 1)
        try Self.conforms("validate", ["validate", "Tests/ESMSCommandsTests/Fixtures/\(fixture)/scenario.yaml", "--json", "--lang", "en"], status: 1)
    }

    @Test func aMissingScenarioFileConformsWithItsDiagnostic() throws {
        try Self.conforms("validate", ["validate", "Tests/ESMSCommandsTests/Fixtures/no-such-folder/scenario.yaml", "--json"], status: 1)
    }

    @Test func envelopesConform() throws {
        try Self.conforms("envelopes", ["envelopes", "--total", "71500000", "--json"])
        // Without the official 2024 table, and no region at the floor.
        try Self.conforms("envelopes", ["envelopes", "--total", "71500000", "--rules", "2025", "--floor-regions", "", "--json"])
        // A register of another date (null) that has no ESSMS in most regions.
        try Self.conforms("envelopes", ["envelopes", "--total", "1000000", "--floor", "10000", "--json",
                                        "--register", "Tests/ESMSCommandsTests/Fixtures/mini/register.csv"])
    }

    @Test func calibrateConforms() throws {
        try Self.conforms("calibrate", ["calibrate", Self.campaign, "--json"])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-calibrate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        // -o: `file` is the file written instead of null.
        try Self.conforms("calibrate", ["calibrate", Self.campaign, "--json", "--engaged-only", "-o", dir.appendingPathComponent("fit.yaml").path])
    }

    @Test func redeployConforms() throws {
        try Self.conforms("redeploy", ["redeploy", Self.national, "--json"])
        // prorata-essms: each region's share; --no-simulation: no active DUI estimate (null).
        try Self.conforms("redeploy", ["redeploy", Self.national, "--json", "--policy", "prorata-essms", "--no-simulation"])
        try Self.conforms("redeploy", ["redeploy", Self.national, "--json", "--compare", "--timings"])
    }

    /// A hard region balance no allocation meets: status infeasible, exit 1, the round and the
    /// diagnosis of `select` (its balance named `region`).
    @Test func anInfeasibleRedeploymentConformsWithItsDiagnosis() throws {
        let register = Fixture.repositoryRoot.appendingPathComponent("Scenarios/data/finess-essms.csv").path
        let file = try Fixture.editedScenario("Scenarios/national-2024-redeploiement", files: ["projects.csv", "members.csv", "regions.csv"]) {
            $0.replacingOccurrences(of: "../data/finess-essms.csv", with: register)
                .replacingOccurrences(of: "territory: { basis: essms, tolerance: 0.20, mode: soft }",
                                      with: "territory: { basis: essms, tolerance: 0.01, mode: hard }")
        }
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let document = try Self.conforms("redeploy", ["redeploy", file.path, "--json", "--time-limit", "2"], status: 1)
        // Not simulated because there is nothing to simulate, not because of --no-simulation.
        let indicators = ((document as? [String: Any])?["national"] as? [String: Any])?["indicators"] as? [String: Any]
        #expect((indicators?["active_dui"] as? [String: Any])?["note"] as? String == "not simulated (no allocation)")
    }

    @Test func registerImportConforms() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("register.csv").path
        // The row with an error: nothing written, the summary and its diagnostics all the same.
        try Self.conforms("register-import", ["register", "import", Self.extract, "-o", output, "--json"], status: 1)
        try Self.conforms("register-import", ["register", "import", Self.extract, "-o", output, "--json", "--skip-invalid", "--notes"])
        try Self.conforms("register-import", ["register", "import", Self.extract, "-o", output, "--json", "--skip-invalid", "--all-categories"])
    }

    @Test func theValidatorRejectsWhatTheSchemasForbid() throws {
        let v = try Self.validator("select")
        #expect(!v.validate(["status": "maybe"]).isEmpty)
        let minimal: [String: Any] = ["scenario": "s", "status": "optimal", "sentence": "", "budget": ["available": 1, "used": 0],
                                      "selected": [], "objective": ["finess": 0, "acquisition": 0, "score": 0], "gap": 0,
                                      "balance": ["territory": [], "sector": []], "stages": [], "solver": ["name": "GLPK", "version": "5.0"],
                                      "projects": []]
        #expect(v.validate(minimal).isEmpty, "\(v.validate(minimal))")
        var wrong = minimal
        wrong["objective"] = ["finess": 1.5, "acquisition": 0, "score": 0]
        #expect(v.validate(wrong).contains { $0.contains("$.objective.finess") })
        wrong = minimal
        wrong["projects"] = [["id": "P", "decision": "selected", "code": "made-up", "reason": ""]]
        #expect(!v.validate(wrong).isEmpty)

        // pattern (searched, so anchored in the schema), maximum, and anyOf saying what its closest branch lacks.
        let keywords = try JSONSchemaValidator(schema: Data("""
            {"type": "object", "properties": {
               "code": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
               "share": {"type": "number", "minimum": 0, "maximum": 1},
               "rate": {"anyOf": [{"type": "null"}, {"type": "object", "required": ["estimate"]}]}}}
            """.utf8))
        #expect(keywords.validate(["code": "csv-empty", "share": 1, "rate": ["estimate": 0.5]]).isEmpty)
        #expect(keywords.validate(["code": "la table est vide"]).contains { $0.hasPrefix("$.code:") && $0.contains("does not match") })
        #expect(keywords.validate(["code": "x-csv-empty-"]).contains { $0.hasPrefix("$.code:") })
        #expect(keywords.validate(["share": 1.5]).contains { $0.hasPrefix("$.share:") && $0.contains("above") })
        #expect(keywords.validate(["rate": ["low": 0.5]])
            .contains { $0.hasPrefix("$.rate: matches none of anyOf (closest: $.rate: missing 'estimate')") })
        let badPattern = try JSONSchemaValidator(schema: Data(#"{"pattern": "("}"#.utf8))
        #expect(badPattern.validate("x").contains { $0.contains("not a regular expression") })
        // An unknown keyword is refused rather than ignored.
        let unknown = try JSONSchemaValidator(schema: Data(#"{"type": "string", "format": "date"}"#.utf8))
        #expect(unknown.validate("2024-01-01").contains { $0.contains("'format'") })
    }
}
