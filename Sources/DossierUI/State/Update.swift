import DossierCore

/// Applies an action to the state and returns what the runner is to do for it. Pure: it reads
/// no terminal, file or clock (the time comes as `.tick`, an article's text as `Outcome.textRead`),
/// and it is the only place the state changes.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    // A message stands until the user does something else, so none outlives what it was about.
    if action.isUserAction, !keepsStatus(action) { state.status = "" }
    if state.indexing != nil, let wait = waitForIndex(action) {
        state.status = wait
        return []
    }
    if case .tick(let now) = action {
        let read = state.readArticles.count
        noteTimePassing(&state, now: now)
        return state.readArticles.count == read ? [] : [.draw]
    }
    if state.showHelp, helpTakes(&state, action) {
        return finishUpdate(&state)
    }
    if state.dossier != nil, let effects = dossierTakes(&state, action) {
        return effects + finishUpdate(&state)
    }
    var effects: [Effect] = []
    switch action {
    case .quit: effects = [.quit]
    case .openLink: effects = openLink(&state)
    case .fetchFeeds:
        if state.isFetching {
            state.status = "already fetching your feeds"
        } else {
            state.isFetching = true
            state.status = "fetching your feeds…"
            effects = [.fetchFeeds]
        }
    case .toggleHelp:
        state.showHelp.toggle()
        state.helpScroll = 0
    case .toggleSkippedFiles:
        if state.corpus.skipped.isEmpty && !state.showSkippedFiles {
            state.status = "no files were skipped"
        } else {
            state.showSkippedFiles.toggle()
        }
    case .toggleEntities:
        guard state.size.columns < 100 else {
            state.status = entityPaneNotice
            break
        }
        state.showEntitiesWhenNarrow.toggle()
        if !state.layout.visiblePanes.contains(state.focus) { state.focus = .reader }
        state.refreshReaderLayout()
    case .toggleEntityView:
        state.entityView = state.entityView == .mentions ? .quotes : .mentions
        if let entity = state.selectedEntity {
            let name = state.corpus.entities[entity].name
            state.status = state.entityView == .quotes
                ? "\(name): \(Counted.phrase(state.corpus.quotesByEntity[entity].count, "quote")) · v for mentions"
                : "\(name): \(Counted.phrase(state.corpus.mentionsByEntity[entity].count, "mention")) · v for quotes"
        } else {
            state.status = "no entity selected: the pane will list its \(state.entityView == .quotes ? "quotes" : "mentions")"
        }
    case .focusNext, .focusPrevious:
        // With one pane on screen, Tab brings the next pane in its place.
        let panes = state.layout.visiblePanes.count > 1 ? state.layout.visiblePanes : Pane.allCases
        let index = panes.firstIndex(of: state.focus) ?? 0
        let step = action == .focusNext ? 1 : panes.count - 1
        state.focus = panes[(index + step) % panes.count]
    case .moveDown: move(&state, by: 1)
    case .moveUp: move(&state, by: -1)
    case .pageDown: move(&state, by: max(1, pageRows(state) - 1))
    case .pageUp: move(&state, by: -max(1, pageRows(state) - 1))
    case .halfPageDown: move(&state, by: max(1, pageRows(state) / 2))
    case .halfPageUp: move(&state, by: -max(1, pageRows(state) / 2))
    case .top: move(&state, by: -Int.max / 2)
    case .bottom: move(&state, by: Int.max / 2)
    case .activate: activate(&state)
    case .nextMention: stepMentionInArticle(&state, forward: true)
    case .previousMention: stepMentionInArticle(&state, forward: false)
    case .nextEntityMention: stepEntityMention(&state, forward: true)
    case .previousEntityMention: stepEntityMention(&state, forward: false)
    case .openSearch: state.prompt = AppState.Prompt(kind: .search)
    case .openCommand: state.prompt = AppState.Prompt(kind: .command)
    case .openFilter:
        var prompt = AppState.Prompt(kind: .filter)
        // The filter in force is there to be edited.
        if let filter = state.list.filter { prompt.replace(with: filter.text) }
        prompt.keepCursorInView(columns: state.size.columns - prompt.kind.lead.count)
        state.prompt = prompt
    case .nextMatch: stepMatch(&state, forward: true)
    case .previousMatch: stepMatch(&state, forward: false)
    case .toggleRead: toggleRead(&state)
    case .nextUnread: stepUnread(&state, forward: true)
    case .previousUnread: stepUnread(&state, forward: false)
    case .openDossier:
        guard let entity = state.selectedEntity ?? selectedEntityInPane(state) else {
            state.status = "no entity selected: select one in the entity pane, or use :dossier NAME"
            break
        }
        effects = openDossier(&state, entity: entity)
    case .cancel:
        if state.showHelp { state.showHelp = false } else if state.showSkippedFiles { state.showSkippedFiles = false } else if state.search != nil {
            state.search = nil
            state.status = "search cleared"
        }
    case .back: travel(&state, from: \.backStack, to: \.forwardStack, empty: "at the start of the jump history")
    case .forward: travel(&state, from: \.forwardStack, to: \.backStack, empty: "at the end of the jump history")
    case .redraw: effects = [.redrawAll]
    case .promptKey(let key): effects = editPrompt(&state, key)
    case .unbound(let key): state.status = "\(key.notation) does nothing here · ? lists the keys"
    case .mouse(let event): effects = handleMouse(&state, event)
    case .tick: break
    case .resized(let size):
        // What was said about the layout no longer holds once it changes.
        if state.status == entityPaneNotice { state.status = "" }
        state.size = size
        if let lead = state.prompt?.kind.lead { state.prompt?.keepCursorInView(columns: size.columns - lead.count) }
        state.refreshReaderLayout()
        if state.layout.articles != nil || state.layout.reader != nil || state.layout.entities != nil,
           !state.layout.visiblePanes.contains(state.focus), state.layout.visiblePanes.count > 1 {
            state.focus = .reader
        }
    }
    return effects + finishUpdate(&state)
}

