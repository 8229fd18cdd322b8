import Testing
@testable import DossierCore

/// The catalog people as real news writes them.
struct SpellingTests {
    @Test(arguments: [
        ("Kim Jong Un", "kim-jong-un"), ("Kim Jong-un", "kim-jong-un"), ("Kim Jong-Un", "kim-jong-un"),
        ("Kim Jong Eun", "kim-jong-un"), ("KIM JONG UN", "kim-jong-un"),
        ("Ri Yong Ho", "ri-yong-ho"), ("Ri Yong-ho", "ri-yong-ho"), ("Ri Yong ho", "ri-yong-ho"),
        ("Ri Son Gwon", "ri-son-gwon"), ("Ri Son Kwon", "ri-son-gwon"), ("Ri Seon-gwon", "ri-son-gwon"),
        ("Kim Yong Chol", "kim-yong-chol"), ("Kim Yong-cheol", "kim-yong-chol"),
    ])
    func spelling_linksToTheCatalogPerson(written: String, id: String) throws {
        let corpus = try TestCorpus.single("Officials said \(written) arrived on Monday.")
        #expect(corpus.linkedNames == ["\(written)=\(id)"])
    }

    @Test(arguments: ["’", "'", "´", "ʼ"])
    func possessive_withAnyApostrophe_isAMention(apostrophe: String) throws {
        let corpus = try TestCorpus.single("Donald Trump arrived. Trump\(apostrophe)s aides followed.")
        #expect(corpus.linkedNames == ["Donald Trump=donald-trump", "Trump=donald-trump"])
    }

    @Test func titles_beforeTheName_doNotChangeWhoItIs() throws {
        let corpus = try TestCorpus.single("""
            U.S. Secretary of State Mike Pompeo met North Korean leader Kim Jong Un. Mr. Trump and President Trump \
            spoke later; Chairman Kim and Foreign Minister Ri listened.
            """)
        let people = corpus.linkedNames.filter { !$0.hasSuffix("=united-states") }
        #expect(people == ["Mike Pompeo=mike-pompeo", "Kim Jong Un=kim-jong-un", "Trump=donald-trump", "Trump=donald-trump",
                           "Kim=kim-jong-un", "Ri=ri-yong-ho"])
    }

    @Test func pairing_givesOneMentionEach() throws {
        let corpus = try TestCorpus.single("Donald Trump and Kim Jong Un prepared. The Trump-Kim summit opened.")
        #expect(corpus.linkedNames == ["Donald Trump=donald-trump", "Kim Jong Un=kim-jong-un", "Trump=donald-trump", "Kim=kim-jong-un"])
    }

    @Test func headline_surname_linksToTheFirstFullNameAfterIt() throws {
        let corpus = try TestCorpus.single("Kim vows talks\n\nNorth Korean leader Kim Jong Un said talks would go on.\n")
        #expect(corpus.linkedNames.prefix(2) == ["Kim=kim-jong-un", "Kim Jong Un=kim-jong-un"])
    }

    @Test func kimAsAFirstName_isAnotherPerson() throws {
        let corpus = try TestCorpus.single("Kim Jong Un spoke. Kim Clijsters won in Melbourne, and Clijsters thanked the crowd.")
        #expect(corpus.linkedNames.filter { $0.hasPrefix("Kim") || $0.hasPrefix("Clijsters") }
                == ["Kim Jong Un=kim-jong-un", "Kim Clijsters=kim-clijsters", "Clijsters=kim-clijsters"])
    }

    @Test func foundPeople_areMergedAcrossArticlesByFullName() throws {
        let corpus = try CorpusLoader.load(texts: [
            ("a", "Budget row\n\nChancellor Gordon Brown said taxes would rise. Brown added little.\n"),
            ("b", "Election\n\nGordon Brown campaigned in Kirkcaldy.\n"),
        ])
        let brown = try #require(corpus.entities.firstIndex { $0.id == "gordon-brown" })
        #expect(corpus.entities[brown].isFound)
        #expect(corpus.entities[brown].kind == .person)
        #expect(corpus.entities[brown].description == "Chancellor")
        #expect(corpus.mentionsByEntity[brown].count == 3)
        #expect(corpus.articleCount(of: brown) == 2)
    }

    @Test func notPeople_titlesMonthsWeekdaysAndSentenceOpeners() throws {
        let corpus = try TestCorpus.single("""
            Critics say the Secretary of State met on Tuesday in August. Meanwhile Britain waited, and critics agreed.
            """)
        let people = corpus.mentions[0].compactMap { $0.entity }.filter { corpus.entities[$0].kind == .person }
        #expect(people.isEmpty)
    }
}
