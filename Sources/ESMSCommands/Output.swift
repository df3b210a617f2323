// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Foundation
import ScenarioModel

/// Where text goes: results to stdout, everything for a person to stderr when stdout carries
/// a machine document. Every byte of either goes through `StandardStream.write`: a failure on
/// stdout ends the run at once with status 3 (message on stderr) or, on a closed pipe, 141
/// quietly; a failure on stderr is remembered and turns a successful run's status into 3 (141).
enum Output {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var stderrFailure: Int32?

    static func out(_ s: String) throws(ExitCode) {
        var s = s
        try check(s.withUTF8 { StandardStream.output.write(UnsafeRawBufferPointer($0)) })
    }

    static func line(_ s: String = "") throws(ExitCode) { try out(s + "\n") }

    static func out(_ bytes: [UInt8]) throws(ExitCode) {
        try check(bytes.withUnsafeBytes { StandardStream.output.write($0) })
    }

    /// Ends the run for a failed write to stdout (`errno`; nil when it succeeded).
    private static func check(_ errno: Int32?) throws(ExitCode) {
        guard let e = errno else { return }
        if e == EPIPE { throw ExitStatus.brokenPipe }
        fail(.fr("impossible d'écrire \(StandardStream.output.nameFR) : \(String(cString: strerror(e)))",
                 en: "cannot write \(StandardStream.output.name): \(String(cString: strerror(e)))"))
        throw ExitStatus.outputFailed
    }

    static func error(_ s: String) { errorText(s.hasSuffix("\n") ? s : s + "\n") }

    /// Text on stderr as it is (no line end added); a failure is remembered for `finalStatus`.
    static func errorText(_ s: String) {
        wroteError = true
        var s = s
        let e = s.withUTF8 { StandardStream.error.write(UnsafeRawBufferPointer($0)) }
        guard let e else { return }
        lock.lock()
        if stderrFailure == nil { stderrFailure = e }
        lock.unlock()
    }

    /// The status the process ends with: `status`, unless the run succeeded but stderr could not
    /// be written (3, or 141 when its reader had gone).
    static func finalStatus(_ status: Int32) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        guard status == 0, let e = stderrFailure else { return status }
        return e == EPIPE ? ExitStatus.brokenPipe.rawValue : ExitStatus.outputFailed.rawValue
    }

    /// Whether anything was said on stderr: a non-zero exit always says why (`ESMS.runMain`).
    nonisolated(unsafe) static var wroteError = false

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// The language of the diagnostics and of the sentences around them: the command's
    /// `--lang` (set once the command line is parsed, `ESMS.status`), French by default.
    nonisolated(unsafe) static var language: Language = .fr

    /// Renders diagnostics sorted by file and line, with a summary line, in `language`.
    static func report(_ diagnostics: Diagnostics, showNotes: Bool = false) {
        let items = diagnostics.sorted.filter { showNotes || $0.severity != .note }
        for d in items { error(d.rendered(in: language)) }
        if diagnostics.errorCount > 0 || diagnostics.warningCount > 0 {
            error(diagnostics.summary(in: language))
        }
    }

    /// `path: not loaded, fix the errors above` / `path : non chargé, corrigez les erreurs ci-dessus`.
    static func notLoaded(_ what: String) {
        error(language == .fr ? "\(what) : non chargé, corrigez les erreurs ci-dessus" : "\(what): not loaded, fix the errors above")
    }

    /// `erreur : …` / `error: …`, in `language`.
    static func fail(_ p: Phrase) { error(Phrase.fr("erreur : ", en: "error: ").text(language) + p.text(language)) }

    /// `avertissement : …` / `warning: …`.
    static func warn(_ p: Phrase) { error(Phrase.fr("avertissement : ", en: "warning: ").text(language) + p.text(language)) }

    /// `note : …` / `note: …`.
    static func note(_ p: Phrase) { error(Phrase.fr("note : ", en: "note: ").text(language) + p.text(language)) }

    /// A sentence on stderr in `language`, as it is.
    static func say(_ p: Phrase) { error(p.text(language)) }

    /// `écrit : path` / `wrote path`, for a file (or a folder and its files) a command wrote.
    static func wrote(_ what: String) { say(.fr("écrit : \(what)", en: "wrote \(what)")) }

    /// `fichiers écrits dans folder/ : a, b` / `wrote folder/: a, b`.
    static func wrote(folder: String, _ files: [String]) {
        let list = files.joined(separator: ", ")
        say(.fr("fichiers écrits dans \(folder)/ : \(list)", en: "wrote \(folder)/: \(list)"))
    }

    /// A usage error (exit 2) in the language of the command line, which is known before
    /// parsing ends (`Language.ofArguments`).
    static func usage(_ p: Phrase) -> ValidationError { ValidationError(p.text(language)) }

    /// Writes `data` to `path` atomically: a temporary file in the same folder, then a rename.
    /// Refuses to write over one of `inputs`.
    static func writeAtomically(_ data: Data, to path: String, inputs: [String] = []) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let target = url.resolvingSymlinksInPath().path
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw OutputError(.fr("refus d'écrire \(path) : c'est une entrée de cette exécution",
                                  en: "refusing to write \(path): it is an input of this run"))
        }
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw OutputError(.fr("impossible de créer le dossier de \(path) : \(error.localizedDescription)",
                                  en: "cannot create the folder of \(path): \(error.localizedDescription)"))
        }
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temp)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw OutputError(.cannotWrite(path, error.localizedDescription))
        }
        // rename(2) replaces the destination atomically (FileManager.replaceItemAt removes it
        // first on Linux and can then fail, losing the old file).
        if rename(temp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw OutputError(.cannotWrite(path, reason))
        }
    }
}

/// A file or folder that could not be written, said in the language of the run (`Output.language`).
struct OutputError: Error, CustomStringConvertible {
    var message: Phrase
    var help: Phrase?

    init(_ message: Phrase, help: Phrase? = nil) {
        self.message = message
        self.help = help
    }

    var description: String {
        let l = Output.language
        return message.text(l) + (help.map { (l == .fr ? "\nconseil : " : "\nhelp: ") + $0.text(l) } ?? "")
    }
}

extension Phrase {
    /// `cannot write path: reason` / `impossible d'écrire path : reason`.
    static func cannotWrite(_ path: String, _ reason: String) -> Phrase {
        .fr("impossible d'écrire \(path) : \(reason)", en: "cannot write \(path): \(reason)")
    }
}

/// Values kept until the process exits instead of being freed one object at a time when a
/// command returns: the national register and its projects are some 10^5 objects, and freeing
/// them took about 5 % of `esms fund` at national scale, for memory the system reclaims at exit
/// anyway (compilers do the same). Only for data a command is done with.
enum ExitLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) { kept.append(value) }
}
