import DossierLinking
import DossierTestSupport
import DossierText
import Foundation
import Testing
@testable import DossierCore

/// Corrections applied to the seed articles: each kind changes what it names and nothing else, and
/// the file keeps them, in order, around whatever else a user wrote in it.
struct CorrectionTests {
    private func entity(_ id: String, in corpus: Corpus) throws -> Int {
        try #require(corpus.entityIndex(id: id))
    }

    @Test func aKindCorrection_changesTheKindEverywhere_andNotAnEntityDropsItsMentionsAndQuotes() throws {
        let seeds = try TestCorpus.seeds()
        let kim = try entity("kim-jong-un", in: seeds)
        #expect(seeds.entities[kim].kind == .person)

        let asOrganisation = seeds.corrected(by: [.kind(entity: "Kim Jong Un", to: .organisation)])
        #expect(asOrganisation.applied == [true])
        let moved = try entity("kim-jong-un", in: asOrganisation.corpus)
        #expect(asOrganisation.corpus.entities[moved].kind == .organisation)
        #expect(asOrganisation.corpus.mentionsByEntity[moved].count == seeds.mentionsByEntity[kim].count)

        let trump = try entity("donald-trump", in: seeds)
        let trumpQuotes = seeds.quotesByEntity[trump].count
        #expect(trumpQuotes > 0)
        let dropped = seeds.corrected(by: [.kind(entity: "donald trump", to: nil)]).corpus
        #expect(dropped.entityIndex(id: "donald-trump") == nil)
        #expect(dropped.entities.count == seeds.entities.count - 1)
        let allMentions = { (corpus: Corpus) in corpus.mentions.reduce(0) { $0 + $1.count } }
        #expect(allMentions(dropped) == allMentions(seeds) - seeds.mentionsByEntity[trump].count)
        let attributed = { (corpus: Corpus) in corpus.quotes.joined().filter { $0.speaker != nil }.count }
        #expect(attributed(dropped) == attributed(seeds) - trumpQuotes)
        // The corpus as linked is kept, so that corrections apply to it afresh.
        #expect(dropped.asLinked === seeds)
    }

    @Test func aMerge_movesMentionsQuotesAndCompany_andTheOldNameFindsTheMergedEntity() throws {
        let seeds = try TestCorpus.seeds()
        let (sonGwon, yongHo) = (try entity("ri-son-gwon", in: seeds), try entity("ri-yong-ho", in: seeds))
        let merged = seeds.corrected(by: [.merge(entity: "Ri Son Gwon", into: "Ri Yong Ho")]).corpus
        #expect(merged.entityIndex(id: "ri-son-gwon") == nil)
        let target = try entity("ri-yong-ho", in: merged)
        #expect(merged.mentionsByEntity[target].count == seeds.mentionsByEntity[sonGwon].count + seeds.mentionsByEntity[yongHo].count)
        #expect(merged.quotesByEntity[target].count == seeds.quotesByEntity[sonGwon].count + seeds.quotesByEntity[yongHo].count)
        #expect(try merged.lookUpEntity("Ri Son Gwon") == target)
        let companions = Set(merged.related[target].map { merged.entities[$0.entity].id })
        let before = Set((seeds.related[sonGwon] + seeds.related[yongHo]).map { seeds.entities[$0.entity].id }).subtracting(["ri-son-gwon", "ri-yong-ho"])
        #expect(companions == before.intersection(companions) && !companions.isEmpty)
    }

    @Test func aMergeIntoANameNoEntityHas_renamesTheEntity() throws {
        let seeds = try TestCorpus.seeds()
        let renamed = seeds.corrected(by: [.merge(entity: "Heather Nauert", into: "Heather Nauert-Smith")]).corpus
        let index = try renamed.lookUpEntity("Heather Nauert-Smith")
        #expect(renamed.entities[index].name == "Heather Nauert-Smith")
        #expect(try renamed.lookUpEntity("Heather Nauert") == index)
        #expect(renamed.mentionsByEntity[index].count == seeds.mentionsByEntity[try entity("heather-nauert", in: seeds)].count)
    }

    @Test func aSplit_movesOnlyTheMentionsWrittenThatWay_intoAnEntityOfTheirOwn() throws {
        let seeds = try TestCorpus.seeds()
        let pompeo = try entity("mike-pompeo", in: seeds)
        let written = seeds.mentionsByEntity[pompeo].filter { seeds.articles[$0.article].text.string(seeds.mentions[$0.article][$0.mention].range) == "Pompeo" }
        #expect(!written.isEmpty && written.count < seeds.mentionsByEntity[pompeo].count)

        let split = seeds.corrected(by: [.split(name: "Pompeo", from: "Mike Pompeo")])
        #expect(split.applied == [true])
        let corpus = split.corpus
        let alone = try corpus.lookUpEntity("pompeo")
        #expect(corpus.entities[alone].name == "Pompeo" && corpus.entities[alone].kind == .person)
        #expect(corpus.mentionsByEntity[alone].count == written.count)
        #expect(corpus.mentionsByEntity[try entity("mike-pompeo", in: corpus)].count == seeds.mentionsByEntity[pompeo].count - written.count)

        let nothing = seeds.corrected(by: [.split(name: "Ri Yong Ho", from: "Mike Pompeo")])
        #expect(nothing.applied == [false])
    }