/// Resizing keeps the message, and so does typing at the prompt, which hides it until the prompt closes.
private func keepsStatus(_ action: Action) -> Bool {
    switch action {
    case .resized, .promptKey: true
    default: false
    }
}

let entityPaneNotice = "the entity pane always shows at 100 columns and wider"

/// What every action ends with: derived state rebuilt, jumps that waited carried out, cursors
/// back in range; returns the work the runner is to do for what the state now shows.
func finishUpdate(_ state: inout AppState) -> [Effect] {
    refreshDerived(&state)
    return state.neededWork()
}

/// Rebuilds what is derived from the rest of the state, carries out a jump whose wait is over, and
/// puts every cursor back in range.
func refreshDerived(_ state: inout AppState) {
    state.refreshReaderLayout()
    state.refreshMarkedLines()
    takePendingJump(&state)
    clamp(&state)
}

/// Carries out a jump that waited for the open article's text (and a match's, for its place).
private func takePendingJump(_ state: inout AppState) {
    guard let jump = state.pendingJump, state.hasText else { return }
    switch jump {
    case .offset(let offset):
        state.pendingJump = nil
        scrollIntoView(&state, offset: offset)
    case .line(let line):
        state.pendingJump = nil
        state.readerScroll = line
    case .carried(let scroll, let top, let wasWhole):
        state.pendingJump = nil
        placeCarried(&state, scroll: scroll, top: top, wasWhole: wasWhole)
    case .currentMatch:
        guard state.matchesArePlaced else { return }
        state.pendingJump = nil
        if let match = state.matchesInOpenArticle.current { scrollIntoView(&state, offset: match.lowerBound) }
    }
}

/// The entity under the entity pane's cursor, when it is on an entity's row.
private func selectedEntityInPane(_ state: AppState) -> Int? {
    if case .entity(let entity, _) = state.entityRow(at: state.entitySelection) { return entity }
    return nil
}

/// While the corpus is indexed, what an action that needs the index says instead of acting.
private func waitForIndex(_ action: Action) -> String? {
    switch action {
    case .nextMention, .previousMention, .nextEntityMention, .previousEntityMention:
        "mentions are linked when indexing is done"
    case .nextMatch, .previousMatch: "search is ready when indexing is done"
    case .toggleEntityView: "entities are ready when indexing is done"
    case .toggleSkippedFiles: "skipped files are known when indexing is done"
    case .toggleRead, .nextUnread, .previousUnread: "read marks are kept when indexing is done"
    case .openDossier: "dossiers are ready when indexing is done"
    default: nil
    }
}

