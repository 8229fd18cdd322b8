/// Chinese given names as pinyin writes them: one or two syllables run together ("Jinping", "Keqiang", "Yi").
enum Pinyin {
    /// The initials of pinyin syllables, two-letter ones first, and their finals.
    private static let initials = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w", ""]
    private static let finals: Set<String> = [
        "a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "in", "un", "ia", "ie", "iu", "ua", "uo", "ui", "ue", "er",
        "ang", "eng", "ing", "ong", "uan", "ian", "iao", "uai", "iang", "iong", "uang", "van", "ve", "vn",
    ]

    /// True when a word is one or two pinyin syllables ("jinping", "keqiang", "yi"). English words can be too
    /// ("long", "bang"); the caller also asks that the article never writes the word in lower case.
    static func isGivenName(_ word: String) -> Bool {
        func syllableEnds(from start: String.UTF8View.Index, in bytes: String.UTF8View) -> [String.UTF8View.Index] {
            var ends: [String.UTF8View.Index] = []
            for initial in initials {
                guard bytes[start...].starts(with: initial.utf8) else { continue }
                let finalStart = bytes.index(start, offsetBy: initial.utf8.count)
                var end = finalStart
                var length = 0
                while end < bytes.endIndex, length < 4 {
                    end = bytes.index(after: end)
                    length += 1
                    if finals.contains(String(decoding: bytes[finalStart..<end], as: UTF8.self)) { ends.append(end) }
                }
            }
            return ends
        }
        let bytes = word.utf8
        guard bytes.count >= 2, bytes.count <= 12, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        for first in syllableEnds(from: bytes.startIndex, in: bytes) {
            if first == bytes.endIndex { return true }
            if syllableEnds(from: first, in: bytes).contains(bytes.endIndex) { return true }
        }
        return false
    }
}
