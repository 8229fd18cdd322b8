import DossierText
import Foundation

/// Finds the files that ship with Dossier: the default articles, the entity catalog and the word lists.
public enum BundledResources {
    /// The folder beside the executable that holds them; an installed `dossier` needs it alongside.
    public static let bundleName = "Dossier_DossierResources.resources"

    /// The folder of the two seed articles that every command reads when given no path.
    public static func articlesURL() throws -> URL {
        try url(of: "articles")
    }

    package static func url(of name: String) throws -> URL {
        // Bundle.module stops the process when its bundle is missing (a binary
        // copied away from its build folder), so look beside the executable first
        // and only then ask Bundle.module, which also knows the build folder.
        let beside = Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        let executableFolder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        let besideExecutable = executableFolder.appendingPathComponent(bundleName).appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: besideExecutable.path) { return besideExecutable }
        if let url = Bundle.module.url(forResource: name, withExtension: nil) { return url }
        throw DossierError.missingResource(name)
    }
}
