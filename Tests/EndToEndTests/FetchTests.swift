@testable import DossierPlatform
import DossierTestSupport
import Foundation
import Testing

/// `dossier fetch` against a real HTTP server on 127.0.0.1 that the tests start
/// (feed-server.py), never the internet.
@Suite(.serialized)
struct FetchTests {
    /// The server, started once for the suite and stopped when the process ends.
    static let server: (process: Process, port: Int)? = {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("feed-server.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--exit-with-stdin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        // Held open for as long as the tests run: the server ends when it closes, with this process.
        process.standardInput = FetchTests.lifeline
        guard (try? process.run()) != nil else { return nil }
        var line = Data()
        while let byte = try? output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { line += byte }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else { return nil }
        return (process, port)
    }()

    static let lifeline = Pipe()

    /// A home of the test's own: its config (the feed list), data (the library) and cache.
    struct Home {
        let root = TemporaryFolder.url("fetch")
        var urls: URL { root.appendingPathComponent("config/dossier/urls") }
        var library: URL { root.appendingPathComponent("data/dossier/library") }

        func follow(_ paths: [String], port: Int) throws {
            try FileManager.default.createDirectory(at: urls.deletingLastPathComponent(), withIntermediateDirectories: true)
            let lines = ["# my feeds"] + paths.map { "http://127.0.0.1:\(port)\($0) \"news\"" }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: urls)
        }

        /// The variables that tell Dossier where this home's config, data and cache are.
        var environment: [String: String] {
            ["XDG_CONFIG_HOME": root.appendingPathComponent("config").path, "XDG_DATA_HOME": root.appendingPathComponent("data").path,
             "XDG_CACHE_HOME": root.appendingPathComponent("cache").path]
        }

        func run(_ arguments: String...) throws -> CommandLineTests.Run {
            try CommandLineTests.launch(CommandLineTests.executable, arguments: arguments, environment: environment)
        }

        /// `dossier` with `arguments` in this home, not yet started: for a test that acts on it while it runs.
        func process(_ arguments: String...) -> Process {
            let process = Process()
            process.executableURL = CommandLineTests.executable
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            return process
        }

        var storedFiles: [String] {
            (FileManager.default.enumerator(atPath: library.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".jsonl") }
        }
    }

