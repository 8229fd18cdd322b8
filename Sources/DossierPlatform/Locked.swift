import Synchronization

/// A value shared by threads, read and changed only under its mutex.
package final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    package init(_ value: Value) {
        mutex = Mutex(value)
    }

    package func read<Result>(_ body: (borrowing Value) -> Result) -> Result {
        mutex.withLock { body($0) }
    }

    /// Changes the value and returns it as changed.
    @discardableResult
    package func change(_ body: (inout Value) -> Void) -> Value {
        mutex.withLock { value in
            body(&value)
            return value
        }
    }

    /// Changes the value and returns what `body` returns.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try mutex.withLock { try body(&$0) }
    }
}
