import Foundation
import Testing

/// Runs the built `dossier` executable as a script would and checks its JSON and errors.
struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: Data
        let stderr: String
        func json() throws -> Any { try JSONSerialization.jsonObject(with: stdout) }
    }

    static var executable: URL {
        // Test bundles and executables are built into the same products folder.
        Bundle.main.bundleURL.appendingPathComponent("dossier")
    }

    static var seedFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/articles")
    }

    /// The runs' cache folder: theirs alone, never the user's.
    static let cacheHome = TemporaryFolder.url("cli-cache")

    static func run(_ arguments: String..., cacheHome: URL = cacheHome) throws -> Run {
        try run(arguments: arguments, cacheHome: cacheHome)
    }

    /// The runs' config and state folders: empty, so that no user's config file or saved place changes what they print.
    static let configHome = TemporaryFolder.url("cli-config")
    static let stateHome = TemporaryFolder.url("cli-state")

    static func run(arguments: [String], cacheHome: URL = cacheHome, configHome: URL = configHome) throws -> Run {
        try launch(executable, arguments: arguments, environment: [
            "XDG_CACHE_HOME": cacheHome.path, "XDG_CONFIG_HOME": configHome.path, "XDG_STATE_HOME": stateHome.path,
        ])
    }

    /// Runs `program` with nothing on its standard input, in the tests' environment with `environment`
    /// added, from `directory` when given, and collects what it printed.
    static func launch(_ program: URL, arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func list_json_hasEveryFieldInReadingOrder() throws {
        let run = try Self.run("list", "--json")
        #expect(run.status == 0)
        let articles = try #require(try run.json() as? [[String: Any]])
        #expect(articles.map { $0["id"] as? String } == ["34fe7d", "92bab1"])
        for key in ["id", "title", "source", "date", "section", "path", "words", "entities"] {
            #expect(articles.allSatisfy { $0.keys.contains(key) }, "\(key)")
        }
        let first = try #require(articles[0]["entities"] as? [String: Int])
        #expect(first["mike-pompeo"] == 7)
        #expect(first["donald-trump"] == 11)
        #expect(articles[0]["source"] as? String == "CNN")
        #expect(articles[1]["section"] as? String == "Technologies")
        #expect(articles[1]["title"] as? String == "North, South Korea set to meet again in September")
    }

    @Test func entities_json_isMostMentionedFirst() throws {
        let run = try Self.run("entities", "--json")
        let entities = try #require(try run.json() as? [[String: Any]])
        let counts = entities.compactMap { $0["mentions"] as? Int }
        #expect(counts == counts.sorted(by: >))
        let trump = try #require(entities.first { $0["id"] as? String == "donald-trump" })
        #expect(trump["mentions"] as? Int == 12)
        #expect(trump["articles"] as? Int == 2)
        #expect(trump["kind"] as? String == "person")
        #expect(trump["name"] as? String == "Donald Trump")
        #expect(trump["description"] as? String == "US President")
    }

    @Test(arguments: ["mike-pompeo", "kim-jong-un", "donald-trump", "ri-yong-ho", "ri-son-gwon"])
    func mentions_json_lineAndColumnPointAtTheTextInTheFile(entity: String) throws {
        let run = try Self.run("mentions", entity, "--json")
        #expect(run.status == 0)
        let mentions = try #require(try run.json() as? [[String: Any]])
        let articles = try #require(try Self.run("list", "--json").json() as? [[String: Any]])
        let paths = Dictionary(uniqueKeysWithValues: articles.map { ($0["id"] as? String ?? "", $0["path"] as? String ?? "") })
        #expect(!mentions.isEmpty)
        for mention in mentions {
            let article = try #require(mention["article"] as? String)
            let line = try #require(mention["line"] as? Int)
            let column = try #require(mention["column"] as? Int)
            let text = try #require(mention["text"] as? String)
            let context = try #require(mention["context"] as? String)
            #expect(mention["entity"] as? String == entity)
            let file = try String(contentsOfFile: try #require(paths[article]), encoding: .utf8)
            let lineText = file.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
            let scalars = Array(lineText.unicodeScalars)
            let found = String(String.UnicodeScalarView(scalars[(column - 1)..<(column - 1 + text.unicodeScalars.count)]))
            #expect(found == text, "\(article):\(line):\(column)")
            #expect(context.contains(text))
        }
    }

    @Test func mentions_ofAnAmbiguousName_listsTheCandidates() throws {
        let run = try Self.run("mentions", "Ri")
        #expect(run.status != 0)
        #expect(run.stderr.contains("ri-yong-ho") && run.stderr.contains("ri-son-gwon"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func mentions_acceptsNamesAndAliasesInAnyCase() throws {
        for name in ["Kim Jong-un", "KIM JONG UN", "kim-jong-un"] {
            let mentions = try #require(try Self.run("mentions", name, "--json").json() as? [[String: Any]])
            #expect(mentions.count == 8, "\(name)")
        }
    }

    @Test func search_json_reportsTotalsAndHits() throws {
        let run = try Self.run("search", "denuclearization", "--json")
        let report = try #require(try run.json() as? [String: Any])
        #expect(report["query"] as? String == "denuclearization")
        #expect(report["total"] as? Int == 8)
        #expect(report["articles"] as? Int == 2)
        let hits = try #require(report["hits"] as? [[String: Any]])
        #expect(hits.count == 8)
        for hit in hits {
            #expect((hit["text"] as? String)?.lowercased() == "denuclearization")
            #expect((hit["snippet"] as? String)?.contains("denuclearization") == true)
            #expect(hit["line"] is Int && hit["column"] is Int && hit["article"] is String)
        }
    }

    @Test func show_json_hasMetadataParagraphsAndMentions() throws {
        let run = try Self.run("show", "004_aa78b19fab688198", "--json")
        let article = try #require(try run.json() as? [String: Any])
        #expect(article["section"] as? String == "Technologies")
        let paragraphs = try #require(article["paragraphs"] as? [String])
        #expect(paragraphs.count == 11)
        #expect(!paragraphs.contains { $0.hasPrefix("By ") })
        let mentions = try #require(article["mentions"] as? [[String: Any]])
        #expect(mentions.filter { $0["entity"] as? String == "ri-son-gwon" }.count == 4)
        #expect(mentions.allSatisfy { $0["line"] is Int && $0["column"] is Int && $0["text"] is String })
    }

    @Test func show_findsAnArticleByTitleWords() throws {
        let run = try Self.run("show", "south korea september")
        #expect(run.status == 0)
        #expect(String(decoding: run.stdout, as: UTF8.self).hasPrefix("North, South Korea set to meet again in September"))
    }

    @Test func missingPath_failsWithOneLineNamingIt() throws {
        let run = try Self.run("list", "/no/such/folder")
        #expect(run.status != 0)
        #expect(run.stderr == "dossier: error: no such file or directory: /no/such/folder\n")
    }

    @Test func unknownEntityAndArticle_failWithOneLine() throws {
        let entity = try Self.run("mentions", "Napoleon")
        #expect(entity.status != 0)
        #expect(entity.stderr == "dossier: error: no entity named 'Napoleon'\n")
        let article = try Self.run("show", "zebra crossing")
        #expect(article.status != 0)
        #expect(article.stderr == "dossier: error: no article matches 'zebra crossing'\n")
    }

    @Test func binaryFile_isSkippedWithAWarning_restStillLoads() throws {
        let folder = TemporaryFolder.url("cli")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]).write(to: folder.appendingPathComponent("image.txt"))
        try Data("Good story\n\nTrump spoke.\n".utf8).write(to: folder.appendingPathComponent("story.txt"))
        let run = try Self.run("list", "--json", folder.path)
        #expect(run.status == 0)
        #expect(run.stderr.contains("image.txt") && run.stderr.contains("not text"))
        let articles = try #require(try run.json() as? [[String: Any]])
        #expect(articles.map { $0["id"] as? String } == ["story"])
    }

    @Test func readerWithoutATerminal_saysSoAndNamesTheSubcommands() throws {
        let run = try Self.run()
        #expect(run.status != 0)
        #expect(run.stderr.contains("needs a terminal"))
        #expect(run.stderr.contains("list") && run.stderr.contains("search"))
    }
}

