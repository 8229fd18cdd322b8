@testable import DossierCore
@testable import DossierFormats
@testable import DossierIndex
@testable import DossierText
@testable import DossierPlatform
import Foundation
import Testing

/// JSON Lines and CSV datasets: an article a record, fields found by their usual names or
/// named by the user, bad records skipped with a line that names them. Written for the test.
struct DatasetTests {
    static let jsonLines = """
        {"headline": "Envoys meet in Singapore", "body": "Kim Jong Un met Donald Trump on Tuesday.\\n\\nThey spoke for an hour, aides said.", "published_at": "2018-06-12T09:00:00+08:00", "outlet": "Wire", "authors": ["Ana Reyes", "Tom Lind"], "link": "https://wire.example/1"}
        this line is not JSON
        ["an array", "not an object"]

        {"title": "Pompeo flies home", "text": "Mike Pompeo flew home on Wednesday.", "date": "2018-06-13"}
        {"id": 7, "note": "no title and no text"}
        {"title": "Third", "content": "<p>Ri Yong Ho spoke in <b>Hanoi</b>.</p><p>He left at noon.</p>"}
        """

    static let csv = """
        title,text,date,source,author
        "Talks, again","Mike Pompeo said, ""we are ready"".
        He left for Seoul.",2018-07-01,Paper,Lee Park
        too,few,fields
        Plain row,Kim Jong Un spoke.,2018-07-02,Paper,
        """

