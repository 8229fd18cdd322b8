
/// What the config file changes in the reader: its keys, its colours and the filters it names.
public struct ReaderSettings: Equatable, Sendable {
    public var keyMap: KeyMap
    public var palette: EntityPalette
    /// Filters by name, used in the filter language as `@name`.
    public var savedFilters: [String: String]
    /// The feeds the user follows, for `tag:` filters and the feed list.
    public var feeds: [FollowedFeed]

    public init(keyMap: KeyMap = .standard, palette: EntityPalette = EntityPalette(), savedFilters: [String: String] = [:],
                feeds: [FollowedFeed] = []) {
        self.keyMap = keyMap
        self.palette = palette
        self.savedFilters = savedFilters
        self.feeds = feeds
    }

    /// The addresses of the feeds under each tag, by tag in lower case (`ArticleFilter`'s `tags`).
    public var feedTags: [String: Set<String>] {
        var tags: [String: Set<String>] = [:]
        for feed in feeds {
            for tag in feed.tags { tags[tag.lowercased(), default: []].insert(feed.url) }
        }
        return tags
    }
}
