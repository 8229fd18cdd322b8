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
    let lineStarts: [Int]

    public init(decoding data: some Collection<UInt8>) {
        var decoded = Array(String(decoding: data, as: UTF8.self).utf8)
        if decoded.starts(with: [0xEF, 0xBB, 0xBF]) { decoded.removeFirst(3) }
        bytes = decoded
        lineStarts = SourceText.lineStarts(of: decoded)
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
        var column = 1
        for byte in bytes[lineStarts[low]..<min(offset, bytes.count)] where byte & 0xC0 != 0x80 {
            column += 1
        }
        return SourceLocation(line: low + 1, column: column)
    }
}

/// A position in a file: 1-based line, and 1-based column in Unicode scalars.
public struct SourceLocation: Hashable, Sendable, Codable {
    public let line: Int
    public let column: Int
}
