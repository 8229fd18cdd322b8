import DossierCore
import DossierUI
import Foundation

/// The reader's memory of one corpus on disk (`StateStore`): restored once the corpus is
/// indexed, saved every few seconds while it changes and when the reader ends.
final class ReaderMemoryFile {
    /// The paths of the corpus the reader shows, asked again at every save: the first `R` of a new
    /// user turns the bundled articles into the library, whose place is then the one to keep.
    let paths: () -> [String]
    let store = StateStore.userDefault()
    /// True until the saved memory has been put into the state (or there was none to put).
    private var restorePending: Bool
    private var lastSaved: ReaderMemory?
    private var lastSaveTime: UInt64 = 0
    /// What the last save saw, cheaply: a memory is built (all read marks, by id) only when it changed.
    private var lastSummary: Summary?
    static let saveIntervalNanoseconds: UInt64 = 5_000_000_000

    init(paths: @escaping () -> [String], fresh: Bool) {
        self.paths = paths
        restorePending = !fresh
    }

    /// The saved memory to restore, once, into a state whose corpus is whole; a damaged file is a
    /// line for the status bar, and is left to be replaced.
    func restorable() -> Outcome? {
        guard restorePending else { return nil }
        restorePending = false
        let bytes: Data?
        let paths = paths()
        do { bytes = try store.load(forPaths: paths) } catch {
            return .reported("your saved place was not restored: \(error)")
        }
        guard let bytes else { return nil }
        do {
            let memory = try ReaderMemory.decoded(from: Array(bytes))
            lastSaved = memory
            return .memoryRead(memory)
        } catch {
            return .reported("your saved place was not restored: \(store.filePath(forPaths: paths)): \(error.description)")
        }
    }

    /// Saves when the memory changed and a few seconds have passed since the last save.
    func saveNowAndThen(_ state: AppState) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastSaveTime >= Self.saveIntervalNanoseconds else { return }
        lastSaveTime = now
        let summary = Summary(state)
        guard summary != lastSummary else { return }
        save(state)
    }

    /// The parts of a state that its memory holds, in constant size.
    private struct Summary: Equatable {
        let place: [Int?]
        let texts: [String?]
        let readCount: Int

        init(_ state: AppState) {
            place = [state.reader.openArticle, state.reader.scroll, state.entities.selectedEntity, state.list.rows.count]
            texts = [state.session.focus.rawValue, state.list.sort.description, state.prompt.searchHistory.last, state.prompt.commandHistory.last,
                     state.prompt.filterHistory.last, state.list.filter?.text]
            readCount = state.list.readArticles.count
        }
    }

    /// Saves the state's memory if it changed; a memory of a corpus still being indexed, or one
    /// restored from nothing yet, is not saved over the file.
    func save(_ state: AppState) {
        guard state.session.indexing == nil, !restorePending else { return }
        lastSummary = Summary(state)
        let memory = state.memory
        guard memory != lastSaved else { return }
        do {
            try store.save(Data(memory.encoded()), forPaths: paths())
            lastSaved = memory
        } catch {
            // The reader goes on; the next save tries again.
        }
    }
}
