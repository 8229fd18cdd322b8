/// One news article, parsed from one file.
///
/// Every range is a byte range of `text.bytes`, so anything found in the
/// article can be reported at its line and column in the file.
public struct Article: Sendable {
    /// The file name without its extension; on a clash, the path relative to its root.
    public let id: String
    /// The path as the user gave it, joined with the file's place below that path.
    public let path: String
    public let text: SourceText
    /// The headline, or when the file has none, its first sentence shortened at a word.
    public let title: String
    /// Where the headline stands in the file; nil when the title was derived.
    public let headlineRange: Range<Int>?
    public let dateline: String?
    public let byline: String?
    public let section: String?
    public let source: String?
    /// ISO 8601 day ("2018-08-24") when the article states its date.
    public let date: String?
    /// Body paragraphs in order, without headline, byline or source footer.
    public let paragraphs: [Range<Int>]
    public let wordCount: Int

    /// The ranges that hold the article's own words: the headline, then the body.
    public var contentRanges: [Range<Int>] {
        (headlineRange.map { [$0] } ?? []) + paragraphs
    }

    /// A paragraph's text on one line: line breaks inside it become spaces.
    public func paragraphText(_ index: Int) -> String {
        SourceText.flattened(text.string(paragraphs[index]))
    }
}

extension SourceText {
    /// Replaces line breaks and tabs with spaces, keeping every other character.
    public static func flattened(_ string: String) -> String {
        String(string.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "\n", "\r", "\t", "\u{0B}", "\u{0C}": return " "
            default: return Character(scalar)
            }
        })
    }
}
