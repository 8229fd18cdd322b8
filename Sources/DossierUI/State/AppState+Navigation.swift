import DossierCore
import DossierIndex
import DossierText

// Moving in the focused pane, opening articles, and the jumps between mentions, matches and
// places in the jump history.

extension AppState {
    /// Rows a page moves in the focused pane.
    var pageRows: Int {
        let layout = layout
        switch session.focus {
        case .articles: return ScreenLayout.contentRows(layout.articles)
        case .reader: return ScreenLayout.contentRows(layout.reader)
        case .entities: return ScreenLayout.contentRows(layout.entities)
        }
    }

    mutating func move(by delta: Int) {
        switch session.focus {
        case .articles: list.moveCursor(by: delta)
        case .reader: reader.move(by: delta)
        case .entities: entities.moveCursor(by: delta)
        }
    }

    /// Opens an article, remembering where the reader was, and shows the line holding `offset`.
    mutating func open(article: Int, mention: Int? = nil, highlight offset: Int? = nil) {
        if article != reader.openArticle || reader.backStack.isEmpty { reader.rememberPlace() }
        if article != reader.openArticle {
            reader.open(article)
            entities.resetCursor()
        }
        if let row = list.row(of: article) { list.select(row: row) }
        reader.setCurrentMention(mention)
        list.startDwelling(on: article)
        refreshReaderLayout()
        if let offset { scrollIntoView(offset: offset) }
    }

    /// Opens the article a quote is in, at the quote.
    mutating func open(quote reference: QuoteReference) {
        let quote = corpus.quotes[reference.article][reference.quote]
        open(article: reference.article, mention: nil, highlight: quote.range.lowerBound)
    }

    /// Scrolls the reader so the line holding `offset` shows, a third of the way down when it moves.
    mutating func scrollIntoView(offset: Int) {
        reader.scrollIntoView(offset: offset, rows: max(1, readerRows))
    }

    /// The focus moves to the reader, when it is on screen.
    mutating func focusReaderIfShown() {
        session.focus = layout.reader == nil ? session.focus : .reader
    }

    /// Enter: opens the article under the list's cursor, selects the current mention's entity, or
    /// does what the entity pane's row says.
    mutating func activate() {
        switch session.focus {
        case .articles:
            guard let article = list.articleAtCursor else {
                session.status = "no article matches the filter · \(key(.openFilter)) to change it"
                return
            }
            open(article: article)
            session.focus = .reader
        case .reader:
            let mentions = corpus.mentions[reader.openArticle]
            if let mention = reader.currentMention, mention < mentions.count, let entity = mentions[mention].entity {
                entities.select(entity: entity)
                session.focus = .entities
            }
        case .entities:
            guard let row = entityRow(at: entities.selection) else { return }
            activate(row)
        }
    }

    private mutating func activate(_ row: EntityRow) {
        switch row {
        case .entity(let entity, _):
            entities.select(entity: entity)
            session.status = "\(corpus.entities[entity].name): \(Counted.phrase(corpus.mentionsByEntity.count(of: entity), "mention"))" + entityKeysHint
        case .mention(let reference):
            jump(to: reference)
            session.focus = .reader
        case .quote(let reference):
            let quote = corpus.quotes[reference.article][reference.quote]
            open(article: reference.article, mention: nil, highlight: quote.range.lowerBound)
            if let speaker = quote.speaker, let index = corpus.quotesByEntity[speaker].firstIndex(of: reference) {
                session.status = "\(corpus.entities[speaker].name): quote \(index + 1)/\(corpus.quotesByEntity[speaker].count)"
            }
            session.focus = .reader
        }
    }

    /// The entity under the entity pane's cursor, when it is on an entity's row.
    var selectedEntityInPane: Int? {
        if case .entity(let entity, _) = entityRow(at: entities.selection) { return entity }
        return nil
    }

    private mutating func jump(to reference: MentionReference) {
        guard let mention = corpus.mention(at: reference) else {
            session.status = (corpus.linkDamage ?? "that mention cannot be read") + "; quit and start again to rebuild it"
            return
        }
        if reference.article == reader.openArticle { reader.rememberPlace() }
        open(article: reference.article, mention: reference.mention, highlight: mention.range.lowerBound)
        if let entity = mention.entity {
            entities.select(entity: entity)
            // Counted in one pass, none copied: a person of a million articles has a million mentions.
            var listedCount = 0
            var place: Int?
            for listed in listedMentions(of: entity) {
                if listed == reference { place = listedCount }
                listedCount += 1
            }
            if let place {
                session.status = "\(corpus.entities[entity].name): mention \(place + 1)/\(listedCount)"
                    + (list.filter == nil ? "" : " in the filtered list")
            }
        }
    }

