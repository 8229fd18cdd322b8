import Dispatch

extension RandomAccessCollection where Index == Int {
    /// Maps on every core; the results keep the collection's order.
    package func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] where Element: Sendable {
        let count = self.count
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        // The slots hold references: release them before freeing the memory.
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let output = UncheckedSendable(results)
        let input = Array(self)
        DispatchQueue.concurrentPerform(iterations: count) { offset in
            output.value[offset] = transform(input[offset])
        }
        return results.map { $0! }
    }
}

/// Lets each concurrent iteration write its own slot of one buffer; the slots never overlap.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
