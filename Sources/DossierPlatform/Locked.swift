import Foundation

/// A value shared by threads, read and changed only while its lock is held.
///
/// The lock is pthread's mutex (through `NSLock`), which ThreadSanitizer understands. Swift 6's
/// `Synchronization.Mutex` was used first, but ThreadSanitizer does not see it lock on Linux and
/// reported every access it guarded as a race, which would hide a real one among them.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`: touched only inside `withLock`.
    private var value: Value

    package init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` on the value with the lock held, and returns what it returns.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    package func read<Result>(_ body: (Value) -> Result) -> Result {
        withLock { body($0) }
    }

    /// Changes the value and returns it as changed.
    @discardableResult
    package func change(_ body: (inout Value) -> Void) -> Value {
        withLock { value in
            body(&value)
            return value
        }
    }
}