// MARK: - Moving

private func pageRows(_ state: AppState) -> Int {
    let layout = state.layout
    switch state.focus {
    case .articles: return ScreenLayout.contentRows(layout.articles)
    case .reader: return ScreenLayout.contentRows(layout.reader)
    case .entities: return ScreenLayout.contentRows(layout.entities)
    }
}

private func move(_ state: inout AppState, by delta: Int) {
    switch state.focus {
    case .articles: state.listSelection = state.listSelection.addingClamped(delta)
    case .reader:
        state.readerScroll = state.readerScroll.addingClamped(delta)
        // The user moved: a reveal waiting for the whole layout is dropped, unless this asks for the end, which only it knows.
        state.pendingReveal = delta >= Int.max / 2 && !state.readerLayout.isComplete ? .bottom : nil
        state.pendingJump = nil
    case .entities: state.entitySelection = state.entitySelection.addingClamped(delta)
    }
}

/// Keeps every cursor and offset inside what exists and on screen. A pane that is not on
/// screen keeps its scroll: measured against no rows, it would lose it.
func clamp(_ state: inout AppState) {
    let listCount = state.list.rows.count
    state.listSelection = min(max(0, state.listSelection), max(0, listCount - 1))
    if let articles = state.layout.articles {
        let listRows = max(1, ScreenLayout.contentRows(articles))
        state.listScroll = scrolled(state.listScroll, toShow: state.listSelection, rows: listRows, count: listCount)
    }
    state.readerScroll = min(max(0, state.readerScroll), maxReaderScroll(state))
    let entityRows = state.entityRowCount
    state.entitySelection = min(max(0, state.entitySelection), max(0, entityRows - 1))
    if let entities = state.layout.entities {
        let rows = max(1, entities.row + entities.rows - EntityPane.listTop(state, in: entities))
        state.entityScroll = scrolled(state.entityScroll, toShow: state.entitySelection, rows: rows, count: entityRows)
    }
    if var dossier = state.dossier {
        dossier.relayout(in: state.corpus, palette: state.settings.palette, width: state.size.columns)
        let lines = dossier.lines.count
        dossier.selection = min(max(0, dossier.selection), max(0, lines - 1))
        dossier.scroll = scrolled(dossier.scroll, toShow: dossier.selection, rows: max(1, DossierPane.bodyRows(state)), count: lines)
        state.dossier = dossier
    }
}

/// The first row to show so that `row` is on screen, moving as little as possible, and never
/// leaving rows empty at the bottom while earlier ones are hidden.
func scrolled(_ offset: Int, toShow row: Int, rows: Int, count: Int) -> Int {
    var offset = max(0, offset)
    if row < offset { offset = row }
    if row >= offset + rows { offset = row - rows + 1 }
    return max(0, min(offset, count - rows))
}

private func maxReaderScroll(_ state: AppState) -> Int {
    max(0, state.readerLayout.lines.count - ScreenLayout.contentRows(state.layout.reader ?? Rect(column: 0, row: 0, columns: state.size.columns, rows: state.size.rows - 1)))
}

extension Int {
    func addingClamped(_ delta: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(delta)
        return overflow ? (delta > 0 ? Int.max / 2 : 0) : sum
    }
}

// MARK: - Opening and jumping

private func currentPlace(_ state: AppState) -> AppState.Place {
    AppState.Place(article: state.openArticle, scroll: state.readerScroll, mention: state.currentMention)
}

/// Opens an article, remembering where the reader was.
func open(_ state: inout AppState, article: Int, mention: Int? = nil, highlight offset: Int? = nil) {
    if article != state.openArticle || state.backStack.isEmpty {
        state.backStack.append(currentPlace(state))
        state.forwardStack.removeAll()
    }
    if article != state.openArticle {
        state.openArticle = article
        state.readerScroll = 0
        state.pendingReveal = nil
        state.pendingJump = nil
        state.entitySelection = 0
        state.entityScroll = 0
    }
    if let row = state.list.row(of: article) { state.listSelection = row }
    state.currentMention = mention
    state.dwell = (article, nil)
    state.refreshReaderLayout()
    if let offset { scrollIntoView(&state, offset: offset) }
}

