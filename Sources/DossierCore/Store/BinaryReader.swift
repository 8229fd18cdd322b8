import Foundation

/// Reads what `BinaryWriter` wrote, refusing anything that runs past the end or makes no sense.
struct BinaryReader {
    struct Damage: Error {
        let reason: String
    }

    private let buffer: UnsafeRawBufferPointer
    private(set) var position: Int
    /// The file `buffer` maps, from offset 0: raw arrays are read from it straight into their own
    /// memory, rather than copied out of the mapping, so each page of them is read once.
    private let file: Int32?
    /// Everything read so far, in file order; `checksummed` is how far.
    private var checksum = Checksum()
    private var checksummed: Int
    /// How far the mapping's pages have been given back (`releaseReadPages`).
    private var released = 0

    init(_ buffer: UnsafeRawBufferPointer, from position: Int = 0, readingRawArraysFrom file: Int32? = nil) {
        self.buffer = buffer
        self.position = position
        self.file = file
        checksummed = position
    }

    /// The checksum of every byte from where reading began to the end of the buffer.
    mutating func finishChecksum() -> UInt64 {
        feedChecksum(upTo: buffer.count)
        return checksum.finish()
    }

    private mutating func feedChecksum(upTo end: Int) {
        guard end > checksummed else { return }
        checksum.add(UnsafeRawBufferPointer(rebasing: buffer[checksummed..<end]))
        checksummed = end
    }

    var isAtEnd: Bool { position == buffer.count }

    mutating func readUInt64() throws -> UInt64 {
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

    mutating func readRaw<Record>(_ type: Record.Type) throws -> [Record] {
        let count = try readCount(minimumBytes: MemoryLayout<Record>.stride)
        // No builder for no records: asked for no capacity, it writes to the runtime's shared empty array.
        guard count > 0 else { return [] }
        let byteCount = count * MemoryLayout<Record>.stride
        let start = position
        guard let file else {
            position += byteCount
            return [Record](unsafeUninitializedCapacity: count) { destination, initialized in
                UnsafeMutableRawBufferPointer(destination).copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[start..<(start + byteCount)]))
                initialized = count
            }
        }
        feedChecksum(upTo: start)
        var complete = true
        let records = [Record](unsafeUninitializedCapacity: count) { destination, initialized in
            let raw = UnsafeMutableRawBufferPointer(destination)
            Self.adviseHugePages(raw)
            var done = 0
            while done < byteCount {
                let got = pread(file, raw.baseAddress! + done, byteCount - done, off_t(start + done))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                done += got
            }
            // A short read leaves the array empty rather than holding bytes never written.
            complete = done == byteCount
            initialized = complete ? count : 0
        }
        guard complete else { throw Damage(reason: "it could not be read whole") }
        records.withUnsafeBytes { checksum.add($0) }
        checksummed = start + byteCount
        position = start + byteCount
        return records
    }

    /// Asks for huge pages for a large array about to be filled: hundreds of megabytes in 4 KiB pages
    /// cost a page fault each, a measurable part of a warm start. Only a hint; the kernel may decline.
    private static func adviseHugePages(_ memory: UnsafeMutableRawBufferPointer) {
        let hugePage = 2 << 20
        guard memory.count >= 2 * hugePage, let base = memory.baseAddress else { return }
        let start = (Int(bitPattern: base) + hugePage - 1) / hugePage * hugePage
        let end = (Int(bitPattern: base) + memory.count) / hugePage * hugePage
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
    }

    /// Gives back the pages of the file mapping read so far, once checksummed: each is read once, and
    /// mapped pages count in the process's memory for as long as they stay mapped, which for a huge
    /// article's links is tens of megabytes. Does nothing on a buffer that is not a file's mapping.
    mutating func releaseReadPages() {
        guard file != nil, let base = buffer.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = position / page * page
        guard end - released >= 8 << 20 else { return }
        feedChecksum(upTo: end)
        _ = madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }

    /// Steps over `count` bytes, which the checksum still covers.
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
