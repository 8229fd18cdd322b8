import DossierTestSupport
import Foundation
import Testing

/// `dossier feeds`: the feed list, listed, imported from OPML and exported to it, and the same
/// subscriptions moved to newsboat and back.
struct FeedsCommandTests {
    static let newsboat = ["/usr/bin/newsboat", "/usr/local/bin/newsboat"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A folder of the test's own, with an OPML file of three feeds in two folders.
    struct Place {
        let folder = TemporaryFolder.url("feeds")
        var urls: String { folder.appendingPathComponent("urls").path }

        init() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("""
                <?xml version="1.0"?>
                <opml version="2.0"><head><title>Mine</title></head><body>
                  <outline text="korea"><outline type="rss" text="Desk One" xmlUrl="http://127.0.0.1:9/one.xml"/>
                    <outline type="rss" text="Desk Two" xmlUrl="http://127.0.0.1:9/two.xml"/></outline>
                  <outline type="rss" text="Plain" xmlUrl="http://127.0.0.1:9/three.xml"/>
                </body></opml>
                """.utf8).write(to: folder.appendingPathComponent("mine.opml"))
        }

        func dossier(_ arguments: String...) throws -> CommandLineTests.Run {
            try CommandLineTests.run(arguments: arguments)
        }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    }

    @Test func importListAndExport_keepTheFeedsTheirNamesAndTags() throws {
        let place = try Place()
        let imported = try place.dossier("feeds", "import", place.path("mine.opml"), "--urls", place.urls)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(String(decoding: imported.stdout, as: UTF8.self).hasSuffix("imported 3 feeds into \(place.urls)\n"))
        let listed = try place.dossier("feeds", "--urls", place.urls)
        #expect(String(decoding: listed.stdout, as: UTF8.self) == """
            Desk One  http://127.0.0.1:9/one.xml  [korea]  · 0 items · not fetched yet
            Desk Two  http://127.0.0.1:9/two.xml  [korea]  · 0 items · not fetched yet
            Plain  http://127.0.0.1:9/three.xml  · 0 items · not fetched yet

            """)
        let again = try place.dossier("feeds", "import", place.path("mine.opml"), "--urls", place.urls)
        #expect(String(decoding: again.stdout, as: UTF8.self) == "imported 0 feeds into \(place.urls); 3 feeds followed already\n")
        let exported = try place.dossier("feeds", "export", "--urls", place.urls)
        let opml = String(decoding: exported.stdout, as: UTF8.self)
        #expect(opml.contains("<outline text=\"korea\" title=\"korea\">\n      <outline type=\"rss\" text=\"Desk One\" title=\"Desk One\" xmlUrl=\"http://127.0.0.1:9/one.xml\"/>"))
        let notOPML = try place.dossier("feeds", "import", place.urls, "--urls", place.path("other"))
        #expect(notOPML.status == 1, "\(notOPML.stderr)")
        #expect(notOPML.stderr.hasPrefix("dossier: error: cannot read \(place.urls): its XML is not well formed"), "\(notOPML.stderr)")
        #expect(!FileManager.default.fileExists(atPath: place.path("other")), "nothing is written when nothing is imported")
    }

    @Test(.enabled(if: newsboat != nil, "newsboat is not installed"))
    func opmlMovesToNewsboatAndBack_withTheSameFeedsAndTags() throws {
        let newsboat = try #require(Self.newsboat)
        let place = try Place()
        _ = try place.dossier("feeds", "import", place.path("mine.opml"), "--urls", place.urls)
        let exported = try place.dossier("feeds", "export", "--urls", place.urls)
        try exported.stdout.write(to: place.folder.appendingPathComponent("dossier.opml"))
        // newsboat reads Dossier's OPML into its own urls file, which Dossier reads as its feed list.
        try Data().write(to: place.folder.appendingPathComponent("newsboat-urls"))
        let imported = try CommandLineTests.launch(URL(fileURLWithPath: newsboat), arguments: [
            "-u", place.path("newsboat-urls"), "-c", place.path("cache.db"), "-i", place.path("dossier.opml"),
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        let listed = try place.dossier("feeds", "--urls", place.path("newsboat-urls"))
        #expect(String(decoding: listed.stdout, as: UTF8.self) == """
            http://127.0.0.1:9/one.xml  [korea]  · 0 items · not fetched yet
            http://127.0.0.1:9/two.xml  [korea]  · 0 items · not fetched yet
            http://127.0.0.1:9/three.xml  · 0 items · not fetched yet

            """)
        // newsboat's own export of that list imports into Dossier.
        let newsboatExport = try CommandLineTests.launch(URL(fileURLWithPath: newsboat), arguments: [
            "-u", place.path("newsboat-urls"), "-c", place.path("cache.db"), "-e",
        ])
        try newsboatExport.stdout.write(to: place.folder.appendingPathComponent("newsboat.opml"))
        let back = try place.dossier("feeds", "import", place.path("newsboat.opml"), "--urls", place.path("back-urls"))
        #expect(back.status == 0, "\(back.stderr)")
        let backList = try place.dossier("feeds", "--urls", place.path("back-urls"))
        #expect(String(decoding: backList.stdout, as: UTF8.self) == """
            http://127.0.0.1:9/one.xml  · 0 items · not fetched yet
            http://127.0.0.1:9/two.xml  · 0 items · not fetched yet
            http://127.0.0.1:9/three.xml  · 0 items · not fetched yet

            """)
    }
}