extension CommandLineTests {
    @Test func quotes_json_listsTheSpeakersQuotesWithPositions() throws {
        let run = try Self.run("quotes", "Trump", "--json")
        #expect(run.status == 0)
        let quotes = try #require(try run.json() as? [[String: Any]])
        #expect(quotes.count == 9)
        #expect(quotes.allSatisfy { $0["entity"] as? String == "donald-trump" && $0["line"] is Int && $0["column"] is Int })
        #expect(quotes.first?["text"] as? String == "fell in love.")
    }

    @Test func entities_json_flagsFoundEntitiesAndListsRelated() throws {
        let entities = try #require(try Self.run("entities", "--json").json() as? [[String: Any]])
        let nauert = try #require(entities.first { $0["id"] as? String == "heather-nauert" })
        #expect(nauert["found"] as? Bool == true)
        #expect(nauert["kind"] as? String == "person")
        #expect(nauert["quotes"] as? Int == 1)
        let trump = try #require(entities.first { $0["id"] as? String == "donald-trump" })
        #expect(trump["found"] as? Bool == false)
        let related = try #require(trump["related"] as? [[String: Any]])
        #expect(related.prefix(2).compactMap { $0["id"] as? String } == ["mike-pompeo", "kim-jong-un"])
        #expect(related.first?["count"] as? Int == 5)
    }

