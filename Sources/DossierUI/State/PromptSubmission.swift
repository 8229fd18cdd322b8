import DossierCore

// MARK: - The prompt

func editPrompt(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var prompt = state.prompt else { return [] }
    // Taken out of the state while it is edited, so that the array is not copied on every key.
    state.prompt = nil
    let history = switch prompt.kind {
    case .search: state.searchHistory
    case .command: state.commandHistory
    case .filter: state.filterHistory
    }
    switch key {
    case .escape:
        return []
    case .enter:
        return submit(&state, prompt)
    case .left: prompt.moveLeft()
    case .right: prompt.moveRight()
    case .home, .control("a"): prompt.moveToStart()
    case .end, .control("e"): prompt.moveToEnd()
    case .backspace:
        if prompt.characters.isEmpty { return [] }
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
    prompt.keepCursorInView(columns: state.size.columns - prompt.kind.lead.count)
    state.prompt = prompt
    return []
}

private func submit(_ state: inout AppState, _ prompt: AppState.Prompt) -> [Effect] {
    let text = prompt.text.trimmingCharacters(in: " ")
    if prompt.kind == .filter {
        // An empty filter is how the list is shown whole again.
        if !text.isEmpty { remember(text, in: &state.filterHistory) }
        applyFilter(&state, text)
        return []
    }
    guard !text.isEmpty else { return [] }
    switch prompt.kind {
    case .search:
        remember(text, in: &state.searchHistory)
        if state.indexing != nil {
            // A query that cannot parse is said now, not when the index is ready.
            do { _ = try Query(text) } catch {
                state.status = "\(error)"
                return []
            }
            state.indexing?.pendingSearch = text
            state.status = "\(text) will be searched when indexing is done"
            return []
        }
        return runSearch(&state, text)
    case .command:
        remember(text, in: &state.commandHistory)
        return runCommand(&state, text)
    case .filter: return []
    }
}

/// Histories keep each line once, the latest last, and at most `historyLimit` lines.
let historyLimit = 200

private func remember(_ text: String, in history: inout [String]) {
    history.removeAll { $0 == text }
    history.append(text)
    if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
}

/// Narrows the list to the articles that pass a filter (all of them for an empty one), keeping
/// the cursor on its article when it still shows.
func applyFilter(_ state: inout AppState, _ text: String) {
    guard state.indexing == nil else {
        state.status = "the list can be filtered when indexing is done"
        return
    }
    if text.isEmpty {
        setList(&state, filter: nil, sort: state.list.sort)
        state.status = "filter cleared · " + Counted.phrase(state.list.rows.count, "article")
        return
    }
    do {
        let filter = try ArticleFilter(text, in: state.corpus, saved: state.settings.savedFilters)
        setList(&state, filter: filter, sort: state.list.sort)
        state.status = "\(Counted.number(state.list.rows.count)) of \(Counted.phrase(state.list.total, "article")) match · F to change, an empty filter shows all"
    } catch {
        state.status = error.description
    }
}

/// Puts a new list in place, the cursor on the same article when it is listed.
func setList(_ state: inout AppState, filter: ArticleFilter?, sort: ArticleSort) {
    let atCursor = state.articleAtCursor
    let read = state.readArticles
    state.list = ArticleList(corpus: state.corpus, filter: filter, sort: sort, isRead: { read.contains($0) })
    state.listSelection = atCursor.flatMap { state.list.row(of: $0) } ?? state.list.row(of: state.openArticle) ?? 0
    state.listScroll = max(0, state.listSelection - ScreenLayout.contentRows(state.layout.articles) / 3)
}

/// Asks for a search that parses (one that does not is said at once); `showSearch` shows what it
/// found, and, when `movingReader`, its first match.
func runSearch(_ state: inout AppState, _ text: String, movingReader: Bool = true) -> [Effect] {
    do { _ = try Query(text) } catch {
        state.status = "\(error)"
        return []
    }
    state.requestedSearch = text
    return [.search(text, movingReader: movingReader)]
}

/// Shows what a search found: its first match when it moves the reader, and how many there are.
func showSearch(_ state: inout AppState, _ finding: SearchFinding) {
    if let damage = finding.damage {
        state.search = nil
        state.status = damage + "; quit and start again to rebuild it"
        return
    }
    guard !finding.hits.isEmpty else {
        state.search = nil
        state.status = "no matches for \(finding.query)"
        return
    }
    state.search = AppState.SearchState(
        result: AppState.SearchResultSummary(
            query: finding.query, hits: finding.hits, articleCount: finding.articleCount, articles: Set(finding.hits.map(\.article))),
        current: finding.movingReader ? 0 : nil)
    showMatch(&state)
    state.status = Counted.phrase(finding.hits.count, "match", plural: "matches") + " in " + Counted.phrase(finding.articleCount, "article")
        + (finding.movingReader ? "" : " · n goes to the next")
}

private func runCommand(_ state: inout AppState, _ text: String) -> [Effect] {
    let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
    let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: " ") : ""
    switch parts[0] {
    case "q", "quit": return [.quit]
    case "help", "h": state.showHelp = true
    case "entity", "e", "dossier", "d":
        let isDossier = parts[0].hasPrefix("d")
        guard state.indexing == nil else {
            state.status = "entities are ready when indexing is done"
            return []
        }
        guard !argument.isEmpty else {
            state.status = isDossier && state.selectedEntity != nil
                ? "usage: :dossier NAME (an id, name or alias); D opens the selected entity's"
                : "usage: :\(parts[0]) NAME, with an entity's id, name or alias (e.g. :\(parts[0]) pompeo)"
            if isDossier, let entity = state.selectedEntity { return openDossier(&state, entity: entity) }
            return []
        }
        do {
            let entity = try state.corpus.lookUpEntity(argument)
            if isDossier { return openDossier(&state, entity: entity) }
            state.selectedEntity = entity
            state.currentMention = nil
            let count = state.corpus.mentionsByEntity[entity].count
            state.status = "\(state.corpus.entities[entity].name): \(Counted.phrase(count, "mention")) in \(Counted.phrase(state.corpus.articleCount(of: entity), "article")) · ] next, D dossier"
        } catch { state.status = "\(error)" }
    case "filter", "f":
        if !argument.isEmpty { remember(argument, in: &state.filterHistory) }
        applyFilter(&state, argument)
    case "sort", "s":
        guard state.indexing == nil else {
            state.status = "the list can be sorted when indexing is done"
            return []
        }
        do {
            let sort = try ArticleSort(parsing: argument.isEmpty ? "date" : argument)
            setList(&state, filter: state.list.filter, sort: sort)
            state.status = "sorted by \(sort.description)"
        } catch { state.status = error.description }
    case "open", "o":
        guard !argument.isEmpty else {
            state.status = "usage: :open ARTICLE, with an article's id or words of its title"
            return []
        }
        do {
            open(&state, article: try state.corpus.lookUpArticle(argument))
            state.focus = state.layout.reader == nil ? state.focus : .reader
        } catch { state.status = "\(error)" }
    default:
        state.status = "unknown command :\(parts[0]) (try :filter, :sort, :dossier, :entity, :open, :help, :q)"
    }
    return []
}

extension String {
    func trimmingCharacters(in characters: String) -> String {
        var result = Substring(self)
        while let first = result.first, characters.contains(first) { result.removeFirst() }
        while let last = result.last, characters.contains(last) { result.removeLast() }
        return String(result)
    }
}

