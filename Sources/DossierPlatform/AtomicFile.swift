import Foundation

/// A file replaced whole or not at all: written to a hidden temporary beside it, flushed to disk and
/// renamed into place, so that a crash or a full disk mid-write leaves the previous file, never half
/// of a new one.
///
/// The writer holds a lock on its temporary until it is renamed or removed, and the kernel lets the
/// lock go however the process ends: that is how `removeAbandonedTemporaries` tells a temporary
/// being written (by this process or another) from one a killed writer left behind.
package final class AtomicFile {
    /// The file this one replaces once committed.
    package let path: String
    /// Where it is written meanwhile: `.NAME.tmp-PID` in the same folder.
    package let temporaryPath: String
    /// Open for writing until `commit` or `abandon`.
    package let descriptor: Int32
    private var isOpen = true

    /// Why a file could not be written: which file, and what the system said, in lower case.
    package struct Failure: Error, Equatable {
        package let path: String
        package let reason: String
    }

    /// Creates the temporary for `path` and locks it; the folder must exist.
    package init(replacing path: String, permissions: mode_t = 0o644) throws(Failure) {
        self.path = path
        temporaryPath = Self.folder(of: path) + "/" + Self.temporaryPrefix(for: path) + String(getpid())
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw Failure(path: temporaryPath, reason: Self.systemReason()) }
        flock(descriptor, LOCK_EX)
    }

    deinit {
        if isOpen { abandon() }
    }

    /// Appends `bytes`, writing again after an interruption or a partial write.
    package func write(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        if let failure = writeAll(bytes) { throw failure }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) -> Failure? {
        var written = 0
        while written < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return Failure(path: path, reason: Self.systemReason())
            }
            written += count
        }
        return nil
    }

    /// Flushes the temporary to disk, renames it over `path` and makes the rename durable; on failure
    /// the temporary is removed and `path` is as it was. Not `durably`, it is renamed unflushed: for a
    /// file whose loss to a power cut costs nothing but time, and which a checksum shows torn.
    package func commit(durably: Bool = true) throws(Failure) {
        guard !durably || fsync(descriptor) == 0 else {
            let reason = Self.systemReason()
            abandon()
            throw Failure(path: path, reason: reason)
        }
        close(descriptor)
        isOpen = false
        guard rename(temporaryPath, path) == 0 else {
            let reason = Self.systemReason()
            unlink(temporaryPath)
            throw Failure(path: path, reason: reason)
        }
        // The rename itself is durable only once the folder is synced.
        guard durably else { return }
        let folder = open(Self.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Closes and removes the temporary, leaving `path` as it was.
    package func abandon() {
        guard isOpen else { return }
        isOpen = false
        close(descriptor)
        unlink(temporaryPath)
    }

    /// Replaces `path` with `data` whole.
    package static func write(_ data: Data, to path: String, permissions: mode_t = 0o644) throws(Failure) {
        let file = try AtomicFile(replacing: path, permissions: permissions)
        let failure = data.withUnsafeBytes { file.writeAll($0) }
        if let failure {
            file.abandon()
            throw failure
        }
        try file.commit()
    }

    /// Closes the temporary and leaves it where it is, unlocked, as a writer killed mid-write would:
    /// for the tests of what the next writer does with it.
    package func closeAsIfKilled() {
        guard isOpen else { return }
        isOpen = false
        close(descriptor)
    }

    /// Makes `path` and the folders above it that are missing; the failure names the folder that could
    /// not be made and why, as the system says it (a file in the way, no permission, a name too long).
    package static func makeFolder(_ path: String) throws(Failure) {
        var made = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            made += "/" + component
            if mkdir(made, 0o755) == 0 || errno == EEXIST {
                var info = stat()
                guard stat(made, &info) == 0 else { throw Failure(path: made, reason: systemReason()) }
                guard info.st_mode & S_IFMT == S_IFDIR else { throw Failure(path: made, reason: "it is a file, not a folder") }
                continue
            }
            throw Failure(path: made, reason: systemReason())
        }
    }

    // MARK: - Temporaries left behind

    /// How long a temporary may stand unlocked after it was made, before its writer locks it.
    package static let newTemporarySeconds = 10

    /// Removes the temporaries of `path` that killed writers left behind. A temporary whose lock can be
    /// taken is abandoned, even when its name's process id now belongs to another process (after a
    /// reboot); one just created may not be locked yet, so one that young is left alone while a process
    /// with its id lives.
    package static func removeAbandonedTemporaries(of path: String) {
        let folder = folder(of: path)
        let prefix = temporaryPrefix(for: path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) { removeIfAbandoned(name, in: folder) }
    }

    /// The same for every temporary in `folder` and the folders below it.
    package static func removeAbandonedTemporaries(below folder: String) {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard name.hasPrefix("."), name.contains(".tmp-") else { continue }
            removeIfAbandoned(name, in: folder + "/" + (relative as NSString).deletingLastPathComponent)
        }
    }

    private static func removeIfAbandoned(_ name: String, in folder: String) {
        guard let marker = name.range(of: ".tmp-", options: .backwards), let pid = Int32(name[marker.upperBound...]) else { return }
        let temporary = folder + "/" + name
        let descriptor = open(temporary, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return }
        let processGone = kill(pid, 0) != 0 && errno == ESRCH
        let ageSeconds = time(nil) - info.st_mtim.tv_sec
        if pid == getpid() || processGone || ageSeconds > newTemporarySeconds { unlink(temporary) }
    }

    /// True when `name`, a name in a folder, is a temporary of a file in that folder whose name ends in `suffix`.
    package static func isTemporary(_ name: String, ofAFileEndingIn suffix: String) -> Bool {
        name.hasPrefix(".") && name.contains(suffix + ".tmp-")
    }

    /// The start of the name of every temporary of `path`: `.NAME.tmp-`.
    package static func temporaryPrefix(for path: String) -> String {
        "." + (path as NSString).lastPathComponent + ".tmp-"
    }

    private static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static func systemReason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
