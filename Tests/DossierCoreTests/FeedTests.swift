@testable import DossierCore
@testable import DossierFormats
import Foundation
import Testing

/// RSS 2.0, RSS 1.0 and Atom feeds: an article an item, written for the test.
struct FeedTests {
    static let rss2 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
        <item><title>Talks resume in the spring</title><link>https://gazette.example/talks</link>
          <guid>https://gazette.example/?p=1</guid>
          <pubDate>Sat, 01 Sep 2018 23:30:00 -0400</pubDate><author>desk@gazette.example (Lee Park)</author>
          <description>Short version.</description>
          <content:encoded><![CDATA[<p>Donald Trump said on Saturday that talks with North Korea would resume, and that Mike Pompeo would lead them.</p><p>Officials in Seoul welcomed the news.</p>]]></content:encoded></item>
        <item><title>A summary alone</title><link>https://gazette.example/brief</link>
          <dc:creator>Sam Ode</dc:creator><dc:date>2018-08-30T08:00:00Z</dc:date>
          <description>Ri Yong Ho &lt;b&gt;spoke&lt;/b&gt; briefly to reporters.</description></item>
        <item><title>Undated first</title><description>An item without a date, first of two.</description></item>
        <item><title>Undated second</title><description>Another item without a date, second of two.</description></item>
        </channel></rss>
        """

    static let rss1 = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://old.example/"><title>Old Wire</title></channel>
        <item rdf:about="https://old.example/1"><title>Envoys meet</title><link>https://old.example/1</link>
          <description>Kim Jong Un met the envoys on Monday.</description><dc:date>2018-06-12T10:00:00+09:00</dc:date></item>
        </rdf:RDF>
        """

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom Desk</title>
        <entry><title type="html">Pompeo &amp;amp; the envoys</title><id>urn:uuid:1</id>
          <link rel="replies" href="https://atom.example/1#comments"/><link rel="alternate" href="https://atom.example/1"/>
          <published>2019-02-27T09:00:00+07:00</published><updated>2019-03-01T00:00:00Z</updated>
          <author><name>Ana Reyes</name></author>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Mike Pompeo flew to Hanoi, where the envoys had met the week before.</p></div></content></entry>
        <entry><title>Only updated</title><id>urn:uuid:2</id><updated>2019-01-05T12:00:00-05:00</updated>
          <summary type="html">&lt;p&gt;A summary in HTML.&lt;/p&gt;</summary></entry>
        </feed>
        """

    @Test func rss2_itemsAreArticles_withTheirMetadata() throws {
        let feed = try FeedParser.parse(Array(FeedTests.rss2.utf8))
        #expect(feed.title == "Harbour Gazette")
        #expect(feed.items.count == 4)
        let first = feed.items[0]
        #expect(first.title == "Talks resume in the spring")
        #expect(first.link == "https://gazette.example/talks")
        #expect(first.author == "Lee Park")
        // The day the item states in its own time zone.
        #expect(first.date == "2018-09-01")
        #expect(first.guid == "https://gazette.example/?p=1")
        #expect(first.paragraphs == ["Donald Trump said on Saturday that talks with North Korea would resume, and that Mike Pompeo would lead them.",
                                     "Officials in Seoul welcomed the news."])
        #expect(!first.isSummary)
        let second = feed.items[1]
        #expect(second.isSummary)
        #expect(second.paragraphs == ["Ri Yong Ho spoke briefly to reporters."])
        #expect(second.author == "Sam Ode")
        #expect(second.date == "2018-08-30")
    }

    @Test func rss1_andAtom_areRead() throws {
        let old = try FeedParser.parse(Array(FeedTests.rss1.utf8))
        #expect(old.title == "Old Wire")
        #expect(old.items.map(\.title) == ["Envoys meet"])
        #expect(old.items[0].date == "2018-06-12")
        let atom = try FeedParser.parse(Array(FeedTests.atom.utf8))
        #expect(atom.title == "Atom Desk")
        #expect(atom.items.count == 2)
        #expect(atom.items[0].title == "Pompeo & the envoys")
        #expect(atom.items[0].link == "https://atom.example/1")
        #expect(atom.items[0].author == "Ana Reyes")
        #expect(atom.items[0].date == "2019-02-27")
        #expect(atom.items[0].paragraphs == ["Mike Pompeo flew to Hanoi, where the envoys had met the week before."])
        #expect(atom.items[1].date == "2019-01-05")
        #expect(atom.items[1].isSummary)
        #expect(atom.items[1].paragraphs == ["A summary in HTML."])
    }

    @Test(arguments: [
        ("Sat, 01 Sep 2018 23:30:00 -0400", "2018-09-01"), ("01 Sep 18 08:00 GMT", "2018-09-01"), ("Mon, 2 Jan 2006 15:04:05 +0000", "2006-01-02"),
        ("2018-09-01T23:30:00-04:00", "2018-09-01"), ("2018-09-01T03:30:00.123Z", "2018-09-01"), ("2018-09-01", "2018-09-01"),
    ])
    func feedDates_readWithTheirZones(text: String, day: String) {
        #expect(MachineDate.isoDay(from: text) == day)
    }

    @Test func feedFile_loads_itemsInFeedOrderWhenUndated_summariesMarked() throws {
        let folder = try TestCorpus.folder(["gazette.xml": FeedTests.rss2, "desk.atom": FeedTests.atom, "wire.txt": FeedTests.rss1])
        let corpus = try CorpusLoader.load(paths: [folder.path])
        let ids = corpus.fileLabels
        // Dated items newest first; the undated after them, in the feed's order.
        #expect(ids == ["desk#1", "desk#2", "gazette#1", "gazette#2", "wire#1", "gazette#3", "gazette#4"])
        let first = try #require(corpus.article(named: "gazette#1"))
        #expect(first.format == .feed && first.record == 1)
        #expect(first.source == "Harbour Gazette")
        #expect(first.byline == "Lee Park")
        #expect(first.url == "https://gazette.example/talks")
        #expect(corpus.article(named: "gazette#2")?.isSummary == true)
        // A feed saved as .txt is known by its root.
        #expect(corpus.article(named: "wire#1")?.format == .feed)
        #expect(corpus.count(of: "mike-pompeo", inArticle: "gazette#1") == 1)
        // Each item's text is made again from the feed, the same bytes as when it was indexed.
        #expect(first.text.bytes.count == first.textLength && first.textIsAsIndexed)
    }

    @Test func notAFeed_orNotXML_isSkipped_withTheReason() throws {
        let folder = try TestCorpus.folder([
            "config.xml": "<?xml version=\"1.0\"?><settings><volume>3</volume></settings>",
            "broken.rss": "this is not < xml at all &&&",
            "empty.rss": "<rss version=\"2.0\"><channel><title>Nothing yet</title></channel></rss>",
            "story.txt": "Mike Pompeo flew to Seoul.\n",
        ])
        var warnings: [String] = []
        let corpus = try CorpusLoader.load(paths: [folder.path], warn: { warnings.append($0) })
        #expect(corpus.fileLabels == ["story"])
        #expect(warnings.contains { $0.contains("config.xml") && $0.contains("not a feed (its root is <settings>") })
        #expect(warnings.contains { $0.contains("broken.rss") && $0.contains("not XML") })
        #expect(warnings.contains { $0.contains("empty.rss") && $0.contains("the feed has no items") })
    }

    /// An entity the feed declares itself is not expanded (its expansion could be made to grow without
    /// bound), and its leaving the text is said, not silent.
    @Test func aFeedsOwnEntities_areLeftOut_andSaid() throws {
        let declared = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY who "Mike Pompeo"><!ENTITY where "Pyongyang">]>
            <rss version="2.0"><channel><title>T</title>
            <item><title>Talks</title><description>&who; met Kim Jong Un in &where;.</description></item>
            <item><title>More</title><description>&who; spoke again.</description></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Array(declared.utf8))
        #expect(feed.items.map(\.title) == ["Talks", "More"])
        #expect(feed.items[0].paragraphs.joined().contains("met Kim Jong Un"))
        #expect(feed.problems.isEmpty, "every item was read")
        #expect(feed.notes == ["the feed's own entities &who;, &where; were left out of its text: Dossier does not expand entities a feed declares"])
    }

    @Test func hostileFeeds_neitherExpandNorFetch() throws {
        // Entities that would expand to gigabytes, and an external entity naming a local file.
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
            <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
            ]>
            <rss version="2.0"><channel><title>T</title><item><title>&h;</title><description>plain</description></item></channel></rss>
            """
        // libxml2 refuses the expansion; whatever it reads, it is small.
        if let feed = try? FeedParser.parse(Array(laughs.utf8)) {
            #expect(feed.items.flatMap { [$0.title ?? ""] + $0.paragraphs }.joined().utf8.count < 1_000_000)
        }
        let external = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>T</title><item><title>Item</title><description>&secret; plain</description></item></channel></rss>
            """
        let read = try FeedParser.parse(Array(external.utf8))
        #expect(!read.items.flatMap(\.paragraphs).joined().contains("root:"))
        // A deep nest of elements, and escape sequences in a title.
        let deep = "<rss><channel><item><title>\u{1B}[2JCleared?</title><description>" + String(repeating: "<x>", count: 50_000) + "</description></item></channel></rss>"
        do {
            #expect(try FeedParser.parse(Array(deep.utf8)).items.count <= 1)
        } catch {
            #expect(error.reason.contains("nested too deeply"))
        }
    }
}

extension FeedTests {
    @Test func feedChangedAfterIndexing_isNotShownAsIndexed() throws {
        let folder = try TestCorpus.folder(["gazette.xml": FeedTests.rss2])
        let corpus = try CorpusLoader.load(paths: [folder.path])
        let first = try #require(corpus.article(named: "gazette#1"))
        #expect(first.textIsAsIndexed)
        // The item's words change length; the feed read last must not be trusted after the change.
        let changed = FeedTests.rss2.replacingOccurrences(of: "Officials in Seoul welcomed the news.", with: "Officials in Seoul said nothing at all.")
        try Data(changed.utf8).write(to: folder.appendingPathComponent("gazette.xml"))
        let again = try CorpusLoader.load(paths: [folder.path]).article(named: "gazette#1")
        #expect(again?.textIsAsIndexed == true)
        let stale = first.releasingText()
        #expect(!stale.textIsAsIndexed)
    }
}
