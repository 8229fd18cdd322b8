
// The help and the dossier sit over the panes and take the keys while they are open: moving
// keys scroll them, and nothing reaches the list behind.

extension AppState {
    /// Handles a key while the help is open; true when it was the help's (every key is: the rest
    /// are swallowed with a word on how to close it).
    mutating func helpTakes(_ action: Action) -> Bool {
        let rows = HelpOverlay.rows(keyMap, width: session.size.columns).count
        let bodyRows = HelpOverlay.bodyRows(in: session.size)
        let page = max(1, bodyRows - 1)
        let scroll = overlays.helpScroll
        switch action {
        case .toggleHelp, .cancel:
            overlays.closeHelp()
        case .moveDown: overlays.scrollHelp(to: scroll + 1, rows: rows, bodyRows: bodyRows)
        case .moveUp: overlays.scrollHelp(to: scroll - 1, rows: rows, bodyRows: bodyRows)
        case .pageDown, .halfPageDown: overlays.scrollHelp(to: scroll + page, rows: rows, bodyRows: bodyRows)
        case .pageUp, .halfPageUp: overlays.scrollHelp(to: scroll - page, rows: rows, bodyRows: bodyRows)
        case .top: overlays.scrollHelp(to: 0, rows: rows, bodyRows: bodyRows)
        case .bottom: overlays.scrollHelp(to: rows, rows: rows, bodyRows: bodyRows)
        case .resized, .quit, .tick, .redraw: return false
        default:
            let scrolling = [Action.moveDown, .moveUp, .pageDown].map(key).joined(separator: ", ") + " and " + key(.pageUp)
            session.status = "\(HelpOverlay.closingKeys(keyMap)) closes the help; \(scrolling) scroll it"
            overlays.scrollHelp(to: scroll, rows: rows, bodyRows: bodyRows)
        }
        return true
    }

    /// Handles a key while a dossier is open, returning what the runner is to do; nil for the keys
    /// that act as usual (resizing, quitting).
    mutating func dossierTakes(_ action: Action) -> [Effect]? {
        guard var dossier = overlays.dossier else { return nil }
        let page = max(1, DossierPane.bodyRows(self) - 1)
        switch action {
        case .cancel, .openDossier:
            overlays.closeDossier()
            return []
        // Line by line through the lines that lead somewhere, past blank lines and headings; past the last, on.
        case .moveDown: dossier.selection = dossier.lines.indices.first { $0 > dossier.selection && dossier.lines[$0].target != nil }
            ?? dossier.selection + 1
        case .moveUp: dossier.selection = dossier.lines.indices.last { $0 < dossier.selection && dossier.lines[$0].target != nil }
            ?? dossier.selection - 1
        case .back:
            // Back to the dossier whose name led here; from the first, back to the reader.
            guard let previous = overlays.dossierTrail.popLast() else {
                overlays.closeDossier()
                return []
            }
            return openDossier(of: previous)
        case .pageDown: dossier.selection += page
        case .pageUp: dossier.selection -= page
        case .halfPageDown: dossier.selection += page / 2
        case .halfPageUp: dossier.selection -= page / 2
        case .top: dossier.selection = 0
        case .bottom: dossier.selection = Int.max / 2
        case .activate:
            let lines = dossier.lines
            guard lines.indices.contains(dossier.selection), let target = lines[dossier.selection].target else {
                session.status = "\(key(.activate)) on an article, a quote or a name goes there"
                return []
            }
            return go(to: target)
        case .mouse(let event):
            return clickDossier(event)
        case .resized, .quit, .tick, .redraw, .toggleHelp, .openCommand, .promptKey: return nil
        default:
            session.status = "\(key(.cancel)) closes the dossier; \(key(.activate)) goes to the line's article, quote or person"
            return []
        }
        overlays.update(dossier)
        return []
    }

    /// Where a dossier line leads: an article or quote closes the dossier and opens it; a name
    /// opens that entity's dossier.
    mutating func go(to target: DossierView.Target) -> [Effect] {
        switch target {
        case .entity(let entity):
            if let current = overlays.dossier?.entity { overlays.leaveDossier(current) }
            return openDossier(of: entity)
        case .article(let article):
            let entity = overlays.dossier?.entity
            overlays.closeDossier()
            open(article: article)
            let mentions = corpus.mentions[article]
            if let entity, let first = mentions.firstIndex(where: { $0.entity == entity }) {
                reader.setCurrentMention(first)
                scrollIntoView(offset: mentions[first].range.lowerBound)
            }
            focusReaderIfShown()
        case .quote(let reference):
            overlays.closeDossier()
            open(quote: reference)
            focusReaderIfShown()
        }
        return []
    }

    /// Asks for an entity's dossier; it opens when the runner has gathered it (`showDossier`).
    mutating func openDossier(of entity: Int) -> [Effect] {
        guard session.indexing == nil else {
            session.status = "dossiers are ready when indexing is done"
            return []
        }
        entities.select(entity: entity)
        overlays.closeHelp()
        overlays.requestDossier(of: entity)
        return [.gatherDossier(entity: entity)]
    }

    /// Opens a dossier the runner gathered, if it is the one asked for.
    /// Its line on the status bar does not replace a message that came with it (a correction's, when the
    /// dossier is gathered again after it).
    mutating func showDossier(_ content: DossierView.Content) {
        guard content.corpus === corpus, content.profile.entity == overlays.requestedDossier else { return }
        overlays.show(DossierView(content, palette: session.settings.palette, width: session.size.columns))
        guard session.status.isEmpty else { return }
        session.status = "\(corpus.entities[content.profile.entity].name)'s dossier · \(key(.activate)) goes to a line · \(key(.cancel)) closes"
    }

    /// A click on a dossier line selects it; on the selected line, goes there. The wheel scrolls.
    private mutating func clickDossier(_ event: MouseEvent) -> [Effect] {
        guard var dossier = overlays.dossier else { return [] }
        switch event.kind {
        case .wheelUp: dossier.selection -= 3
        case .wheelDown: dossier.selection += 3
        case .press:
            let line = dossier.scroll + event.row - DossierPane.firstBodyRow
            guard event.row >= DossierPane.firstBodyRow, line >= 0 else { return [] }
            if line == dossier.selection {
                overlays.update(dossier)
                return dossierTakes(.activate) ?? []
            }
            dossier.selection = line
        }
        overlays.update(dossier)
        return []
    }
}
