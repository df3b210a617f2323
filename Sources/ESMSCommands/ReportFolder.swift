// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ScenarioModel

/// A report folder replaced as a whole: the new report is written into a sibling temporary
/// folder `.NAME.esms-new.PID`, then exchanged with the old folder in one step
/// (renameat2(RENAME_EXCHANGE) on Linux, renamex_np(RENAME_SWAP) on macOS), so that at every
/// instant `NAME` is either the complete old report or the complete new one. A stop signal
/// while writing removes the temporary folder (`SignalCleanup`); a later run removes what a
/// SIGKILL left (siblings `.NAME.esms-new.PID` and `.NAME.esms-old.PID` whose process is gone).
///
/// The folder is refused when it holds an input of the run, or anything that is not a report
/// file (the swap would remove it).
final class ReportFolder {
    let path: String
    let staging: String
    private let files: [String]
    private var committed = false

    /// Checks `path`, cleans what killed runs left beside it and creates the temporary folder;
    /// from here a stop signal removes it.
    init(_ path: String, files: [String], inputs: [String]) throws(OutputError) {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path) { url = url.resolvingSymlinksInPath() }
        self.path = url.path
        self.files = files
        let parent = url.deletingLastPathComponent().path, name = url.lastPathComponent
        staging = parent + "/" + Self.sibling(name, "new", getpid())
        try Self.refuse(self.path, shown: path, files: files, inputs: inputs)
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(.fr("impossible de créer le dossier de \(path) : \(error.localizedDescription)",
                                  en: "cannot create the folder of \(path): \(error.localizedDescription)"))
        }
        Self.removeLeftovers(of: name, in: parent)
        try? FileManager.default.removeItem(atPath: staging)  // a killed run that had our process id
        guard mkdir(staging, 0o777) == 0 else {
            throw OutputError(.fr("impossible d'écrire le rapport à côté de \(path) : \(String(cString: strerror(errno)))",
                                  en: "cannot write the report beside \(path): \(String(cString: strerror(errno)))"))
        }
        SignalCleanup.arm(folder: staging, files: files + [Self.scratchName])
    }

    /// A file of the temporary folder for what is written before it becomes a report file (the
    /// workbook, through libxlsxwriter): a stop signal removes it with the folder.
    var scratchFile: String { staging + "/" + Self.scratchName }
    static let scratchName = ".scratch.esms-tmp"

    deinit { discard() }

    /// Writes one file of the report into the temporary folder, to the disk (fsync).
    func write(_ name: String, _ bytes: [UInt8]) throws(OutputError) {
        let fd = open(staging + "/" + name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure(.fr("impossible d'écrire \(name)", en: "cannot write \(name)"), errno) }
        defer { close(fd) }
        if let e = bytes.withUnsafeBytes({ StandardStream.write($0, to: fd) }) { throw failure(.fr("impossible d'écrire \(name)", en: "cannot write \(name)"), e) }
        if fsync(fd) != 0 { throw failure(.fr("impossible d'écrire \(name)", en: "cannot write \(name)"), errno) }
    }

    /// Puts the new report in place of the old one in one step, then removes the old one.
    func commit() throws(OutputError) {
        Self.sync(staging)
        let result: Result<Void, OutputError> = SignalCleanup.withSignalsHeld {
            defer { SignalCleanup.disarm() }
            guard access(path, F_OK) == 0 else {
                if rename(staging, path) != 0 { return .failure(failure(Self.cannotSwap, errno)) }
                return .success(())
            }
            let old: String
            if Self.exchange(staging, path) {
                old = staging
            } else {
                // A file system without exchange: the old folder aside, the new one in; a run killed
                // between the two renames is repaired by the next (`removeLeftovers`).
                old = (staging as NSString).deletingLastPathComponent + "/"
                    + Self.sibling((path as NSString).lastPathComponent, "old", getpid())
                if rename(path, old) != 0 { return .failure(failure(Self.cannotSwap, errno)) }
                if rename(staging, path) != 0 {
                    let e = errno
                    _ = rename(old, path)
                    return .failure(failure(Self.cannotSwap, e))
                }
            }
            committed = true
            try? FileManager.default.removeItem(atPath: old)
            return .success(())
        }
        try result.get()
        Self.sync((path as NSString).deletingLastPathComponent)
    }

    /// Removes the temporary folder of a report that was not committed.
    func discard() {
        if !committed {
            committed = true
            try? FileManager.default.removeItem(atPath: staging)
        }
        SignalCleanup.disarm()
    }

    private func failure(_ what: Phrase, _ e: Int32) -> OutputError {
        let reason = String(cString: strerror(e))
        return OutputError(.fr("\(what.fr) dans \(path) : \(reason) ; le rapport précédent, s'il y en a un, est inchangé",
                               en: "\(what.en) in \(path): \(reason); the previous report, if any, is unchanged"))
    }

    static let cannotSwap = Phrase.fr("impossible de mettre le rapport en place", en: "cannot put the report in place")

    /// `.NAME.esms-new.PID`, `.NAME.esms-old.PID`.
    static func sibling(_ name: String, _ kind: String, _ pid: pid_t) -> String { ".\(name).esms-\(kind).\(pid)" }
}
