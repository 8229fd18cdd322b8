@testable import DossierFetch
@testable import DossierFormats
@testable import DossierPlatform
import DossierTestSupport
import Foundation
import Testing

/// What the library stores of a feed, and under what names.
struct LibraryTests {
    private func item(guid: String? = nil, link: String? = nil, title: String, text: String) -> FeedItem {
        var item = FeedItem()
        item.guid = guid
        item.link = link
        item.title = title
        item.paragraphs = [text]
        return item
    }

    /// An item with no guid and no link, or empty ones, used to be stored again on every fetch.
    @Test func anItemWithNoGuidOrLink_isKnownByWhatItSays_andStoredOnce() throws {
        let library = Library(folder: TemporaryFolder.url("library").path)
        let url = "https://news.example/feed"
        let items = [
            item(title: "Talks resume", text: "Envoys met in Hanoi."),
            item(guid: "", link: " ", title: "Talks end", text: "Envoys left Hanoi."),
        ]
        let identities = items.map(Library.identity(of:))
        #expect(Set(identities).count == 2 && identities.allSatisfy { $0.hasPrefix("content:") })
        #expect(Library.identity(of: items[0]) == Library.identity(of: item(title: "Talks resume", text: "Envoys met in Hanoi.")))
        try library.store(items, feedTitle: "News", from: url)
        #expect(library.storedIdentities(for: url) == Set(identities))
        // What a second fetch of the same feed finds new: nothing.
        var seen = library.storedIdentities(for: url)
        #expect(items.filter { seen.insert(Library.identity(of: $0)).inserted }.isEmpty)
    }

    /// The records stored for a feed, oldest file first, as (guid, title, updated).
    private func storedRecords(_ library: Library, url: String) throws -> [(guid: String, title: String, updated: String?)] {
        let folder = library.feedFolder(for: url)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }.sorted()
        return try files.flatMap { file in
            try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n").map { line in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                return (object["guid"] as? String ?? "", object["title"] as? String ?? "", object["updated"] as? String)
            }
        }
    }

    /// An item the feed gives again changed is stored once, as its new version, marked updated; one
    /// given again unchanged is not stored again.
    @Test func anItemChangedUnderItsGuid_replacesTheVersionBefore_once() throws {
        let library = Library(folder: TemporaryFolder.url("library").path)
        let url = "https://news.example/feed"
        let first = [item(guid: "1", title: "Talks resume", text: "Envoys met."), item(guid: "2", title: "Talks end", text: "Envoys left.")]
        #expect(try library.storeNew(first, feedTitle: "News", from: url, at: Date(timeIntervalSince1970: 0)) == Library.Stored(new: 2))
        let second = [item(guid: "1", title: "Talks resume", text: "Envoys met."), item(guid: "2", title: "Talks end early", text: "Envoys left at noon.")]
        #expect(try library.storeNew(second, feedTitle: "News", from: url, at: Date(timeIntervalSince1970: 60)) == Library.Stored(updated: 1))
        let records = try storedRecords(library, url: url)
        #expect(records.map(\.guid) == ["1", "2"])
        #expect(records.map(\.title) == ["Talks resume", "Talks end early"])
        #expect(records.map(\.updated) == [nil, "1970-01-01T00-01-00Z"])
        #expect(try library.storeNew(second, feedTitle: "News", from: url, at: Date(timeIntervalSince1970: 120)) == Library.Stored())
        #expect(try storedRecords(library, url: url).count == 2)
    }

    /// A fetch stopped after storing an update but before taking out the version before left both:
    /// the next fetch keeps the newest and removes the other, so no item stays doubled.
    @Test func anUpdateStoppedHalfway_isMendedByTheNextFetch() throws {
        let library = Library(folder: TemporaryFolder.url("library").path)
        let url = "https://news.example/feed"
        try library.store([item(guid: "1", title: "Old", text: "Before."), item(guid: "2", title: "Other", text: "Kept.")],
                          feedTitle: nil, from: url, at: Date(timeIntervalSince1970: 0))
        // In the same second: the later file is "…Z-2.jsonl", which must still count as the newer.
        try library.store([item(guid: "1", title: "New", text: "After.")], feedTitle: nil, from: url, at: Date(timeIntervalSince1970: 0),
                          updates: ["1"])
        #expect(try storedRecords(library, url: url).count == 3)
        #expect(try library.storeNew([], feedTitle: nil, from: url) == Library.Stored())
        #expect(Set(try storedRecords(library, url: url).map(\.title)) == ["Other", "New"])
        #expect(try storedRecords(library, url: url).count == 2)
    }

    /// Pruning keeps each feed's newest items and those stored lately, removes the rest whole-file by
    /// whole-file, and a dry run removes nothing.
    @Test func prune_keepsTheNewestItems_andTheRecentDays_andADryRunKeepsAll() throws {
        let library = Library(folder: TemporaryFolder.url("library").path)
        let url = "https://news.example/feed"
        let day = 86_400.0
        // A feed lists its newest item first.
        try library.store([item(guid: "2", title: "Old", text: "B."), item(guid: "1", title: "Oldest", text: "A.")], feedTitle: nil, from: url,
                          at: Date(timeIntervalSince1970: 0))
        try library.store([item(guid: "3", title: "Newer", text: "C.")], feedTitle: nil, from: url, at: Date(timeIntervalSince1970: 10 * day))
        try library.store([item(guid: "4", title: "Newest", text: "D.")], feedTitle: nil, from: url, at: Date(timeIntervalSince1970: 20 * day))
        let now = Date(timeIntervalSince1970: 21 * day)
        #expect(try library.prune(keepItems: 3, keepDays: nil, now: now, dryRun: true) == [Library.Pruned(feed: url, kept: 3, removed: 1)])
        #expect(try storedRecords(library, url: url).count == 4)
        #expect(try library.prune(keepItems: 3, keepDays: nil, now: now) == [Library.Pruned(feed: url, kept: 3, removed: 1)])
        #expect(try storedRecords(library, url: url).map(\.title) == ["Old", "Newer", "Newest"])
        #expect(try library.prune(keepItems: nil, keepDays: 5, now: now) == [Library.Pruned(feed: url, kept: 1, removed: 2)])
        #expect(try storedRecords(library, url: url).map(\.title) == ["Newest"])
        // A file left with nothing is removed, not kept empty.
        #expect(try FileManager.default.contentsOfDirectory(atPath: library.feedFolder(for: url)).filter { $0.hasSuffix(".jsonl") }.count == 1)
    }

    @Test func anItemsOwnGuid_thenItsLink_nameIt() {
        #expect(Library.identity(of: item(guid: "tag:news,1", link: "https://news.example/1", title: "A", text: "B")) == "tag:news,1")
        #expect(Library.identity(of: item(guid: " ", link: "https://news.example/1", title: "A", text: "B")) == "https://news.example/1")
    }

    /// One feed written four ways is one feed, named and stored once.
    @Test func oneFeedWrittenSeveralWays_isOneFeed() throws {
        let list = try FeedList(text: """
            https://news.example/feed
            HTTPS://News.Example/feed
            https://NEWS.example/feed#latest
            Https://news.EXAMPLE/feed
            https://news.example/Feed
            """)
        #expect(list.feeds.map(\.url) == ["https://news.example/feed", "https://news.example/Feed"])
        #expect(FeedAddress.normalized("http://User:Pass@Host.Example:8080/A?b=C#d") == "http://User:Pass@host.example:8080/A?b=C")
        #expect(FeedAddress.normalized("ftp://host/feed") == nil && FeedAddress.normalized("https:///feed") == nil)
    }

    /// A readable prefix of 60 characters could be hundreds of bytes (combining marks), and a folder
    /// name over 255 bytes cannot be made: that feed could never be stored.
    @Test func aFeedFolderName_staysWithinWhatAFileSystemAllows() throws {
        let library = Library(folder: TemporaryFolder.url("library").path)
        let url = "https://news.example/" + String(repeating: "e\u{301}\u{302}\u{303}\u{304}\u{305}", count: 100)
        let name = (library.feedFolder(for: url) as NSString).lastPathComponent
        #expect(name.utf8.count <= 255)
        try library.store([item(guid: "1", title: "A", text: "B")], feedTitle: nil, from: url)
        #expect(library.storedIdentities(for: url) == ["1"])
        // Plain addresses keep the names they had.
        #expect((library.feedFolder(for: "https://news.example/world/rss.xml") as NSString).lastPathComponent
            .hasPrefix("news-example-world-rss-xml-"))
    }
}

