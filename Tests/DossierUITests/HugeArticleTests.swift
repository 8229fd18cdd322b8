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

    /// The reader as its loop drives it, with the whole layout made at once when asked for.
    static func finishLayout(_ state: inout AppState) {
        guard let wanted = state.layoutToFinish else { return }
        update(&state, .laidOut(ReaderLayout(article: wanted.article, width: wanted.key.width), for: wanted.key))
    }

    @Test func opening_wrapsAFewScreenfuls_thenGGoesToTheEndOnceTheRestArrives() throws {
        let corpus = try Self.huge.get()
        #expect(corpus.articles[0].textLength > AppState.wrapAtOnceLimit)
        var state = AppState(corpus: corpus, size: Size(columns: 100, rows: 30))
        #expect(!state.readerLayout.isComplete)
        #expect(state.readerLayout.lines.count < 200)
        #expect(state.layoutToFinish != nil)
        #expect(render(state).text.contains("wrapping the article…"))
        update(&state, .focusNext)
        update(&state, .bottom)
        Self.finishLayout(&state)
        #expect(state.readerLayout.isComplete && state.layoutToFinish == nil)
        #expect(state.readerLayout.lines.count > 5_000)
        #expect(render(state).text.contains("zebra"))
        #expect(!render(state).text.contains("wrapping the article…"))
    }

    @Test func aMatchPastTheWrappedLines_isShownOnceTheRestArrives() throws {
        var state = AppState(corpus: try Self.huge.get(), size: Size(columns: 100, rows: 30))
        for key in Key.sequence("/ zebra <Enter>") { if let action = KeyMap.action(for: key, in: state) { update(&state, action) } }
        #expect(state.status.hasPrefix("1 match"))
        #expect(!render(state).text.contains("zebra"), "not wrapped that far yet")
        Self.finishLayout(&state)
        #expect(render(state).text.contains("zebra"))
    }

    @Test func aLayoutForAnotherWidth_isDropped_andScrollingKeepsItsPlaceAcrossAResize() throws {
        var state = AppState(corpus: try Self.huge.get(), size: Size(columns: 100, rows: 30))
        let stale = try #require(state.layoutToFinish)
        Self.finishLayout(&state)
        update(&state, .focusNext)
        for _ in 0..<40 { update(&state, .pageDown) }
        let top = try #require(state.readerLayout.firstOffset(fromLine: state.readerScroll))
        update(&state, .resized(Size(columns: 140, rows: 40)))
        #expect(!state.readerLayout.isComplete)
        update(&state, .laidOut(ReaderLayout(article: stale.article, width: stale.key.width), for: stale.key))
        #expect(!state.readerLayout.isComplete, "a layout for the old width is not used")
        Self.finishLayout(&state)
        let line = try #require(state.readerLayout.line(containing: top))
        #expect((state.readerScroll..<state.readerScroll + 39).contains(line), "the text that was at the top is still on screen")
    }

    @Test func readingTheEndWhileIndexing_staysAtTheEndWhenTheIndexArrives() throws {
        let (corpus, preview) = try Self.loaded.get()
        var state = AppState(indexing: preview, size: Size(columns: 100, rows: 30))
        let wanted = try #require(state.articleToRead)
        update(&state, .readAlone(index: wanted.index, ArticleParser.readAlone(path: wanted.path, id: wanted.id)))
        update(&state, .focusNext)
        update(&state, .bottom)
        Self.finishLayout(&state)
        #expect(render(state).text.contains("zebra"))
        update(&state, .finished(corpus))
        #expect(state.indexing == nil)
        Self.finishLayout(&state)
        #expect(render(state).text.contains("zebra"), "the reader is still at the end")
    }
}
