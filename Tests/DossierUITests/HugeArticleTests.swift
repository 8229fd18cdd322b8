import DossierTestSupport
import DossierCore
import DossierFormats
import DossierText
@testable import DossierUI
import Foundation
import Testing

/// A huge article opens with its first screenfuls wrapped, and the rest arrives without the reader losing its place.
struct HugeArticleTests {
    /// Paragraphs with every shape wrapping meets: tabs, CJK, emoji, a word longer than any line, runs of spaces.
    static let mixedText = [
        "Headline over the mixed paragraphs",
        "Plain words of a sentence that runs on for longer than one line of the reader at most widths.",
        "Name:\tvalue\tmore words after the tabs\tand again",
        "平壌で首脳会談が開かれ、両首脳は共同声明に署名した。 Then English again, with 👍🏽 and 🇰🇷 flags.",
        "Averyveryveryveryveryveryveryveryveryveryveryverylongwordthatmustbesplitacrosslines then short words after it.",
        "   Leading   and   inner   runs   of   spaces   stay   one   gap   each.",
    ].joined(separator: "\n\n")

    static func article(_ text: String, id: String = "mixed") -> Article {
        ArticleParser.parse(SourceText(decoding: Array(text.utf8)), id: id, path: "/nowhere/\(id).txt")
    }

