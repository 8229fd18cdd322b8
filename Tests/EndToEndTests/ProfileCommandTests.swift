import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `dossier profile`: the dossier view for scripts and notes, and the config file's people and
/// problems as every command sees them.
struct ProfileCommandTests {
    @Test func pompeo_onTheSeeds_hasEightMentionsInTwoArticles() throws {
        let run = try CommandLineTests.run("profile", "mike-pompeo", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        let profile = try #require(try run.json() as? [String: Any])
        #expect(profile["id"] as? String == "mike-pompeo")
        #expect(profile["mentions"] as? Int == 8)
        let articles = try #require(profile["articles"] as? [[String: Any]])
        #expect(articles.count == 2)
        #expect(articles.compactMap { $0["mentions"] as? Int }.reduce(0, +) == 8)
        #expect((profile["namesSeen"] as? [[String: Any]])?.compactMap { $0["text"] as? String }.sorted() == ["Mike Pompeo", "Pompeo"])
        #expect(profile["undatedMentions"] as? Int == 8)
        #expect((profile["company"] as? [[String: Any]])?.first?["id"] as? String == "donald-trump")
    }

    @Test func riSonGwon_hasFiveQuotes_inTextJSONAndMarkdown() throws {
        let json = try CommandLineTests.run("profile", "Ri Son Gwon", "--json")
        let quotes = try #require((try json.json() as? [String: Any])?["quotes"] as? [[String: Any]])
        #expect(quotes.count == 5)
        #expect(quotes.allSatisfy { $0["article"] as? String == "92bab1" && ($0["line"] as? Int ?? 0) > 0 })
        let text = try CommandLineTests.run("profile", "ri-son-gwon")
        let lines = String(decoding: text.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.contains("4 mentions in 1 article · 5 quotes"))
        #expect(lines.filter { $0.hasPrefix("  92bab1:") }.count == 5)
        let markdown = String(decoding: try CommandLineTests.run("profile", "ri-son-gwon", "--markdown").stdout, as: UTF8.self)
        #expect(markdown.hasPrefix("# Ri Son Gwon\n"))
        #expect(markdown.components(separatedBy: "\n> — `92bab1`").count == 6)
        #expect(markdown.contains("## Quotes"))
    }

    @Test func datedArticles_giveATimeline() throws {
        let examples = DocumentationExamples.repository.appendingPathComponent("docs/examples").path
        let run = try CommandLineTests.run("profile", "kim-jong-un", "--json", examples)
        let timeline = try #require((try run.json() as? [String: Any])?["timeline"] as? [String: Any])
        #expect(timeline["unit"] as? String == "month")
        let periods = try #require(timeline["periods"] as? [[String: Any]])
        #expect(periods.first?["start"] as? String == "2018-06-01")
        #expect(periods.compactMap { $0["mentions"] as? Int } == [1, 0, 0, 0, 0, 0, 0, 0, 1])
    }

    @Test func anUnknownEntity_orBothFormats_isAClearError() throws {
        let unknown = try CommandLineTests.run("profile", "nobody-at-all")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("nobody-at-all"))
        let both = try CommandLineTests.run("profile", "pompeo", "--json", "--markdown")
        #expect(both.status == 2)
        #expect(both.stderr.contains("choose one of --json and --markdown"))
    }

    @Test func theConfigFilesPeople_areLinked_andItsBadLinesAreWarnedByNumber() throws {
        let config = try ArticleFolder.make([
            "dossier/config.toml": """
                [[people]]
                name = "Heather Nauert"
                description = "State Department spokesperson"

                [keys]
                teleport = "t"
                """,
        ])
        // A cache of its own: another catalog means another index, which other tests' runs would keep rebuilding.
        let cache = TemporaryFolder.url("config-cache")
        let run = try CommandLineTests.run(arguments: ["entities", "--json"], cacheHome: cache, configHome: config)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("config.toml: line 6: no action is named teleport"))
        let entities = try #require(try run.json() as? [[String: Any]])
        let nauert = try #require(entities.first { $0["id"] as? String == "heather-nauert" })
        #expect(nauert["found"] as? Bool == false, "the user's catalog entry, not a name found in the text")
        #expect(nauert["description"] as? String == "State Department spokesperson")
    }
}

/// `dossier profile` says it shows what the reader's dossier view (`D`) shows; both list the same
/// people and organisations as named with a person.
struct ProfileCompanyTests {
    @Test func profileCompany_isThePeopleAndOrganisationsTheDossierViewLists() throws {
        let run = try CommandLineTests.run("profile", "mike-pompeo", "--json")
        let company = try #require((try run.json() as? [String: Any])?["company"] as? [[String: Any]])
        #expect(!company.isEmpty)
        #expect(company.allSatisfy { $0["kind"] as? String != "place" }, "the dossier view lists no places")
        let corpus = try CorpusLoader.load(paths: [CommandLineTests.seedFolder.path])
        let pompeo = try #require(corpus.entityIndex(id: "mike-pompeo"))
        let profile = EntityProfile(entity: pompeo, in: corpus)
        #expect(company.compactMap { $0["id"] as? String } == profile.company.map { corpus.entities[$0.entity].id })
        #expect(corpus.related[pompeo].contains { corpus.entities[$0.entity].kind == .place },
                "the seeds name places with Pompeo, so leaving them out is tested")
    }
}
