import Foundation

/// A temporary folder of article files, written by the tests themselves.
public enum ArticleFolder {
    /// Writes `files` (name: text) into a new temporary folder and returns it.
    public static func make(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-articles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }
}
