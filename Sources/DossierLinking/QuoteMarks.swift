/// Pairs quotation marks in a paragraph by their kind and side.
///
/// Double marks: “ opens and ” closes; a straight " opens where a quotation can start (at the
/// paragraph's start or after a space or an opening bracket) and closes elsewhere, and closes a
/// curly one too, as pages that mix them need. A double quotation left open at the paragraph's end
/// runs to it: it goes on in the next paragraph, which opens with a mark of its own. Single marks
/// (‘ ’, and « » guillemets) quote too, but only outside a double quotation, where they are nested
/// quotes; ’ closes one only where no letter follows, so that “don’t” and “Blair’s” stay words, and
/// a single quotation never closed was an apostrophe or a typo, not a quotation. Two closing single marks
/// together (’’ or '') close a double quotation, as some pages write it.
enum QuoteMarks {
    struct Span {
        /// With the quotation marks.
        let outer: Range<Int>
        /// Without them.
        let inner: Range<Int>
    }

    private enum Mark: Equatable {
        case openDouble, closeDouble, straightDouble, openSingle, closeSingle, openGuillemet, closeGuillemet
        /// ’’ or '': a double closing mark made of two single ones.
        case closeSinglePair(length: Int)

        var isSinglePair: Bool {
            if case .closeSinglePair = self { return true }
            return false
        }

        var length: Int {
            switch self {
            case .straightDouble: 1
            case .openGuillemet, .closeGuillemet: 2
            case .closeSinglePair(let length): length
            default: 3
            }
        }
    }

    static func spans(in paragraph: Range<Int>, bytes: [UInt8]) -> [Span] {
        var spans: [Span] = []
        var open: (outer: Int, inner: Int, isDouble: Bool, closer: Mark)?
        var index = paragraph.lowerBound
        while index < paragraph.upperBound {
            guard let mark = mark(at: index, in: paragraph, bytes: bytes) else {
                index += 1
                continue
            }
            let end = index + mark.length
            if let current = open {
                let closes = current.isDouble
                    ? mark == .closeDouble || mark.isSinglePair || (mark == .straightDouble && !canOpen(at: index, in: paragraph, bytes: bytes))
                    : mark == current.closer && (mark != .closeSingle || !isLetter(at: end, in: paragraph, bytes: bytes))
                if closes {
                    spans.append(Span(outer: current.outer..<end, inner: current.inner..<index))
                    open = nil
                }
            } else {
                switch mark {
                case .openDouble: open = (index, end, true, .closeDouble)
                case .straightDouble where canOpen(at: index, in: paragraph, bytes: bytes): open = (index, end, true, .straightDouble)
                case .openSingle where canOpen(at: index, in: paragraph, bytes: bytes): open = (index, end, false, .closeSingle)
                case .openGuillemet: open = (index, end, false, .closeGuillemet)
                default: break
                }
            }
            index = end
        }
        if let current = open, current.isDouble, current.inner < paragraph.upperBound {
            spans.append(Span(outer: current.outer..<paragraph.upperBound, inner: current.inner..<paragraph.upperBound))
        }
        return spans.filter { !$0.inner.isEmpty }
    }

    private static func mark(at index: Int, in paragraph: Range<Int>, bytes: [UInt8]) -> Mark? {
        let byte = bytes[index]
        if byte == 0x22 { return .straightDouble }
        if byte == 0x27, index + 1 < paragraph.upperBound, bytes[index + 1] == 0x27 { return .closeSinglePair(length: 2) }
        if byte == 0xC2, index + 1 < paragraph.upperBound {
            if bytes[index + 1] == 0xAB { return .openGuillemet }
            if bytes[index + 1] == 0xBB { return .closeGuillemet }
            return nil
        }
        guard byte == 0xE2, index + 2 < paragraph.upperBound, bytes[index + 1] == 0x80 else { return nil }
        switch bytes[index + 2] {
        case 0x9C: return .openDouble
        case 0x9D: return .closeDouble
        case 0x98: return .openSingle
        case 0x99:
            let isPair = index + 5 < paragraph.upperBound && bytes[(index + 3)...(index + 5)].elementsEqual([0xE2, 0x80, 0x99])
            return isPair ? .closeSinglePair(length: 6) : .closeSingle
        default: return nil
        }
    }

    /// True where a quotation may start: the paragraph's start, or after a space, a dash or an opening bracket.
    private static func canOpen(at index: Int, in paragraph: Range<Int>, bytes: [UInt8]) -> Bool {
        guard index > paragraph.lowerBound else { return true }
        let before = bytes[index - 1]
        if [0x20, 0x09, 0x0A, 0x28, 0x5B, 0x2D, 0x2F].contains(before) { return true }
        // A no-break space, an em or en dash.
        return (before == 0xA0 && index >= 2 && bytes[index - 2] == 0xC2) || (before == 0x94 || before == 0x93) && index >= 3 && bytes[index - 3] == 0xE2
    }

    private static func isLetter(at index: Int, in paragraph: Range<Int>, bytes: [UInt8]) -> Bool {
        guard index < paragraph.upperBound else { return false }
        let byte = bytes[index]
        return byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }
}