/// Scrolls the reader so the line holding `offset` shows, a third of the way down when it moves;
/// once the text arrives, when it has not; past the lines of a layout still being wrapped, once
/// the layout is whole.
func scrollIntoView(_ state: inout AppState, offset: Int) {
    guard state.hasText else {
        state.pendingJump = .offset(offset)
        return
    }
    guard let line = state.readerLayout.line(containing: offset) else {
        if !state.readerLayout.isComplete { state.pendingReveal = .offset(offset) }
        return
    }
    let rows = max(1, ScreenLayout.contentRows(state.layout.reader ?? Rect(column: 0, row: 0, columns: state.size.columns, rows: state.size.rows - 1)))
    if line < state.readerScroll || line >= state.readerScroll + rows {
        state.readerScroll = max(0, line - rows / 3)
    }
}

func activate(_ state: inout AppState) {
    switch state.focus {
    case .articles:
        guard let article = state.articleAtCursor else {
            state.status = "no article matches the filter · F to change it"
            return
        }
        open(&state, article: article)
        state.focus = .reader
    case .reader:
        if let mention = state.currentMention, let entity = state.corpus.mentions[state.openArticle][mention].entity {
            state.selectedEntity = entity
            state.focus = .entities
        }
    case .entities:
        guard let row = state.entityRow(at: state.entitySelection) else { return }
        switch row {
        case .entity(let entity, _):
            state.selectedEntity = entity
            state.status = "\(state.corpus.entities[entity].name): \(Counted.phrase(state.corpus.mentionsByEntity[entity].count, "mention")) · ] next, D dossier"
        case .mention(let reference):
            jump(&state, to: reference)
            state.focus = .reader
        case .quote(let reference):
            let quote = state.corpus.quotes[reference.article][reference.quote]
            open(&state, article: reference.article, mention: nil, highlight: quote.range.lowerBound)
            if let speaker = quote.speaker, let index = state.corpus.quotesByEntity[speaker].firstIndex(of: reference) {
                state.status = "\(state.corpus.entities[speaker].name): quote \(index + 1)/\(state.corpus.quotesByEntity[speaker].count)"
            }
            state.focus = .reader
        }
    }
}

/// Opens the article a quote is in, at the quote.
func open(_ state: inout AppState, quote reference: QuoteReference) {
    let quote = state.corpus.quotes[reference.article][reference.quote]
    open(&state, article: reference.article, mention: nil, highlight: quote.range.lowerBound)
}

private func jump(_ state: inout AppState, to reference: MentionReference) {
    let mention = state.corpus.mentions[reference.article][reference.mention]
    if reference.article == state.openArticle { state.backStack.append(currentPlace(state)) }
    open(&state, article: reference.article, mention: reference.mention, highlight: mention.range.lowerBound)
    if let entity = mention.entity {
        state.selectedEntity = entity
        let all = listedMentions(of: entity, state)
        if let index = all.firstIndex(of: reference) {
            state.status = "\(state.corpus.entities[entity].name): mention \(index + 1)/\(all.count)"
                + (state.list.filter == nil ? "" : " in the filtered list")
        }
    }
}

/// An entity's mentions in the articles the list shows.
private func listedMentions(of entity: Int, _ state: AppState) -> [MentionReference] {
    let all = state.corpus.mentionsByEntity[entity]
    guard state.list.filter != nil else { return all }
    return all.filter { state.list.contains($0.article) }
}

private func stepMentionInArticle(_ state: inout AppState, forward: Bool) {
    let mentions = state.corpus.mentions[state.openArticle]
    guard !mentions.isEmpty else { state.status = "no mentions in this article"; return }
    let next: Int
    if let current = state.currentMention {
        next = forward ? (current + 1) % mentions.count : (current - 1 + mentions.count) % mentions.count
    } else {
        next = forward ? 0 : mentions.count - 1
    }
    state.currentMention = next
    let mention = mentions[next]
    if let entity = mention.entity { state.selectedEntity = entity }
    scrollIntoView(&state, offset: mention.range.lowerBound)
    let name = mention.entity.map { state.corpus.entities[$0].name }
        ?? "ambiguous: " + mention.candidates.map { state.corpus.entities[$0].name }.joined(separator: " or ")
    state.status = "\(name) · mention \(next + 1)/\(mentions.count) in this article"
}