    @Test func show_json_marksAmbiguousMentionsWithCandidates() throws {
        let folder = TemporaryFolder.url("cli")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("Talks\n\nRi Yong Ho and Ri Son Gwon arrived together. Ri said nothing.\n".utf8)
            .write(to: folder.appendingPathComponent("talks.txt"))
        let article = try #require(try Self.run("show", "talks", "--json", folder.path).json() as? [String: Any])
        let mentions = try #require(article["mentions"] as? [[String: Any]])
        let last = try #require(mentions.last)
        #expect(last["entity"] is NSNull)
        #expect(Set(last["candidates"] as? [String] ?? []) == ["ri-yong-ho", "ri-son-gwon"])
    }
}

import DossierTestSupport

extension CommandLineTests {
    @Test func hostileArticle_neverPutsAControlByteOnStdout() throws {
        let folder = try HostileCorpus.make()
        let json = try Self.run("show", "escapes", "--json", folder.path)
        #expect(json.status == 0)
        #expect(!json.stdout.contains(0x1B) && !json.stdout.contains(0x07))
        #expect(String(decoding: json.stdout, as: UTF8.self).contains("\\u001b"))
        let text = try Self.run("show", "escapes", folder.path)
        #expect(text.status == 0)
        #expect(!text.stdout.contains { $0 < 0x20 && $0 != 0x0A })
        #expect(!String(decoding: text.stdout, as: UTF8.self).contains("pwned"))
        let list = try Self.run("list", folder.path)
        #expect(list.stderr.contains("image.txt") && list.stderr.contains("random.txt"))
        #expect(!list.stderr.utf8.contains { $0 < 0x20 && $0 != 0x0A })
    }

    // MARK: - The index cache

    @Test func cache_isSavedReusedReportedAndCleared() throws {
        let home = TemporaryFolder.url("cli-cache")
        let cold = try Self.run("search", "Pompeo", "--json", cacheHome: home)
        #expect(cold.status == 0 && cold.stderr.isEmpty)
        let where_ = try Self.run("cache", "path", cacheHome: home)
        let file = String(decoding: where_.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(file.hasPrefix(home.path + "/dossier/") && file.hasSuffix(".index"))
        #expect(FileManager.default.fileExists(atPath: file))

        let warm = try Self.run("search", "Pompeo", "--json", cacheHome: home)
        #expect(warm.stdout == cold.stdout && warm.stderr.isEmpty)

        // A damaged file: one line on stderr, the same answer, and a good file again afterwards.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.truncate(atOffset: 100)
        try handle.close()
        let repaired = try Self.run("search", "Pompeo", "--json", cacheHome: home)
        #expect(repaired.stdout == cold.stdout)
        #expect(repaired.stderr == "dossier: warning: index cache \(file) is damaged (it ends early); rebuilding it\n")
        #expect(try Self.run("search", "Pompeo", "--json", cacheHome: home).stderr.isEmpty)

        // Damage that a search finds only as its query reads it (a term's postings, checked when first read):
        // one line, nothing of the damaged file believed, and the answer from an index built again.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        func number(at offset: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) } }
        let directory = number(at: 32)
        let postingsSection = 17  // IndexSection.positionStream: its entry in the directory after the section count
        let postings = number(at: directory + 8 + 16 * postingsSection)
        let postingsLength = number(at: directory + 16 + 16 * postingsSection)
        for offset in stride(from: postings, to: postings + postingsLength, by: 64) { bytes[offset] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let requeried = try Self.run("search", "Pompeo", "--json", cacheHome: home)
        #expect(requeried.stdout == cold.stdout)
        #expect(requeried.stderr == "dossier: warning: index cache \(file) is damaged (its checksum does not match); rebuilding it\n")
        #expect(try Self.run("search", "Pompeo", "--json", cacheHome: home).stderr.isEmpty)

        let cleared = try Self.run("cache", "clear", cacheHome: home)
        #expect(cleared.status == 0)
        #expect(String(decoding: cleared.stdout, as: UTF8.self).hasPrefix("removed 1 saved index file"))
        #expect(!FileManager.default.fileExists(atPath: file))

        let uncached = try Self.run("list", "--no-cache", cacheHome: home)
        #expect(uncached.status == 0)
        #expect(!FileManager.default.fileExists(atPath: file), "--no-cache writes nothing")
    }
}
