// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import TestSupport

/// stdout and stderr that cannot be written: a full disk, a closed stream, a pipe whose reader
/// has gone. Never a trap: exit 3 with a message, or 141 quietly for the pipe.
@Suite struct StandardStreamTests {
    static let mini = "Tests/ESMSCommandsTests/Fixtures/mini/scenario.yaml"

    static let commands: [[String]] = [
        ["fund", mini, "--json"], ["fund", mini], ["validate", mini, "--json"],
        ["select", mini, "--json", "--explain-limit", "0"], ["envelopes", "--total", "71500000", "--floor", "500000", "--json"],
    ]

    @Test(arguments: commands)
    func aFullDiskIsExit3WithAMessage(arguments: [String]) throws {
        let r = try CommandRunner.run(arguments, redirect: "> /dev/full")
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("erreur : impossible d'écrire la sortie standard : No space left on device"))
    }

    @Test func aClosedStdoutIsExit3() throws {
        let r = try CommandRunner.run(["fund", Self.mini, "--json"], redirect: ">&-")
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("erreur : impossible d'écrire la sortie standard : Bad file descriptor"))
    }

    /// A closed stderr: the messages are lost, the run says so by its status.
    @Test func aClosedStderrIsExit3() throws {
        let r = try CommandRunner.run(["validate", Self.mini], redirect: "2>&-")
        #expect(r.status == 3)
    }

    /// `esms fund --json | head -c 1`: the reader is gone before esms writes (the read end is
    /// closed before it starts); it stops quietly with 141, as a shell says for SIGPIPE.
    @Test func aClosedPipeEndsQuietlyWith141() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        let writer = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        let r = try CommandRunner.run(["fund", Self.mini, "--json"], standardOutput: writer)
        #expect(r.status == 141)
        #expect(r.stderr.isEmpty, "quiet: \(r.stderr)")
    }
}
