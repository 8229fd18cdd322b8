import Foundation

/// Reads what `BinaryWriter` wrote, refusing anything that runs past the end or makes no sense.
struct BinaryReader {
    struct Damage: Error {
        let reason: String
    }

    private let buffer: UnsafeRawBufferPointer
    private(set) var position: Int
    /// Whether `buffer` is part of a file mapping whose pages may be given back once read (`releaseReadPages`).
    private let releasesPages: Bool
    /// How far the mapping's pages have been given back.
    private var released = 0

    init(_ buffer: UnsafeRawBufferPointer, from position: Int = 0, releasingReadPages releasesPages: Bool = false) {
        self.buffer = buffer
        self.position = position
        self.releasesPages = releasesPages
    }

    var remaining: Int { buffer.count - position }

    var isAtEnd: Bool { position == buffer.count }

    mutating func readUInt64() throws -> UInt64 {
        // Most numbers an index holds (counts, lengths, entity numbers) fit in one byte.
        if position < buffer.count, buffer[position] < 0x80 {
            position += 1
            return UInt64(buffer[position - 1])
        }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < buffer.count else { throw Damage(reason: "it ends early") }
            let byte = buffer[position]
            position += 1
            guard shift < 64 else { throw Damage(reason: "a number is too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func readInt() throws -> Int {
        let value = try readUInt64()
        guard value <= UInt64(Int32.max) * 4 else { throw Damage(reason: "a number is out of range") }
        return Int(value)
    }

    mutating func readInt32() throws -> Int32 {
        let value = try readUInt64()
        guard value <= UInt64(Int32.max) else { throw Damage(reason: "a number is out of range") }
        return Int32(value)
    }

    /// A count of things that each take at least `minimumBytes`: no larger than what is left.
    mutating func readCount(minimumBytes: Int = 1) throws -> Int {
        let count = try readInt()
        guard count <= (buffer.count - position) / max(minimumBytes, 1) else { throw Damage(reason: "a count runs past the end") }
        return count
    }

    mutating func readSigned() throws -> Int64 {
        let raw = try readUInt64()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    mutating func readBool() throws -> Bool {
        guard position < buffer.count else { throw Damage(reason: "it ends early") }
        let byte = buffer[position]
        position += 1
        guard byte <= 1 else { throw Damage(reason: "a flag is neither 0 nor 1") }
        return byte == 1
    }

    mutating func readString() throws -> String {
        let count = try readCount()
        let string = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[position..<(position + count)]), as: UTF8.self)
        position += count
        return string
    }

    mutating func readOptionalString() throws -> String? {
        try readBool() ? readString() : nil
    }

    mutating func readRange(within limit: Int) throws -> Range<Int> {
        let lower = try readInt()
        let count = try readInt()
        guard lower <= limit, count <= limit - lower else { throw Damage(reason: "a range lies outside its text") }
        return lower..<(lower + count)
    }

    mutating func readOptionalRange(within limit: Int) throws -> Range<Int>? {
        try readBool() ? readRange(within: limit) : nil
    }

    /// Gives back the pages of the file mapping read so far: each is read once, and mapped pages count in
    /// the process's memory for as long as they stay mapped, which for a huge article's links is tens of
    /// megabytes. The page cache keeps them. Does nothing on a buffer that is not a file's mapping.
    mutating func releaseReadPages() {
        guard releasesPages, let base = buffer.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let firstPage = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + position) / page * page
        let start = max(firstPage, Int(bitPattern: base) + released)
        guard end - start >= 8 << 20 else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED)
        released = end - Int(bitPattern: base)
    }

    /// Steps over `count` bytes.
    mutating func skip(_ count: Int) throws {
        guard count >= 0, count <= buffer.count - position else { throw Damage(reason: "it ends early") }
        position += count
    }

    mutating func readFixed() throws -> UInt64 {
        guard position + 8 <= buffer.count else { throw Damage(reason: "it ends early") }
        var value: UInt64 = 0
        for offset in 0..<8 { value |= UInt64(buffer[position + offset]) << UInt64(8 * offset) }
        position += 8
        return value
    }
}
