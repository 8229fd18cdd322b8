import DossierCore
import DossierPlatform
import Foundation

/// What the reader remembers of a corpus between runs: where it was, what was read, and what
/// was typed. Articles and entities are named by id, not position, so the memory survives
/// articles being added; what no longer exists is dropped when it is restored.
public struct ReaderMemory: Codable, Equatable, Sendable {
    /// Raised when the meaning of a field changes; a file of another version is not used.
    public static let version = 1

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
        guard memory.version == version else {
            throw Problem(description: "it was written by another version of Dossier (state version \(memory.version))")
        }
        return memory
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
        memory.openArticle = corpus.articles.indices.contains(open) ? corpus.articles[open].id : nil
        memory.readerScroll = reader.scroll
        memory.selectedEntity = entities.selectedEntity.map { corpus.entities[$0].id }
        memory.focus = session.focus
        memory.searchHistory = prompt.searchHistory
        memory.commandHistory = prompt.commandHistory
        memory.filterHistory = prompt.filterHistory
        memory.read = list.readArticles.sorted().map { corpus.articles[$0].id }
        memory.filter = list.filter?.text
        memory.sort = list.sort == .standard ? nil : list.sort.description
        return memory
    }

    /// Puts the reader back where a memory says, as far as this corpus still holds it; returns
    /// what could not be restored, in a line, or nil.
    mutating func restore(_ memory: ReaderMemory) -> String? {
        guard session.indexing == nil else { return nil }
        var problems: [String] = []
        let indexByID = Dictionary(corpus.articles.indices.map { (corpus.articles[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        list.setRead(Set(memory.read.compactMap { indexByID[$0] }))
        prompt.restoreHistories(search: memory.searchHistory, command: memory.commandHistory, filter: memory.filterHistory)
        entities.select(entity: memory.selectedEntity.flatMap { corpus.entityIndex(id: $0) })
        var filter: ArticleFilter?
        if let text = memory.filter {
            do { filter = try ArticleFilter(text, in: corpus, saved: session.settings.savedFilters) } catch {
                problems.append("the saved filter no longer applies (\(error.description))")
            }
        }
        let sort = memory.sort.flatMap { try? ArticleSort(parsing: $0) } ?? .standard
        if filter != nil || sort != .standard { setList(filter: filter, sort: sort) }
        if let id = memory.openArticle, let article = indexByID[id] {
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
