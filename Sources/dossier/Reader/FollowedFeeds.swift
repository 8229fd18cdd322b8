import DossierFetch
import DossierFormats
import DossierUI

/// The feeds the user follows as the reader shows them: the feed list's feeds, names and tags,
/// with how the library's last fetch of each went. No feed list: none.
enum FollowedFeeds {
    static func read() -> [FollowedFeed] {
        guard let list = try? FeedList(reading: FeedList.defaultPath()) else { return [] }
        let statuses = Library.userDefault().statuses()
        return list.feeds.map { feed in
            let status = statuses[feed.url]
            return FollowedFeed(url: feed.url, title: feed.title, tags: feed.folders,
                                lastFetch: status.map { "\(LibraryStamp.shown($0.fetched)): \($0.outcome)" }, failed: status?.failed ?? false)
        }
    }
}
