import ArgumentParser
import DossierFetch
import DossierPlatform
import DossierText
import Foundation

/// Looks after the library that `dossier fetch` fills: nothing leaves it unless the user asks.
struct LibraryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library", abstract: "Keep your library of fetched news to a size.", subcommands: [Prune.self])

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove old items from each feed in your library: beyond its newest N, or stored more than D days ago.",
            discussion: """
                Without --items or --days, keep-items and keep-days under [library] in config.toml say how much to keep. \
                Nothing is removed from the library but by this command.
                """)

        @Option(help: ArgumentHelp("Keep each feed's newest N items.", valueName: "N")) var items: Int?
        @Option(help: ArgumentHelp("Keep the items stored in the last D days.", valueName: "D")) var days: Int?
        @Flag(help: "Say what would be removed, and remove nothing.") var dryRun = false

        func validate() throws {
            if let items, items < 1 { throw ValidationError("--items takes a number above 0: the newest items of each feed to keep") }
            if let days, days < 1 { throw ValidationError("--days takes a number above 0: the days of items to keep") }
        }

        func run() throws {
            let config = UserConfig.current
            for problem in config.problems { Output.warning("config.toml \(problem)") }
            let keepItems = items ?? (days == nil ? config.keepItems : nil)
            let keepDays = days ?? (items == nil ? config.keepDays : nil)
            guard keepItems != nil || keepDays != nil else {
                throw ValidationError("say how much to keep: --items N, --days D, or keep-items, keep-days in config.toml")
            }
            let library = Library.userDefault()
            let pruned = try library.prune(keepItems: keepItems, keepDays: keepDays, dryRun: dryRun)
            let verb = dryRun ? "would remove" : "removed"
            for feed in pruned where feed.removed > 0 {
                Output.line("\(feed.feed): \(verb) \(Counted.phrase(feed.removed, "item")), \(feed.kept) kept")
            }
            let removed = pruned.reduce(0) { $0 + $1.removed }
            let kept = pruned.reduce(0) { $0 + $1.kept }
            Output.line("\(verb) \(Counted.phrase(removed, "item")) of \(Counted.phrase(pruned.count, "feed")); \(Counted.phrase(kept, "item")) kept in \(library.folder)")
        }
    }
}
