/// The text of one article file, decoded, with a table that turns byte offsets
/// back into the file's line and column.
///
/// Offsets everywhere in DossierCore are UTF-8 byte offsets into `bytes`. The
/// bytes are the file's own, except that each invalid UTF-8 sequence becomes
/// U+FFFD and a leading byte-order mark is dropped, so a line and column computed
/// here are the line and column of the file as any UTF-8 editor shows it.
public struct SourceText: Sendable {
    /// Valid UTF-8.
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    package let lineStarts: [Int]
    /// The Unicode scalars before each block of `blockBytes` bytes: a column is counted from
    /// whichever is nearer, its line's start or its block's, so that finding one on a line of
    /// megabytes costs no more than on a short line (4 bytes a kilobyte of text).
    private let scalarsBeforeBlock: [UInt32]
    static let blockBytes = 1_024

    public init(decoding data: some Collection<UInt8>) {
        var decoded = Array(data)
        // Valid UTF-8 is kept as it is, without a second copy; only a file with bad sequences is transcoded.
        if !SourceText.isValidUTF8(decoded) {
            decoded = Array(String(decoding: decoded, as: UTF8.self).utf8)
        }
        if decoded.starts(with: [0xEF, 0xBB, 0xBF]) { decoded.removeFirst(3) }
        bytes = decoded
        lineStarts = SourceText.lineStarts(of: decoded)
        scalarsBeforeBlock = SourceText.scalarsBeforeBlocks(of: decoded)
    }

    private static func scalarsBeforeBlocks(of bytes: [UInt8]) -> [UInt32] {
        var counts: [UInt32] = []
        counts.reserveCapacity(bytes.count / blockBytes + 1)
        var scalars: UInt32 = 0
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                counts.append(scalars)
                let end = min(start + blockBytes, buffer.count)
                for index in start..<end where buffer[index] & 0xC0 != 0x80 { scalars &+= 1 }
                start = end
            }
        }
        return counts
    }

    /// Unicode scalars in `range`, counted directly when short, else from the blocks' counts.
    func scalarCount(in range: Range<Int>) -> Int {
        func direct(_ range: Range<Int>) -> Int {
            bytes.withUnsafeBufferPointer { buffer in
                var count = 0
                for index in range where buffer[index] & 0xC0 != 0x80 { count += 1 }
                return count
            }
        }
        guard range.count > 2 * Self.blockBytes else { return direct(range) }
        func before(_ offset: Int) -> Int {
            let block = min(offset / Self.blockBytes, scalarsBeforeBlock.count - 1)
            return Int(scalarsBeforeBlock[block]) + direct((block * Self.blockBytes)..<offset)
        }
        return before(range.upperBound) - before(range.lowerBound)
    }

    /// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
    package static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 { index += 1; continue }
                let length: Int
                let minimum: UInt32
                switch lead {
                case 0xC2...0xDF: length = 2; minimum = 0x80
                case 0xE0...0xEF: length = 3; minimum = 0x800
                case 0xF0...0xF4: length = 4; minimum = 0x10000
                default: return false
                }
                guard index + length <= count else { return false }
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length {
                    let byte = buffer[index + offset]
                    guard byte & 0xC0 == 0x80 else { return false }
                    value = value << 6 | UInt32(byte & 0x3F)
                }
                guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return false }
                index += length
            }
            return true
        }
    }

    /// A line ends at LF, CRLF or a lone CR, so files from any platform count lines alike.
    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }

    /// The first `bytes` bytes of `range`, or fewer, so as not to cut a character in two.
    package func prefix(of range: Range<Int>, bytes count: Int) -> Range<Int> {
        guard range.count > count else { return range }
        var end = range.lowerBound + count
        while end > range.lowerBound, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return range.lowerBound..<end
    }

    /// The text in a byte range.
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// 1-based line and column of a byte offset; the column counts Unicode scalars.
    public func location(of offset: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        return SourceLocation(line: low + 1, column: 1 + scalarCount(in: start..<max(start, min(offset, bytes.count))))
    }
}

/// A position in a file: 1-based line, and 1-based column in Unicode scalars.
public struct SourceLocation: Hashable, Sendable, Codable {
    public let line: Int
    public let column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
