import DossierCore
import DossierFormats
import DossierPlatform
import Foundation

/// What the reader remembers of a corpus between runs: where it was, what was read, and what
/// was typed. Articles are named by stable id and entities by id, not position, so the memory
/// survives articles being added, moved and renamed; what no longer exists is dropped when it is
/// restored. An article the library replaced with an updated version is remembered as read with
/// that version (`readMark`), so that the update shows as unread.
public struct ReaderMemory: Codable, Equatable, Sendable {
    /// Raised when the meaning of a field changes. Version 1 named articles by their files' names
    /// and places (`LegacyArticleIDs`), and is read still; any other is not used.
    public static let version = 2

    public var version = ReaderMemory.version
    public var openArticle: String?
    public var readerScroll = 0
    public var selectedEntity: String?
    public var focus: Pane = .articles
    public var searchHistory: [String] = []
    public var commandHistory: [String] = []
    public var filterHistory: [String] = []
    public var read: [String] = []
    public var filter: String?
    public var sort: String?

    public init() {}

    /// Why a saved memory was not used, in a line.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads a saved memory; anything but a whole, current one is a `Problem`.
    public static func decoded(from bytes: [UInt8]) throws(Problem) -> ReaderMemory {
        let memory: ReaderMemory
        do {
            memory = try JSONDecoder().decode(ReaderMemory.self, from: Data(bytes))
        } catch {
            throw Problem(description: "it is not a whole state file")
        }
        guard memory.version == version || memory.version == 1 else {
            throw Problem(description: "it was written by another version of Dossier (state version \(memory.version))")
        }
        return memory
    }

    /// How a read article is remembered: its stable id, with the version the library last stored
    /// ("3fa9c1d2e4f5a6b7@2026-12-02T18-53-00Z") when it was updated.
    static func readMark(of article: Article) -> String {
        article.updated.map { article.stableID + "@" + $0 } ?? article.stableID
    }

    public func encoded() -> [UInt8] {
        (try? JSONWriter.encode(self, compact: true)) ?? []
    }
}

extension AppState {
    /// What to save of this state.
    public var memory: ReaderMemory {
        var memory = ReaderMemory()
        guard session.indexing == nil else { return memory }
        let open = reader.openArticle
        memory.openArticle = corpus.articles.indices.contains(open) ? corpus.articles[open].stableID : nil
        memory.readerScroll = reader.scroll
        memory.selectedEntity = entities.selectedEntity.map { corpus.entities[$0].id }
        memory.focus = session.focus
        memory.searchHistory = prompt.searchHistory
        memory.commandHistory = prompt.commandHistory
        memory.filterHistory = prompt.filterHistory
        memory.read = list.readArticles.sorted().map { ReaderMemory.readMark(of: corpus.articles[$0]) }
        memory.filter = list.filter?.text
        memory.sort = list.sort == .standard ? nil : list.sort.description
        return memory
    }

    /// Puts the reader back where a memory says, as far as this corpus still holds it; returns
    /// what could not be restored, in a line, or nil.
    mutating func restore(_ memory: ReaderMemory) -> String? {
        guard session.indexing == nil else { return nil }
        var problems: [String] = []
        let article: (String) -> Int?
        if memory.version == 1 {
            let legacy = LegacyArticleIDs(corpus)
            article = legacy.articleIndex
            list.setRead(Set(memory.read.compactMap(legacy.articleIndex)))
        } else {
            article = corpus.articleIndex(stableID:)
            // Read when its mark names the version it has now: an update stored since makes it unread again.
            let marks = Set(memory.read)
            list.setRead(Set(corpus.articles.indices.filter { marks.contains(ReaderMemory.readMark(of: corpus.articles[$0])) }))
        }
        prompt.restoreHistories(search: memory.searchHistory, command: memory.commandHistory, filter: memory.filterHistory)
        entities.select(entity: memory.selectedEntity.flatMap { corpus.entityIndex(id: $0) })
        var filter: ArticleFilter?
        if let text = memory.filter {
            do { filter = try ArticleFilter(text, in: corpus, saved: session.settings.savedFilters, tags: session.settings.feedTags) } catch {
                problems.append("the saved filter no longer applies (\(error.description))")
            }
        }
        let sort = memory.sort.flatMap { try? ArticleSort(parsing: $0) } ?? .standard
        if filter != nil || sort != .standard { setList(filter: filter, sort: sort) }
        if let id = memory.openArticle, let article = article(id) {
            reader.open(article)
            if let row = list.row(of: article) { list.select(row: row) }
            refreshReaderLayout()
            reader.setScroll(memory.readerScroll)
        }
        session.focus = memory.focus
        if !layout.visiblePanes.contains(session.focus), let first = layout.visiblePanes.first { session.focus = first }
        refreshDerived()
        list.scroll(toRow: list.selection - ScreenLayout.contentRows(layout.articles) / 3)
        clamp()
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }
}
