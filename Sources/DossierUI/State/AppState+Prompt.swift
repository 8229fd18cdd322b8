import DossierCore
import DossierIndex
import DossierText

// What is typed at the prompt: a search, a filter for the list, or a command.

extension AppState {
    /// A key typed while the prompt is open; Enter submits what it holds.
    mutating func editPrompt(_ key: Key) -> [Effect] {
        if key == .tab {
            completeName()
            return []
        }
        guard let submitted = prompt.edit(key, columns: session.size.columns) else { return [] }
        return submit(submitted)
    }

    private mutating func submit(_ submitted: Prompt) -> [Effect] {
        let text = submitted.text.trimmingCharacters(in: " ")
        if submitted.kind == .filter {
            // An empty filter is how the list is shown whole again.
            if !text.isEmpty { prompt.remember(text, in: .filter) }
            applyFilter(text)
            return []
        }
        guard !text.isEmpty else { return [] }
        prompt.remember(text, in: submitted.kind)
        switch submitted.kind {
        case .search:
            guard session.indexing != nil else { return runSearch(text) }
            // A query that cannot parse is said now, not when the index is ready.
            do { _ = try Query(text) } catch {
                session.status = "\(error)"
                return []
            }
            session.indexing?.pendingSearch = text
            session.status = "\(text) will be searched when indexing is done"
            return []
        case .command: return runCommand(text)
        case .filter: return []
        }
    }

    /// Narrows the list to the articles that pass a filter (all of them for an empty one), keeping
    /// the cursor on its article when it still shows.
    mutating func applyFilter(_ text: String) {
        guard session.indexing == nil else {
            session.status = "the list can be filtered when indexing is done"
            return
        }
        if text.isEmpty {
            setList(filter: nil, sort: list.sort)
            session.status = "filter cleared · " + Counted.phrase(list.rows.count, "article")
            return
        }
        do {
            let filter = try ArticleFilter(text, in: corpus, saved: session.settings.savedFilters, tags: session.settings.feedTags)
            setList(filter: filter, sort: list.sort)
            session.status = "\(Counted.number(list.rows.count)) of \(Counted.phrase(list.total, "article")) match · \(key(.openFilter)) to change, an empty filter shows all"
        } catch {
            session.status = error.description
        }
    }

    /// Puts a new list in place, the cursor on the same article when it is listed.
    mutating func setList(filter: ArticleFilter?, sort: ArticleSort) {
        let read = list.readArticles
        let articles = ArticleList(corpus: corpus, filter: filter, sort: sort, isRead: { read.contains($0) })
        list.replace(with: articles, keeping: list.articleAtCursor, orElse: reader.openArticle,
                     visibleRows: ScreenLayout.contentRows(layout.articles))
    }

    /// Asks for a search that parses (one that does not is said at once); `showSearch` shows what it
    /// found, and, when `movingReader`, its first match.
    mutating func runSearch(_ text: String, movingReader: Bool = true) -> [Effect] {
        do { _ = try Query(text) } catch {
            session.status = "\(error)"
            return []
        }
        reader.requestSearch(text)
        return [.search(text, movingReader: movingReader)]
    }

    /// Shows what a search found, if it was awaited: its first match when it moves the reader, and
    /// how many there are.
    mutating func showSearch(_ finding: SearchFinding) {
        guard finding.corpus === corpus, reader.takeSearchResult(for: finding.query) else { return }
        if let damage = finding.damage {
            reader.setSearch(nil)
            session.status = damage + "; quit and start again to rebuild it"
            return
        }
        guard !finding.hits.isEmpty else {
            reader.setSearch(nil)
            session.status = "no matches for \(finding.query)"
            return
        }
        reader.setSearch(ReaderState.SearchState(
            result: ReaderState.SearchResultSummary(
                query: finding.query, hits: finding.hits, articleCount: finding.articleCount, articles: Set(finding.hits.map(\.article))),
            current: finding.movingReader ? 0 : nil))
        showMatch()
        session.status = Counted.phrase(finding.hits.count, "match", plural: "matches") + " in " + Counted.phrase(finding.articleCount, "article")
            + (finding.movingReader ? "" : " · \(key(.nextMatch)) goes to the next")
    }

    private mutating func runCommand(_ text: String) -> [Effect] {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: " ") : ""
        switch parts[0] {
        case "q", "quit": return [.quit]
        case "help", "h": overlays.openHelp()
        case "entity", "e", "dossier", "d": return selectEntity(argument, command: parts[0])
        case "filter", "f":
            if !argument.isEmpty { prompt.remember(argument, in: .filter) }
            applyFilter(argument)
        case "sort", "s":
            guard session.indexing == nil else {
                session.status = "the list can be sorted when indexing is done"
                return []
            }
            do {
                let sort = try ArticleSort(parsing: argument.isEmpty ? "date" : argument)
                setList(filter: list.filter, sort: sort)
                session.status = "sorted by \(sort.description)"
            } catch { session.status = error.description }
        case let command where Self.correctionCommands.contains(command):
            return runCorrection(command, argument)
        case "open", "o":
            guard !argument.isEmpty else {
                session.status = "usage: :open ARTICLE, with an article's id or words of its title"
                return []
            }
            do {
                open(article: try corpus.lookUpArticle(argument))
                focusReaderIfShown()
            } catch { session.status = "\(error)" }
        default:
            session.status = "unknown command :\(parts[0]) (try :filter, :sort, :dossier, :entity, :open, :kind, :merge, :split, :speaker, :undo, :help, :q)"
        }
        return []
    }

    /// `:entity NAME` selects an entity; `:dossier NAME` opens its dossier.
    private mutating func selectEntity(_ argument: String, command: String) -> [Effect] {
        let isDossier = command.hasPrefix("d")
        guard session.indexing == nil else {
            session.status = "entities are ready when indexing is done"
            return []
        }
        guard !argument.isEmpty else {
            session.status = isDossier && entities.selectedEntity != nil
                ? "usage: :dossier NAME (an id, name or alias); \(key(.openDossier)) opens the selected entity's"
                : "usage: :\(command) NAME, with an entity's id, name or alias (e.g. :\(command) pompeo)"
            if isDossier, let entity = entities.selectedEntity { return openDossier(of: entity) }
            return []
        }
        do {
            let entity = try corpus.lookUpEntity(argument)
            if isDossier { return openDossier(of: entity) }
            entities.select(entity: entity)
            reader.setCurrentMention(nil)
            let count = corpus.mentionsByEntity.count(of: entity)
            session.status = "\(corpus.entities[entity].name): \(Counted.phrase(count, "mention")) in \(Counted.phrase(corpus.articleCount(of: entity), "article"))" + entityKeysHint
        } catch { session.status = "\(error)" }
        return []
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
