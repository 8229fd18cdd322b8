import Testing
@testable import DossierCore

struct QuoteTests {
    private func quotes(of id: String, in corpus: Corpus) throws -> [String] {
        let entity = try #require(corpus.entities.firstIndex { $0.id == id })
        return corpus.quotesByEntity[entity].map { corpus.articles[$0.article].text.string(corpus.quotes[$0.article][$0.quote].range) }
    }

    @Test func seedQuotes_areAttributedToTheirSpeakers() throws {
        let corpus = try TestCorpus.seeds()
        let trump = try quotes(of: "donald-trump", in: corpus)
        #expect(trump.count == 9)
        #expect(trump.first == "fell in love.")
        #expect(trump.contains("A lot of good things are happening,"))
        #expect(trump.last?.hasPrefix("As you know, Kim Jong Un wrote a beautiful letter") == true)
        let nauert = try quotes(of: "heather-nauert", in: corpus)
        #expect(nauert.count == 1)
        #expect(nauert.first?.hasPrefix("Secretary Pompeo accepted Chairman Kim’s invitation") == true)
        let ri = try quotes(of: "ri-son-gwon", in: corpus)
        #expect(ri.count == 5)
        // A partial quote after a verb of saying, in a sentence that names "the United States" after the verb.
        #expect(ri.contains("not doing enough"))
    }

    @Test func sharedGoal_isAttributedToNoOne() throws {
        let corpus = try TestCorpus.seeds()
        let second = try #require(corpus.articles.firstIndex { $0.id == TestCorpus.seedIDs.second })
        let sharedGoal = try #require(corpus.quotes[second].first { corpus.articles[second].text.string($0.range) == "shared goal." })
        #expect(sharedGoal.speaker == nil)
    }

    @Test func pronoun_refersToTheLastPersonOfMatchingGender() throws {
        let corpus = try TestCorpus.single("""
            Prime Minister Theresa May met Jack Straw. "We agreed," she said. "It went well," he added.
            """)
        let may = try quotes(of: "theresa-may", in: corpus)
        let straw = try quotes(of: "jack-straw", in: corpus)
        #expect(may == ["We agreed,"])
        #expect(straw == ["It went well,"])
    }

    @Test func quoteOpeningAParagraph_continuesThePreviousSpeaker() throws {
        let corpus = try TestCorpus.single("""
            Headline here

            Mr Smith spoke first. John Smith said: "We will win.

            "And we will win again."

            Officials were "not impressed".
            """)
        #expect(try quotes(of: "john-smith", in: corpus) == ["We will win.", "And we will win again."])
    }

    @Test func relatedEntities_countSharedSentences() throws {
        let corpus = try TestCorpus.seeds()
        let trump = try #require(corpus.entityIndex(id: "donald-trump"))
        let kim = try #require(corpus.entityIndex(id: "kim-jong-un"))
        let pompeo = try #require(corpus.entityIndex(id: "mike-pompeo"))
        // Counted by hand: five sentences name Trump with Kim, five with Pompeo; ties keep catalog order.
        let top = corpus.related[trump].prefix(2)
        #expect(top.map(\.entity) == [pompeo, kim])
        #expect(top.map(\.count) == [5, 5])
        #expect(corpus.related[kim].contains { $0.entity == trump && $0.count == 5 })
    }

    @Test func relatedEntities_keepTheTenSharedMostOften() throws {
        // Tony Blair shares sentences with twelve people, the nth of them n times.
        let surnames = ["Abbott", "Baker", "Carter", "Dalton", "Ellis", "Foster", "Garner", "Hughes", "Irving", "Jarvis", "Keller", "Lawson"]
        var sentences: [String] = []
        for (index, surname) in surnames.enumerated() {
            sentences += Array(repeating: "Tony Blair met John \(surname) again.", count: index + 1)
        }
        let corpus = try TestCorpus.single("Meetings\n\n" + sentences.joined(separator: " "))
        let blair = try #require(corpus.entities.firstIndex { $0.name == "Tony Blair" })
        let related = corpus.related[blair]
        #expect(related.count == Corpus.relatedLimit)
        #expect(related.map(\.count) == Array((3...12).reversed()))
        #expect(related.map { corpus.entities[$0.entity].name } == surnames.suffix(10).reversed().map { "John \($0)" })
        let lawson = try #require(corpus.entities.firstIndex { $0.name == "John Lawson" })
        #expect(corpus.related[lawson].first?.entity == blair)
    }
}
