import DossierTestSupport
import Foundation
import Testing

/// Every subcommand on every format: a page, a feed, a JSON Lines and a CSV dataset, written
/// for the test, in one folder.
struct FormatCommandLineTests {
    static let files: [String: String] = [
        "envoys.html": """
            <html><head><title>Envoys meet in Hanoi | Courier</title><link rel="canonical" href="https://courier.example/envoys">
            <meta property="og:site_name" content="Courier"></head><body><nav><a href="/">Home</a></nav>
            <article><h1>Envoys meet in Hanoi</h1><p>Mike Pompeo arrived in Hanoi on Wednesday, and said the talks with Kim Jong Un would go on for weeks.</p>
            <p>"We are ready to keep talking," Pompeo said, before he flew on to Seoul for a second day of meetings there.</p></article></body></html>
            """,
        "desk.xml": """
            <rss version="2.0"><channel><title>Harbour Desk</title>
            <item><title>Talks resume</title><link>https://desk.example/1</link><pubDate>Sat, 01 Sep 2018 10:00:00 +0000</pubDate>
            <description>Donald Trump said talks would resume.</description></item></channel></rss>
            """,
        "wire.jsonl": #"{"title": "Singapore summit", "text": "Kim Jong Un met Donald Trump in Singapore.", "date": "2018-06-12", "url": "https://wire.example/s"}"# + "\n",
        "sheet.csv": "title,text,date\nHome again,\"Mike Pompeo flew home, tired.\",2018-06-13\n",
    ]

    static func folder() throws -> URL { try ArticleFolder.make(files) }

    @Test func list_json_saysEachArticlesFormatAddressAndRecord() throws {
        let run = try CommandLineTests.run("list", "--json", try Self.folder().path)
        #expect(run.status == 0, "\(run.stderr)")
        let articles = try #require(try run.json() as? [[String: Any]])
        let byFormat = Dictionary(uniqueKeysWithValues: articles.map { ($0["format"] as? String ?? "", $0) })
        #expect(Set(byFormat.keys) == ["html", "feed", "jsonl", "csv"])
        #expect(byFormat["html"]?["url"] as? String == "https://courier.example/envoys")
        #expect(byFormat["html"]?["record"] is NSNull)
        #expect(byFormat["feed"]?["record"] as? Int == 1)
        #expect(byFormat["feed"]?["summary"] as? Bool == true)
        #expect(byFormat["csv"]?["summary"] as? Bool == false)
        // Every id is short, and starts the stable id a script keeps.
        for article in articles {
            let id = try #require(article["id"] as? String), stable = try #require(article["stable"] as? String)
            #expect(id.count >= 6 && id.count <= 16 && stable.count == 16 && stable.hasPrefix(id))
        }
    }

    @Test func showText_printsTheTextThatLinesAndColumnsCountIn() throws {
        let folder = try Self.folder()
        let text = try CommandLineTests.run("show", "envoys", "--text", folder.path)
        #expect(text.status == 0, "\(text.stderr)")
        let lines = String(decoding: text.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Envoys meet in Hanoi")
        // Every mention's line and column points at its name in that text.
        let shown = try CommandLineTests.run("show", "envoys", "--json", folder.path)
        let report = try #require(try shown.json() as? [String: Any])
        let mentions = try #require(report["mentions"] as? [[String: Any]])
        #expect(!mentions.isEmpty)
        for mention in mentions {
            let line = try #require(mention["line"] as? Int), column = try #require(mention["column"] as? Int)
            let name = try #require(mention["text"] as? String)
            let row = String(lines[line - 1])
            #expect(String(row.dropFirst(column - 1)).hasPrefix(name), "\(name) at \(line):\(column)")
        }
    }

    @Test func searchMentionsQuotesAndExport_coverEveryFormat() throws {
        let folder = try Self.folder()
        let articles = try #require(try CommandLineTests.run("list", "--json", folder.path).json() as? [[String: Any]])
        let idOf = Dictionary(uniqueKeysWithValues: articles.map { ($0["format"] as? String ?? "", $0["id"] as? String ?? "?") })
        let search = try CommandLineTests.run("search", "pompeo", "--json", folder.path)
        #expect(search.status == 0, "\(search.stderr)")
        let searched = String(decoding: search.stdout, as: UTF8.self)
        #expect(searched.contains(idOf["html"] ?? "?") && searched.contains(idOf["csv"] ?? "?"))
        let mentions = try CommandLineTests.run("mentions", "donald-trump", "--json", folder.path)
        let found = String(decoding: mentions.stdout, as: UTF8.self)
        #expect(found.contains(idOf["feed"] ?? "?") && found.contains(idOf["jsonl"] ?? "?"))
        let quotes = try CommandLineTests.run("quotes", "mike-pompeo", "--json", folder.path)
        #expect(String(decoding: quotes.stdout, as: UTF8.self).contains("We are ready to keep talking"))
        let export = try CommandLineTests.run("export", folder.path)
        #expect(export.status == 0, "\(export.stderr)")
    }

    @Test func badFieldsOption_isAUsageErrorNamingIt() throws {
        let run = try CommandLineTests.run("list", "--fields", "words=body", try Self.folder().path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\"words\" is not a part of an article"))
    }
}
