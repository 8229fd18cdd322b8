import DossierUI
import Foundation

/// Wraps a huge article whole on a thread of its own while the reader shows its first screenfuls.
/// One layout at a time is wanted: a request for another key supersedes the last, whose
/// result, when it comes, is dropped.
final class LayoutWorker: @unchecked Sendable {
    private let lock = NSLock()
    private var requested: AppState.ReaderLayoutKey?
    private var done: (ReaderLayout, AppState.ReaderLayoutKey)?

    /// Starts wrapping what `state` asks for, unless that is already under way.
    func follow(_ state: AppState) {
        guard let wanted = state.layoutToFinish else { return }
        let isNew = lock.withLock {
            guard requested != wanted.key else { return false }
            requested = wanted.key
            return true
        }
        guard isNew else { return }
        let (key, article) = wanted
        let thread = Thread { [self] in
            let layout = ReaderLayout(article: article, width: key.width)
            lock.withLock { if requested == key { done = (layout, key) } }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The layout finished since the last call, as an event for the reader's state.
    func takeEvent() -> BackgroundEvent? {
        lock.withLock {
            defer { done = nil }
            return done.map { .laidOut($0.0, for: $0.1) }
        }
    }
}
