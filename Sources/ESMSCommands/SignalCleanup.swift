// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Removes a temporary folder when the run is stopped by SIGINT, SIGTERM or SIGHUP, then lets
/// the signal end the process as it would have (status 130, 143, 129 in a shell).
///
/// The handler only does what is safe in a signal handler: it reads C strings prepared
/// beforehand (`arm`) and calls unlink(2), rmdir(2), signal(2), raise(3) and pthread_kill(3).
/// A signal that another thread receives is sent on to the main thread, so that it never runs
/// beside the main thread's own work; the main thread blocks the signals while it swaps folders
/// (`withSignalsHeld`), and a signal that came meanwhile acts once the swap is done.
enum SignalCleanup {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The files then the folder to remove, as consecutive C strings.
    nonisolated(unsafe) private static var paths: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var pathCount = 0
    nonisolated(unsafe) private static var mainThread: pthread_t?
    /// The actions before `arm`, put back by `disarm`; a signal the caller ignores (`nohup`, a
    /// background job) stays ignored.
    nonisolated(unsafe) private static var previous: [Int32: sighandler_t?] = [:]

    /// From now on a stop signal removes `files` (names inside `folder`) and `folder`. Called on
    /// the main thread.
    static func arm(folder: String, files: [String]) {
        disarm()
        let all = files.map { folder + "/" + $0 } + [folder]
        let size = all.reduce(0) { $0 + $1.utf8.count + 1 }
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: size)
        var p = buffer
        for path in all {
            path.withCString { c in
                let n = strlen(c) + 1
                p.update(from: c, count: n)
                p += n
            }
        }
        mainThread = pthread_self()
        paths = buffer
        pathCount = all.count
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for s in signals {
            let before = signal(s, handler)
            previous[s] = before
            if unsafeBitCast(before, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { signal(s, SIG_IGN) } else { sigaddset(&unblocked, s) }
        }
        // A mask inherited from the parent would hold the signals back until the run ends.
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }

    /// Back to the default action of the signals; the prepared paths are freed.
    static func disarm() {
        guard let buffer = paths else { return }
        for s in signals { signal(s, previous[s] ?? SIG_DFL) }
        paths = nil
        pathCount = 0
        buffer.deallocate()
    }

    /// Runs `body` with the stop signals held back on the main thread (and, sent on by the
    /// handler, from the others): one that comes meanwhile acts when `body` is done.
    static func withSignalsHeld<T>(_ body: () throws -> T) rethrows -> T {
        var held = sigset_t(), previous = sigset_t()
        sigemptyset(&held)
        for s in signals { sigaddset(&held, s) }
        pthread_sigmask(SIG_BLOCK, &held, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    private static let handler: @convention(c) (Int32) -> Void = { sig in
        if let main = SignalCleanup.mainThread, pthread_equal(pthread_self(), main) == 0 {
            pthread_kill(main, sig)
            return
        }
        if var p = SignalCleanup.paths {
            let count = SignalCleanup.pathCount
            for k in 0..<count {
                if k == count - 1 { rmdir(p) } else { unlink(p) }
                p += strlen(p) + 1
            }
        }
        signal(sig, SIG_DFL)
        raise(sig)
    }
}
