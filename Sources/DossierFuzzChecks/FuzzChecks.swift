import DossierCore
import DossierFormats
import DossierIndex
import DossierLinking
import DossierText
import DossierUI

/// What must hold for any bytes at all, checked by the fuzzer and by the
/// regression tests that replay what it found: parsing, linking, quoting,
/// query parsing, wrapping and drawing never crash, never hang, and keep their
/// promises (ranges inside the text, lines inside their width, no control
/// character in the grid).
///
/// Each check returns the promises it found broken, so that a regression test fails on its own
/// input and the rest of the run goes on; the fuzzer stops at the first input that breaks one.
public enum FuzzChecks {
    nonisolated(unsafe) private static var cachedLinker: EntityLinker?
    nonisolated(unsafe) private static var cachedVerbs: Set<String> = []

    nonisolated(unsafe) private static var cachedSeeds: Corpus?
    // The bundled catalog is part of the program; failing to read it is a broken build.
    private static let catalog = try! EntityCatalog.bundled()

    /// The bundled articles, for parsing filters against.
    private static var seeds: Corpus {
        if let cachedSeeds { return cachedSeeds }
        let made = try! CorpusLoader.load(paths: [])
        cachedSeeds = made
        return made
    }

    private static var linker: EntityLinker {
        if let cachedLinker { return cachedLinker }
        // The bundled catalog and word lists are part of the program; failing to read them is a broken build.
        let catalog = try! EntityCatalog.bundled()
        let gazetteer = try! Gazetteer.bundled()
        cachedVerbs = gazetteer.attributionVerbs
        let made = EntityLinker(entities: catalog.entities, gazetteer: gazetteer)
        cachedLinker = made
        return made
    }

    /// The checks for what a user types or writes for the reader: the bytes as a filter (over the
    /// bundled articles, with saved filters that refer to each other) and as a config file. Either
    /// is accepted or refused with reasons, never a crash or a hang, and every problem in a config
    /// file names a line the file has.
    public static func checkSettings(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let corpus = seeds
        let firstLine = String(text.prefix { $0 != "\n" })
        if let filter = try? ArticleFilter(firstLine, in: corpus, saved: ["a": firstLine, "b": "@a", "c": "@b or unread"]) {
            for index in corpus.articles.indices { _ = filter.matches(index, in: corpus, isRead: { $0 == 0 }) }
        }
        _ = try? ArticleSort(parsing: firstLine)
        let config = ConfigFile(text: text)
        let feeds = text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        if !config.people.isEmpty { _ = try? catalog.merging(config.people) }
        return problemsWithoutALine(config.problems, lines: max(1, feeds + (text.utf8.last == 0x0A ? 0 : 1)))
    }

    /// Every problem in a config file of `lines` lines names one of them.
    static func problemsWithoutALine(_ problems: [String], lines: Int) -> [String] {
        var promises = Promises()
        for problem in problems {
            let line = problem.hasPrefix("line ") ? Int(problem.dropFirst(5).prefix { $0.isNumber }) : nil
            promises.expect(line.map { (1...lines).contains($0) } == true, "a problem without a line of the file: \(problem)")
        }
        return promises.broken
    }

    /// The checks for a document in `format`: its parser never crashes or hangs, and every article
    /// it makes keeps the text's promises (headline and paragraphs inside the text, each on one
    /// line); then the first article goes through every check of plain text.
    public static func check(_ bytes: [UInt8], as format: DocumentFormat) -> [String] {
        guard format != .text else { return check(bytes) }
        var promises = Promises()
        let chunkBytes = 1 + Int(bytes.last ?? 0) % 64
        let articles = DocumentReader.articles(in: bytes, format: format, chunkBytes: chunkBytes)
        for article in articles {
            let text = article.text.bytes
            promises.expect(article.textLength == text.count, "an article's length is not its text's")
            for range in article.contentRanges {
                promises.expect(range.upperBound <= text.count, "a paragraph outside the text")
                promises.expect(!text[range].contains(0x0A), "a paragraph of several lines")
            }
            promises.expect(!article.title.contains("\n"), "a title of several lines")
        }
        return promises.broken + (articles.first.map { check($0.text.bytes) } ?? [])
    }

