// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// Every numeric option out of its range is a usage error (exit 2) that names the range, in
/// every command that has it — checked before the scenario is even read.
@Suite struct NumericOptionTests {
    static let mini = "Tests/ESMSCommandsTests/Fixtures/mini/scenario.yaml"

    @Test(arguments: ["select", "frontier", "tradeoff", "report", "redeploy"], ["inf", "1e308", "3000000", "0", "nan", "-inf"])
    func timeLimitOutOfRangeIsAUsageError(command: String, value: String) throws {
        let r = try CommandRunner.run([command, Self.mini, "--time-limit=\(value)"])
        #expect(r.status == 2, "\(command) --time-limit=\(value): \(r.stderr)")
        #expect(r.stderr.contains("--time-limit prend un nombre de secondes supérieur à 0 et au plus égal à 1\u{202F}000\u{202F}000"), "\(r.stderr)")
    }

    @Test(arguments: [
        ["simulate", mini, "--draws", "0"], ["simulate", mini, "--threads", "5000"], ["whatif", mini, "--tolerance", "1"],
        ["select", mini, "--gap", "1"], ["select", mini, "--next-in-line", "11"], ["report", mini, "--frontier-steps", "1"],
        ["frontier", mini, "--steps", "1000"], ["tradeoff", mini, "--points", "1"], ["select", mini, "--explain-limit", "1000000"],
    ])
    func otherOptionsOutOfRangeAreUsageErrors(arguments: [String]) throws {
        let r = try CommandRunner.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains("\(arguments[2]) prend "), "\(r.stderr)")
    }

    /// `--seed -1`: the parser takes `-1` for an option; the message says what --seed takes.
    @Test(arguments: [["--seed", "-1"], ["--seed=-1"], ["--draws", "-5"]])
    func aNegativeNumberIsExplained(option: [String]) throws {
        let r = try CommandRunner.run(["simulate", Self.mini] + option)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("jamais un nombre négatif"), "\(r.stderr)")
        #expect(!r.stderr.contains("Missing value"), "\(r.stderr)")
    }
}
