// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ScenarioModel

/// Where text goes: results to stdout, everything for a person to stderr when stdout carries
/// a machine document.
enum Output {
    static func out(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func line(_ s: String = "") { out(s + "\n") }

    static func out(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func error(_ s: String) {
        wroteError = true
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }

    /// Whether anything was said on stderr: a non-zero exit always says why (`ESMS.runMain`).
    nonisolated(unsafe) static var wroteError = false

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Renders diagnostics sorted by file and line, with a summary line.
    static func report(_ diagnostics: Diagnostics, showNotes: Bool = false) {
        let items = diagnostics.sorted.filter { showNotes || $0.severity != .note }
        for d in items { error(d.rendered) }
        let e = diagnostics.errorCount, w = diagnostics.warningCount
        if e > 0 || w > 0 {
            error("\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")")
        }
    }

    /// Writes `data` to `path` atomically: a temporary file in the same folder, then a rename.
    /// Refuses to write over one of `inputs`.
    static func writeAtomically(_ data: Data, to path: String, inputs: [String] = []) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let target = url.resolvingSymlinksInPath().path
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw OutputError(message: "refusing to write \(path): it is an input of this run")
        }
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw OutputError(message: "cannot create the folder of \(path): \(error.localizedDescription)")
        }
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temp)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw OutputError(message: "cannot write \(path): \(error.localizedDescription)")
        }
        // rename(2) replaces the destination atomically (FileManager.replaceItemAt removes it
        // first on Linux and can then fail, losing the old file).
        if rename(temp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw OutputError(message: "cannot write \(path): \(reason)")
        }
    }
}

struct OutputError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Values kept until the process exits instead of being freed one object at a time when a
/// command returns: the national register and its projects are some 10^5 objects, and freeing
/// them took about 5 % of `esms fund` at national scale, for memory the system reclaims at exit
/// anyway (compilers do the same). Only for data a command is done with.
enum ExitLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) { kept.append(value) }
}
