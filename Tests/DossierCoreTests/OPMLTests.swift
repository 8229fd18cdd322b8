@testable import DossierFetch
import DossierFormats
import Testing

/// Feed lists to and from OPML: folders are tags, a feed's title its `~Title`, and a round trip keeps both.
struct OPMLTests {
    static let nested = """
        <?xml version="1.0"?>
        <opml version="2.0"><head><title>Subscriptions</title></head><body>
          <outline text="korea" title="korea">
            <outline type="rss" text="Desk One" title="Desk One" xmlUrl="https://one.example/feed.xml"/>
            <outline type="rss" text="https://two.example/rss" xmlUrl=" https://two.example/rss "/>
          </outline>
          <outline text="politics"><outline text="Desk One" xmlUrl="https://one.example/feed.xml"/></outline>
          <outline type="rss" title="Third &amp; last" xmlurl="https://three.example/atom"/>
          <outline text="Not a feed: a folder with none"/>
          <outline text="Bad" xmlUrl="ftp://four.example/feed"/>
        </body></opml>
        """

    @Test func everyOutlineWithAnAddress_isAFeed_inTheFoldersAroundIt() throws {
        let feeds = try OPMLReader.feeds(in: Array(Self.nested.utf8))
        #expect(feeds == [
            OPMLFeed(url: "https://one.example/feed.xml", title: "Desk One", folders: ["korea"]),
            OPMLFeed(url: "https://two.example/rss", title: nil, folders: ["korea"]),
            OPMLFeed(url: "https://one.example/feed.xml", title: "Desk One", folders: ["politics"]),
            OPMLFeed(url: "https://three.example/atom", title: "Third & last", folders: []),
            OPMLFeed(url: "ftp://four.example/feed", title: "Bad", folders: []),
        ])
    }

    @Test func importing_addsTheNewFeedsOnce_withEveryFolder_andLeavesFollowedOnesAlone() throws {
        let before = "# mine\nhttps://three.example/atom \"keep\""
        let imported = try FeedList.importing(try OPMLReader.feeds(in: Array(Self.nested.utf8)), into: before)
        #expect(imported.text == """
            # mine
            https://three.example/atom "keep"
            https://one.example/feed.xml "korea" "politics" "~Desk One"
            https://two.example/rss "korea"

            """)
        #expect(imported.followed == 1)
        #expect(imported.problems == ["ftp://four.example/feed is not an http or https URL, skipped"])
        let list = try FeedList(text: imported.text)
        #expect(list.feeds.map(\.title) == [nil, "Desk One", nil])
        #expect(list.feeds.map(\.folders) == [["keep"], ["korea", "politics"], ["korea"]])
    }

    @Test func exportThenImport_givesTheSameFeedsTitlesAndTags() throws {
        let list = try FeedList(text: """
            https://one.example/feed.xml "korea" "politics" "~Desk <One> & Two's"
            https://two.example/rss "korea"
            https://three.example/atom "!hidden" "~Plain\u{1}"
            """)
        let opml = list.opml()
        #expect(opml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"))
        let back = try FeedList(text: try FeedList.importing(try OPMLReader.feeds(in: Array(opml.utf8)), into: "").text)
        #expect(back.feeds.map(\.url) == list.feeds.map(\.url))
        #expect(back.feeds.map(\.folders) == list.feeds.map(\.folders))
        #expect(back.feeds.map(\.title) == ["Desk <One> & Two's", nil, "Plain"])
    }

    @Test(arguments: [
        ("", "it is not XML"), ("just words", "not well formed"), ("<rss><channel/></rss>", "not OPML (its root is <rss>"),
        ("<opml><body><outline xmlUrl=\"https://a.example/f\"></body>", "not well formed"),
    ])
    func aFileThatIsNoOPML_saysWhy(text: String, says: String) {
        do {
            _ = try OPMLReader.feeds(in: Array(text.utf8))
            Issue.record("\(text) was read")
        } catch {
            #expect(error.description.contains(says), "\(error.description)")
        }
    }
}
