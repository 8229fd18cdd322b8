import DossierText

// An action, handed to the part of the state it is about: the session (panes, focus, size),
// the overlays, the list, the reader, the entity pane or the prompt.

extension AppState {
    /// Applies an action that no overlay took; returns what the runner is to do for it.
    mutating func apply(_ action: Action) -> [Effect] {
        switch action {
        case .quit: return [.quit]
        case .redraw: return [.redrawAll]
        case .openLink: return openLink()
        case .fetchFeeds: return fetchFeeds()
        case .toggleHelp, .toggleSkippedFiles, .toggleFeeds, .cancel: applyToOverlays(action)
        case .toggleEntities, .focusNext, .focusPrevious, .resized: applyToSession(action)
        case .moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom: move(action)
        case .activate, .nextMention, .previousMention, .nextEntityMention, .previousEntityMention, .nextMatch, .previousMatch,
             .back, .forward:
            applyToReader(action)
        case .toggleRead, .nextUnread, .previousUnread, .markShownRead, .undoRead: applyToList(action)
        case .toggleEntityView, .openDossier: return applyToEntityPane(action)
        case .openSearch, .openCommand, .openFilter, .promptKey: return applyToPrompt(action)
        case .unbound(let key): session.status = "\(key.notation) does nothing here · \(self.key(.toggleHelp)) lists the keys"
        case .mouse(let event): return handleMouse(event)
        case .tick: break
        }
        return []
    }

    /// `R`: one fetch at a time.
    private mutating func fetchFeeds() -> [Effect] {
        if session.isFetching {
            session.status = "already fetching your feeds"
            return []
        }
        session.isFetching = true
        session.status = "fetching your feeds…"
        return [.fetchFeeds]
    }

    private mutating func applyToOverlays(_ action: Action) {
        switch action {
        case .toggleHelp: overlays.toggleHelp()
        case .toggleFeeds: toggleFeedList()
        case .toggleSkippedFiles:
            if corpus.skipped.isEmpty && !overlays.showsSkippedFiles {
                session.status = "no files were skipped, and nothing in them was passed over"
            } else {
                overlays.showSkippedFiles(!overlays.showsSkippedFiles)
            }
        case .cancel:
            if overlays.showsHelp {
                overlays.closeHelp()
            } else if overlays.showsSkippedFiles {
                overlays.showSkippedFiles(false)
            } else if reader.search != nil {
                reader.setSearch(nil)
                session.status = "search cleared"
            }
        default: break
        }
    }

    private mutating func applyToSession(_ action: Action) {
        switch action {
        case .toggleEntities:
            guard session.size.columns < 100 else {
                session.status = entityPaneNotice
                return
            }
            session.showsEntitiesWhenNarrow.toggle()
            if !layout.visiblePanes.contains(session.focus) { session.focus = .reader }
            refreshReaderLayout()
        case .focusNext, .focusPrevious:
            // With one pane on screen, Tab brings the next pane in its place.
            let panes = layout.visiblePanes.count > 1 ? layout.visiblePanes : Pane.allCases
            let index = panes.firstIndex(of: session.focus) ?? 0
            let step = action == .focusNext ? 1 : panes.count - 1
            session.focus = panes[(index + step) % panes.count]
        case .resized(let size): resize(to: size)
        default: break
        }
    }

    private mutating func resize(to size: Size) {
        // What was said about the layout no longer holds once it changes.
        if session.status == entityPaneNotice { session.status = "" }
        session.size = size
        prompt.keepCursorInView(columns: size.columns)
        refreshReaderLayout()
        let layout = layout
        if layout.articles != nil || layout.reader != nil || layout.entities != nil,
           !layout.visiblePanes.contains(session.focus), layout.visiblePanes.count > 1 {
            session.focus = .reader
        }
    }

    /// The moving keys, in the focused pane.
    private mutating func move(_ action: Action) {
        let page = max(1, pageRows - 1)
        let half = max(1, pageRows / 2)
        switch action {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: page)
        case .pageUp: move(by: -page)
        case .halfPageDown: move(by: half)
        case .halfPageUp: move(by: -half)
        case .top: move(by: -Int.max / 2)
        case .bottom: move(by: Int.max / 2)
        default: break
        }
    }

    private mutating func applyToReader(_ action: Action) {
        switch action {
        case .activate: activate()
        case .nextMention: stepMentionInArticle(forward: true)
        case .previousMention: stepMentionInArticle(forward: false)
        case .nextEntityMention: stepEntityMention(forward: true)
        case .previousEntityMention: stepEntityMention(forward: false)
        case .nextMatch: stepMatch(forward: true)
        case .previousMatch: stepMatch(forward: false)
        case .back: travel(forward: false, empty: "at the start of the jump history")
        case .forward: travel(forward: true, empty: "at the end of the jump history")
        default: break
        }
    }

    private mutating func applyToList(_ action: Action) {
        switch action {
        case .toggleRead: toggleRead()
        case .nextUnread: stepUnread(forward: true)
        case .previousUnread: stepUnread(forward: false)
        case .markShownRead: markShownRead()
        case .undoRead: undoMarkingRead()
        default: break
        }
    }

    private mutating func applyToEntityPane(_ action: Action) -> [Effect] {
        switch action {
        case .toggleEntityView:
            entities.toggleView()
            session.status = entityViewStatus
        case .openDossier:
            guard let entity = entities.selectedEntity ?? selectedEntityInPane else {
                session.status = "no entity selected: select one in the entity pane, or use :dossier NAME"
                return []
            }
            return openDossier(of: entity)
        default: break
        }
        return []
    }

    /// What `v` says: how many quotes or mentions the pane now lists, and how to switch back.
    private var entityViewStatus: String {
        guard let entity = entities.selectedEntity else {
            return "no entity selected: the pane will list its \(entities.view == .quotes ? "quotes" : "mentions")"
        }
        let name = corpus.entities[entity].name
        return entities.view == .quotes
            ? "\(name): \(Counted.phrase(corpus.quotesByEntity[entity].count, "quote")) · \(key(.toggleEntityView)) for mentions"
            : "\(name): \(Counted.phrase(corpus.mentionsByEntity.count(of: entity), "mention")) · \(key(.toggleEntityView)) for quotes"
    }

    private mutating func applyToPrompt(_ action: Action) -> [Effect] {
        let columns = session.size.columns
        switch action {
        case .openSearch: prompt.open(.search, columns: columns)
        case .openCommand: prompt.open(.command, columns: columns)
        // The filter in force is there to be edited.
        case .openFilter: prompt.open(.filter, holding: list.filter?.text, columns: columns)
        case .promptKey(let key): return editPrompt(key)
        default: break
        }
        return []
    }
}
