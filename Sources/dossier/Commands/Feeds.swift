import ArgumentParser
import DossierFetch
import DossierFormats
import DossierPlatform
import DossierText
import Foundation

/// The feeds the user follows: listed, imported from OPML, exported to OPML.
struct Feeds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the feeds you follow, or move them to and from OPML.",
        discussion: """
            The feed list is newsboat's urls file: a feed a line, its tags after it in quotes, "~Title" its name. \
            OPML's folders are its tags: a feed in two folders has both.
            """,
        subcommands: [ListFeeds.self, ImportFeeds.self, ExportFeeds.self],
        defaultSubcommand: ListFeeds.self)

    struct ListOption: ParsableArguments {
        @Option(help: ArgumentHelp("The feed list. Default: $XDG_CONFIG_HOME/dossier/urls.", valueName: "FILE")) var urls: String?

        var path: String { urls ?? FeedList.defaultPath() }
    }

    struct ListFeeds: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the feeds you follow: their names and tags, the items your library holds of each, and how the last fetch went.")
        @OptionGroup var list: ListOption

        func run() throws {
            let feeds = try FeedList(reading: list.path)
            for problem in feeds.problems { Output.warning("\(list.path): \(problem)") }
            let library = Library.userDefault()
            let counts = library.storedCounts()
            let statuses = library.statuses()
            for feed in feeds.feeds {
                let tags = feed.folders.isEmpty ? "" : "  [" + feed.folders.joined(separator: ", ") + "]"
                let fetched = statuses[feed.url].map { "fetched \(LibraryStamp.shown($0.fetched)): \($0.outcome)" } ?? "not fetched yet"
                Output.line((feed.title.map { "\($0)  " } ?? "") + feed.url + tags
                            + "  · " + Counted.phrase(counts[feed.url] ?? 0, "item") + " · " + fetched)
            }
        }
    }

    struct ImportFeeds: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Follow the feeds of an OPML file, its folders as tags; feeds you follow stay as they are.")
        @Argument(help: ArgumentHelp("An OPML file, as feed readers export (newsboat -e, and others).", valueName: "FILE.opml")) var file: String
        @OptionGroup var list: ListOption

        func run() throws {
            let bytes = try FileReader.bytes(of: file)
            let imported: [OPMLFeed]
            do {
                imported = try OPMLReader.feeds(in: bytes)
            } catch {
                throw DossierError.unreadable(file, reason: error.description)
            }
            guard !imported.isEmpty else { throw DossierError.unreadable(file, reason: "it lists no feed (no outline with an xmlUrl)") }
            let path = list.path
            var outcome: (added: [FeedList.Feed], followed: Int, problems: [String]) = ([], 0, [])
            do {
                try AtomicFile.makeFolder((path as NSString).deletingLastPathComponent)
                try FileLock.withExclusiveLock(on: path + ".lock") {
                    let text = FileManager.default.fileExists(atPath: path) ? String(decoding: try FileReader.bytes(of: path), as: UTF8.self) : ""
                    let imported = try FeedList.importing(imported, into: text)
                    outcome = (imported.added, imported.followed, imported.problems)
                    if !imported.added.isEmpty { try AtomicFile.write(Data(imported.text.utf8), to: path) }
                }
            } catch let failure as AtomicFile.Failure {
                throw DossierError.unwritable(path, reason: failure.reason)
            }
            for problem in outcome.problems { Output.warning("\(file): \(problem)") }
            for feed in outcome.added { Output.line("added \(feed.url)") }
            let followed = outcome.followed > 0 ? "; " + Counted.phrase(outcome.followed, "feed") + " followed already" : ""
            Output.line("imported " + Counted.phrase(outcome.added.count, "feed") + " into \(path)" + followed)
        }
    }

    struct ExportFeeds: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Print the feeds you follow as OPML 2.0, their tags as folders.")
        @OptionGroup var list: ListOption

        func run() throws {
            let feeds = try FeedList(reading: list.path)
            for problem in feeds.problems { Output.warning("\(list.path): \(problem)") }
            for line in feeds.opml().split(separator: "\n") { Output.line(String(line)) }
        }
    }
}
