// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ScenarioModel

/// The checks before a report folder is replaced, the cleaning of what killed runs left, and
/// the system calls of the swap.
extension ReportFolder {
    /// Refuses a folder that is a file, that holds an input of the run, or that holds anything
    /// but report files (the swap replaces the whole folder).
    static func refuse(_ path: String, shown: String, files: [String], inputs: [String]) throws(OutputError) {
        func canonical(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
        let clashes = inputs.filter { let c = canonical($0); return c == path || c.hasPrefix(path + "/") }
        if !clashes.isEmpty {
            let (list, one) = (clashes.joined(separator: ", "), clashes.count == 1)
            let name = (path as NSString).lastPathComponent
            throw OutputError(.fr("refus d'écrire le rapport dans \(shown) : il écraserait \(one ? "une entrée" : "des entrées") de cette exécution (\(list))",
                                  en: "refusing to write the report into \(shown): it would overwrite \(one ? "an input" : "inputs") of this run (\(list))"),
                              help: .fr("choisissez un autre dossier avec -o, par exemple -o Reports/\(name)-rapport",
                                        en: "choose another folder with -o, e.g. -o Reports/\(name)-report"))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw OutputError(.fr("impossible d'écrire le rapport dans \(shown) : c'est un fichier, pas un dossier",
                                  en: "cannot write the report into \(shown): it is a file, not a folder"))
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let foreign = entries.filter { !files.contains($0) && !isOldTemporaryFile($0, files: files) }.sorted()
        if !foreign.isEmpty {
            let list = foreign.prefix(5).joined(separator: ", ")
            let more = foreign.count - 5
            throw OutputError(.fr("refus de remplacer \(shown) : outre un rapport, il contient \(list)\(more > 0 ? " et \(more) autres" : "")",
                                  en: "refusing to replace \(shown): besides a report it holds \(list)\(more > 0 ? " and \(more) more" : "")"),
                              help: .fr("le rapport remplace son dossier en entier ; écrivez-le dans un dossier nouveau ou vide avec -o, ou déplacez ces fichiers",
                                        en: "the report replaces its folder as a whole; write it into a new or empty folder with -o, or move those files out"))
        }
    }

    /// `.index.html.1234.tmp`: what a report of esms 0.1.0 killed while writing left in its folder.
    static func isOldTemporaryFile(_ entry: String, files: [String]) -> Bool {
        let parts = entry.split(separator: ".", omittingEmptySubsequences: false)
        guard entry.hasPrefix("."), parts.count >= 4, parts.last == "tmp", Int(parts[parts.count - 2]) != nil else { return false }
        return files.contains(parts[1..<(parts.count - 2)].joined(separator: "."))
    }

    /// Removes the temporary folders of runs whose process is gone (killed by SIGKILL, or the
    /// machine stopped); puts back an old report that a run killed in the middle of a swap
    /// without exchange had set aside.
    static func removeLeftovers(of name: String, in parent: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for entry in entries.sorted() {
            guard let (kind, pid) = leftover(entry, of: name), pid != getpid(), kill(pid, 0) == -1, errno == ESRCH else { continue }
            let full = parent + "/" + entry
            if kind == "old" && access(parent + "/" + name, F_OK) != 0 && rename(full, parent + "/" + name) == 0 { continue }
            try? FileManager.default.removeItem(atPath: full)
        }
    }

    /// `("new", 1234)` for `.NAME.esms-new.1234`.
    static func leftover(_ entry: String, of name: String) -> (String, pid_t)? {
        for kind in ["new", "old"] {
            let prefix = sibling(name, kind, 0).dropLast()  // ".NAME.esms-new."
            if entry.hasPrefix(prefix), let pid = pid_t(entry.dropFirst(prefix.count)), pid > 0 { return (kind, pid) }
        }
        return nil
    }

    /// Exchanges two folders in one step; false when the system or the file system cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE of <linux/fs.h>
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #elseif canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }

    /// Flushes a folder's entries to the disk (best effort).
    static func sync(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
