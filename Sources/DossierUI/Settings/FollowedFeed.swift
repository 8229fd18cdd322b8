/// A feed the user follows, as the reader shows it: its address, the name the feed list gives it,
/// its tags, and how its last fetch went.
public struct FollowedFeed: Equatable, Sendable {
    public let url: String
    /// The feed list's "~Title" for it, if any.
    public let title: String?
    public let tags: [String]
    /// "2026-12-02 18:53 UTC: 2 new items", or nil before its first fetch.
    public var lastFetch: String?
    /// True when the last fetch failed or read the feed only in part.
    public var failed: Bool

    public init(url: String, title: String?, tags: [String], lastFetch: String? = nil, failed: Bool = false) {
        self.url = url
        self.title = title
        self.tags = tags
        self.lastFetch = lastFetch
        self.failed = failed
    }
}
