/// Finds sentence boundaries in a paragraph.
///
/// A sentence ends at . ! or ?, after any closing quotes or brackets, when white
/// space and then a capital, a digit or an opening quote follow. A full stop
/// after a known abbreviation ("Mr.", "Sept.") or a single letter ("U.S.",
/// "Michael R. Pompeo") does not end one.
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
        "prof", "inc", "co", "corp", "ltd", "vs", "etc", "no", "jan", "feb", "aug", "sept", "oct", "nov",
        "dec", "mt", "ft", "rev", "hon", "adm", "cmdr", "maj", "pres", "amb", "approx", "dept", "est",
    ]

    /// Byte ranges of the sentences in `range`, trimmed of white space.
    public static func sentences(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == 0x2E || byte == 0x21 || byte == 0x3F else { index += 1; continue }
            var end = index + 1
            while end < range.upperBound, let length = closingMarkLength(bytes, at: end) { end += length }
            if byte == 0x2E, isAbbreviation(bytes, dotAt: index, from: start) { index = end; continue }
            var next = end
            while next < range.upperBound, bytes[next] == 0x20 || bytes[next] == 0x0A || bytes[next] == 0x0D || bytes[next] == 0x09 {
                next += 1
            }
            if next == end && next < range.upperBound { index = end; continue }
            if next == range.upperBound || opensSentence(bytes, at: next) {
                result.append(start..<end)
                start = next
            }
            index = max(end, index + 1)
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
        return result.filter { !$0.isEmpty }
    }

    /// True when no sentence or line ends between two byte offsets.
    package static func inOneSentence(_ bytes: [UInt8], _ first: Int, _ second: Int) -> Bool {
        let range = min(first, second)..<max(first, second)
        // No real sentence is this long; checking would cost time on huge files for nothing.
        guard range.count < 4_000 else { return false }
        if bytes[range].contains(where: { $0 == 0x0A || $0 == 0x0D }) { return false }
        return sentences(in: bytes, range: range).count <= 1
    }

    /// The first sentence of a paragraph, with white space runs folded to one space.
    package static func firstSentence(of paragraph: String) -> String {
        let bytes = Array(paragraph.utf8)
        let first = sentences(in: bytes, range: 0..<bytes.count).first ?? 0..<bytes.count
        return String(decoding: bytes[first], as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func closingMarkLength(_ bytes: [UInt8], at index: Int) -> Int? {
        switch bytes[index] {
        case 0x22, 0x27, 0x29, 0x5D: return 1
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0x9D || bytes[index + 2] == 0x99): return 3  // ” ’
        default: return nil
        }
    }

    private static func opensSentence(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        if (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) { return true }
        if byte == 0x22 || byte == 0x27 || byte == 0x28 || byte == 0x5B { return true }
        if byte >= 0x80 {
            let (scalar, _) = Tokenizer.decodeScalar(bytes, at: index)
            return scalar.properties.isUppercase || scalar == "“" || scalar == "‘" || scalar == "«"
        }
        return false
    }

    private static func isAbbreviation(_ bytes: [UInt8], dotAt dot: Int, from start: Int) -> Bool {
        var wordStart = dot
        while wordStart > start, Tokenizer.isLetter(Unicode.Scalar(bytes[wordStart - 1])), bytes[wordStart - 1] < 0x80 {
            wordStart -= 1
        }
        let word = String(decoding: bytes[wordStart..<dot], as: UTF8.self)
        if word.count == 1 { return word.first?.isUppercase == true }
        return abbreviations.contains(word.lowercased())
    }
}
