import DossierText

/// The text Dossier makes of an article that is not a plain-text file (a web page, a feed item,
/// a dataset record): its headline on the first line, then its paragraphs, a blank line
/// between each, every paragraph on one line. Lines and columns of mentions and hits count in
/// this text, which `dossier show --text` prints.
///
/// It depends on the headline and paragraphs alone, so reading the same page, item or record
/// again makes the same bytes.
package struct ComposedText {
    let text: SourceText
    let headline: Range<Int>?
    let paragraphs: [Range<Int>]

    init(title: String?, paragraphs: [String]) {
        var bytes: [UInt8] = []
        var headline: Range<Int>?
        if let title = title.map({ HTMLText.collapsingSpaces(Array($0.utf8)) }), !title.isEmpty {
            bytes += title.utf8
            headline = 0..<bytes.count
            bytes += [0x0A]
        }
        var ranges: [Range<Int>] = []
        for paragraph in paragraphs {
            let line = HTMLText.collapsingSpaces(Array(paragraph.utf8))
            guard !line.isEmpty else { continue }
            if !bytes.isEmpty { bytes.append(0x0A) }
            let start = bytes.count
            bytes += line.utf8
            ranges.append(start..<bytes.count)
            bytes.append(0x0A)
        }
        text = SourceText(decoding: bytes)
        self.headline = headline
        self.paragraphs = ranges
    }

    init(_ page: WebPage) {
        self.init(title: page.title, paragraphs: page.paragraphs)
    }

    init(_ item: FeedItem) {
        self.init(title: item.title, paragraphs: item.paragraphs)
    }

    init(_ record: DatasetRecord) {
        self.init(title: record.title, paragraphs: ComposedText.paragraphs(ofDatasetText: record.text ?? ""))
    }

    /// A dataset's text field: HTML when it reads as markup, else plain text by blank lines or lines.
    static func paragraphs(ofDatasetText text: String) -> [String] {
        looksLikeMarkup(text) ? FeedText.paragraphs(Array(text.utf8), isHTML: true) : PlainParagraphs.split(text)
    }

    /// Text that starts with a tag, or has paragraph or line-break tags near its start.
    static func looksLikeMarkup(_ text: String) -> Bool {
        let head = text.utf8.prefix(2_000).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        if head.first(where: { $0 > 0x20 }) == UInt8(ascii: "<") { return true }
        let tags: [[UInt8]] = ["<p>", "<p ", "<br", "</p>", "<div"].map { Array($0.utf8) }
        for start in head.indices where head[start] == UInt8(ascii: "<") {
            if tags.contains(where: { head[start...].starts(with: $0) }) { return true }
        }
        return false
    }
}
