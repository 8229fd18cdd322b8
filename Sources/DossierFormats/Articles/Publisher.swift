/// Names the publisher that a dateline or footer credits.
enum Publisher {
    /// Longer names first, so "Cable News Network" wins over a stray "AP".
    private static let known: [(marker: String, name: String)] = [
        ("Cable News Network", "CNN"), ("CNN", "CNN"),
        ("Associated Press", "AP"), ("Agence France-Presse", "AFP"), ("AFP", "AFP"),
        ("Reuters", "Reuters"), ("Thomson Reuters", "Reuters"),
        ("BBC", "BBC"), ("New York Times", "The New York Times"),
        ("Washington Post", "The Washington Post"), ("Wall Street Journal", "The Wall Street Journal"),
        ("Bloomberg", "Bloomberg"), ("Yonhap", "Yonhap"), ("KCNA", "KCNA"), ("Guardian", "The Guardian"),
    ]

    /// The publisher named in `text`, ignoring photo credits, which name the
    /// agency that took the picture rather than the one that wrote the story.
    static func name(in text: String) -> String? {
        var text = text
        for opener in ["(Photo:", "(Photo", "Photo:"] {
            if let range = text.range(of: opener) { text = String(text[..<range.lowerBound]) }
        }
        if text.trimmingCharacters("() ") == "AP" { return "AP" }
        return known.first { containsWord(text, $0.marker) }?.name
    }

    /// True when `marker` stands in `text` between non-letters ("The-CNN-Wire" has "CNN").
    private static func containsWord(_ text: String, _ marker: String) -> Bool {
        var searchStart = text.startIndex
        while let range = text.range(of: marker, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if before?.isLetter != true && after?.isLetter != true { return true }
            searchStart = range.upperBound
        }
        return false
    }
}
