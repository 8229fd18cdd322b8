import DossierPlatform
import DossierText

/// An article read from a page, feed item or dataset record, before it is analysed.
package struct ArticleDraft: Sendable {
    package let composed: ComposedText
    package let origin: ArticleOrigin
    package let metadata: ArticleMetadata
}

extension ComposedText: @unchecked Sendable {}

/// What one file of pages, items or records gave: its articles as the caller made them (analysed,
/// for a load), and a line for each record passed over.
package struct FileReading<Made: Sendable>: Sendable {
    package var analyses: [Made] = []
    package var warnings: [String] = []
}

/// Reads the articles of a web page, a feed or a dataset.
///
/// A dataset is read as a stream, a batch of records at a time, each batch analysed on every
/// core and let go before the next is read: a file of gigabytes is never held whole, and what
/// is kept of each record is what is kept of any article (its analysis and its place in the
/// file, from which its text is read again when it is shown).
public enum DocumentReader {
    /// Records analysed together; enough to keep every core busy, few enough to hold.
    static let batchSize = 2_000
    /// Lines of warning about one file's records, past which they are counted, not listed.
    static let warningsListed = 10

    /// Reads `path` (already known to be in `format`, which is not plain text) or says why it
    /// cannot; each article is made and analysed (`analyse`) on every core.
    package static func read<Made: Sendable>(_ path: String, format: DocumentFormat, bytes: [UInt8]? = nil, fields: DatasetFields,
                                     analyse: @escaping @Sendable (ArticleDraft) -> Made) throws -> FileReading<Made> {
        switch format {
        case .text:
            preconditionFailure("plain text is parsed by ArticleParser")
        case .html:
            let page = WebPage.read(try bytes ?? DocumentFormat.unpackedBytes(of: path, limit: DocumentFormat.largestDocument))
            guard !page.ranOutOfMemory else { throw ContentProblem(reason: "there was not enough memory to read it", isLimit: true) }
            guard !page.paragraphs.isEmpty else { throw ContentProblem(reason: "no article text was found in the page") }
            let metadata = ArticleMetadata(byline: page.authors.isEmpty ? nil : page.authors.joined(separator: ", "),
                                           date: page.date, source: page.publisher, url: page.url, identity: page.url)
            let draft = ArticleDraft(composed: ComposedText(page), origin: ArticleOrigin(path: path, format: .html), metadata: metadata)
            return FileReading(analyses: [analyse(draft)])
        case .feed:
            let feed: Feed
            do {
                feed = try FeedParser.parse(try bytes ?? DocumentFormat.unpackedBytes(of: path, limit: DocumentFormat.largestDocument))
            } catch let failure as FeedParser.Failure {
                throw ContentProblem(reason: failure.reason)
            }
            guard !feed.items.isEmpty else {
                throw ContentProblem(reason: feed.problems.isEmpty ? "the feed has no items" : "no item could be read: " + feed.problems.joined(separator: "; "))
            }
            var reading = FileReading<Made>(warnings: feed.problems + feed.notes)
            var drafts: [ArticleDraft] = []
            for (index, item) in feed.items.enumerated() {
                guard item.title != nil || !item.paragraphs.isEmpty else {
                    reading.warnings.append("item \(index + 1) has neither a title nor any text")
                    continue
                }
                let metadata = ArticleMetadata(byline: item.author, date: item.date, source: feed.title, url: item.link,
                                               isSummary: item.isSummary, identity: item.identity)
                drafts.append(ArticleDraft(composed: ComposedText(item), origin: ArticleOrigin(path: path, format: .feed, record: index + 1),
                                           metadata: metadata))
                if drafts.count == batchSize {
                    reading.analyses += drafts.parallelMap(analyse)
                    drafts.removeAll(keepingCapacity: true)
                }
            }
            reading.analyses += drafts.parallelMap(analyse)
            return reading
        case .jsonLines, .csv:
            return try readDataset(path, format: format, fields: fields, analyse: analyse)
        }
    }

