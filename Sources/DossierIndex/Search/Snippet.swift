/// A match in the sentence around it, on one line, clipped at words to about a line's worth of text.
public enum Snippet {
    /// Characters (Unicode scalars) a snippet aims at, match included.
    public static let width = 120
    /// How far either side of the match words are looked at: `width` characters of any script.
    static let scanBytes = width * 4

    /// Words are separated by white space, line breaks included, and joined by one space; words are
    /// taken away from whichever side is longer until the line fits, and "…" marks a side that lost any.
    public static func around(_ range: Range<Int>, sentence: Range<Int>, in text: [UInt8]) -> String {
        text.withUnsafeBufferPointer { around(range, sentence: sentence, in: $0) }
    }

    private static func around(_ range: Range<Int>, sentence: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let before = words(from: range.lowerBound, towards: max(sentence.lowerBound, 0), in: bytes)
        let after = words(from: range.upperBound, towards: min(sentence.upperBound, bytes.count), in: bytes)
        let match = words(in: range, of: bytes)
        let matchLength = match.reduce(max(match.count - 1, 0)) { $0 + length(of: $1, in: bytes) }
        var beforeKept = before.words.count
        var afterKept = after.words.count
        var beforeLength = before.words.reduce(0) { $0 + length(of: $1, in: bytes) }
        var afterLength = after.words.reduce(0) { $0 + length(of: $1, in: bytes) }
        var lineLength = matchLength + beforeLength + beforeKept + afterLength + afterKept
        var clippedBefore = before.isCut
        var clippedAfter = after.isCut
        while lineLength > width, beforeKept > 0 || afterKept > 0 {
            // The nearest words stay longest: the words are listed nearest first.
            if beforeLength >= afterLength, beforeKept > 0 {
                beforeKept -= 1
                let removed = length(of: before.words[beforeKept], in: bytes)
                beforeLength -= removed
                lineLength -= removed + 1
                clippedBefore = true
            } else {
                afterKept -= 1
                let removed = length(of: after.words[afterKept], in: bytes)
                afterLength -= removed
                lineLength -= removed + 1
                clippedAfter = true
            }
        }
        var line: [UInt8] = clippedBefore ? Array("…".utf8) : []
        line.reserveCapacity(lineLength * 4 + 8)
        for word in before.words[..<beforeKept].reversed() {
            line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[word]))
            line.append(0x20)
        }
        for (position, word) in match.enumerated() {
            if position > 0 { line.append(0x20) }
            line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[word]))
        }
        // A match that ends inside a word ("Korea" in "Korea’s") keeps the rest of that word attached.
        let attached = range.upperBound < bytes.count && !isSeparator(bytes[range.upperBound])
        for (position, word) in after.words[..<afterKept].enumerated() {
            if position > 0 || !attached { line.append(0x20) }
            line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[word]))
        }
        if clippedAfter { line += Array("…".utf8) }
        return String(decoding: line, as: UTF8.self)
    }

    /// The words between `start` and `limit` (either side), nearest first, looking no further than
    /// `scanBytes`; `isCut` when the look stopped short of `limit`.
    private static func words(from start: Int, towards limit: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (words: [Range<Int>], isCut: Bool) {
        let forward = limit >= start
        let end = forward ? min(limit, start + scanBytes) : max(limit, start - scanBytes)
        let isCut = end != limit
        var found = words(in: forward ? start..<end : end..<start, of: bytes)
        // A word that runs on past the stretch looked at is not whole: it goes, as words beyond it do.
        if isCut, let far = forward ? found.last : found.first {
            let outside = forward ? far.upperBound : far.lowerBound - 1
            if outside >= 0, outside < bytes.count, !isSeparator(bytes[outside]) {
                if forward { found.removeLast() } else { found.removeFirst() }
            }
        }
        return (forward ? found : found.reversed(), isCut)
    }

    private static func words(in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var wordStart: Int?
        for index in range {
            if isSeparator(bytes[index]) {
                if let start = wordStart { words.append(start..<index) }
                wordStart = nil
            } else if wordStart == nil {
                wordStart = index
            }
        }
        if let start = wordStart { words.append(start..<range.upperBound) }
        return words
    }

    /// Space and the line breaks and tabs that `SourceText.flattened` turns into spaces.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Unicode scalars in a word.
    private static func length(of word: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for index in word where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
