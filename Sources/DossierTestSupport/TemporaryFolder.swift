import Foundation

/// Folders for the files a test writes, all under one folder of the test process's own, which is
/// removed when the process ends: a test run leaves nothing behind in the system's temporary folder.
public enum TemporaryFolder {
    /// A new folder's place, named `prefix-` and a unique suffix; the folder itself is not made.
    public static func url(_ prefix: String) -> URL {
        root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    private static let rootPath = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-tests-\(getpid())").path

    private static let root: URL = {
        try? FileManager.default.createDirectory(atPath: rootPath, withIntermediateDirectories: true)
        // Called as the process exits, whichever test framework ran it.
        atexit { try? FileManager.default.removeItem(atPath: TemporaryFolder.rootPath) }
        return URL(fileURLWithPath: rootPath)
    }()
}
