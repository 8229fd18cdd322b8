import Foundation

/// Splits UTF-8 text into words.
///
/// A word is a run of letters, digits and combining marks; an apostrophe of any
/// kind (' ’ ʼ ´ ‘) belongs to a word when a letter follows it. Hyphens, dashes
/// and all other punctuation separate words, so "Jong-un" is two words, as the
/// search and the name matcher both want. The tokenizer works on bytes; only
/// words with non-ASCII letters are folded through Foundation.
public enum Tokenizer {
    public static func tokens(in bytes: [UInt8], range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        forEachWord(in: bytes, range: range) { start, end in
            if let token = makeToken(bytes, start: start, end: end) { tokens.append(token) }
            return true
        }
        return tokens
    }

    /// How many tokens `tokens(in:range:)` would give, without making them: a word of ASCII
    /// always makes one, so only the others are made to see.
    public static func count(in bytes: [UInt8], range: Range<Int>) -> Int {
        var count = 0
        forEachWord(in: bytes, range: range) { start, end in
            if bytes[start..<end].allSatisfy({ $0 < 0x80 }) || makeToken(bytes, start: start, end: end) != nil { count += 1 }
            return true
        }
        return count
    }

    /// The byte ranges of the tokens `tokens(in:range:)` would give, in order, without making their
    /// terms: the index keeps only each word's term, and a hit's place is found again from the text.
    public static func wordRanges(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        forEachTokenRange(in: bytes, range: range) { ranges.append($0) }
        return ranges
    }

    /// Calls `body` with the range of each token `wordRanges` would give, in order, until it returns false.
    package static func forEachWordRange(in bytes: [UInt8], range: Range<Int>, _ body: (Range<Int>) -> Bool) {
        forEachWord(in: bytes, range: range) { start, end in
            guard let range = tokenRange(bytes, start: start, end: end) else { return true }
            return body(range)
        }
    }

    /// True when no word of a run that starts at `runStart` runs on into `position`: there, tokenizing the
    /// rest of the run gives the same words as tokenizing it whole.
    package static func isWordBoundary(_ position: Int, in bytes: [UInt8], runStart: Int) -> Bool {
        guard position > runStart else { return position == runStart }
        guard let (before, start) = scalar(before: position, in: bytes, runStart: runStart) else { return false }
        if isWordScalar(before) { return false }
        // An apostrophe carries a word on only when a word stands before it ("Korea's"), not after a space ("'tis").
        guard isApostrophe(before), position < bytes.count, isLetter(decodeScalar(bytes, at: position).0) else { return true }
        guard start > runStart, let (beforeApostrophe, _) = scalar(before: start, in: bytes, runStart: runStart) else { return true }
        return !isWordScalar(beforeApostrophe)
    }

    /// The scalar that ends at `position`, and where it starts, when one does at or after `runStart`.
    private static func scalar(before position: Int, in bytes: [UInt8], runStart: Int) -> (Unicode.Scalar, Int)? {
        var start = position - 1
        while start > runStart, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let (scalar, length) = decodeScalar(bytes, at: start)
        return start + length == position ? (scalar, start) : nil
    }

    private static func forEachTokenRange(in bytes: [UInt8], range: Range<Int>, _ body: (Range<Int>) -> Void) {
        forEachWord(in: bytes, range: range) { start, end in
            if let range = tokenRange(bytes, start: start, end: end) { body(range) }
            return true
        }
    }

    /// The range of the token that starts at `start`, which `wordRanges` gave, in a run that ends at `limit`.
    public static func wordRange(startingAt start: Int, in bytes: [UInt8], limit: Int) -> Range<Int>? {
        var found: Range<Int>?
        forEachWord(in: bytes, range: start..<limit) { wordStart, end in
            if wordStart == start { found = tokenRange(bytes, start: start, end: end) }
            return false
        }
        return found
    }

    /// The range `makeToken` would give the word, without making its term.
    private static func tokenRange(_ bytes: [UInt8], start: Int, end: Int) -> Range<Int>? {
        guard bytes[start..<end].allSatisfy({ $0 < 0x80 }) else { return makeToken(bytes, start: start, end: end)?.range }
        // As `makeToken` cuts "Korea's" to "Korea"; an ASCII word's term has one byte per byte.
        let isPossessive = end - start >= 3 && bytes[end - 2] == 0x27 && bytes[end - 1] | 0x20 == UInt8(ascii: "s")
        return start..<(isPossessive ? end - 2 : end)
    }

    /// The last place in `range` (after its start) where a run may be cut without changing its tokens.
    static func lastWordBreak(in bytes: [UInt8], range: Range<Int>) -> Int? {
        var end = range.upperBound
        while end > range.lowerBound {
            var start = end - 1
            while start > range.lowerBound, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let (scalar, length) = decodeScalar(bytes, at: start)
            // A window may end inside a character, which is no place to cut.
            if start + length == end, isWordBreak(bytes, at: end, after: scalar) { return end }
            end = start
        }
        return nil
    }

