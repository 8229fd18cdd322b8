import DossierPlatform

/// Saved index files changed as someone who knows the format would change them: a section found from
/// the directory, and every checksum made to match the bytes again. For the tests and the fuzzer,
/// which must show that such a file is refused or read safely, never trusted into a crash.
package enum IndexFileForgery {
    /// Where a section lies in a saved index file, from its directory; nil when the directory does not say.
    package static func range(of section: IndexSection, in bytes: [UInt8]) -> Range<Int>? {
        guard let directory = number(at: 32, in: bytes), let offset = number(at: directory + 8 + 16 * section.rawValue, in: bytes),
              let length = number(at: directory + 16 + 16 * section.rawValue, in: bytes),
              offset <= bytes.count, length <= bytes.count - offset else { return nil }
        return offset..<(offset + length)
    }

    /// Makes every checksum of a saved index file match its bytes again; leaves a file whose directory
    /// no longer makes sense as it is.
    package static func reseal(_ bytes: inout [UInt8]) {
        guard let directory = number(at: 32, in: bytes), let directoryLength = number(at: 40, in: bytes),
              directory <= bytes.count, directoryLength <= bytes.count - directory,
              directoryLength >= 8 + 16 * IndexSection.allCases.count else { return }
        var checksumAt = directory + 8 + 16 * IndexSection.allCases.count
        for section in IndexSection.allCases {
            guard let range = range(of: section, in: bytes) else { return }
            for start in stride(from: range.lowerBound, to: range.upperBound, by: MappedIndexFile.blockSize) {
                guard checksumAt + 8 <= directory + directoryLength else { return }
                var checksum = Checksum()
                checksum.add(Array(bytes[start..<min(range.upperBound, start + MappedIndexFile.blockSize)]))
                put(checksum.finish(), at: checksumAt, in: &bytes)
                checksumAt += 8
            }
        }
        var checksum = Checksum()
        checksum.add(Array(bytes[directory..<(directory + directoryLength)]))
        put(checksum.finish(), at: 48, in: &bytes)
    }

    /// The little-endian 64-bit number at `offset`, nil past the end or beyond `Int.max`.
    private static func number(at offset: Int, in bytes: [UInt8]) -> Int? {
        guard offset >= 0, offset <= bytes.count - 8 else { return nil }
        let value = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << UInt64(8 * $1) }
        return value <= UInt64(Int.max) ? Int(value) : nil
    }

    private static func put(_ value: UInt64, at offset: Int, in bytes: inout [UInt8]) {
        for byte in 0..<8 { bytes[offset + byte] = UInt8(truncatingIfNeeded: value >> UInt64(8 * byte)) }
    }
}