    /// An entity's mentions in the articles the list shows, looked at where they lie rather than copied.
    private func listedMentions(of entity: Int) -> LazyFilterSequence<[MentionReference]>.Elements {
        let list = list
        return corpus.mentionsByEntity[entity].lazy.filter { list.filter == nil || list.contains($0.article) }
    }

    /// `}` and `{`: the next or previous mention of anyone in the open article, round its end.
    mutating func stepMentionInArticle(forward: Bool) {
        let mentions = corpus.mentions[reader.openArticle]
        guard !mentions.isEmpty else { session.status = "no mentions in this article"; return }
        let next: Int
        if let current = reader.currentMention {
            next = forward ? (current + 1) % mentions.count : (current - 1 + mentions.count) % mentions.count
        } else {
            next = forward ? 0 : mentions.count - 1
        }
        reader.setCurrentMention(next)
        let mention = mentions[next]
        if let entity = mention.entity { entities.select(entity: entity) }
        scrollIntoView(offset: mention.range.lowerBound)
        let name = mention.entity.map { corpus.entities[$0].name }
            ?? "ambiguous: " + mention.candidates.map { corpus.entities[$0].name }.joined(separator: " or ")
        session.status = "\(name) · mention \(next + 1)/\(mentions.count) in this article"
    }

    /// `]` and `[`: the selected entity's next or previous mention in any listed article.
    mutating func stepEntityMention(forward: Bool) {
        guard let entity = entities.selectedEntity else {
            session.status = "no entity selected: use \(key(.nextMention)) or :entity NAME first"
            return
        }
        let listed = listedMentions(of: entity)
        guard let first = listed.indices.first, let last = listed.indices.last else {
            session.status = "\(corpus.entities[entity].name) has no mentions" + (list.filter == nil ? "" : " in the filtered list")
            return
        }
        let open = reader.openArticle
        let here = reader.currentMention.map { MentionReference(article: open, mention: $0) }
        // Places in the entity's whole list, stepped over those the list does not show, round the ends.
        let index: Int
        if let here, let position = listed.firstIndex(of: here) {
            index = forward ? (position == last ? first : listed.index(after: position))
                : (position == first ? last : listed.index(before: position))
        } else if forward {
            // From where the reader stands: the first mention here or in a later article.
            let start = here?.mention ?? 0
            index = listed.firstIndex { $0.article > open || ($0.article == open && $0.mention >= start) } ?? first
        } else {
            let start = here?.mention ?? 0
            index = listed.lastIndex { $0.article < open || ($0.article == open && $0.mention < start) } ?? last
        }
        jump(to: listed[index])
    }

    /// `n` and `N`: the next or previous match, round the end, in an article the list shows.
    mutating func stepMatch(forward: Bool) {
        guard var search = reader.search, !search.result.hits.isEmpty else {
            session.status = "no search: press \(key(.openSearch)) to search"
            return
        }
        let hits = search.result.hits
        let list = list
        func listed(_ index: Int) -> Bool { list.filter == nil || list.contains(hits[index].article) }
        let found: Int?
        if let current = search.current {
            var next = current
            repeat {
                next = forward ? (next + 1) % hits.count : (next - 1 + hits.count) % hits.count
            } while !listed(next) && next != current
            found = listed(next) ? next : nil
        } else {
            let open = reader.openArticle
            found = forward
                ? hits.indices.first { hits[$0].article >= open && listed($0) } ?? hits.indices.first(where: listed)
                : hits.indices.last { hits[$0].article <= open && listed($0) } ?? hits.indices.last(where: listed)
        }
        guard let found else {
            session.status = "no match in the filtered list"
            return
        }
        search.current = found
        reader.setSearch(search)
        showMatch()
    }

    /// Opens the article of the search's current match, and shows the match once its place is known.
    mutating func showMatch() {
        guard let search = reader.search, let current = search.current else { return }
        open(article: search.result.hits[current].article)
        reader.revealCurrentMatch()
        session.status = "match \(current + 1)/\(search.result.hits.count)"
    }

    /// Backspace and Ctrl-N: back or forward through the jump history.
    mutating func travel(forward: Bool, empty: String) {
        guard let place = reader.travel(forward: forward) else {
            session.status = empty
            return
        }
        refreshReaderLayout()
        if let row = list.row(of: place.article) { list.select(row: row) }
        reader.setScroll(place.scroll)
        session.status = "\(corpus.articles[place.article].title)"
    }

    /// Asks the runner to open the web address of the article under the cursor in the list, or of
    /// the one in the reader; only http and https addresses are opened.
    mutating func openLink() -> [Effect] {
        let index = session.focus == .articles ? list.articleAtCursor ?? reader.openArticle : reader.openArticle
        guard index < corpus.articles.count, let url = corpus.articles[index].url else {
            session.status = "this article has no web address"
            return []
        }
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            session.status = "only http and https addresses are opened, not \(DossierError.shortened(url))"
            return []
        }
        return [.openLink(url)]
    }
}
