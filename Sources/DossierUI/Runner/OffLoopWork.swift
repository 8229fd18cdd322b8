import DossierPlatform
import Foundation

/// Work the reader hands to a thread of its own so that no keystroke waits for it: reading a
/// file opened while the corpus is indexed, wrapping a huge article. One piece of work is
/// wanted at a time; a request under another key supersedes the last, whose result is dropped.
final class OffLoopWork<Key: Equatable & Sendable>: Sendable {
    private struct Slot {
        var requested: Key?
        var done: Outcome?
    }

    private let slot = Locked(Slot())

    /// Starts `work` for `key`, unless work for that key is already under way or done.
    func request(_ key: Key, _ work: @escaping @Sendable () -> Outcome) {
        let isNew = slot.withLock { slot in
            guard slot.requested != key else { return false }
            slot = Slot(requested: key)
            return true
        }
        guard isNew else { return }
        let thread = Thread { [self] in
            let outcome = work()
            slot.withLock { slot in if slot.requested == key { slot.done = outcome } }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The work finished since the last call, as an outcome for the reader's state.
    func takeOutcome() -> Outcome? {
        slot.withLock { slot in
            defer { slot.done = nil }
            return slot.done
        }
    }
}
