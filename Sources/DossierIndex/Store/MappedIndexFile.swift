import DossierPlatform
import Foundation

/// A saved index file mapped into memory and read where it lies, the way search engines open their
/// segments: opening it reads its header and directory, whatever the corpus's size, and a query then
/// touches only the pages it needs, which the kernel shares with its page cache.
///
/// The file is a header, its sections (`IndexSection`), and a directory at the end: each section's
/// offset and length, then a checksum of every block of `blockSize` bytes of every section. The
/// header's own checksum covers the directory, which is checked on opening; a block is checked the
/// first time anything in it is asked for (`verify`), so every byte is checked before it is trusted
/// and a search pays only for the blocks it reads. What a failed check or a lost page means for a
/// query is in `problem`.
final class MappedIndexFile: @unchecked Sendable {
    static let headerSize = 64
    static let blockSize = 32 << 10

    let path: String
    let mapping: UnsafeRawBufferPointer
    private let sections: [(offset: Int, length: Int, firstBlock: Int)]
    private let blockChecksums: UnsafeRawBufferPointer
    private let guardSlot: Int?
    /// The file, kept open so that `problem` can see it was cut short even where no page was lost (a
    /// small file's only page reads as zeros past the new end, without a fault).
    private let descriptor: Int32
    /// When the file was last written as mapped: Dossier replaces an index by rename and never writes one
    /// in place, so a later time means another program wrote over it.
    private let modified: timespec

    private struct Checks {
        /// One bit a block: set once its checksum matched.
        var verifiedBlocks: [UInt64]
        var failedBlock = false
    }

    private let checks: Locked<Checks>

