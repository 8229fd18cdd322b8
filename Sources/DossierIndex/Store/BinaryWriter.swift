/// Appends numbers, strings and ranges to a byte buffer in the index cache's format:
/// integers as LEB128 varints, strings as a length and UTF-8 (the cache file writer streams raw arrays).
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func append(_ raw: Slice<UnsafeRawBufferPointer>) { bytes.append(contentsOf: raw) }

    /// Another writer's bytes, after their count, so that a reader can step over them.
    mutating func writeSection(_ section: BinaryWriter) {
        write(section.bytes.count)
        bytes.append(contentsOf: section.bytes)
    }

    mutating func write(_ value: Int) {
        precondition(value >= 0, "the cache format stores no negative numbers")
        write(UInt64(value))
    }

    mutating func write(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(signed value: Int64) {
        write(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ string: String) {
        let utf8 = string.utf8
        write(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func write(_ string: String?) {
        write(string != nil)
        if let string { write(string) }
    }

    mutating func write(_ range: Range<Int>) {
        write(range.lowerBound)
        write(range.count)
    }

    mutating func write(_ range: Range<Int>?) {
        write(range != nil)
        if let range { write(range) }
    }

    /// Eight bytes, little-endian: for the header, whose fields are patched in place.
    mutating func writeFixed(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