    @Test func jsonLines_recordsAreArticles_badOnesSkippedByLine() throws {
        let folder = try TestCorpus.folder(["news.jsonl": DatasetTests.jsonLines])
        var warnings: [String] = []
        let corpus = try CorpusLoader.load(paths: [folder.path], warn: { warnings.append($0) })
        // Records are numbered as they stand in the file, the skipped ones too (a blank line is no record).
        #expect(corpus.fileLabels == ["news#4", "news#1", "news#6"])
        let first = try #require(corpus.article(named: "news#1"))
        #expect(first.format == .jsonLines && first.record == 1)
        #expect(first.title == "Envoys meet in Singapore")
        #expect(first.date == "2018-06-12")
        #expect(first.source == "Wire")
        #expect(first.byline == "Ana Reyes, Tom Lind")
        #expect(first.url == "https://wire.example/1")
        #expect(String(decoding: first.text.bytes, as: UTF8.self)
            == "Envoys meet in Singapore\n\nKim Jong Un met Donald Trump on Tuesday.\n\nThey spoke for an hour, aides said.\n")
        #expect(corpus.count(of: "kim-jong-un", inArticle: "news#1") == 1)
        // HTML in a text field is read as HTML.
        #expect(corpus.article(named: "news#6")?.paragraphs.count == 2)
        #expect(warnings.contains { $0.contains("news.jsonl: line 2: the record is not valid JSON, skipped") })
        #expect(warnings.contains { $0.contains("line 3: the record is not a JSON object, skipped") })
        #expect(warnings.contains { $0.contains("line 6: the record has no title or text") })
        #expect(warnings.count == 3)
    }

    @Test func fieldsNamedByTheUser_comeFirst() throws {
        let folder = try TestCorpus.folder(["feed.jsonl": #"{"name": "Talks", "story_text": "Mike Pompeo spoke.", "when": "2019-05-01", "text": "not this"}"#])
        let fields = try DatasetFields(parsing: "title=name,text=story_text,date=when")
        let corpus = try CorpusLoader.load(paths: [folder.path], fields: fields)
        #expect(corpus.articles[0].title == "Talks")
        #expect(corpus.articles[0].date == "2019-05-01")
        #expect(corpus.count(of: "mike-pompeo", inArticle: "feed#1") == 1)
        #expect(throws: DossierError.self) { try DatasetFields(parsing: "words=body") }
        #expect(throws: DossierError.self) { try DatasetFields(parsing: "text") }
    }

    @Test func csv_quotedFieldsHoldCommasQuotesAndLineBreaks_wrongRowsSkippedByLine() throws {
        let folder = try TestCorpus.folder(["data.csv": DatasetTests.csv])
        var warnings: [String] = []
        let corpus = try CorpusLoader.load(paths: [folder.path], warn: { warnings.append($0) })
        #expect(corpus.fileLabels == ["data#3", "data#1"])
        let first = try #require(corpus.article(named: "data#1"))
        #expect(first.title == "Talks, again")
        #expect(first.paragraphs.map { first.text.string($0) } == ["Mike Pompeo said, \"we are ready\".", "He left for Seoul."])
        #expect(first.byline == "Lee Park")
        #expect(warnings == ["\(folder.path)/data.csv: line 4: the row has 3 fields, the header 5, skipped"])
        // A record's text is read again from its place in the file alone.
        #expect(first.text.bytes.count == first.textLength && first.textIsAsIndexed)
    }

    @Test func csvWithoutTitleOrTextColumns_isSkipped_namingItsHeader() throws {
        let folder = try TestCorpus.folder(["prices.csv": "day,price\n2018-01-01,3\n", "story.txt": "Mike Pompeo flew to Seoul.\n"])
        var warnings: [String] = []
        _ = try CorpusLoader.load(paths: [folder.path], warn: { warnings.append($0) })
        #expect(warnings.contains { $0.contains("prices.csv") && $0.contains("names no title or text column") && $0.contains("day,price") })
    }

    @Test func gzippedDataset_streams_andEachRecordIsReadAgainFromItsPlace() throws {
        var lines = ""
        for number in 1...5_000 {
            lines += #"{"title": "Story \#(number)", "text": "Mike Pompeo met envoy number \#(number) in Seoul.", "date": "2018-01-01"}"# + "\n"
        }
        let folder = try TestCorpus.folder([:])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(try Gzip.compress(Array(lines.utf8))).write(to: folder.appendingPathComponent("big.jsonl.gz"))
        let corpus = try CorpusLoader.load(paths: [folder.path])
        #expect(corpus.articles.count == 5_000)
        let last = try #require(corpus.article(named: "big#4321"))
        #expect(last.title == "Story 4321")
        #expect(String(decoding: last.text.bytes, as: UTF8.self).contains("envoy number 4321 in Seoul"))
        #expect(corpus.mentionsByEntity[try #require(corpus.entityIndex(id: "mike-pompeo"))].count == 5_000)
    }

    @Test func recordSplitter_keepsRecordsWhole_acrossChunks() {
        let text = "a,\"b\nc\",d\r\ne,f,g\n\"h\"\"\",i,j"
        var splitter = RecordSplitter(.csv)
        var records: [RawRecord] = []
        // Fed a byte at a time: a record never depends on where a chunk ends.
        for byte in Array(text.utf8) { records += splitter.take([byte]) }
        if let last = splitter.finish() { records.append(last) }
        let fields: [[String]] = records.map { CSVScanner.fields(of: $0.bytes) }
        #expect(fields == [["a", "b\nc", "d"], ["e", "f", "g"], ["h\"", "i", "j"]])
        #expect(records.map(\.line) == [1, 3, 4])
        let bytes = Array(text.utf8)
        let spans: [[UInt8]] = records.map { Array(bytes[$0.span]) }
        #expect(spans == records.map(\.bytes))
    }

    /// A quote inside an unquoted field is a character, as RFC 4180 and Python's csv module read it:
    /// the record splitter used to take it for an opening quote and join the rows after it into one.
    @Test func csvInchMark_insideAField_isACharacter_andEndsNoRecord() throws {
        let text = "title,text\nA 5\" screen,Phones shrink.\nPompeo flies,He lands in Pyongyang.\nKim waits,\"He says \"\"soon\"\".\"\n"
        var splitter = RecordSplitter(.csv)
        var records = splitter.take(Array(text.utf8))
        if let last = splitter.finish() { records.append(last) }
        #expect(records.map { CSVScanner.fields(of: $0.bytes) } == [
            ["title", "text"], ["A 5\" screen", "Phones shrink."], ["Pompeo flies", "He lands in Pyongyang."],
            ["Kim waits", "He says \"soon\"."],
        ])
        let corpus = try CorpusLoader.load(paths: [try TestCorpus.folder(["shop.csv": text]).path])
        #expect(corpus.articles.map(\.title).sorted() == ["A 5\" screen", "Kim waits", "Pompeo flies"])
    }

    /// After a closing quote the rest of a field is kept as written, as Python's csv module keeps it.
    @Test func csvTextAfterAClosingQuote_staysInTheField() {
        #expect(CSVScanner.fields(of: Array("\"a\"b,c".utf8)) == ["ab", "c"])
        #expect(CSVScanner.fields(of: Array("\"\",x\"y\",".utf8)) == ["", "x\"y\"", ""])
    }

    @Test func cachedDataset_isReused_andItsRecordsKeepTheirPlaces() throws {
        let folder = try TestCorpus.folder(["news.jsonl": DatasetTests.jsonLines, "data.csv": DatasetTests.csv])
        let cache = IndexCache(directory: try TestCorpus.folder([:]).appendingPathComponent("cache").path)
        let first = try CorpusLoader.load(paths: [folder.path], cache: cache)
        let second = try CorpusLoader.load(paths: [folder.path], cache: cache)
        #expect(second.articles.map(\.id) == first.articles.map(\.id))
        #expect(second.articles.map(\.record) == first.articles.map(\.record))
        for article in second.articles {
            #expect(article.textIsAsIndexed, "\(article.id) is read again from its place")
        }
        #expect(second.mentions.map(\.count) == first.mentions.map(\.count))
    }
}

