import DossierPlatform
import DossierText
import Foundation

/// Where an article comes from: its file, the file's format, and in a file of many articles,
/// which record: enough to read the article's text again without reading anything else.
public struct ArticleOrigin: Sendable, Equatable {
    public let path: String
    public let format: DocumentFormat
    /// The record's or item's number in its file, from 1; nil for a file of one article.
    public let record: Int?
    /// A dataset record's bytes in the unpacked file, so that it is read alone.
    package let span: Range<Int>?
    /// The dataset fields in effect when the record was read.
    package let fields: DatasetFields

    package init(path: String, format: DocumentFormat = .text, record: Int? = nil, span: Range<Int>? = nil, fields: DatasetFields = DatasetFields()) {
        self.path = path
        self.format = format
        self.record = record
        self.span = span
        self.fields = fields
    }

    /// The article's text as Dossier shows it, read again: the file itself for plain text;
    /// for other formats, the text made from the page, item or record.
    func shownText() throws -> SourceText {
        switch format {
        case .text:
            return SourceText(decoding: try DocumentFormat.unpackedBytes(of: path))
        case .html:
            return ComposedText(WebPage.read(try DocumentFormat.unpackedBytes(of: path))).text
        case .feed:
            let items = try RecentFeed.items(of: path)
            guard let record, record >= 1, record <= items.count else { throw DossierError.unreadable(path, reason: "its item \(record ?? 0) is gone") }
            return ComposedText(items[record - 1]).text
        case .jsonLines, .csv:
            guard let span else { throw DossierError.unreadable(path, reason: "its record's place is not known") }
            let bytes = try ByteStream.bytes(of: path, in: span)
            let parsed: DatasetRecord
            do {
                if format == .jsonLines {
                    parsed = try DatasetRecord.json(bytes, line: 0, fields: fields)
                } else {
                    let header = try CSVHeader.read(path: path, fields: fields)
                    parsed = try DatasetRecord.csv(bytes, line: 0, columns: header.columns, width: header.width)
                }
            } catch {
                throw DossierError.unreadable(path, reason: "its record \(record ?? 0) changed")
            }
            return ComposedText(parsed).text
        }
    }
}

/// The items of the feed read last, kept while its file is unchanged: a reader going through a
/// feed of 100,000 items reads the feed once, not once an item.
enum RecentFeed {
    private static let kept = Locked<(path: String, stamp: FileStamp, items: [FeedItem])?>(nil)

    static func items(of path: String) throws -> [FeedItem] {
        let stamp = FileIdentity(path: path)?.stamp
        let keptItems = kept.withLock { kept -> [FeedItem]? in
            guard let kept, kept.path == path, let stamp, kept.stamp == stamp else { return nil }
            return kept.items
        }
        if let keptItems { return keptItems }
        let items: [FeedItem]
        do {
            items = try FeedParser.parse(try DocumentFormat.unpackedBytes(of: path)).items
        } catch let failure as FeedParser.Failure {
            throw DossierError.unreadable(path, reason: failure.reason)
        }
        if let stamp { kept.withLock { $0 = (path, stamp, items) } }
        return items
    }
}
