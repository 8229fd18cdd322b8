import DossierLinking
import DossierPlatform
import DossierText
import DossierUI
import Foundation

/// The user's config file, read once a run: `$XDG_CONFIG_HOME/dossier/config.toml`, else
/// `~/.config/dossier/config.toml`. Its problems are said once, each with its line number;
/// the rest of it applies.
enum UserConfig {
    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        UserFolder.config.dossierFolder(environment: environment) + "/config.toml"
    }

    /// The file read, or the empty config when there is none.
    nonisolated(unsafe) private static var loaded: ConfigFile?

    static var current: ConfigFile {
        if let loaded { return loaded }
        let file = path()
        var config = ConfigFile()
        if FileManager.default.fileExists(atPath: file) {
            if let data = FileManager.default.contents(atPath: file) {
                config = ConfigFile(text: String(decoding: data, as: UTF8.self))
            } else {
                config.problems = ["it cannot be read; none of it applies"]
            }
        }
        loaded = config
        return config
    }

    /// The problems, each as a warning naming the file.
    static var warnings: [String] {
        current.problems.map { "\(path()): \($0)" }
    }

    /// The bundled catalog with the user's own people.
    static func catalog() throws -> EntityCatalog {
        do {
            return try EntityCatalog.bundled().merging(current.people)
        } catch let error as DossierError {
            throw DossierError.invalidCatalog("\(path()): the people in it cannot be used: \(error)")
        }
    }
}
