import Foundation

/// A temporary folder of article files, written by the tests themselves.
public enum ArticleFolder {
    /// Writes `files` (name: text) into a new temporary folder and returns it.
    public static func make(_ files: [String: String]) throws -> URL {
        let folder = TemporaryFolder.url("articles")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            let file = folder.appendingPathComponent(name)
            // A name with a slash puts the file in a folder of its own.
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return folder
    }
}