    /// The checks for plain text: the article parsed, its words found two ways alike, its names linked
    /// and its quotes found inside the text, a query of its start parsed, and its first lines drawn.
    public static func check(_ bytes: [UInt8]) -> [String] {
        var promises = Promises()
        let text = SourceText(decoding: bytes)
        let (article, words) = ArticleParser.parseWithWords(text, id: "fuzz", path: "fuzz")
        for range in article.contentRanges { promises.expect(range.upperBound <= text.bytes.count, "paragraph outside the text") }
        checkWords(words, of: article, in: text, &promises)
        checkLinks(words, of: article, in: text, &promises)
        let query = String(decoding: bytes.prefix(120), as: UTF8.self)
        if let parsed = try? Query(query) { promises.expect(!parsed.phrases.isEmpty, "query with no phrase") }
        checkLayout(of: article, in: text, width: 1 + Int(bytes.first ?? 0) % 90, &promises)
        return promises.broken
    }

    /// The index keeps words by position and finds them again in the text: both ways of finding them must agree.
    private static func checkWords(_ words: ArticleWords, of article: Article, in text: SourceText, _ promises: inout Promises) {
        var tokenRanges: [Range<Int>] = []
        words.forEachChunk { _, runs in tokenRanges += runs.joined().map(\.range) }
        var wordRanges: [Range<Int>] = []
        for range in article.contentRanges {
            let ranges = Tokenizer.wordRanges(in: text.bytes, range: range)
            for word in ranges {
                promises.expect(Tokenizer.wordRange(startingAt: word.lowerBound, in: text.bytes, limit: range.upperBound) == word,
                                "a word found from its start differs")
                promises.expect(Tokenizer.isWordBoundary(word.lowerBound, in: text.bytes, runStart: range.lowerBound),
                                "a word's start is not a boundary")
            }
            wordRanges += ranges
        }
        promises.expect(wordRanges == tokenRanges, "word ranges differ from the tokens")
        // The index places a hit from every 64th word's start.
        let checkpoints = stride(from: 0, to: wordRanges.count, by: WordCheckpoints.stride).map { UInt32(wordRanges[$0].lowerBound) }
        promises.expect(words.checkpoints == checkpoints, "the checkpoints are not every 64th word's start")
    }

    private static func checkLinks(_ words: ArticleWords, of article: Article, in text: SourceText, _ promises: inout Promises) {
        let links = linker.link(words)
        let (entities, mentions) = EntityMerger.mergeFoundEntities([links], catalog: linker.entities)
        for mention in mentions[0] {
            promises.expect(mention.range.upperBound <= text.bytes.count && !mention.range.isEmpty, "mention outside the text")
            let location = text.location(of: mention.range.lowerBound)
            promises.expect(location.line >= 1 && location.column >= 1, "bad location")
            if let entity = mention.entity { promises.expect(entity < entities.count, "mention of no entity") }
        }
        let quotes = QuoteFinder(entities: entities, attributionVerbs: cachedVerbs).quotes(in: article, mentions: mentions[0])
        for quote in quotes { promises.expect(quote.range.upperBound <= text.bytes.count, "quote outside the text") }
    }

    private static func checkLayout(of article: Article, in text: SourceText, width: Int, _ promises: inout Promises) {
        let layout = ReaderLayout(article: article, width: width)
        var screen = Screen(size: Size(columns: width + 2, rows: 8))
        for (row, line) in layout.lines.prefix(8).enumerated() {
            switch line {
            case .body(let words), .headline(let words):
                for word in words {
                    let wordWidth = DisplaySanitizer.sanitized(text.string(word.range)).terminalWidth
                    promises.expect(word.column + wordWidth <= width, "line wider than its width")
                    screen.write(text.string(word.range), column: 1 + word.column, row: row, limit: width - word.column)
                }
            case .header(let title, _):
                screen.write(title, column: 1, row: row, limit: width)
            case .blank:
                break
            }
        }
        for cell in screen.cells {
            for scalar in cell.character.unicodeScalars {
                promises.expect(scalar.value >= 0x20 && !(0x7F..<0xA0).contains(scalar.value), "control character in the grid")
                promises.expect(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value),
                                "bidi control in the grid")
            }
        }
    }

    /// The promises a check found broken, each named once.
    struct Promises {
        private(set) var broken: [String] = []

        mutating func expect(_ kept: Bool, _ promise: @autoclosure () -> String) {
            guard !kept else { return }
            let name = promise()
            if !broken.contains(name) { broken.append(name) }
        }
    }
}
