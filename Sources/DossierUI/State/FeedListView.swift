/// The feeds the user follows, over the screen (`L`), as a feed reader lists them: each with its
/// unread and total articles in the corpus shown, and how its last fetch went.
public struct FeedListView: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public let feed: FollowedFeed
        public let unread: Int
        public let total: Int
    }

    public internal(set) var rows: [Row]
    public internal(set) var selection = 0
    public internal(set) var scroll = 0

    var selectedFeed: FollowedFeed? { rows.indices.contains(selection) ? rows[selection].feed : nil }
}
