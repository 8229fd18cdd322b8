import ArgumentParser
import DossierFetch
import DossierFormats
import DossierIndex
import DossierPlatform
import DossierResources
import DossierText
import Foundation

/// Looks after the saved indexes in the user's cache folder.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache", abstract: "Show or remove saved indexes.", subcommands: [Clear.self, Where.self])

    static func userCache() -> IndexCache {
        IndexCache.userDefault()
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the saved index of the corpus at PATHS, or every saved index when given no PATHS.")

        @Argument(help: "The article files or folders whose index to remove.") var paths: [String] = []

        func run() throws {
            let cache = CacheCommand.userCache()
            let removed = cache.clear(paths: paths.isEmpty ? nil : paths)
            // A corpus that is gone may still have an index to clear; a path that names neither is a mistake.
            if removed.files == 0, let missing = paths.first(where: { access($0, F_OK) != 0 }) {
                throw DossierError.pathNotFound(missing)
            }
            let megabytes = String(format: "%.1f", Double(removed.bytes) / 1_000_000)
            Output.line("removed \(removed.files) saved index file\(removed.files == 1 ? "" : "s") (\(megabytes) MB) from \(cache.directory)")
        }
    }

    struct Where: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path", abstract: "Print the file that holds the saved index of the corpus at PATHS.")

        @Argument(help: "Article files or folders. Default: your library when it holds articles, else the bundled articles.") var paths: [String] = []

        func run() throws {
            let cache = CacheCommand.userCache()
            let library = Library.userDefault()
            let paths = try !paths.isEmpty ? paths : library.holdsArticles ? [library.folder] : [BundledResources.articlesURL().path]
            if let missing = paths.first(where: { access($0, F_OK) != 0 }) { throw DossierError.pathNotFound(missing) }
            Output.line(cache.filePath(forPaths: paths))
        }
    }
}
