import ArgumentParser
import DossierFetch
import DossierPlatform
import DossierText
import Foundation

/// Downloads the feeds the user follows and keeps their new items in the library.
struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Download your feeds and keep their new items in your library.",
        discussion: """
            Reads the feed list (one URL a line, as newsboat's urls file: optional "tags" after the URL, # comments), \
            fetches the feeds at once, and stores each new item (by its feed id, else its link) in the library, \
            $XDG_DATA_HOME/dossier/library, which every command then reads when given no path. Each feed's outcome \
            is one line. Requests are conditional (ETag, Last-Modified), follow at most 5 redirects, and give up \
            after --idle-timeout seconds without data or --timeout seconds in all; a response over 20 MB is refused.
            """)

    @Option(help: ArgumentHelp("The feed list. Default: $XDG_CONFIG_HOME/dossier/urls.", valueName: "FILE")) var urls: String?
    @Option(help: "Seconds a whole request may take.") var timeout: Double = 60
    @Option(help: "Seconds without data (connecting included) before a request is given up.") var idleTimeout: Double = 15

    func validate() throws {
        guard timeout > 0, idleTimeout > 0 else { throw ValidationError("--timeout and --idle-timeout take a number of seconds above 0") }
    }

    func run() throws {
        let listPath = urls ?? FeedList.defaultPath()
        let list = try FeedList(reading: listPath)
        for problem in list.problems { Output.warning("\(listPath): \(problem)") }
        guard !list.feeds.isEmpty else { throw DossierError.unreadable(listPath, reason: "it names no feed to fetch") }
        var settings = FeedFetcher.Settings()
        settings.requestTimeout = timeout
        settings.idleTimeout = idleTimeout
        let fetcher = FeedFetcher(library: Library.userDefault(), settings: settings)
        let bar = ProgressBar.standardError()
        let finished = Locked(0)
        let outcomes = fetcher.fetch(list.feeds) { _, _ in
            let count = finished.change { $0 += 1 }
            bar?.showCount(count, of: list.feeds.count, what: "feeds")
        }
        bar?.finish()
        for (feed, outcome) in zip(list.feeds, outcomes) {
            Output.line("\(feed.url): \(outcome.description)")
        }
        if outcomes.contains(where: \.isFailure) { throw ExitCode(1) }
    }
}
