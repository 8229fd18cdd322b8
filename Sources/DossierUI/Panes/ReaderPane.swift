import DossierCore
import DossierIndex
import DossierLinking
import DossierText

/// The open article, wrapped, with mentions in their entity's colour, matches
/// underlined, the current mention or match reversed, and a scrollbar that
/// marks where the selected entity's mentions (◆) and the matches (•) lie.
enum ReaderPane {
    static func draw(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        drawPaneTitle(state.listTitle(state.reader.openArticle), focused: state.session.focus == .reader, in: rect, on: &screen)
        let rows = rect.rows - 1
        let textColumns = rect.columns - 1
        guard rows > 0, textColumns > 0 else { return }
        let layout = state.reader.layout
        let shown = min(state.reader.scroll, layout.lines.count)..<min(layout.lines.count, state.reader.scroll + rows)
        let highlights = Highlights(state, visible: visibleBytes(layout.lines[shown]))
        for index in shown {
            let row = rect.row + 1 + index - state.reader.scroll
            switch layout.lines[index] {
            case .blank: break
            case .header(let text, let headerStyle):
                screen.write(text, column: rect.column, row: row, limit: textColumns, style: headerStyle)
            case .body(let placed):
                drawWords(placed, of: layout.text, base: .plain, highlights: highlights, row: row, in: rect, on: &screen)
            case .headline(let placed):
                drawWords(placed, of: layout.text, base: Style(bold: true), highlights: highlights, row: row, in: rect, on: &screen)
            }
        }
        drawScrollbar(state, layout: layout, in: Rect(column: rect.column + rect.columns - 1, row: rect.row + 1, columns: 1, rows: rows), on: &screen)
    }

    /// The bytes the visible lines' words span: only what they hold is looked up per character.
    private static func visibleBytes(_ lines: some Collection<ReaderLayout.Line>) -> Range<Int> {
        let words = lines.flatMap { line -> [Range<Int>] in
            switch line {
            case .body(let words), .headline(let words): words.map(\.range)
            default: []
            }
        }
        return (words.first?.lowerBound ?? 0)..<(words.last?.upperBound ?? 0)
    }

    /// How each byte of the visible text is drawn: the mentions and matches over it, and which of
    /// them stands out.
    private struct Highlights {
        let mentions: [Mention]
        let hits: [Range<Int>]
        let currentHit: Range<Int>?
        let currentMention: Mention?
        let palette: EntityPalette
        let corpus: Corpus
        let selectedEntity: Int?

        init(_ state: AppState, visible: Range<Int>) {
            let layout = state.reader.layout
            let allMentions = layout.showsNotice ? [] : state.corpus.mentions[state.reader.openArticle]
            mentions = ReaderPane.overlapping(visible, in: allMentions, range: \Mention.range)
            hits = ReaderPane.overlapping(visible, in: state.reader.matches.all, range: \.self)
            currentHit = state.reader.matches.current
            currentMention = state.reader.currentMention.flatMap { allMentions.indices.contains($0) ? allMentions[$0] : nil }
            palette = state.session.settings.palette
            corpus = state.corpus
            selectedEntity = state.entities.selectedEntity
        }

        func style(at offset: Int, base: Style) -> Style {
            var style = base
            if let mention = mentions.first(where: { $0.range.contains(offset) }) {
                if let entity = mention.entity {
                    style = palette.style(of: entity, in: corpus, selected: selectedEntity)
                    style.bold = style.bold || base.bold
                } else {
                    style.dim = true
                    style.underline = true
                }
                if mention == currentMention { style.reverse = true }
            }
            if hits.contains(where: { $0.contains(offset) }) {
                style.underline = true
                style.bold = true
                if currentHit?.contains(offset) == true { style.reverse = true }
            }
            return style
        }
    }

    /// Writes a line's words, each in runs of one style, so a word is written in as few pieces as
    /// its highlights need.
    private static func drawWords(_ placed: [ReaderLayout.PlacedWord], of text: SourceText, base: Style, highlights: Highlights,
                                  row: Int, in rect: Rect, on screen: inout Screen) {
        let textEnd = rect.column + rect.columns - 1
        let bytes = text.bytes
        for placedWord in placed {
            let word = placedWord.range
            var column = rect.column + placedWord.column
            var runStart = word.lowerBound
            var runStyle = highlights.style(at: runStart, base: base)
            var position = word.lowerBound
            while position < word.upperBound {
                var next = position + 1
                while next < word.upperBound && bytes[next] & 0xC0 == 0x80 { next += 1 }
                let nextStyle = next < word.upperBound ? highlights.style(at: next, base: base) : runStyle
                if nextStyle != runStyle || next == word.upperBound {
                    column += screen.write(text.string(runStart..<next), column: column, row: row, limit: textEnd - column, style: runStyle)
                    runStart = next
                    runStyle = nextStyle
                }
                position = next
            }
        }
    }

    /// The search hits in one article: a contiguous run of the hits, which are in reading order.
    static func hits(of hits: [Hit], inArticle article: Int) -> ArraySlice<Hit> {
        var low = 0
        var high = hits.count
        while low < high {
            let middle = (low + high) / 2
            if hits[middle].article < article { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < hits.count, hits[end].article == article { end += 1 }
        return hits[low..<end]
    }

    /// The items (sorted by start, not overlapping) that overlap `visible`, found by binary search.
    static func overlapping<Items: RandomAccessCollection>(
        _ visible: Range<Int>, in items: Items, range: KeyPath<Items.Element, Range<Int>>
    ) -> [Items.Element] where Items.Index == Int {
        var low = items.startIndex
        var high = items.endIndex
        while low < high {
            let middle = (low + high) / 2
            if items[middle][keyPath: range].upperBound <= visible.lowerBound { low = middle + 1 } else { high = middle }
        }
        var result: [Items.Element] = []
        while low < items.endIndex, items[low][keyPath: range].lowerBound < visible.upperBound {
            result.append(items[low])
            low += 1
        }
        return result
    }

    private static func drawScrollbar(_ state: AppState, layout: ReaderLayout, in rect: Rect, on screen: inout Screen) {
        guard rect.rows > 0 else { return }
        let total = max(1, layout.lines.count)
        // The marked lines are sorted, so each scrollbar row asks by binary search whether its span holds one.
        func holds(_ lines: [Int], _ span: ClosedRange<Int>) -> Bool {
            var low = 0
            var high = lines.count
            while low < high {
                let middle = (low + high) / 2
                if lines[middle] < span.lowerBound { low = middle + 1 } else { high = middle }
            }
            return low < lines.count && lines[low] <= span.upperBound
        }
        let selectedLines = state.reader.markedLines.selectedEntity
        let hitLines = state.reader.markedLines.matches
        for offset in 0..<rect.rows {
            let first = offset * total / rect.rows
            let last = max(first, (offset + 1) * total / rect.rows - 1)
            let inView = (first...last).overlaps(state.reader.scroll...(state.reader.scroll + rect.rows - 1))
            var symbol = inView ? "┃" : "│"
            var style = Style(dim: !inView)
            if holds(selectedLines, first...last) {
                symbol = "◆"
                style = Style(foreground: state.entities.selectedEntity.map { state.session.settings.palette.color(of: $0, in: state.corpus) }, bold: true)
            } else if holds(hitLines, first...last) {
                symbol = "•"
                style = Style(foreground: .yellow, bold: true)
            }
            screen.write(symbol, column: rect.column, row: rect.row + offset, limit: 1, style: style)
        }
    }
}
