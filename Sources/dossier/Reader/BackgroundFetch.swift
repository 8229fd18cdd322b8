import DossierFetch
import DossierPlatform
import DossierText
import DossierUI
import Foundation

/// `R` in the reader: fetches the user's feeds (or, from the feed list, one of them) on a thread of
/// its own, as `dossier fetch` does, then, when the reader shows the library, loads the corpus again
/// so that the new articles join it. The reader takes its progress and outcome as events, and the
/// feeds with how this fetch went.
final class BackgroundFetch: BackgroundWork, @unchecked Sendable {
    private let events = Locked([Outcome]())
    private let done = Locked(false)

    init(_ options: CorpusOptions, only address: String? = nil) {
        let thread = Thread { [self] in
            let last = finish(options, only: address)
            events.change { $0 += [.feedsRead(FollowedFeeds.read()), last] }
            done.change { $0 = true }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// True once the last event has been taken.
    var isOver: Bool { done.read { $0 } && events.read { $0.isEmpty } }

    func takeOutcomes() -> [Outcome] {
        var taken: [Outcome] = []
        events.change { taken = $0; $0.removeAll() }
        return taken
    }

    private func finish(_ options: CorpusOptions, only address: String?) -> Outcome {
        let listPath = FeedList.defaultPath()
        let list: FeedList
        do {
            list = try FeedList(reading: listPath)
        } catch {
            return .fetchFinished(summary: "cannot fetch: \(error)", corpus: nil)
        }
        guard !list.feeds.isEmpty else { return .fetchFinished(summary: "cannot fetch: \(listPath) names no feed", corpus: nil) }
        let feeds = address.map { address in list.feeds.filter { $0.url == address } } ?? list.feeds
        guard !feeds.isEmpty else { return .fetchFinished(summary: "cannot fetch: \(listPath) no longer names that feed", corpus: nil) }
        let library = Library.userDefault()
        let wasShowingLibrary = options.pathsOrLibrary == [library.folder]
        let total = feeds.count
        let finished = Locked(0)
        let outcomes = FeedFetcher(library: library).fetch(feeds) { [events] _, _ in
            let count = finished.change { $0 += 1 }
            events.change { $0.append(.fetchProgressed(done: count, total: total)) }
        }
        let newItems = outcomes.reduce(0) { $0 + $1.stored.new }
        let updatedItems = outcomes.reduce(0) { $0 + $1.stored.updated }
        let failed = zip(feeds, outcomes).filter { $0.1.isFailure }
        var summary = "fetched " + Counted.phrase(total, "feed") + ": " + Counted.phrase(newItems, "new article")
        if updatedItems > 0 { summary += ", \(updatedItems) updated" }
        if let (feed, outcome) = failed.first {
            // The first failure named, with its reason: the status line has room for one.
            let reason = outcome.description.hasPrefix("error: ") ? String(outcome.description.dropFirst(7)) : outcome.description
            summary += ", " + Counted.phrase(failed.count, "feed") + " failed: \(DossierError.shortened(feed.url)) (\(reason))"
            if failed.count > 1 { summary += " and \(failed.count - 1) more (dossier fetch lists them)" }
        }
        // The reader shows the library, or would now that it holds articles: read it again.
        let showsLibrary = wasShowingLibrary || (options.paths.isEmpty && !options.bundled && library.holdsArticles)
        guard newItems + updatedItems > 0, showsLibrary, let corpus = try? options.loadCorpus(progress: nil, warn: { _ in }) else {
            if newItems + updatedItems > 0, !showsLibrary { summary += ", kept in your library (this reader shows other files)" }
            return .fetchFinished(summary: summary, corpus: nil)
        }
        return .fetchFinished(summary: summary, corpus: corpus)
    }
}