    /// The first place after the start of `range`, and before its end, where a run may be cut without changing its tokens.
    static func firstWordBreak(in bytes: [UInt8], range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index > 0, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        while index < range.upperBound {
            let (scalar, length) = decodeScalar(bytes, at: index)
            index += length
            if index > range.lowerBound, index < range.upperBound, isWordBreak(bytes, at: index, after: scalar) { return index }
        }
        return nil
    }

    /// True when the scalar before `position` ends any word there: it is no part of a word, and not an
    /// apostrophe that a letter at `position` would carry on ("Korea's").
    private static func isWordBreak(_ bytes: [UInt8], at position: Int, after scalar: Unicode.Scalar) -> Bool {
        guard !isWordScalar(scalar) else { return false }
        guard isApostrophe(scalar), position < bytes.count else { return true }
        return !isLetter(decodeScalar(bytes, at: position).0)
    }

    /// Calls `body` with the bounds of each word, before a possessive is cut off, until it returns false.
    private static func forEachWord(in bytes: [UInt8], range: Range<Int>, _ body: (_ start: Int, _ end: Int) -> Bool) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let (scalar, length) = decodeScalar(bytes, at: index)
            guard isWordScalar(scalar) else {
                index += length
                continue
            }
            let start = index
            var stemEnd = index
            while index < end {
                let (current, currentLength) = decodeScalar(bytes, at: index)
                if isWordScalar(current) {
                    index += currentLength
                    stemEnd = index
                } else if isApostrophe(current), index + currentLength < end,
                          isLetter(decodeScalar(bytes, at: index + currentLength).0) {
                    index += currentLength
                } else {
                    break
                }
            }
            if !body(start, stemEnd) { return }
        }
    }

    /// Builds the token, cutting a final possessive ’s off its range and term.
    private static func makeToken(_ bytes: [UInt8], start: Int, end: Int) -> Token? {
        // The term is built in a buffer on the stack: one word after another, a heap array each was a
        // measurable share of tagging. It is never longer than the word's bytes (an apostrophe of three
        // bytes becomes one).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(end - start, 1)) { term -> Token? in
            var count = 0
            var stemEnd = end
            var isASCII = true
            var index = start
            var lastApostropheAt: Int?
            while index < end {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x27 { lastApostropheAt = index; term[count] = 0x27 } else { term[count] = lowercased(byte) }
                    count += 1
                    index += 1
                } else {
                    let (scalar, length) = decodeScalar(bytes, at: index)
                    if isApostrophe(scalar) {
                        lastApostropheAt = index
                        term[count] = 0x27
                        count += 1
                    } else {
                        isASCII = false
                        let copied = min(length, end - index)
                        for offset in 0..<copied { term[count + offset] = bytes[index + offset] }
                        count += copied
                    }
                    index += length
                }
            }
            // "Korea’s" is indexed and highlighted as "Korea".
            if let apostrophe = lastApostropheAt, count >= 3, term[count - 1] == UInt8(ascii: "s"),
               term[count - 2] == 0x27, end - apostrophe <= 4, apostrophe > start {
                count -= 2
                stemEnd = apostrophe
            }
            var text = String(decoding: UnsafeBufferPointer(rebasing: term[0..<count]), as: UTF8.self)
            if !isASCII {
                text = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            }
            guard !text.isEmpty else { return nil }
            return Token(range: start..<stemEnd, term: text, shape: shape(bytes, start: start, end: stemEnd))
        }
    }

    private static func shape(_ bytes: [UInt8], start: Int, end: Int) -> Token.Shape {
        var uppercase = 0
        var lowercase = 0
        var firstIsUpper: Bool?
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                // ASCII answers without the Unicode property tables, which dominate a profile otherwise.
                if byte >= 0x41 && byte <= 0x5A {
                    uppercase += 1
                    if firstIsUpper == nil { firstIsUpper = true }
                } else if byte >= 0x61 && byte <= 0x7A {
                    lowercase += 1
                    if firstIsUpper == nil { firstIsUpper = false }
                }
                index += 1
                continue
            }
            let (scalar, length) = decodeScalar(bytes, at: index)
            let properties = scalar.properties
            if properties.isUppercase {
                uppercase += 1
                if firstIsUpper == nil { firstIsUpper = true }
            } else if properties.isLowercase {
                lowercase += 1
                if firstIsUpper == nil { firstIsUpper = false }
            }
            index += length
        }
        if uppercase == 0 { return lowercase > 0 ? .lowercase : .other }
        if lowercase == 0 { return uppercase > 1 ? .allCaps : .capitalized }
        return firstIsUpper == true ? .capitalized : .other
    }

    // MARK: - Scalars

    /// Decodes the scalar at `index` of valid UTF-8.
    @inline(__always)
    static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || ((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A)
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return true
        default: return properties.isAlphabetic
        }
    }

    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        return scalar.properties.isAlphabetic
    }

    @inline(__always)
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x2019, 0x02BC, 0x00B4, 0x2018: return true
        default: return false
        }
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