    @Test func newItemsAreKept_onceEach_andEveryCommandReadsTheLibrary() throws {
        let port = try #require(Self.server?.port, "the test server did not start")
        let home = Home()
        try home.follow(["/feed.xml", "/gzip.xml", "/redirect"], port: port)
        let first = try home.run("fetch")
        #expect(first.status == 0, "\(first.stderr)")
        let lines = String(decoding: first.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines == ["http://127.0.0.1:\(port)/feed.xml: 2 new items", "http://127.0.0.1:\(port)/gzip.xml: 1 new item",
                          "http://127.0.0.1:\(port)/redirect: 2 new items"])
        // Without a path, commands read the library: its items, not the bundled articles.
        let list = try home.run("list", "--json")
        let articles = try #require(try JSONSerialization.jsonObject(with: list.stdout) as? [[String: Any]])
        #expect(Set(articles.compactMap { $0["title"] as? String }) == ["Item 1", "Item 2", "Item 4"] )
        #expect(articles.count == 5)
        #expect(articles.allSatisfy { $0["summary"] as? Bool == true })
        // --bundled brings the bundled articles back, and takes no path.
        let bundled = try home.run("list", "--bundled", "--json")
        let seeds = try #require(try JSONSerialization.jsonObject(with: bundled.stdout) as? [[String: Any]])
        #expect(seeds.compactMap { $0["id"] as? String } == ["34fe7d", "92bab1"])
        let both = try home.run("list", "--bundled", "elsewhere")
        #expect(both.status == 2 && both.stderr.contains("--bundled reads the bundled articles; it takes no PATH (elsewhere)"), "\(both.stderr)")
        // A second fetch: the feed answers 304 to its ETag; nothing is stored twice.
        try home.follow(["/feed.xml", "/more.xml"], port: port)
        let second = try home.run("fetch")
        #expect(String(decoding: second.stdout, as: UTF8.self).split(separator: "\n")
            == ["http://127.0.0.1:\(port)/feed.xml: not modified", "http://127.0.0.1:\(port)/more.xml: 3 new items"])
        let third = try home.run("fetch")
        #expect(String(decoding: third.stdout, as: UTF8.self).contains("more.xml: 0 new items"))
    }

    /// One byte that is not UTF-8 in the fifth of ten items used to lose the items after it in silence,
    /// and the saved ETag then kept them from ever being fetched again.
    @Test func aFeedWithOneBadItem_keepsTheOthers_namesTheOneLost_andIsFetchedWholeAgain() throws {
        let port = try #require(Self.server?.port, "the test server did not start")
        let home = Home()
        try home.follow(["/flawed.xml"], port: port)
        let first = try home.run("fetch")
        #expect(first.status == 1, "a feed read in part is one to look at")
        let line = String(decoding: first.stdout, as: UTF8.self)
        #expect(line.hasPrefix("http://127.0.0.1:\(port)/flawed.xml: 9 new items; some of the feed could not be read: item 5 (line 1): "),
                "\(line)")
        let list = try home.run("list", "--json")
        let articles = try #require(try JSONSerialization.jsonObject(with: list.stdout) as? [[String: Any]])
        #expect(articles.count == 9 && !articles.contains { ($0["title"] as? String)?.hasPrefix("Item 14") == true })
        // Its ETag was not kept: the next fetch reads the feed whole again, and stores nothing twice.
        let second = try home.run("fetch")
        #expect(String(decoding: second.stdout, as: UTF8.self).contains("flawed.xml: 0 new items; some of the feed could not be read: item 5"))
    }

    /// Two fetches at once used to read the stored items before either wrote, and store every item twice.
    @Test func twoFetchesStartedTogether_storeEachOfTwentyThousandItemsOnce() throws {
        let port = try #require(Self.server?.port, "the test server did not start")
        let home = Home()
        try home.follow(["/many.xml"], port: port)
        let runs = Locked([CommandLineTests.Run]())
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            if let run = try? home.run("fetch") { runs.change { $0.append(run) } }
        }
        let outcomes = runs.read { $0 }.map { String(decoding: $0.stdout, as: UTF8.self) }.sorted()
        #expect(outcomes == ["http://127.0.0.1:\(port)/many.xml: 0 new items\n", "http://127.0.0.1:\(port)/many.xml: 20000 new items\n"])
        let records = try home.storedFiles.reduce(0) { total, file in
            total + (try String(contentsOf: home.library.appendingPathComponent(file), encoding: .utf8)).split(separator: "\n").count
        }
        #expect(records == 20_000)
    }

    /// Each used to be told as something else: a redirect to an address that is not http, and "not modified".
    @Test func anAnswerWithoutAStatusLine_andA304ToAFirstRequest_areSaidAsWhatTheyAre() throws {
        let port = try #require(Self.server?.port, "the test server did not start")
        let home = Home()
        try home.follow(["/http09", "/always304"], port: port)
        let run = try home.run("fetch", "--timeout", "5", "--idle-timeout", "3")
        #expect(run.status == 1)
        let lines = String(decoding: run.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines == ["http://127.0.0.1:\(port)/http09: error: the server's answer is not HTTP (it has no status line Dossier can read)",
                          "http://127.0.0.1:\(port)/always304: error: the server answered 304 (not modified) to a request for the whole feed"])
    }

    /// A feed that declares its own entities is read whole, and what its text lost is said in its line.
    @Test func aFeedsOwnEntities_areSaidInItsLine_andTheFetchSucceeds() throws {
        let port = try #require(Self.server?.port, "the test server did not start")
        let home = Home()
        try home.follow(["/entities.xml"], port: port)
        let run = try home.run("fetch")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(String(decoding: run.stdout, as: UTF8.self) == "http://127.0.0.1:\(port)/entities.xml: 1 new item; the feed's own entity &who; "
                + "was left out of its text: Dossier does not expand entities a feed declares\n")
        #expect(home.storedFiles.count == 1)
    }

    @Test func everyFailure_isOneLine_andStoresNothing() throws {
        let port = try #require(Self.server?.port, "the test server did not start")
        let home = Home()
        try home.follow(["/error", "/loop", "/invalid", "/huge", "/slow", "/bigheader"], port: port)
        // A name that no resolver knows (.invalid is reserved for that).
        try Data((try String(contentsOf: home.urls, encoding: .utf8) + "http://no-such-host.invalid/feed.xml\n").utf8).write(to: home.urls)
        let run = try home.run("fetch", "--timeout", "3", "--idle-timeout", "2")
        #expect(run.status == 1)
        let lines = String(decoding: run.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines[0].hasSuffix("/error: error: HTTP 500"))
        #expect(lines[1].hasSuffix("/loop: error: more than 5 redirects"))
        #expect(lines[2].contains("/invalid: error: not a feed"))
        #expect(lines[3].hasSuffix("/huge: error: the response is larger than 20 MB"))
        #expect(lines[4].contains("/slow: error: timed out"))
        #expect(lines[5].hasSuffix("/bigheader: error: the response's headers are too large, or the HTTP client ran out of memory"), "\(lines[5])")
        #expect(lines[6].contains("no-such-host.invalid/feed.xml: error: DNS"), "\(lines[6])")
        #expect(home.storedFiles.isEmpty)
    }

    @Test func fetchKilledMidway_leavesTheLibraryWhole_andTheNextFetchStoresNothingTwice() throws {
        let port = try #require(Self.server?.port, "the test server did not start")
        let home = Home()
        try home.follow(["/feed.xml", "/slow"], port: port)
        let process = home.process("fetch", "--timeout", "60", "--idle-timeout", "60")
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The quick feed's items are stored while the slow one is still waited for; then the fetch is killed.
        for _ in 0..<100 where home.storedFiles.isEmpty { usleep(100_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(home.storedFiles.count == 1)
        // Whole: every line of the stored file is a record.
        let stored = try String(contentsOf: home.library.appendingPathComponent(try #require(home.storedFiles.first)), encoding: .utf8)
        #expect(stored.split(separator: "\n").allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
        #expect(stored.split(separator: "\n").count == 2)
        // The ETag was never saved, so the feed is downloaded again, and its items are not stored twice.
        try home.follow(["/feed.xml"], port: port)
        let again = try home.run("fetch")
        #expect(String(decoding: again.stdout, as: UTF8.self) == "http://127.0.0.1:\(port)/feed.xml: 0 new items\n")
        #expect(home.storedFiles.count == 1)
    }

    /// A crash while a script reads the output: one line on stderr and the process ended by its signal.
    /// The runtime's reporter, a process of its own that inherits the output, used to write its report
    /// there and could hold it open long after Dossier was gone; it runs only when asked for.
    @Test func aCrash_isOneLineOnStandardError_andLeavesNothingHoldingTheOutput() throws {
        let port = try #require(Self.server?.port, "the test server did not start")
        let home = Home()
        try home.follow(["/slow"], port: port)
        let process = home.process("fetch", "--timeout", "60")
        process.environment?["SWIFT_BACKTRACE"] = nil
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Waiting on the slow feed, its request made.
        usleep(500_000)
        kill(process.processIdentifier, SIGSEGV)
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let reported = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGSEGV)
        #expect(printed.isEmpty, "\(printed)")
        #expect(reported == "dossier: error: Dossier crashed (a bad memory access); please report it. SWIFT_BACKTRACE=enable=yes shows where.\n")
    }

    @Test func feedList_problemsAreNamedByLine_andAMissingListSaysWhatToDo() throws {
        let home = Home()
        let missing = try home.run("fetch")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no feed list here"))
        try FileManager.default.createDirectory(at: home.urls.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("ftp://old.example/feed\n# only a comment\n".utf8).write(to: home.urls)
        let bad = try home.run("fetch")
        #expect(bad.stderr.contains("line 1: ftp://old.example/feed is not an http or https URL, skipped"))
        #expect(bad.stderr.contains("it names no feed to fetch"))
    }

    /// A query feed is said to be one, with what does its work here; a feed's "~Title" names its items'
    /// source; and `dossier feeds` says how many items the library holds of each feed and how its last fetch went.
    @Test func queryFeedsAreSaid_aTitleNamesTheSource_andTheFeedListShowsTheLastFetch() throws {
        let port = try #require(Self.server?.port)
        let home = Home()
        try FileManager.default.createDirectory(at: home.urls.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("""
            http://127.0.0.1:\(port)/feed.xml "~My desk" korea
            http://127.0.0.1:\(port)/no-such-feed
            "query:Unread:unread = \\"yes\\""

            """.utf8).write(to: home.urls)
        let fetched = try home.run("fetch")
        #expect(fetched.stderr.contains("line 3: query feeds are not supported: a saved filter does the same in the reader"), "\(fetched.stderr)")
        let articles = try #require(try home.run("list", "--json").json() as? [[String: Any]])
        #expect(articles.count == 2 && articles.allSatisfy { $0["source"] as? String == "My desk" })
        let feeds = String(decoding: try home.run("feeds").stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(feeds.count == 2)
        #expect(feeds[0].hasPrefix("My desk  http://127.0.0.1:\(port)/feed.xml  [korea]  · 2 items · fetched "), "\(feeds)")
        #expect(feeds[0].hasSuffix(": 2 new items"))
        #expect(feeds[1].contains("/no-such-feed  · 0 items · fetched 20") && feeds[1].hasSuffix(" UTC: error: HTTP 404"), "\(feeds)")
    }
}
