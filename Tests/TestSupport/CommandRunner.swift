// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Runs the built `esms` executable as a user would, capturing stdout, stderr and the exit code.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum CommandRunner {
    /// The `esms` binary next to the test bundle (`swift build` puts both in the same folder).
    public static var executable: URL? {
        let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for dir in candidates {
            let url = dir.appendingPathComponent("esms")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs `esms arguments` (`binary`, when given, instead of the built one). `redirect` is
    /// shell redirections applied to it (`> /dev/full`, `>&-`), through /bin/sh;
    /// `standardOutput` replaces the captured stdout (then empty).
    public static func run(_ arguments: [String], in directory: URL = Fixture.repositoryRoot,
                           environment: [String: String] = [:], redirect: String? = nil,
                           standardOutput: FileHandle? = nil, binary: URL? = nil) throws -> CommandResult {
        let out = Pipe(), err = Pipe()
        let process = try launch(arguments, in: directory, environment: environment, redirect: redirect, binary: binary,
                                 standardOutput: standardOutput ?? out.fileHandleForWriting, standardError: err.fileHandleForWriting)
        // The parent's copies of the write ends, closed so that reading ends with the child.
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `esms arguments` and returns at once (to stop it while it runs).
    public static func launch(_ arguments: [String], in directory: URL = Fixture.repositoryRoot,
                              environment: [String: String] = [:], redirect: String? = nil, binary: URL? = nil,
                              standardOutput: FileHandle? = nil, standardError: FileHandle? = nil) throws -> Process {
        guard let executable = binary ?? executable else { throw RunnerError.noExecutable }
        let process = Process()
        if let redirect {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" \(redirect)", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = standardOutput ?? FileHandle.nullDevice
        process.standardError = standardError ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    public enum RunnerError: Error { case noExecutable }
}

/// Compares text with a golden file; `ESMS_RECORD_GOLDEN=1` rewrites the file instead.
public enum Golden {
    public static func check(_ actual: String, _ path: URL) -> String? {
        if ProcessInfo.processInfo.environment["ESMS_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: path)
            return nil
        }
        guard let expected = try? String(contentsOf: path, encoding: .utf8) else {
            return "golden file \(path.path) missing: run the tests with ESMS_RECORD_GOLDEN=1 to record it"
        }
        if expected == actual { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        return "output differs from \(path.lastPathComponent) at line \(line + 1):\n  expected: \(line < e.count ? String(e[line]) : "<end>")\n  actual:   \(line < a.count ? String(a[line]) : "<end>")\n(re-record with ESMS_RECORD_GOLDEN=1 if the change is intended)"
    }
}
