import Foundation

/// An exclusive lock on a file, held across processes while a body runs: how two runs of Dossier
/// that write the same folder take turns. The kernel lets it go however the process ends.
package enum FileLock {
    /// Runs `body` holding the lock on `path` (made when missing), waiting for any other holder.
    package static func withExclusiveLock<Result>(on path: String, _ body: () throws -> Result) throws -> Result {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AtomicFile.Failure(path: path, reason: String(cString: strerror(errno)).lowercased()) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw AtomicFile.Failure(path: path, reason: String(cString: strerror(errno)).lowercased()) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