    /// Maps the file open at `descriptor` (`size` bytes, a regular file) and checks its header and directory.
    init(path: String, descriptor: Int32, size: Int, fingerprint: IndexCache.Fingerprint) throws(IndexCache.Problem) {
        self.path = path
        guard size >= Self.headerSize else { throw IndexCache.Problem(path: path, reason: "is damaged (it ends early)") }
        guard let base = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), base != MAP_FAILED else {
            throw IndexCache.Problem(path: path, reason: "cannot be mapped into memory")
        }
        let mapping = UnsafeRawBufferPointer(start: base, count: size)
        let guardSlot = MappingGuard.watch(base, length: size)
        func fail(_ reason: String) -> IndexCache.Problem {
            if let guardSlot { MappingGuard.release(guardSlot) }
            munmap(base, size)
            return IndexCache.Problem(path: path, reason: reason)
        }
        var header = BinaryReader(mapping)
        var directoryRange = 0..<0
        var sections: [(offset: Int, length: Int, firstBlock: Int)] = []
        var totalBlocks = 0
        do {
            guard try header.readFixed() == IndexCache.magic else { throw fail("is not a Dossier index") }
            guard try header.readFixed() == IndexCache.formatVersion else { throw fail("was written by another version of Dossier") }
            guard try header.readFixed() == fingerprint.whole else {
                // The last word of the header is the people's part: the one change a user makes, and should be told of.
                var people = BinaryReader(UnsafeRawBufferPointer(rebasing: mapping[(Self.headerSize - 8)..<Self.headerSize]))
                throw fail(try people.readFixed() != fingerprint.people
                    ? "was built for other people (the [[people]] of your config file, or the bundled ones, changed)"
                    : "was built by another build of Dossier or with other dataset fields")
            }
            let length = try header.readFixed()
            guard length == UInt64(size) else {
                throw fail("is damaged (\(length > UInt64(size) ? "it ends early" : "it is longer than it says"))")
            }
            let directoryOffset = try header.readFixed()
            let directoryLength = try header.readFixed()
            let directoryChecksum = try header.readFixed()
            guard directoryOffset >= UInt64(Self.headerSize), directoryOffset <= UInt64(size),
                  directoryLength <= UInt64(size) - directoryOffset else { throw fail("is damaged (its directory lies outside it)") }
            directoryRange = Int(directoryOffset)..<Int(directoryOffset + directoryLength)
            var checksum = Checksum()
            checksum.add(UnsafeRawBufferPointer(rebasing: mapping[directoryRange]))
            guard checksum.finish() == directoryChecksum else { throw fail("is damaged (its checksum does not match)") }
            var directory = BinaryReader(UnsafeRawBufferPointer(rebasing: mapping[directoryRange]))
            guard try directory.readFixed() == UInt64(IndexSection.allCases.count) else { throw fail("is damaged (its directory does not add up)") }
            var end = Self.headerSize
            for _ in IndexSection.allCases {
                let offset = try directory.readFixed()
                let length = try directory.readFixed()
                // In order, each on a multiple of 8, none overlapping another or the directory.
                guard offset % 8 == 0, offset >= UInt64(end), offset <= directoryOffset, length <= directoryOffset - offset else {
                    throw fail("is damaged (its directory does not add up)")
                }
                sections.append((Int(offset), Int(length), totalBlocks))
                totalBlocks += (Int(length) + Self.blockSize - 1) / Self.blockSize
                end = Int(offset + length)
            }
            guard directory.position + totalBlocks * 8 == directoryRange.count else { throw fail("is damaged (its directory does not add up)") }
            blockChecksums = UnsafeRawBufferPointer(rebasing: mapping[(directoryRange.lowerBound + directory.position)..<directoryRange.upperBound])
        } catch let problem as IndexCache.Problem {
            throw problem
        } catch {
            throw fail("is damaged (it ends early)")
        }
        self.mapping = mapping
        self.sections = sections
        self.guardSlot = guardSlot
        self.descriptor = dup(descriptor)
        var info = stat()
        modified = fstat(descriptor, &info) == 0 ? info.st_mtim : timespec()
        checks = Locked(Checks(verifiedBlocks: [UInt64](repeating: 0, count: (totalBlocks + 63) / 64)))
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if let guardSlot { MappingGuard.release(guardSlot) }
        munmap(UnsafeMutableRawPointer(mutating: mapping.baseAddress), mapping.count)
    }

    /// A section's bytes, not yet checked: `verify` them before reading.
    func bytes(of section: IndexSection) -> UnsafeRawBufferPointer {
        let (offset, length, _) = sections[section.rawValue]
        return UnsafeRawBufferPointer(rebasing: mapping[offset..<(offset + length)])
    }

    /// A section as an array of fixed-width numbers, not yet checked; nil when its length is not a whole number of them.
    func array<Number: FixedWidthInteger>(of section: IndexSection, as type: Number.Type) -> UnsafeBufferPointer<Number>? {
        let raw = bytes(of: section)
        guard raw.count % MemoryLayout<Number>.stride == 0 else { return nil }
        guard let base = raw.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: Number.self), count: raw.count / MemoryLayout<Number>.stride)
    }

    /// Checks the blocks that hold `range` of a section's bytes, those not checked before; false when one
    /// does not match its checksum (and every later call says so too, through `problem`).
    func verify(_ section: IndexSection, bytes range: Range<Int>) -> Bool {
        let (offset, length, firstBlock) = sections[section.rawValue]
        guard !range.isEmpty else { return true }
        precondition(range.lowerBound >= 0 && range.upperBound <= length, "a range outside its section")
        return checks.withLock { checks in
            guard !checks.failedBlock else { return false }
            for block in (range.lowerBound / Self.blockSize)...((range.upperBound - 1) / Self.blockSize) {
                let number = firstBlock + block
                guard checks.verifiedBlocks[number / 64] & (1 << UInt64(number % 64)) == 0 else { continue }
                let start = block * Self.blockSize
                let end = min(length, start + Self.blockSize)
                var checksum = Checksum()
                checksum.add(UnsafeRawBufferPointer(rebasing: mapping[(offset + start)..<(offset + end)]))
                guard checksum.finish() == blockChecksums.loadUnaligned(fromByteOffset: number * 8, as: UInt64.self) else {
                    checks.failedBlock = true
                    return false
                }
                checks.verifiedBlocks[number / 64] |= 1 << UInt64(number % 64)
            }
            return true
        }
    }

    /// Checks a whole section.
    func verify(_ section: IndexSection) -> Bool {
        verify(section, bytes: 0..<sections[section.rawValue].length)
    }

    /// Checks a whole section that will be read a little at a time, if at all, letting go of each piece's
    /// pages once checked: they would otherwise count against the process's memory for as long as they
    /// stay mapped. The page cache keeps them.
    func verifyLettingGo(_ section: IndexSection) -> Bool {
        let length = sections[section.rawValue].length
        let piece = 256 * Self.blockSize
        for start in stride(from: 0, to: length, by: piece) {
            let end = min(length, start + piece)
            guard verify(section, bytes: start..<end) else { return false }
            letGo(of: section, bytes: start..<end)
        }
        return true
    }

    /// Lets go of the pages of a section (or of part of it) read through once: the page cache keeps them,
    /// and they are read again from there when asked for.
    func letGo(of section: IndexSection, bytes range: Range<Int>? = nil) {
        let bytes = self.bytes(of: section)
        let range = range ?? 0..<bytes.count
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let base = Int(bitPattern: bytes.baseAddress)
        let first = (base + range.lowerBound + page - 1) / page * page
        let last = (base + range.upperBound) / page * page
        if last > first { _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, MADV_DONTNEED) }
    }

    /// Why the file can no longer be believed, nil while it can: once a block failed its check, or another
    /// program truncated the file (a page of the mapping was lost, or the file is shorter than its
    /// mapping) or wrote to it, whatever was read from it since may be wrong and must not be shown. Asked
    /// after each query, so that an answer is used only when the file was whole and unchanged throughout.
    var problem: String? {
        if checks.withLock({ $0.failedBlock }) { return "is damaged (its checksum does not match)" }
        if lostPages { return "is damaged (it was cut short while in use)" }
        var info = stat()
        guard descriptor >= 0, fstat(descriptor, &info) == 0 else { return nil }
        if Int(info.st_size) != mapping.count { return "is damaged (it was cut short while in use)" }
        if info.st_mtim.tv_sec != modified.tv_sec || info.st_mtim.tv_nsec != modified.tv_nsec {
            return "is damaged (another program wrote to it while in use)"
        }
        return nil
    }

    /// Whether a page of the mapping was lost to another program's truncation of the file (`MappingGuard`).
    var lostPages: Bool { guardSlot.map(MappingGuard.lostPages) ?? false }

}
