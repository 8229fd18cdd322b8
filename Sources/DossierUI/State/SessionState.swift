/// The reader as a whole: the screen's size, the focused pane, the status line, the settings,
/// and what runs in the background (the first load's indexing, a fetch).
public struct SessionState {
    /// The terminal's size, in cells.
    public internal(set) var size: Size
    /// The pane the moving keys act on.
    public internal(set) var focus: Pane = .articles
    /// The message on the status line; it stands until the user does something else.
    public internal(set) var status = ""
    /// The keys, colours and saved filters the config file set.
    public internal(set) var settings: ReaderSettings
    /// Below 100 columns the entity pane folds away; `e` brings it back.
    public internal(set) var showsEntitiesWhenNarrow = false
    /// True from `R` (`Effect.fetchFeeds`) until `Outcome.fetchFinished`.
    public internal(set) var isFetching = false
    /// Set while the corpus is still being indexed: the corpus then holds one placeholder
    /// article a file, and the index, the entities and the mentions are not there yet.
    public internal(set) var indexing: Indexing?

    init(size: Size, settings: ReaderSettings) {
        self.size = size
        self.settings = settings
    }
}
