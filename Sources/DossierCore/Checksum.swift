/// A 64-bit checksum of bytes, fed in pieces, for telling a damaged cache file from a whole one.
///
/// It mixes eight bytes at a time (multiply, then fold the high bits down), fast enough to
/// check a file of hundreds of megabytes on every start. It guards against accidents, not
/// against anyone forging a file.
struct Checksum {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var start = 0
        if !pending.isEmpty {
            while pending.count < 8 && start < bytes.count { pending.append(bytes[start]); start += 1 }
            guard pending.count == 8 else { return }
            pending.withUnsafeBytes { mix($0.loadUnaligned(as: UInt64.self)) }
            pending.removeAll(keepingCapacity: true)
        }
        let words = (bytes.count - start) / 8
        for word in 0..<words { mix(bytes.loadUnaligned(fromByteOffset: start + word * 8, as: UInt64.self)) }
        pending.append(contentsOf: bytes[(start + words * 8)...])
    }

    mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

    /// The checksum of everything added; adding more afterwards is not meaningful.
    mutating func finish() -> UInt64 {
        var tail: UInt64 = 0
        for (offset, byte) in pending.enumerated() { tail |= UInt64(byte) << (8 * UInt64(offset)) }
        mix(tail)
        mix(length)
        return value
    }

    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x0000_0100_0000_01B3
        value ^= value >> 29
    }

    /// The checksum of one string's UTF-8, for fingerprints.
    static func of(_ string: String) -> UInt64 {
        var checksum = Checksum()
        checksum.add(Array(string.utf8))
        return checksum.finish()
    }
}
