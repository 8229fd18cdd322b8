import Foundation

/// Work the reader hands to a thread of its own so that no keystroke waits for it: reading a
/// file opened while the corpus is indexed, wrapping a huge article. One piece of work is
/// wanted at a time; a request under another key supersedes the last, whose result is dropped.
final class OffLoopWork<Key: Equatable & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var requested: Key?
    private var done: Outcome?

    /// Starts `work` for `key`, unless work for that key is already under way or done.
    func request(_ key: Key, _ work: @escaping @Sendable () -> Outcome) {
        let isNew = lock.withLock {
            guard requested != key else { return false }
            requested = key
            done = nil
            return true
        }
        guard isNew else { return }
        let thread = Thread { [self] in
            let event = work()
            lock.withLock { if requested == key { done = event } }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The work finished since the last call, as an outcome for the reader's state.
    func takeOutcome() -> Outcome? {
        lock.withLock {
            defer { done = nil }
            return done
        }
    }
}