/// A gzipped file cut short (a download or a copy that stopped) is said to be, not read as whole.
struct CutShortGzipTests {
    private static let records = (1...1_000).map { #"{"title":"Story \#($0)","text":"Envoy \#($0) met officials in Seoul."}"# }
        .joined(separator: "\n") + "\n"

    @Test func aGzippedDatasetCutShort_keepsTheRecordsBeforeTheCut_andSaysSo() throws {
        let packed = try Gzip.compress(Array(Self.records.utf8))
        let folder = try TestCorpus.folder([:])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(packed.prefix(packed.count / 2)).write(to: folder.appendingPathComponent("news.jsonl.gz"))
        var warnings: [String] = []
        let corpus = try CorpusLoader.load(paths: [folder.path], warn: { warnings.append($0) })
        #expect(corpus.articles.count > 0 && corpus.articles.count < 1_000)
        #expect(warnings.count == 1 && warnings[0].contains("cut short"), "\(warnings)")
        #expect(corpus.articles.allSatisfy { $0.title.hasPrefix("Story ") }, "no record the cut went through")
    }

    @Test func aWholeGzippedDataset_inTwoMembers_isReadWhole() throws {
        let half = Self.records.utf8.count / 2
        let cut = Self.records.utf8.index(Self.records.utf8.startIndex, offsetBy: half)
        let first = try Gzip.compress(Array(Self.records.utf8[..<cut]))
        let second = try Gzip.compress(Array(Self.records.utf8[cut...]))
        let folder = try TestCorpus.folder([:])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(first + second).write(to: folder.appendingPathComponent("news.jsonl.gz"))
        var warnings: [String] = []
        let corpus = try CorpusLoader.load(paths: [folder.path], warn: { warnings.append($0) })
        #expect(corpus.articles.count == 1_000 && warnings.isEmpty, "\(warnings)")
    }

    @Test func aGzippedPageCutShort_isSkippedAsCutShort() throws {
        let packed = try Gzip.compress(Array(("<html><body><article><p>" + String(repeating: "Envoys met in Seoul. ", count: 500) + "</p></article></body></html>").utf8))
        #expect(throws: Gzip.Failure.cutShort) { try Gzip.decompress(Array(packed.prefix(packed.count - 6)), limit: 1 << 20) }
    }
}

/// Records that are not as they should be cost no more than what is wrong with them, and say so.
struct FaultyRecordTests {
    /// One byte that is not UTF-8 used to cost a JSON Lines record; CSV repaired it, as every format now does.
    @Test func aJSONLinesRecordWithAByteThatIsNotUTF8_isReadWithAReplacement() throws {
        var bytes = Array(#"{"title":"Caf"#.utf8) + [0xE9] + Array(#" talks","text":"Envoys met."}"#.utf8) + [0x0A]
        bytes += Array(#"{"title":"Second","text":"More talks."}"#.utf8) + [0x0A]
        let folder = try TestCorpus.folder([:])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: folder.appendingPathComponent("news.jsonl"))
        var warnings: [String] = []
        let corpus = try CorpusLoader.load(paths: [folder.path], warn: { warnings.append($0) })
        #expect(Set(corpus.articles.map(\.title)) == ["Caf\u{FFFD} talks", "Second"])
        #expect(warnings.isEmpty, "\(warnings)")
    }

    /// A quote that opens a field and never closes used to swallow the rest of the file in silence.
    @Test func aCSVQuoteThatNeverCloses_isNamedByItsLine() throws {
        let text = "title,text\nTalks,Envoys met.\n\"Unclosed,Envoys left.\nLater,More talks.\nLast,The end.\n"
        let folder = try TestCorpus.folder(["sheet.csv": text])
        var warnings: [String] = []
        let corpus = try CorpusLoader.load(paths: [folder.path], warn: { warnings.append($0) })
        #expect(corpus.articles.map(\.title).contains("Talks"))
        #expect(warnings.contains { $0.contains("line 3: a quoted field opens in this record and never closes") }, "\(warnings)")
    }
}

/// A record over the limit is passed over as its bytes come, never held, and named by its line.
struct OversizedRecordTests {
    @Test(arguments: [1, 7, 4_096])
    func aRecordOverTheLimit_isPassedOver_andTheOthersKeepTheirLinesAndPlaces(chunkBytes: Int) {
        let text = "{\"title\":\"One\"}\n{\"title\":\"" + String(repeating: "x", count: 500) + "\"}\n{\"title\":\"Three\"}\nlast"
        let bytes = Array(text.utf8)
        var splitter = RecordSplitter(.jsonLines, largestRecord: 100)
        var records: [RawRecord] = []
        var start = 0
        while start < bytes.count {
            records += splitter.take(Array(bytes[start..<min(bytes.count, start + chunkBytes)]))
            start += chunkBytes
        }
        if let last = splitter.finish() { records.append(last) }
        #expect(records.map { String(decoding: $0.bytes, as: UTF8.self) } == [#"{"title":"One"}"#, #"{"title":"Three"}"#, "last"])
        #expect(records.map(\.line) == [1, 3, 4])
        #expect(records.allSatisfy { Array(bytes[$0.span]) == $0.bytes })
        #expect(splitter.oversizedLines == [2])
    }

    @Test func anUnclosedQuoteOverTheLimit_isPassedOver_notHeldToTheEnd() {
        let text = "title,text\n\"Unclosed," + String(repeating: "y", count: 1_000) + "\n"
        var splitter = RecordSplitter(.csv, largestRecord: 100)
        let records = splitter.take(Array(text.utf8))
        #expect(splitter.finish() == nil)
        #expect(records.count == 1 && splitter.oversizedLines == [2] && splitter.unclosedQuoteLine == 2)
    }
}
