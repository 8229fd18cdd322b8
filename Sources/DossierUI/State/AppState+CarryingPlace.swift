import DossierCore
import DossierFormats

extension AppState {
    /// Puts the reader over a new corpus (the full one after indexing, or one a fetch grew) in the
    /// place it was: the same article open at the same line, the same row selected, the same pane,
    /// prompt and histories; returns the search submitted while indexing, which runs now.
    mutating func carryPlace(into corpus: Corpus) -> [Effect] {
        let old = self
        // While indexing, the list held one placeholder a file, in the order found; the full corpus is in
        // reading order and leaves out skipped files. Between two full corpora an article is followed by its
        // stable id, which a fetch, a renamed file or a reordered dataset leaves as it was.
        let fromPreview = old.session.indexing != nil
        let indexByPath = fromPreview
            ? Dictionary(corpus.articles.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first }) : [:]
        func moved(_ article: Int) -> Int? {
            let before = old.corpus.articles[article]
            return fromPreview ? indexByPath[before.path] : corpus.articleIndex(stableID: before.stableID)
        }
        // An article read before the library stored an update of it is unread again.
        func stillRead(_ article: Int) -> Int? {
            guard !fromPreview else { return moved(article) }
            return moved(article).flatMap { now in
                ReaderMemory.readMark(of: corpus.articles[now]) == ReaderMemory.readMark(of: old.corpus.articles[article]) ? now : nil
            }
        }
        func moved(_ place: ReaderState.Place) -> ReaderState.Place? {
            moved(place.article).map { ReaderState.Place(article: $0, scroll: place.scroll, mention: nil) }
        }
        self = AppState(corpus: corpus, size: old.session.size, settings: old.session.settings)
        session.focus = old.session.focus
        session.showsEntitiesWhenNarrow = old.session.showsEntitiesWhenNarrow
        session.isFetching = old.session.isFetching
        prompt = old.prompt
        list.setRead(Set(old.list.readArticles.compactMap(stillRead)))
        // Entities are numbered afresh in a new corpus: the selected one is found again by id.
        if old.session.indexing == nil, let entity = old.entities.selectedEntity {
            entities.select(entity: corpus.entityIndex(id: old.corpus.entities[entity].id))
        }
        if old.overlays.showsHelp { overlays.openHelp() }
        // The feed list stays open over a fetch of one of its feeds, counted anew.
        if let feeds = old.overlays.feedList {
            overlays.showFeedList(feeds)
            refreshFeedList()
        }
        reader.setHistory(back: old.reader.backStack.compactMap(moved), forward: old.reader.forwardStack.compactMap(moved))
        if let open = moved(old.reader.openArticle) { reader.carry(from: old.reader, to: open) }
        carryList(from: old, moved: moved)
        // The search runs where the reader stands: the user has read on since submitting it.
        let effects = old.session.indexing?.pendingSearch.map { runSearch($0, movingReader: false) } ?? []
        let rows = ScreenLayout.contentRows(layout.articles)
        // The selected row stays at the same height in the list.
        list.scroll(toRow: list.selection - (old.list.selection - old.list.scroll).clamped(to: 0...max(0, rows - 1)))
        return effects
    }

    /// The filter and the order apply to the new articles too (a filter naming an entity the new
    /// corpus lacks is dropped, and said), and the cursor stays on its article.
    private mutating func carryList(from old: AppState, moved: (Int) -> Int?) {
        if let text = old.list.filter?.text {
            do {
                setList(filter: try ArticleFilter(text, in: corpus, saved: session.settings.savedFilters, tags: session.settings.feedTags), sort: old.list.sort)
            } catch {
                setList(filter: nil, sort: old.list.sort)
                session.status = "the filter no longer applies: \(error.description)"
            }
        } else if old.list.sort != .standard {
            setList(filter: nil, sort: old.list.sort)
        }
        let oldCursor = old.list.articleAtCursor.flatMap(moved)
        list.select(row: oldCursor.flatMap { list.row(of: $0) } ?? list.row(of: reader.openArticle) ?? 0)
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}

extension AppState {
    /// Puts the reader over its corpus with corrections applied, in the place it was (`carryPlace`):
    /// an entity merged into another is followed there, by the name it now answers to as an alias,
    /// and an open dossier is gathered again, since a correction may have changed it.
    mutating func carryCorrections(into corpus: Corpus) -> [Effect] {
        let old = self
        func followed(_ entity: Int) -> Int? {
            let before = old.corpus.entities[entity]
            return corpus.entityIndex(id: before.id) ?? (try? corpus.lookUpEntity(before.name))
        }
        var effects = carryPlace(into: corpus)
        if let selected = old.entities.selectedEntity { entities.select(entity: followed(selected)) }
        if let dossier = old.overlays.dossier, let entity = followed(dossier.entity) { effects += openDossier(of: entity) }
        return effects
    }
}