/// Two fetches at once take turns at the library.
struct LibraryWritersTests {
    private static func items(_ count: Int) -> [FeedItem] {
        (1...count).map { number in
            var item = FeedItem()
            item.guid = "item-\(number)"
            item.title = "Story \(number)"
            item.paragraphs = ["Envoy \(number) met officials."]
            return item
        }
    }

    /// Both used to read the stored identities before either wrote, and stored every item twice.
    @Test func twoWritersAtOnce_storeEachItemOnce() throws {
        let folder = TemporaryFolder.url("library").path
        let url = "https://news.example/feed"
        let items = Self.items(2_000)
        let stored = Locked([Int]())
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            // A library of its own in each writer, as in two processes.
            let count = (try? Library(folder: folder).storeNew(items, feedTitle: "News", from: url).new) ?? -1
            stored.change { $0.append(count) }
        }
        #expect(stored.read { $0 }.sorted() == [0, 0, 0, 2_000])
        let library = Library(folder: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: library.feedFolder(for: url)).filter { $0.hasSuffix(".jsonl") }
        let lines = try files.reduce(0) { total, file in
            total + (try String(contentsOfFile: library.feedFolder(for: url) + "/" + file, encoding: .utf8)).split(separator: "\n").count
        }
        #expect(lines == 2_000)
    }

    /// The validators another fetch saved meanwhile, for other feeds, are kept.
    @Test func savingValidators_keepsThoseOfOtherFeeds() throws {
        let library = Library(folder: TemporaryFolder.url("library").path)
        try library.saveValidators(["https://a.example/feed": Library.Validators(etag: "\"a\"", lastModified: nil)])
        try library.saveValidators(["https://b.example/feed": Library.Validators(etag: nil, lastModified: "Sat, 01 Sep 2018 00:00:00 GMT")])
        #expect(Set(library.validators().keys) == ["https://a.example/feed", "https://b.example/feed"])
        let forget: [String: Library.Validators?] = ["https://a.example/feed": .none]
        try library.saveValidators(forget)
        #expect(Set(library.validators().keys) == ["https://b.example/feed"])
    }

    /// A library that cannot be written says which folder and why, in one line.
    @Test func aLibraryWhosePathIsAFile_saysSoInOneLine() throws {
        let file = TemporaryFolder.url("library")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: file)
        let library = Library(folder: file.path)
        #expect {
            _ = try library.storeNew(Self.items(1), feedTitle: nil, from: "https://news.example/feed")
        } throws: { error in
            "\(error)" == "cannot write \(file.path): it is a file, not a folder"
        }
    }
}
