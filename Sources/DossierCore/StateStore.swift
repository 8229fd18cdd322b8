import DossierIndex
import DossierPlatform
import DossierText
import Foundation

/// Where the reader keeps its place between runs: one small file a corpus in
/// `$XDG_STATE_HOME/dossier` (else `~/.local/state/dossier`), named after the corpus's paths as
/// the index cache's files are, so any spelling of a folder finds its state.
///
/// A file is only ever replaced whole (written beside it, then renamed), so a crash mid-write
/// leaves the previous state, never half of one.
public struct StateStore: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public static func userDefault(environment: [String: String] = ProcessInfo.processInfo.environment) -> StateStore {
        StateStore(directory: UserFolder.state.dossierFolder(environment: environment))
    }

    /// The state file of the corpus opened from `paths` (none: the bundled articles).
    public func filePath(forPaths paths: [String]) -> String {
        let roots = IndexCache.roots(for: paths)
        let key = Checksum.of(roots.isEmpty ? "bundled" : roots.joined(separator: "\0"))
        return directory + "/" + String(key, radix: 16).zeroPadded(to: 16) + ".state.json"
    }

    /// The saved bytes, or nil when nothing was saved yet.
    public func load(forPaths paths: [String]) throws -> Data? {
        let path = filePath(forPaths: paths)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DossierError.unreadable(path, reason: "it cannot be read")
        }
    }

    public func save(_ data: Data, forPaths paths: [String]) throws {
        do {
            try AtomicFile.makeFolder(directory)
            try AtomicFile.write(data, to: filePath(forPaths: paths))
        } catch {
            throw DossierError.unwritable(error.path, reason: error.reason)
        }
    }
}
