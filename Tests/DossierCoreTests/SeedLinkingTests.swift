@testable import DossierLinking
import Testing

/// The hand-checked mention counts on the two seed articles.
struct SeedLinkingTests {
    static let expected: [(entity: String, first: Int, second: Int)] = [
        ("mike-pompeo", 7, 1),
        ("kim-jong-un", 8, 0),
        ("donald-trump", 11, 1),
        ("ri-yong-ho", 1, 0),
        ("ri-son-gwon", 0, 4),
    ]

    @Test(arguments: expected.indices)
    func seedCounts_matchTheHandCheckedTable(row: Int) throws {
        let corpus = try TestCorpus.seeds()
        let (entity, first, second) = Self.expected[row]
        #expect(corpus.count(of: entity, inArticle: TestCorpus.seedIDs.first) == first, "\(entity) in 000")
        #expect(corpus.count(of: entity, inArticle: TestCorpus.seedIDs.second) == second, "\(entity) in 004")
        let index = try #require(corpus.entityIndex(id: entity))
        #expect(corpus.mentionsByEntity[index].count == first + second)
        #expect(corpus.articleCount(of: index) == (first > 0 ? 1 : 0) + (second > 0 ? 1 : 0))
    }

    @Test func twoRis_areNeverMerged() throws {
        let corpus = try TestCorpus.seeds()
        let yongHo = try #require(corpus.entityIndex(id: "ri-yong-ho"))
        let sonGwon = try #require(corpus.entityIndex(id: "ri-son-gwon"))
        #expect(corpus.mentionsByEntity[yongHo].allSatisfy { corpus.articles[$0.article].id == TestCorpus.seedIDs.first })
        #expect(corpus.mentionsByEntity[sonGwon].allSatisfy { corpus.articles[$0.article].id == TestCorpus.seedIDs.second })
        // Every "Ri" in 004 is Ri Son Gwon; none is left ambiguous.
        let second = try #require(corpus.articles.firstIndex { $0.id == TestCorpus.seedIDs.second })
        #expect(corpus.mentions[second].filter(\.isAmbiguous).isEmpty)
    }

    @Test func mentionRanges_coverTheNameWithoutTitleOrPossessive() throws {
        let corpus = try TestCorpus.seeds()
        let pompeo = try #require(corpus.entityIndex(id: "mike-pompeo"))
        let texts = corpus.mentionsByEntity[pompeo].map { corpus.articles[$0.article].text.string(corpus.mentions[$0.article][$0.mention].range) }
        #expect(texts == ["Mike Pompeo", "Pompeo", "Pompeo", "Mike Pompeo", "Pompeo", "Pompeo", "Pompeo", "Mike Pompeo"])
    }

    @Test func placesAndOrganisations_areLinkedToo() throws {
        let corpus = try TestCorpus.seeds()
        #expect(corpus.count(of: "pyongyang", inArticle: TestCorpus.seedIDs.first) == 2)
        #expect(corpus.count(of: "state-department", inArticle: TestCorpus.seedIDs.first) == 1)
        // "North Korean" is an adjective, not the country.
        #expect(corpus.count(of: "north-korea", inArticle: TestCorpus.seedIDs.first) == 9)  // 7 "North Korea", 2 "DPRK"
    }
}

extension SeedLinkingTests {
    @Test func seeds_peoplePlacesAndOrganisationsBeyondTheCatalog_areFoundAndTyped() throws {
        let corpus = try TestCorpus.seeds()
        func kind(_ id: String) -> Entity.Kind? { corpus.entities.first { $0.id == id }?.kind }
        #expect(kind("heather-nauert") == .person)
        #expect(kind("shinzo-abe") == .person)
        #expect(corpus.entities.first { $0.id == "heather-nauert" }?.isFound == true)
        for place in ["north-korea", "pyongyang", "singapore"] { #expect(kind(place) == .place, "\(place)") }
        for organisation in ["state-department", "united-nations"] { #expect(kind(organisation) == .organisation, "\(organisation)") }
        let people = Set(corpus.entities.indices.filter { corpus.entities[$0].kind == .person && !corpus.mentionsByEntity[$0].isEmpty }
            .map { corpus.entities[$0].id })
        #expect(people == ["mike-pompeo", "kim-jong-un", "donald-trump", "ri-yong-ho", "ri-son-gwon", "heather-nauert", "shinzo-abe"])
    }
}

/// The entity pane's "in N articles", counted once at load: it must be what counting the articles
/// among each entity's mentions gives.
struct EntityArticleCountTests {
    @Test func eachEntitysArticleCount_isTheNumberOfArticlesAmongItsMentions() throws {
        let corpus = try TestCorpus.seeds()
        var checked = 0
        for entity in corpus.entities.indices {
            #expect(corpus.articleCount(of: entity) == Set(corpus.mentionsByEntity[entity].map(\.article)).count, "\(corpus.entities[entity].id)")
            if corpus.articleCount(of: entity) > 1 { checked += 1 }
        }
        #expect(checked > 0, "some entity is mentioned in both seed articles")
    }
}