    @Test(arguments: [1, 3, 7, 12, 20, 33, 60])
    func everyLine_isTheSameLineTheWholeParagraphWrapsTo(width: Int) {
        let article = Self.article(Self.mixedText)
        let layout = ReaderLayout(article: article, width: width)
        var expected: [ReaderLayout.Line] = []
        for paragraph in article.paragraphs {
            expected.append(.blank)
            expected += ReaderLayout.wrap(paragraph, in: article.text, width: width).map(ReaderLayout.Line.body)
        }
        let body = Array(layout.lines.drop {
            switch $0 {
            case .header, .headline: true
            default: false
            }
        })
        #expect(body == expected)
        // Every word's line is found from its offset.
        for (index, line) in layout.lines.enumerated() {
            guard case .body(let words) = line else { continue }
            for word in words { #expect(layout.line(containing: word.range.lowerBound) == index) }
        }
    }

    @Test func lineLimit_wrapsThePrefix_andKnowsNothingPastIt() {
        let text = (1...400).map { "Paragraph \($0) has a few words to wrap over two lines at this width." }.joined(separator: "\n\n")
        let article = Self.article("Title\n\n" + text)
        let whole = ReaderLayout(article: article, width: 40)
        let partial = ReaderLayout(article: article, width: 40, lineLimit: 50)
        #expect(whole.isComplete && !partial.isComplete)
        #expect(partial.lines.count >= 50 && partial.lines.count < 60)
        #expect(Array(partial.lines) == Array(whole.lines.prefix(partial.lines.count)))
        let last = article.paragraphs.last!.lowerBound
        #expect(partial.line(containing: last) == nil)
        #expect(whole.line(containing: last) != nil)
    }

    @Test func lineLimit_holdsInsideOneParagraph() {
        let line = (1...3_000).map { "word\($0)" }.joined(separator: " ")
        let article = Self.article("Title\n\n" + line)
        #expect(article.paragraphs.count == 1)
        let whole = ReaderLayout(article: article, width: 50)
        let partial = ReaderLayout(article: article, width: 50, lineLimit: 30)
        #expect(!partial.isComplete)
        #expect(partial.lines.count == 30)
        #expect(Array(partial.lines) == Array(whole.lines.prefix(30)))
        #expect(whole.lines.count > 500)
    }

    /// A corpus of one article over a megabyte, "zebra" only in its last paragraph, and the
    /// placeholder corpus its load previewed.
    static let loaded = Result { () throws -> (corpus: Corpus, preview: Corpus) in
        let folder = TemporaryFolder.url("huge")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let paragraph = String(repeating: "Many plain words fill this paragraph of the long article. ", count: 20)
        let text = "A very long article\n\n" + Array(repeating: paragraph, count: 1_100).joined(separator: "\n\n")
            + "\n\nThe last paragraph mentions a zebra once."
        try Data(text.utf8).write(to: folder.appendingPathComponent("long.txt"))
        nonisolated(unsafe) var preview: Corpus?
        let corpus = try CorpusLoader.load(paths: [folder.path], preview: { if case .found(let found) = $0 { preview = found } })
        return (corpus, try #require(preview))
    }
    static let huge = loaded.map(\.corpus)

    /// The reader as its loop drives it, with a huge article's whole layout made when `finishLayouts` says.
    static func app(_ state: AppState) -> TestApp {
        TestApp(state: state, defersLayouts: true)
    }

    @Test func opening_wrapsAFewScreenfuls_thenGGoesToTheEndOnceTheRestArrives() throws {
        let corpus = try Self.huge.get()
        #expect(corpus.articles[0].textLength > ReaderState.wrapAtOnceLimit)
        var app = Self.app(AppState(corpus: corpus, size: Size(columns: 100, rows: 30)))
        #expect(!app.state.reader.layout.isComplete)
        #expect(app.state.reader.layout.lines.count < 200)
        #expect(app.runner.deferredLayouts.count == 1)
        #expect(app.screen.text.contains("wrapping the article…"))
        app.send(.focusNext)
        app.send(.bottom)
        app.finishLayouts()
        #expect(app.state.reader.layout.isComplete && app.runner.deferredLayouts.isEmpty)
        #expect(app.state.reader.layout.lines.count > 5_000)
        #expect(app.screen.text.contains("zebra"))
        #expect(!app.screen.text.contains("wrapping the article…"))
    }

    @Test func aMatchPastTheWrappedLines_isShownOnceTheRestArrives() throws {
        var app = Self.app(AppState(corpus: try Self.huge.get(), size: Size(columns: 100, rows: 30)))
        app.type("/ zebra <Enter>")
        #expect(app.state.session.status.hasPrefix("1 match"))
        #expect(!app.screen.text.contains("zebra"), "not wrapped that far yet")
        app.finishLayouts()
        #expect(app.screen.text.contains("zebra"))
    }

    @Test func aLayoutForAnotherWidth_isDropped_andScrollingKeepsItsPlaceAcrossAResize() throws {
        let corpus = try Self.huge.get()
        var app = Self.app(AppState(corpus: corpus, size: Size(columns: 100, rows: 30)))
        let stale = try #require(app.runner.deferredLayouts.first)
        app.finishLayouts()
        app.send(.focusNext)
        for _ in 0..<40 { app.send(.pageDown) }
        let top = try #require(app.state.reader.layout.firstOffset(fromLine: app.state.reader.scroll))
        app.resize(Size(columns: 140, rows: 40))
        #expect(!app.state.reader.layout.isComplete)
        app.send(.laidOut(ReaderLayout(article: corpus.articles[0], width: stale.width), for: stale))
        #expect(!app.state.reader.layout.isComplete, "a layout for the old width is not used")
        app.finishLayouts()
        let line = try #require(app.state.reader.layout.line(containing: top))
        #expect((app.state.reader.scroll..<app.state.reader.scroll + 39).contains(line), "the text that was at the top is still on screen")
    }

    @Test func readingTheEndWhileIndexing_staysAtTheEndWhenTheIndexArrives() throws {
        let (corpus, preview) = try Self.loaded.get()
        var app = Self.app(AppState(indexing: preview, size: Size(columns: 100, rows: 30)))
        #expect(app.state.hasText, "the open file was read on its own")
        app.send(.focusNext)
        app.send(.bottom)
        app.finishLayouts()
        #expect(app.screen.text.contains("zebra"))
        app.send(.finished(corpus))
        #expect(app.state.session.indexing == nil)
        app.finishLayouts()
        #expect(app.screen.text.contains("zebra"), "the reader is still at the end")
    }
}
