@testable import DossierIndex
@testable import DossierPlatform
import Testing

/// The cache's checksum: the same whatever pieces the bytes arrive in, and changed by any one byte.
struct ChecksumTests {
    private static let bytes: [UInt8] = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }

    private static func checksum(inPiecesOf sizes: [Int]) -> UInt64 {
        var checksum = Checksum()
        var offset = 0
        var next = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + sizes[next % sizes.count])
            checksum.add(Array(bytes[offset..<end]))
            offset = end
            next += 1
        }
        return checksum.finish()
    }

    @Test func pieces_giveTheSameChecksumAsTheWhole() {
        let whole = Self.checksum(inPiecesOf: [Self.bytes.count])
        for sizes in [[1], [7], [8], [31], [32], [33], [3, 50, 1, 64], [999, 1]] {
            #expect(Self.checksum(inPiecesOf: sizes) == whole, "\(sizes)")
        }
    }

    @Test func anyChangedByte_orLength_changesIt() {
        var seen: Set<UInt64> = [Self.checksum(inPiecesOf: [100])]
        for position in [0, 7, 8, 31, 32, 500, 995, 999] {
            var changed = Self.bytes
            changed[position] ^= 1
            var checksum = Checksum()
            checksum.add(changed)
            #expect(seen.insert(checksum.finish()).inserted, "byte \(position)")
        }
        var shorter = Checksum()
        shorter.add(Array(Self.bytes.dropLast()))
        #expect(seen.insert(shorter.finish()).inserted)
    }

    /// A corpus keeps its cache file across versions: the name hashes its roots as every version has.
    @Test func cacheFileName_isStableAcrossVersions() {
        #expect(IndexCache(directory: "/cache").filePath(forRoots: ["/tmp/dossier-scale-100000"]) == "/cache/bf1c059fc654a316.index")
    }
}
