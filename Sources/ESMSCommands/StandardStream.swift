// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Standard output and standard error, written with write(2) and nothing else: no buffer that a
/// crash could lose, no Foundation `FileHandle.write` (which traps on ENOSPC or a closed stream).
enum StandardStream: Int32 {
    case output = 1
    case error = 2

    var name: String { self == .output ? "the standard output" : "the standard error" }
    var nameFR: String { self == .output ? "la sortie standard" : "la sortie d'erreur" }

    /// Writes every byte; the errno of a failure, or nil.
    func write(_ bytes: UnsafeRawBufferPointer) -> Int32? { Self.write(bytes, to: rawValue) }

    /// Writes every byte to `fd`, again after a signal (EINTR), a partial write or a full
    /// non-blocking pipe (EAGAIN); returns the errno of a failure, or nil when all was written.
    static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var done = 0
        while done < bytes.count {
            let n = Foundation.write(fd, base + done, bytes.count - done)
            if n > 0 {
                done += n
                continue
            }
            if n == 0 { return EIO }
            let e = errno
            switch e {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&p, 1, -1)
            default: return e
            }
        }
        return nil
    }

    /// Run once at start-up, before anything is opened or written:
    /// - SIGPIPE is ignored, so that a closed pipe is an EPIPE error of `write` (which ends the
    ///   run quietly with status 141) instead of a silent death;
    /// - a standard stream closed by the caller (`>&-`) is held by /dev/null opened read-only, so
    ///   that no file this run opens gets its number (a report would receive the messages) and
    ///   every write to it still fails (EBADF: exit 3).
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let held = open("/dev/null", O_RDONLY)
            if held >= 0 && held != fd {
                // Not the lowest free number: move it there.
                _ = dup2(held, fd)
                close(held)
            }
        }
    }
}
