import DossierPlatform
import Foundation

/// Writes a saved index file (`MappedIndexFile` says its layout) section by section, in megabyte
/// pieces, taking each block's checksum as it goes; then the directory, the header, and a sync.
struct IndexFileWriter {
    struct Interruption: Error {}

    let descriptor: Int32
    let path: String
    /// For tests: stop after this many bytes, as a killed process would.
    let limit: Int?
    var buffer = BinaryWriter()
    private var written = MappedIndexFile.headerSize
    private var sections: [(offset: Int, length: Int)] = []
    private var blockChecksums: [UInt64] = []
    private var block = Checksum()
    private var blockFill = 0

    init(descriptor: Int32, path: String, limit: Int?) {
        self.descriptor = descriptor
        self.path = path
        self.limit = limit
    }

    /// Ends the section before (if any) and starts `section` at the next multiple of 8.
    mutating func begin(_ section: IndexSection) throws {
        precondition(section.rawValue == sections.count, "sections are written in order")
        try endSection()
        let padding = (8 - written % 8) % 8
        try writeAll([UInt8](repeating: 0, count: padding), at: written)
        written += padding
        sections.append((written, 0))
    }

    /// How many bytes of the current section are written or waiting in `buffer`.
    var sectionLength: Int { written + buffer.bytes.count - sections[sections.count - 1].offset }

    mutating func flushIfFull() throws {
        if buffer.bytes.count >= 1 << 20 { try flush() }
    }

    /// A section after its length; a large one (a huge article's links) straight from its own buffer, not copied into this one.
    mutating func writeSection(_ section: BinaryWriter) throws {
        guard section.bytes.count >= 1 << 20 else {
            buffer.writeSection(section)
            return
        }
        buffer.write(section.bytes.count)
        try flush()
        try writeSectionBytes(section.bytes)
    }

    /// A section that is one array of numbers, as they lie in memory.
    mutating func write<Number: FixedWidthInteger>(_ section: IndexSection, _ numbers: UnsafeBufferPointer<Number>) throws {
        try begin(section)
        try writeRaw(numbers)
    }

    mutating func write<Number: FixedWidthInteger>(_ section: IndexSection, _ numbers: [Number]) throws {
        try numbers.withUnsafeBufferPointer { try write(section, $0) }
    }

    /// Numbers as they lie in memory, in pieces.
    private mutating func writeRaw<Number: FixedWidthInteger>(_ numbers: UnsafeBufferPointer<Number>) throws {
        try flush()
        let raw = UnsafeRawBufferPointer(numbers)
        var offset = 0
        while offset < raw.count {
            let end = min(raw.count, offset + (4 << 20))
            try writeSectionBytes(UnsafeRawBufferPointer(rebasing: raw[offset..<end]))
            offset = end
        }
    }

    mutating func finish(fingerprint: IndexCache.Fingerprint) throws {
        try endSection()
        var directory = BinaryWriter()
        directory.writeFixed(UInt64(sections.count))
        for section in sections {
            directory.writeFixed(UInt64(section.offset))
            directory.writeFixed(UInt64(section.length))
        }
        for checksum in blockChecksums { directory.writeFixed(checksum) }
        let directoryOffset = written
        try writeAll(directory.bytes, at: directoryOffset)
        written += directory.bytes.count
        var directoryChecksum = Checksum()
        directoryChecksum.add(directory.bytes)
        var header = BinaryWriter()
        header.writeFixed(IndexCache.magic)
        header.writeFixed(IndexCache.formatVersion)
        header.writeFixed(fingerprint.whole)
        header.writeFixed(UInt64(written))
        header.writeFixed(UInt64(directoryOffset))
        header.writeFixed(UInt64(directory.bytes.count))
        header.writeFixed(directoryChecksum.finish())
        header.writeFixed(fingerprint.people)
        try writeAll(header.bytes, at: 0)
        guard fsync(descriptor) == 0 else { throw failure("cannot sync") }
    }

    private mutating func endSection() throws {
        guard !sections.isEmpty else { return }
        try flush()
        if blockFill > 0 {
            blockChecksums.append(block.finish())
            block = Checksum()
            blockFill = 0
        }
        sections[sections.count - 1].length = written - sections[sections.count - 1].offset
    }

    private mutating func flush() throws {
        try writeSectionBytes(buffer.bytes)
        buffer.removeAll()
    }

    private mutating func writeSectionBytes(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try writeSectionBytes($0) }
    }

    /// Bytes of the current section, each block's checksum taken as the block fills.
    private mutating func writeSectionBytes(_ bytes: UnsafeRawBufferPointer) throws {
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + MappedIndexFile.blockSize - blockFill)
            let piece = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            block.add(piece)
            blockFill += piece.count
            if blockFill == MappedIndexFile.blockSize {
                blockChecksums.append(block.finish())
                block = Checksum()
                blockFill = 0
            }
            start = end
        }
        if let limit, written + bytes.count > limit {
            try writeAll(UnsafeRawBufferPointer(rebasing: bytes.prefix(max(0, limit - written))), at: written)
            throw Interruption()
        }
        try writeAll(bytes, at: written)
        written += bytes.count
    }

    private func writeAll(_ bytes: [UInt8], at offset: Int) throws {
        try bytes.withUnsafeBytes { try writeAll($0, at: offset) }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write")
            }
            done += count
        }
    }

    private func failure(_ what: String) -> IndexCache.WriteFailure {
        IndexCache.WriteFailure(message: "\(what) \(path): \(String(cString: strerror(errno)).lowercased())")
    }
}