    private static func readDataset<Made: Sendable>(_ path: String, format: DocumentFormat, fields: DatasetFields,
                                                    analyse: @escaping @Sendable (ArticleDraft) -> Made) throws -> FileReading<Made> {
        let stream = try ByteStream(path: path)
        var splitter = RecordSplitter(format == .csv ? .csv : .jsonLines)
        var header: CSVHeader?
        var reading = FileReading<Made>()
        var skippedCount = 0
        var recordCount = 0
        var batch: [(number: Int, record: RawRecord)] = []

        // The reading thread only cuts records; parsing, making and analysing them happen on every core.
        func flush() {
            let header = header
            let outcomes = batch.parallelMap { item -> Result<Made, RecordProblem> in
                draft(item.record, number: item.number, path: path, format: format, fields: fields, header: header).map(analyse)
            }
            batch.removeAll(keepingCapacity: true)
            for outcome in outcomes {
                switch outcome {
                case .success(let analysis): reading.analyses.append(analysis)
                case .failure(let problem):
                    skippedCount += 1
                    if skippedCount <= warningsListed { reading.warnings.append(problem.message + ", skipped") }
                }
            }
        }
        // A header without a title or text column is refused before the rest of the file is read.
        func take(_ record: RawRecord) throws {
            if format == .csv, header == nil {
                let read = CSVHeader(record.bytes, fields: fields)
                guard read.columns[.text] != nil || read.columns[.title] != nil else {
                    throw ContentProblem(reason: "its header names no title or text column (name them with --fields): \(DossierError.shortened(read.names.joined(separator: ",")))")
                }
                header = read
                return
            }
            recordCount += 1
            batch.append((recordCount, record))
            if batch.count == batchSize { flush() }
        }
        do {
            while true {
                let chunk = try stream.next()
                if chunk.isEmpty { break }
                for record in splitter.take(chunk) { try take(record) }
            }
            if let last = splitter.finish() { try take(last) }
            for line in splitter.oversizedLines {
                reading.warnings.append("line \(line): the record is too large: \(ContentProblem.overLimit(splitter.largestRecord)); skipped")
            }
            if let line = splitter.unclosedQuoteLine {
                reading.warnings.append("line \(line): a quoted field opens in this record and never closes, so the rest of the file was read as its one record")
            }
        } catch where stream.isCutShort {
            // The records before the cut are whole and kept; the one the cut went through is not.
            reading.warnings.append(Gzip.Failure.cutShort.reason + "; the records before the cut were read, and any after it are missing")
        }
        flush()
        if skippedCount > warningsListed { reading.warnings.append("\(skippedCount - warningsListed) more records skipped") }
        guard !reading.analyses.isEmpty else {
            let oversized = splitter.oversizedLines
            if recordCount == 0, let line = oversized.first {
                let limit = ContentProblem.overLimit(splitter.largestRecord)
                throw ContentProblem(reason: oversized.count == 1 ? "its one record (line \(line)) is too large: \(limit)"
                                                                  : "each of its \(oversized.count) records is too large: \(limit)", isLimit: true)
            }
            throw ContentProblem(reason: recordCount == 0 ? "it holds no records" : "none of its \(recordCount) records could be read")
        }
        return reading
    }

    /// Why a record was passed over, in a line that names it.
    struct RecordProblem: Error {
        let message: String
    }

    /// One record parsed and made into an article's text, or why it cannot be.
    static func draft(_ record: RawRecord, number: Int, path: String, format: DocumentFormat, fields: DatasetFields,
                      header: CSVHeader?) -> Result<ArticleDraft, RecordProblem> {
        let parsed: DatasetRecord
        do {
            parsed = try format == .csv
                ? DatasetRecord.csv(record.bytes, line: record.line, columns: header?.columns ?? [:], width: header?.width ?? 0)
                : DatasetRecord.json(record.bytes, line: record.line, fields: fields)
        } catch {
            return .failure(RecordProblem(message: error.message))
        }
        guard parsed.title != nil || parsed.text != nil else {
            return .failure(RecordProblem(message: "line \(record.line): the record has no title or text (name its fields with --fields)"))
        }
        let metadata = ArticleMetadata(byline: parsed.author, date: parsed.date.flatMap(MachineDate.isoDay(from:)),
                                       source: parsed.source, url: parsed.url, isSummary: parsed.isSummary,
                                       identity: parsed.identity ?? parsed.url, updated: parsed.updated, feed: parsed.feed)
        let origin = ArticleOrigin(path: path, format: format, record: number, span: record.span, fields: fields)
        return .success(ArticleDraft(composed: ComposedText(parsed), origin: origin, metadata: metadata))
    }
}

extension DocumentReader {
    /// The articles of a document already in memory, not linked: for the fuzzer, which checks
    /// every parser's promises on any bytes. A dataset is cut into records `chunkBytes` at a
    /// time, as a file is, so that records cut across chunks are checked too.
    public static func articles(in bytes: [UInt8], format: DocumentFormat, chunkBytes: Int = 4_096,
                                fields: DatasetFields = DatasetFields()) -> [Article] {
        @Sendable func article(_ draft: ArticleDraft) -> Article {
            ArticleParser.composedWithWords(draft.composed, id: "fuzz", origin: draft.origin, metadata: draft.metadata).article
        }
        switch format {
        case .text:
            return [ArticleParser.parse(SourceText(decoding: bytes), id: "fuzz", path: "fuzz")]
        case .html, .feed:
            let reading = try? read("fuzz", format: format, bytes: bytes, fields: fields, analyse: article)
            return reading?.analyses ?? []
        case .jsonLines, .csv:
            var splitter = RecordSplitter(format == .csv ? .csv : .jsonLines)
            var records: [RawRecord] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + max(1, chunkBytes))
                records += splitter.take(Array(bytes[start..<end]))
                start = end
            }
            if let last = splitter.finish() { records.append(last) }
            var articles: [Article] = []
            var header: CSVHeader?
            for (number, record) in records.enumerated() {
                precondition(record.span.upperBound <= bytes.count && Array(bytes[record.span]) == record.bytes, "a record's place is not its bytes")
                if format == .csv, header == nil { header = CSVHeader(record.bytes, fields: fields); continue }
                if case .success(let draft) = draft(record, number: number + 1, path: "fuzz", format: format, fields: fields, header: header) {
                    articles.append(article(draft))
                }
            }
            return articles
        }
    }
}