    @Test func aSpeakerCorrection_setsOrClearsOneQuotesSpeaker_foundByItsOpeningWords() throws {
        let seeds = try TestCorpus.seeds()
        let article = try #require(seeds.articles.firstIndex { $0.id == TestCorpus.seedIDs.first })
        let quote = try #require(seeds.quotes[article].firstIndex { $0.speaker != nil })
        let words = seeds.articles[article].text.string(seeds.quotes[article][quote].range)
        let opening = Correction.opening(of: String(words.prefix(20)))
        let stableID = seeds.articles[article].stableID

        let cleared = seeds.corrected(by: [.speaker(article: stableID, quote: opening, speaker: nil)]).corpus
        #expect(cleared.quotes[article][quote].speaker == nil)
        #expect(cleared.quotes[article].filter { $0.speaker != nil }.count == seeds.quotes[article].filter { $0.speaker != nil }.count - 1)

        let given = seeds.corrected(by: [.speaker(article: stableID, quote: opening, speaker: "Jane Roe")]).corpus
        let roe = try given.lookUpEntity("Jane Roe")
        #expect(given.entities[roe].kind == .person)
        #expect(given.quotesByEntity[roe] == [QuoteReference(article: article, quote: quote)])

        let elsewhere = seeds.corrected(by: [.speaker(article: "no-such-article", quote: opening, speaker: nil)])
        #expect(elsewhere.applied == [false])
    }

    @Test func corrections_applyInTheirOrder() throws {
        let seeds = try TestCorpus.seeds()
        let corpus = seeds.corrected(by: [
            .merge(entity: "Ri Son Gwon", into: "Ri Yong Ho"),
            .kind(entity: "Ri Son Gwon", to: .organisation),
        ]).corpus
        // The second names the entity the first merged it into.
        #expect(corpus.entities[try corpus.lookUpEntity("ri-yong-ho")].kind == .organisation)
    }

    // MARK: - The file

    @Test func theFile_keepsCorrectionsInOrder_aroundTheUsersOwnLines_andUndoRemovesOnlyOne() throws {
        let folder = TemporaryFolder.url("corrections")
        let file = CorrectionsFile(path: folder.appendingPathComponent("dossier/corrections.toml").path)
        let made: [Correction] = [
            .kind(entity: "Mac Pro", to: nil),
            .merge(entity: "Lord Kinnock", into: "Neil Kinnock"),
            .split(name: "Hori Parata", from: "Robert Parata"),
            .speaker(article: "a\"b", quote: "And I asked, \"well\"\\ on whose\tauthority?", speaker: nil),
        ]
        for (number, correction) in made.enumerated() {
            try file.append(CorrectionEntry(correction, article: "article-\(number)", made: "2026-12-07 10:0\(number)"))
        }
        var text = try String(contentsOfFile: file.path, encoding: .utf8)
        text += "# a note of the team's own\n"
        try text.write(toFile: file.path, atomically: true, encoding: .utf8)

        let read = try file.read()
        #expect(read.corrections == made)
        #expect(read.problems.isEmpty)
        #expect(read.entries[1].article == "article-1" && read.entries[1].made == "2026-12-07 10:01")

        let removed = try file.remove(number: 2)
        #expect(removed.correction == made[1])
        #expect(try file.read().corrections == [made[0], made[2], made[3]])
        #expect(try String(contentsOfFile: file.path, encoding: .utf8).contains("# a note of the team's own"))
        try file.remove(number: nil)
        #expect(try file.read().corrections == [made[0], made[2]])
        #expect(throws: DossierError.self) { try file.remove(number: 7) }
    }

    @Test func anEntryThatCannotBeUsed_isReportedWithItsLine_andTheRestApply() throws {
        let contents = CorrectionsFile.parse(Array("""
            [[correction]]
            entity = "Mac Pro"
            kind = "gadget"

            [[correction]]
            merge = "Lord Kinnock"

            [[correction]]
            entity = "Mac Pro"
            kind = "none"

            colour = "red"
            """.utf8))
        #expect(contents.corrections == [.kind(entity: "Mac Pro", to: nil)])
        #expect(contents.problems.count == 3)
        #expect(contents.problems[0].hasPrefix("line 1: 'gadget' is not a kind"))
        #expect(contents.problems[1].hasPrefix("line 5: it needs into"))
    }

    @Test func theCorrector_refusesACorrectionThatChangesNothing_andSavesNothingThen() throws {
        let seeds = try TestCorpus.seeds()
        let file = CorrectionsFile(path: TemporaryFolder.url("corrections").appendingPathComponent("corrections.toml").path)
        let corrector = Corrector(file: file)
        #expect(throws: DossierError.self) { try corrector.make(.kind(entity: "Nobody Here", to: nil), inArticle: nil, on: seeds) }
        #expect(throws: DossierError.self) { try corrector.make(.merge(entity: "Mike Pompeo", into: "mike pompeo"), inArticle: nil, on: seeds) }
        #expect(!FileManager.default.fileExists(atPath: file.path))

        let done = try corrector.make(.kind(entity: "Kim Jong Un", to: .organisation), inArticle: TestCorpus.seedIDs.first, on: seeds)
        #expect(done.corpus.entities[try done.corpus.lookUpEntity("kim jong un")].kind == .organisation)
        // Made on a corrected corpus, the next applies with the first, to the corpus as linked.
        let next = try corrector.make(.kind(entity: "Donald Trump", to: nil), inArticle: nil, on: done.corpus)
        #expect(next.corpus.asLinked === seeds)
        #expect(next.corpus.entities[try next.corpus.lookUpEntity("kim jong un")].kind == .organisation)
        let undone = try corrector.undo(number: nil, on: next.corpus)
        #expect(undone.corpus.entityIndex(id: "donald-trump") != nil)
        #expect(try file.read().entries.map(\.article) == [TestCorpus.seedIDs.first])
    }
}