private func stepEntityMention(_ state: inout AppState, forward: Bool) {
    guard let entity = state.selectedEntity else {
        state.status = "no entity selected: use } or :entity NAME first"
        return
    }
    let all = listedMentions(of: entity, state)
    guard !all.isEmpty else {
        state.status = "\(state.corpus.entities[entity].name) has no mentions" + (state.list.filter == nil ? "" : " in the filtered list")
        return
    }
    let here = state.currentMention.map { MentionReference(article: state.openArticle, mention: $0) }
    var index: Int
    if let here, let position = all.firstIndex(of: here) {
        index = forward ? (position + 1) % all.count : (position - 1 + all.count) % all.count
    } else if forward {
        // From where the reader stands: the first mention here or in a later article.
        let start = here?.mention ?? 0
        index = all.firstIndex { $0.article > state.openArticle || ($0.article == state.openArticle && $0.mention >= start) } ?? 0
    } else {
        let start = here?.mention ?? 0
        index = all.lastIndex { $0.article < state.openArticle || ($0.article == state.openArticle && $0.mention < start) } ?? all.count - 1
    }
    index = max(0, min(index, all.count - 1))
    jump(&state, to: all[index])
}

private func stepMatch(_ state: inout AppState, forward: Bool) {
    guard var search = state.search, !search.result.hits.isEmpty else {
        state.status = "no search: press / to search"
        return
    }
    let hits = search.result.hits
    let list = state.list
    func listed(_ index: Int) -> Bool { list.filter == nil || list.contains(hits[index].article) }
    if let current = search.current {
        // The next match, round the end, in an article the list shows.
        var next = current
        repeat {
            next = forward ? (next + 1) % hits.count : (next - 1 + hits.count) % hits.count
        } while !listed(next) && next != current
        guard listed(next) else {
            state.status = "no match in the filtered list"
            return
        }
        search.current = next
    } else {
        let open = state.openArticle
        let found = forward
            ? hits.indices.first { hits[$0].article >= open && listed($0) } ?? hits.indices.first(where: listed)
            : hits.indices.last { hits[$0].article <= open && listed($0) } ?? hits.indices.last(where: listed)
        guard let found else {
            state.status = "no match in the filtered list"
            return
        }
        search.current = found
    }
    state.search = search
    showMatch(&state)
}

/// Opens the article of the search's current match, and shows the match once its place is known.
func showMatch(_ state: inout AppState) {
    guard let search = state.search, let current = search.current else { return }
    open(&state, article: search.result.hits[current].article)
    state.pendingJump = .currentMatch
    state.status = "match \(current + 1)/\(search.result.hits.count)"
}

private func travel(_ state: inout AppState, from source: WritableKeyPath<AppState, [AppState.Place]>,
                    to destination: WritableKeyPath<AppState, [AppState.Place]>, empty: String) {
    guard let place = state[keyPath: source].popLast() else { state.status = empty; return }
    state[keyPath: destination].append(currentPlace(state))
    state.openArticle = place.article
    state.refreshReaderLayout()
    if let row = state.list.row(of: place.article) { state.listSelection = row }
    state.currentMention = place.mention
    setReaderScroll(&state, place.scroll)
    state.status = "\(state.corpus.articles[place.article].title)"
}

/// Puts a line at the top of the reader; once the text arrives, when it has not.
func setReaderScroll(_ state: inout AppState, _ line: Int) {
    if state.hasText {
        state.pendingJump = nil
        state.readerScroll = line
    } else {
        state.pendingJump = .line(line)
    }
}

// MARK: - Links

/// Asks the runner to open the web address of the article under the cursor in the list, or of the
/// one in the reader; only http and https addresses are opened.
private func openLink(_ state: inout AppState) -> [Effect] {
    let index = state.focus == .articles ? state.articleAtCursor ?? state.openArticle : state.openArticle
    guard index < state.corpus.articles.count, let url = state.corpus.articles[index].url else {
        state.status = "this article has no web address"
        return []
    }
    let lowered = url.lowercased()
    guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
        state.status = "only http and https addresses are opened, not \(DossierError.shortened(url))"
        return []
    }
    return [.openLink(url)]
}
