@testable import DossierFormats
import Foundation
import Testing

/// A feed with a fault in one item loses that item alone, and says which and why.
struct FeedRecoveryTests {
    private static func rss(_ items: [String]) -> [UInt8] {
        Array(("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\">\n<channel>\n<title>Desk</title>\n"
            + items.enumerated().map { "<item><title>\($1)</title><guid>g\($0 + 1)</guid><description>Text \($0 + 1).</description></item>\n" }.joined()
            + "</channel>\n</rss>\n").utf8)
    }

    private static let titles = (1...10).map { "Item \($0)" }

    @Test func anUndeclaredEntityInOneItem_costsThatItemAlone() throws {
        var titles = Self.titles
        titles[4] = "Item 5&nbsp;here"
        let feed = try FeedParser.parse(Self.rss(titles))
        #expect(feed.items.compactMap(\.title) == Self.titles.filter { $0 != "Item 5" })
        #expect(feed.title == "Desk")
        #expect(feed.problems.count == 1 && feed.problems[0].hasPrefix("item 5 (line 9): its XML is not well formed"), "\(feed.problems)")
    }

    @Test func aByteThatIsNotUTF8InOneItem_costsThatItemAlone() throws {
        var bytes = Self.rss(Self.titles)
        let at = try #require(bytes.firstRange(of: Array("Item 5<".utf8)))
        bytes.insert(0xE9, at: at.upperBound - 1)
        let feed = try FeedParser.parse(bytes)
        #expect(feed.items.count == 9)
        #expect(feed.problems.count == 1 && feed.problems[0].hasPrefix("item 5 (line 9)"), "\(feed.problems)")
    }

    @Test func aFeedCutShort_keepsTheItemsBeforeTheCut_andNamesTheOneCut() throws {
        let bytes = Self.rss(Self.titles)
        let cut = Array(bytes.prefix(bytes.count * 2 / 3))
        let feed = try FeedParser.parse(cut)
        #expect(feed.items.count >= 5 && feed.items.count < 10)
        #expect(feed.problems.count == 1 && feed.problems[0].hasPrefix("item \(feed.items.count + 1) "), "\(feed.problems)")
    }

    @Test func anAtomFeedWithABadEntry_keepsTheOthers() throws {
        let entries = (1...4).map { "<entry><title>Entry \($0)\($0 == 2 ? " &bogus;" : "")</title><id>e\($0)</id><content>Text.</content></entry>" }
        let bytes = Array(("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Desk</title>" + entries.joined() + "</feed>").utf8)
        let feed = try FeedParser.parse(bytes)
        #expect(feed.items.compactMap(\.title) == ["Entry 1", "Entry 3", "Entry 4"])
        #expect(feed.problems.count == 1 && feed.problems[0].hasPrefix("item 2 (line 1)"))
    }

    /// A whole feed, and one whose items hold the words "<item" in their text, are read as before.
    @Test func aWholeFeed_hasNoProblems() throws {
        let feed = try FeedParser.parse(Self.rss(Self.titles.map { $0 + " <![CDATA[<item>]]>" }))
        #expect(feed.items.count == 10 && feed.problems.isEmpty)
    }
}
