import DossierCore

/// Applies an action to the state. Pure: no terminal, disk or clock.
public func update(_ state: inout AppState, _ action: Action) {
    if state.indexing != nil, let wait = waitForIndex(action) {
        state.status = wait
        return
    }
    switch action {
    case .quit: state.shouldQuit = true
    case .openLink: openLink(&state)
    case .fetchFeeds:
        if state.isFetching || state.fetchRequested {
            state.status = "already fetching your feeds"
        } else {
            state.fetchRequested = true
            state.status = "fetching your feeds…"
        }
    case .toggleHelp: state.showHelp.toggle()
    case .toggleSkippedFiles:
        if state.corpus.skipped.isEmpty && !state.showSkippedFiles {
            state.status = "no files were skipped"
        } else {
            state.showSkippedFiles.toggle()
        }
    case .toggleEntities:
        guard state.size.columns < 100 else {
            state.status = "the entity pane always shows at 100 columns and wider"
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
                ? "\(name): \(state.corpus.quotesByEntity[entity].count) quotes · v for mentions"
                : "\(name): \(state.corpus.mentionsByEntity[entity].count) mentions · v for quotes"
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
    case .top: move(&state, by: -Int.max / 2)
    case .bottom: move(&state, by: Int.max / 2)
    case .activate: activate(&state)
    case .nextMention: stepMentionInArticle(&state, forward: true)
    case .previousMention: stepMentionInArticle(&state, forward: false)
    case .nextEntityMention: stepEntityMention(&state, forward: true)
    case .previousEntityMention: stepEntityMention(&state, forward: false)
    case .openSearch: state.prompt = AppState.Prompt(kind: .search)
    case .openCommand: state.prompt = AppState.Prompt(kind: .command)
    case .nextMatch: stepMatch(&state, forward: true)
    case .previousMatch: stepMatch(&state, forward: false)
    case .cancel:
        if state.showHelp { state.showHelp = false } else if state.showSkippedFiles { state.showSkippedFiles = false } else if state.search != nil {
            state.search = nil
            state.status = "search cleared"
        }
    case .back: travel(&state, from: \.backStack, to: \.forwardStack, empty: "at the start of the jump history")
    case .forward: travel(&state, from: \.forwardStack, to: \.backStack, empty: "at the end of the jump history")
    case .promptKey(let key): editPrompt(&state, key)
    case .resized(let size):
        state.size = size
        state.prompt?.keepCursorInView(columns: size.columns - 1)
        state.refreshReaderLayout()
        if state.layout.articles != nil || state.layout.reader != nil || state.layout.entities != nil,
           !state.layout.visiblePanes.contains(state.focus), state.layout.visiblePanes.count > 1 {
            state.focus = .reader
        }
    }
    state.refreshReaderLayout()
    state.refreshMarkedLines()
    clamp(&state)
}

/// While the corpus is indexed, what an action that needs the index says instead of acting.
private func waitForIndex(_ action: Action) -> String? {
    switch action {
    case .nextMention, .previousMention, .nextEntityMention, .previousEntityMention:
        "mentions are linked when indexing is done"
    case .nextMatch, .previousMatch: "search is ready when indexing is done"
    case .toggleEntityView: "entities are ready when indexing is done"
    case .toggleSkippedFiles: "skipped files are known when indexing is done"
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
    case .entities: state.entitySelection = state.entitySelection.addingClamped(delta)
    }
}

/// Keeps every cursor and offset inside what exists and on screen.
func clamp(_ state: inout AppState) {
    let articleCount = state.corpus.articles.count
    state.listSelection = min(max(0, state.listSelection), articleCount - 1)
    let listRows = max(1, ScreenLayout.contentRows(state.layout.articles))
    state.listScroll = scrolled(state.listScroll, toShow: state.listSelection, rows: listRows)
    state.readerScroll = min(max(0, state.readerScroll), maxReaderScroll(state))
    let entityRows = state.entityRowCount
    state.entitySelection = min(max(0, state.entitySelection), max(0, entityRows - 1))
    let visibleEntityRows = max(1, ScreenLayout.contentRows(state.layout.entities) - entityPaneHeaderRows(state))
    state.entityScroll = scrolled(state.entityScroll, toShow: state.entitySelection, rows: visibleEntityRows)
}

/// Rows of the entity pane above its list: none, the list starts at once.
func entityPaneHeaderRows(_ state: AppState) -> Int { 0 }

private func scrolled(_ offset: Int, toShow row: Int, rows: Int) -> Int {
    if row < offset { return row }
    if row >= offset + rows { return row - rows + 1 }
    return max(0, offset)
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
private func open(_ state: inout AppState, article: Int, mention: Int? = nil, highlight offset: Int? = nil) {
    if article != state.openArticle || state.backStack.isEmpty {
        state.backStack.append(currentPlace(state))
        state.forwardStack.removeAll()
    }
    if article != state.openArticle {
        state.openArticle = article
        state.readerScroll = 0
        state.pendingReveal = nil
        state.entitySelection = 0
        state.entityScroll = 0
    }
    state.listSelection = article
    state.currentMention = mention
    state.refreshReaderLayout()
    if let offset { scrollIntoView(&state, offset: offset) }
}

/// Scrolls the reader so the line holding `offset` shows, a third of the way down when it moves;
/// past the lines of a layout still being wrapped, once the layout is whole.
func scrollIntoView(_ state: inout AppState, offset: Int) {
    guard let line = state.readerLayout.line(containing: offset) else {
        if !state.readerLayout.isComplete { state.pendingReveal = .offset(offset) }
        return
    }
    let rows = max(1, ScreenLayout.contentRows(state.layout.reader ?? Rect(column: 0, row: 0, columns: state.size.columns, rows: state.size.rows - 1)))
    if line < state.readerScroll || line >= state.readerScroll + rows {
        state.readerScroll = max(0, line - rows / 3)
    }
}

private func activate(_ state: inout AppState) {
    switch state.focus {
    case .articles:
        open(&state, article: state.listSelection)
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
            state.status = "\(state.corpus.entities[entity].name): \(state.corpus.mentionsByEntity[entity].count) mentions · ] next"
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

private func jump(_ state: inout AppState, to reference: MentionReference) {
    let mention = state.corpus.mentions[reference.article][reference.mention]
    if reference.article == state.openArticle { state.backStack.append(currentPlace(state)) }
    open(&state, article: reference.article, mention: reference.mention, highlight: mention.range.lowerBound)
    if let entity = mention.entity {
        state.selectedEntity = entity
        let all = state.corpus.mentionsByEntity[entity]
        if let index = all.firstIndex(of: reference) {
            state.status = "\(state.corpus.entities[entity].name): mention \(index + 1)/\(all.count)"
        }
    }
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
    let all = state.corpus.mentionsByEntity[entity]
    guard !all.isEmpty else { state.status = "\(state.corpus.entities[entity].name) has no mentions"; return }
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
    if let current = search.current {
        search.current = forward ? (current + 1) % hits.count : (current - 1 + hits.count) % hits.count
    } else {
        let open = state.openArticle
        search.current = forward
            ? hits.firstIndex { $0.article >= open } ?? 0
            : hits.lastIndex { $0.article <= open } ?? hits.count - 1
    }
    state.search = search
    showMatch(&state)
}

private func showMatch(_ state: inout AppState) {
    guard let search = state.search, let current = search.current else { return }
    let hit = search.result.hits[current]
    open(&state, article: hit.article, mention: nil, highlight: state.corpus.byteRange(of: hit)?.lowerBound)
    state.status = "match \(current + 1)/\(search.result.hits.count)"
}

private func travel(_ state: inout AppState, from source: WritableKeyPath<AppState, [AppState.Place]>,
                    to destination: WritableKeyPath<AppState, [AppState.Place]>, empty: String) {
    guard let place = state[keyPath: source].popLast() else { state.status = empty; return }
    state[keyPath: destination].append(currentPlace(state))
    state.openArticle = place.article
    state.refreshReaderLayout()
    state.listSelection = place.article
    state.currentMention = place.mention
    state.readerScroll = place.scroll
    state.status = "\(state.corpus.articles[place.article].title)"
}

// MARK: - The prompt

private func editPrompt(_ state: inout AppState, _ key: Key) {
    guard var prompt = state.prompt else { return }
    // Taken out of the state while it is edited, so that the array is not copied on every key.
    state.prompt = nil
    let history = prompt.kind == .search ? state.searchHistory : state.commandHistory
    switch key {
    case .escape:
        return
    case .enter:
        submit(&state, prompt)
        return
    case .left: prompt.moveLeft()
    case .right: prompt.moveRight()
    case .home, .control("a"): prompt.moveToStart()
    case .end, .control("e"): prompt.moveToEnd()
    case .backspace:
        if prompt.characters.isEmpty { return }
        prompt.deleteBackward()
    case .delete: prompt.deleteForward()
    case .control("u"): prompt.deleteToStart()
    case .up, .down:
        guard !history.isEmpty else { break }
        let current = prompt.historyIndex ?? history.count
        let next = key == .up ? max(0, current - 1) : min(history.count, current + 1)
        prompt.historyIndex = next
        prompt.replace(with: next < history.count ? history[next] : "")
    case .character(let character): prompt.insert(character)
    default: break
    }
    prompt.keepCursorInView(columns: state.size.columns - 1)
    state.prompt = prompt
}


private func submit(_ state: inout AppState, _ prompt: AppState.Prompt) {
    let text = prompt.text.trimmingCharacters(in: " ")
    guard !text.isEmpty else { return }
    switch prompt.kind {
    case .search:
        state.searchHistory.removeAll { $0 == text }
        state.searchHistory.append(text)
        if state.indexing != nil {
            // A query that cannot parse is said now, not when the index is ready.
            do { _ = try Query(text) } catch {
                state.status = "\(error)"
                return
            }
            state.indexing?.pendingSearch = text
            state.status = "\(text) will be searched when indexing is done"
        } else {
            runSearch(&state, text)
        }
    case .command:
        state.commandHistory.removeAll { $0 == text }
        state.commandHistory.append(text)
        runCommand(&state, text)
    }
}

/// Runs a search and, when `movingReader`, shows its first match.
func runSearch(_ state: inout AppState, _ text: String, movingReader: Bool = true) {
    let query: Query
    do { query = try Query(text) } catch {
        state.status = "\(error)"
        return
    }
    let result = state.corpus.index.search(query)
    guard !result.hits.isEmpty else {
        state.search = nil
        state.status = "no matches for \(text)"
        return
    }
    state.search = AppState.SearchState(
        result: AppState.SearchResultSummary(
            query: text, hits: result.hits, articleCount: result.articleCount, articles: Set(result.hits.map(\.article))),
        current: movingReader ? 0 : nil)
    showMatch(&state)
    state.status = "\(result.hits.count) \(result.hits.count == 1 ? "match" : "matches") in \(result.articleCount) \(result.articleCount == 1 ? "article" : "articles")"
        + (movingReader ? "" : " · n goes to the next")
}

private func runCommand(_ state: inout AppState, _ text: String) {
    let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
    let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: " ") : ""
    switch parts[0] {
    case "q", "quit": state.shouldQuit = true
    case "help", "h": state.showHelp = true
    case "entity", "e":
        guard state.indexing == nil else {
            state.status = "entities are ready when indexing is done"
            return
        }
        do {
            let entity = try state.corpus.lookUpEntity(argument)
            state.selectedEntity = entity
            state.currentMention = nil
            let count = state.corpus.mentionsByEntity[entity].count
            state.status = "\(state.corpus.entities[entity].name): \(count) mentions in \(state.corpus.articleCount(of: entity)) articles · ] next"
        } catch { state.status = "\(error)" }
    case "open", "o":
        do {
            open(&state, article: try state.corpus.lookUpArticle(argument))
            state.focus = state.layout.reader == nil ? state.focus : .reader
        } catch { state.status = "\(error)" }
    default:
        state.status = "unknown command :\(parts[0]) (try :entity, :open, :help, :q)"
    }
}

extension String {
    func trimmingCharacters(in characters: String) -> String {
        var result = Substring(self)
        while let first = result.first, characters.contains(first) { result.removeFirst() }
        while let last = result.last, characters.contains(last) { result.removeLast() }
        return String(result)
    }
}

// MARK: - Links

/// Asks the loop to open the web address of the article under the cursor in the list, or of the
/// one in the reader; only http and https addresses are opened.
private func openLink(_ state: inout AppState) {
    let index = state.focus == .articles ? state.listSelection : state.openArticle
    guard index < state.corpus.articles.count, let url = state.corpus.articles[index].url else {
        state.status = "this article has no web address"
        return
    }
    let lowered = url.lowercased()
    guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
        state.status = "only http and https addresses are opened, not \(DossierError.shortened(url))"
        return
    }
    state.linkToOpen = url
}
