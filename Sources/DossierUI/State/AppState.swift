import DossierCore
import DossierFormats
import DossierIndex
import DossierText

/// Everything the reader shows, in parts: the session (size, focus, status, settings), the list,
/// the reader, the entity pane, the prompt and the overlays. `update` is the only place it
/// changes: every part's fields are set only within this module.
public struct AppState {
    /// The articles, their entities, mentions and quotes, and the index.
    public let corpus: Corpus
    /// The size, the focus, the status line, the settings, and what runs in the background.
    public internal(set) var session: SessionState
    /// The article list: what it shows, its cursor, and the read marks.
    public internal(set) var list: ListState
    /// The reader pane: the open article, its text and layout, the search, the jump history.
    public internal(set) var reader = ReaderState()
    /// The entity pane: the selected entity and the list's cursor.
    public internal(set) var entities = EntityPaneState()
    /// The prompt on the status line and the histories of what was typed there.
    public internal(set) var prompt = PromptState()
    /// The help, the dossier and the skipped files, while they are open.
    public internal(set) var overlays = OverlayState()

    /// The reader over a whole corpus, at its first article; its text is asked for by `Outcome.started`.
    public init(corpus: Corpus, size: Size, settings: ReaderSettings = ReaderSettings()) {
        self.corpus = corpus
        session = SessionState(size: size, settings: settings)
        list = ListState(corpus: corpus)
        let keyMap = settings.keyMap
        session.status = Counted.phrase(corpus.articles.count, "article") + " · \(keyMap.hint(for: .toggleHelp)) for help"
        let skippedFiles = corpus.skipped.filter { !$0.isPartOfFile }.count
        let passedOver = corpus.skipped.count - skippedFiles
        if !corpus.skipped.isEmpty {
            let said = [skippedFiles > 0 ? Counted.phrase(skippedFiles, "file") + " skipped" : nil,
                        passedOver > 0 ? Counted.phrase(passedOver, "warning") + " on files read" : nil].compactMap { $0 }
            session.status = said.joined(separator: ", ") + ": \(keyMap.hint(for: .toggleSkippedFiles)) lists them · " + session.status
        }
        refreshReaderLayout()
        refreshMarkedLines()
        // The article shown at start is read once it has been open a moment, as any other.
        if !corpus.articles.isEmpty { list.startDwelling(on: reader.openArticle) }
    }

    /// The reader over a corpus still being indexed: `preview` is the corpus of its files
    /// (`LoadPreview.found`), listed at once; the rest arrives as `Outcome`s.
    public init(indexing preview: Corpus, size: Size, settings: ReaderSettings = ReaderSettings()) {
        self.init(corpus: preview, size: size, settings: settings)
        session.indexing = Indexing()
        session.status = ""
    }

    // MARK: - Derived

    /// The key bindings in force: the standard ones, as the config file rebound them.
    public var keyMap: KeyMap { session.settings.keyMap }

    /// The key bound to an action, as hints name it ("v", "Esc").
    func key(_ action: Action) -> String { keyMap.hint(for: action) }

    /// What a status line about a selected entity ends with: how to step through its mentions and open its dossier.
    var entityKeysHint: String { " · \(key(.nextEntityMention)) next, \(key(.openDossier)) dossier" }

    /// Where each pane goes at the current size.
    public var layout: ScreenLayout { ScreenLayout(state: self) }

    /// Columns the reader wraps text to: the pane less its scrollbar, or the screen when the pane is hidden.
    var readerTextColumns: Int { max(1, layout.reader.map { $0.columns - 1 } ?? session.size.columns - 1) }

    /// Rows of text the reader shows: its pane's, or the screen's above the status line when the pane is hidden.
    var readerRows: Int {
        ScreenLayout.contentRows(layout.reader ?? Rect(column: 0, row: 0, columns: session.size.columns, rows: session.size.rows - 1))
    }

    /// True when the open article's text has arrived.
    var hasText: Bool { reader.hasText }

    /// The article the reader shows: while indexing, the open file as read on its own.
    public var articleInReader: Article {
        reader.content.flatMap { reader.hasText ? $0.article : nil } ?? corpus.articles[reader.openArticle]
    }

    /// The title the article list shows: while indexing, the file's id until its title is known.
    public func listTitle(_ article: Int) -> String {
        session.indexing?.titles[article] ?? corpus.articles[article].title
    }

    // MARK: - The entity pane's rows

    /// How many rows the entity pane's list has, without building them.
    public var entityRowCount: Int {
        let entities = corpus.mentionCounts(inArticle: reader.openArticle).count
        guard let selected = self.entities.selectedEntity else { return entities }
        return entities + (self.entities.view == .mentions ? corpus.mentionsByEntity.count(of: selected) : corpus.quotesByEntity[selected].count)
    }

    /// One row of the entity pane's list, without building the others (an entity may have a million mentions).
    /// Pass `entities` (from `entities.inOpenArticle`) when asking for many rows, to sort them once.
    public func entityRow(at index: Int, entities given: [(entity: Int, count: Int)]? = nil) -> EntityRow? {
        let inArticle = given ?? entities.inOpenArticle
        if index < inArticle.count { return .entity(inArticle[index].entity, here: inArticle[index].count) }
        guard let selected = entities.selectedEntity else { return nil }
        let rest = index - inArticle.count
        switch entities.view {
        case .mentions:
            // Read once: a list read from a saved index written over since may come back shorter than its count.
            let mentions = corpus.mentionsByEntity[selected]
            return rest < mentions.count ? .mention(mentions[rest]) : nil
        case .quotes: return rest < corpus.quotesByEntity[selected].count ? .quote(corpus.quotesByEntity[selected][rest]) : nil
        }
    }

    /// Rows of the entity pane's list: the open article's entities, then the selected entity's mentions.
    public var entityRows: [EntityRow] {
        var rows = entities.inOpenArticle.map { EntityRow.entity($0.entity, here: $0.count) }
        if let selected = entities.selectedEntity {
            switch entities.view {
            case .mentions: rows += corpus.mentionsByEntity[selected].map(EntityRow.mention)
            case .quotes: rows += corpus.quotesByEntity[selected].map(EntityRow.quote)
            }
        }
        return rows
    }

    /// A row of the entity pane's list: an entity of the open article (with its count there), or one of the selected entity's mentions or quotes.
    public enum EntityRow: Equatable {
        case entity(Int, here: Int)
        case mention(MentionReference)
        case quote(QuoteReference)
    }

    // MARK: - Derived state, rebuilt

    /// Rebuilds the reader's layout if the open article, its text or the reader's width changed.
    mutating func refreshReaderLayout() {
        reader.refreshLayout(of: corpus, columns: readerTextColumns, rows: session.size.rows)
    }

    /// Rebuilds the open article's entities, its matches and the lines the scrollbar marks, if what
    /// they depend on changed; call after `refreshReaderLayout`.
    mutating func refreshMarkedLines() {
        entities.refreshInOpenArticle(reader.openArticle, of: corpus)
        reader.refreshMatches(of: corpus)
        reader.refreshMarkedLines(of: corpus, selectedEntity: entities.selectedEntity, columns: readerTextColumns)
    }
}
