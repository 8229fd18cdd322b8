import DossierCore
import DossierTestSupport
import DossierText
import Testing

/// The filter language over the seeds and a folder of dated articles of every format.
struct ArticleFilterTests {
    static let seeds = Result { try CorpusLoader.load(paths: []) }
    static let dated = Result {
        try CorpusLoader.load(paths: [DocumentationExamples.repository.appendingPathComponent("docs/examples").path])
    }

    /// Titles of the articles a filter passes, with nothing read.
    func titles(_ text: String, in corpus: Corpus, read: Set<Int> = []) throws -> [String] {
        let filter = try ArticleFilter(text, in: corpus)
        return corpus.articles.indices.filter { filter.matches($0, in: corpus, isRead: read.contains) }.map { corpus.articles[$0].title }
    }

    @Test func mentions_findsTheEntityByIdNameOrAlias() throws {
        let corpus = try Self.seeds.get()
        for spelling in ["ri-son-gwon", "Ri-Son-Gwon", "\"ri son gwon\""] {
            #expect(try titles("mentions:\(spelling)", in: corpus) == ["North, South Korea set to meet again in September"], "\(spelling)")
        }
        #expect(try titles("mentions:pompeo", in: corpus).count == 2)
        // Several mentions: terms combine as and.
        #expect(try titles("mentions:pompeo mentions:ri-yong-ho", in: corpus).count == 1)
    }

    @Test func aSurnameSeveralPeopleBear_meansTheOneTheCorpusMentionsTenTimesAsOften() throws {
        let speech = "Tony Blair spoke. " + String(repeating: "Mr Blair said more. ", count: 12)
        let often = try CorpusLoader.load(texts: [
            (name: "pm", text: "The prime minister\n\n" + speech), (name: "son", text: "A son\n\nHis son Euan Blair watched."),
        ])
        #expect(try often.entities[often.lookUpEntity("blair")].name == "Tony Blair")
        #expect(try titles("mentions:blair", in: often) == ["The prime minister"])
        let evenly = try CorpusLoader.load(texts: [
            (name: "pm", text: "The prime minister\n\nTony Blair spoke, and Mr Blair left."), (name: "son", text: "A son\n\nHis son Euan Blair watched."),
        ])
        #expect(throws: DossierError.self) { try evenly.lookUpEntity("blair") }
    }

    @Test func andOrNotAndParentheses_combine() throws {
        let corpus = try Self.seeds.get()
        #expect(try titles("mentions:ri-son-gwon or mentions:ri-yong-ho", in: corpus).count == 2)
        #expect(try titles("not mentions:ri-son-gwon", in: corpus).count == 1)
        #expect(try titles("(mentions:ri-son-gwon or mentions:ri-yong-ho) and not september", in: corpus).count == 1)
        #expect(try titles("korea and not (september or pompeo)", in: corpus).isEmpty)
    }

    @Test func datesSourcesFormatsAndReadMarks_narrowTheList() throws {
        let corpus = try Self.dated.get()
        #expect(try titles("since:2018-09-01", in: corpus) == ["Envoys meet again in Hanoi", "Talks to resume in the spring"])
        #expect(try titles("until:2018-06", in: corpus) == ["Pompeo flies home", "Leaders meet in Singapore"], "a month covers all its days")
        #expect(try titles("since:2018-08 until:2018-08", in: corpus).count == 2)
        #expect(try titles("since:2016-02-29 until:2016-12-31", in: corpus).isEmpty, "a leap day is a day")
        #expect(try titles("source:harbour", in: corpus).count == 3, "a part of the name")
        #expect(try titles("source:\"harbour desk\"", in: corpus).count == 2)
        #expect(try titles("format:feed", in: corpus).count == 2)
        #expect(try titles("format:csv or format:html", in: corpus).count == 2)
        #expect(try titles("unread", in: corpus, read: [0, 1]).count == corpus.articles.count - 2)
        #expect(try titles("read", in: corpus, read: [0, 1]).count == 2)
    }

    @Test func savedFilters_expandByName_andOneNamingItselfIsRefused() throws {
        let corpus = try Self.seeds.get()
        let saved = ["ris": "mentions:ri-son-gwon or mentions:ri-yong-ho", "loop": "@loop"]
        let filter = try ArticleFilter("@ris not pompeo", in: corpus, saved: saved)
        #expect(corpus.articles.indices.filter { filter.matches($0, in: corpus, isRead: { _ in false }) }.count == 1)
        #expect(throws: ArticleFilter.Problem.self) { try ArticleFilter("@loop", in: corpus, saved: saved) }
        // A chain of saved filters, each naming the next, is followed only so deep.
        var chain: [String: String] = ["f0": "pompeo"]
        for number in 1...1_000 { chain["f\(number)"] = "@f\(number - 1)" }
        #expect(throws: ArticleFilter.Problem.self) { try ArticleFilter("@f1000", in: corpus, saved: chain) }
        #expect((try? ArticleFilter("@f10", in: corpus, saved: chain)) != nil)
    }

    @Test(arguments: [
        ("mentions:nobody-at-all", "nobody-at-all"), ("since:yesterday", "not a date"), ("since:2019-13", "not a date"),
        ("since:2019-02-30", "not a date"), ("until:2019-00", "not a date"), ("until:2018-02-29", "not a date"), ("format:pdf", "not a format"),
        ("colour:red", "not a filter field"), ("(pompeo", "not closed"), ("pompeo)", "no ("), ("or pompeo", "needs a term"),
        ("\"open quote", "quote"), ("", "empty"), ("@nothing", "no saved filter"),
        ("mentions:Ri Son Gwon", "quote a name of several words"),
        (String(repeating: "(", count: 10_000) + "pompeo", "nest deeper than 64"),
        (String(repeating: "not ", count: 10_000) + "pompeo", "nest deeper than 64"),
    ])
    func badFilters_sayWhatIsWrong(text: String, says: String) throws {
        let corpus = try Self.seeds.get()
        do {
            _ = try ArticleFilter(text, in: corpus)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.description.contains(says), "\(text): \(error.description)")
        }
    }

    @Test func sort_ordersByEachKey_andReverses() throws {
        let corpus = try Self.dated.get()
        let all = Array(corpus.articles.indices)
        func titles(_ sort: String) throws -> [String] {
            try ArticleSort(parsing: sort).ordered(all, in: corpus).map { corpus.articles[$0].title }
        }
        #expect(try titles("title").first == "Envoys meet again in Hanoi")
        #expect(try titles("title reverse").first == "Talks to resume in the spring")
        #expect(try titles("-title") == titles("title reverse"))
        #expect(try titles("date") == corpus.articles.map(\.title), "the corpus's order is newest first")
        let bySource = try ArticleSort(parsing: "source").ordered(all, in: corpus).map { corpus.articles[$0].source ?? "" }
        #expect(bySource == ["Harbour Desk", "Harbour Desk", "Paper", "The Harbour Courier", "Wire", "Wire"])
        let counts = try ArticleSort(parsing: "mentions").ordered(all, in: corpus).map { corpus.personMentionCounts[$0] }
        #expect(counts == counts.sorted(by: >))
        #expect(throws: ArticleFilter.Problem.self) { try ArticleSort(parsing: "colour") }
    }
}

struct EntityProfileTests {
    @Test func pompeo_onTheSeeds_hasEightMentionsInTwoArticles_andTheNamesTheTextUses() throws {
        let corpus = try CorpusLoader.load(paths: [])
        let profile = EntityProfile(entity: try corpus.lookUpEntity("mike-pompeo"), in: corpus)
        #expect(profile.mentionCount == 8)
        #expect(profile.articles.count == 2)
        #expect(profile.articles.map(\.mentions).reduce(0, +) == 8)
        #expect(Set(profile.namesSeen.map(\.text)) == ["Pompeo", "Mike Pompeo"])
        #expect(profile.namesSeen.map(\.count).reduce(0, +) == 8)
        #expect(profile.undatedMentions == 8, "the seeds carry no dates")
        #expect(profile.timeline(maxPeriods: 20).periods.isEmpty)
        #expect(profile.company.first.map { corpus.entities[$0.entity].id } == "donald-trump", "places are left out (North Korea is named with him most)")
    }

    @Test func namesSeen_areCountedInTheFirstArticlesOnly_whenThereAreMany() throws {
        var files: [String: String] = [:]
        for number in 0..<(EntityProfile.namesSampleLimit + 2) {
            files["a\(number).txt"] = "Talks \(number)\n\nMike Pompeo spoke on day \(number). Pompeo then left.\n"
        }
        let corpus = try CorpusLoader.load(paths: [try ArticleFolder.make(files).path])
        let profile = EntityProfile(entity: try corpus.lookUpEntity("mike-pompeo"), in: corpus)
        #expect(profile.articles.count == EntityProfile.namesSampleLimit + 2)
        #expect(profile.mentionCount == 2 * (EntityProfile.namesSampleLimit + 2), "every mention is counted")
        #expect(profile.namesSampledArticles == EntityProfile.namesSampleLimit)
        #expect(profile.namesSeen.map(\.count).reduce(0, +) == 2 * EntityProfile.namesSampleLimit, "names from the first 500 only")
    }

    @Test func riSonGwon_hasFiveQuotes() throws {
        let corpus = try CorpusLoader.load(paths: [])
        #expect(EntityProfile(entity: try corpus.lookUpEntity("ri-son-gwon"), in: corpus).quotes.count == 5)
    }

    @Test func timeline_countsByWeekWhenTheyFit_elseByMonth_keepingEmptyPeriods() throws {
        let corpus = try CorpusLoader.load(paths: [DocumentationExamples.repository.appendingPathComponent("docs/examples").path])
        let profile = EntityProfile(entity: try corpus.lookUpEntity("kim-jong-un"), in: corpus)
        // Mentioned on 2018-06-12 and 2019-02-27: 38 weeks, 9 months.
        let weekly = profile.timeline(maxPeriods: 40)
        #expect(weekly.unit == .week)
        #expect(weekly.periods.first?.start.iso == "2018-06-11", "weeks start on Monday")
        #expect(weekly.periods.count == 38)
        let monthly = profile.timeline(maxPeriods: 20)
        #expect(monthly.unit == .month)
        #expect(monthly.periods.map { $0.start.iso } .first == "2018-06-01")
        #expect(monthly.periods.map(\.count) == [1, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(profile.timeline(maxPeriods: 5).unit == .year)
        #expect(monthly.sparkline == "█       █")
    }

    @Test func calendarDays_roundTrip_andKnowTheirWeekday() {
        for iso in ["1970-01-01", "2000-02-29", "2018-06-12", "2024-12-31", "1899-03-01"] {
            #expect(CalendarDay(iso: iso)?.iso == iso)
        }
        #expect(CalendarDay(iso: "2018-06-11")?.weekday == 0, "a Monday")
        #expect(CalendarDay(iso: "2018-06-17")?.weekday == 6, "a Sunday")
        #expect(CalendarDay(iso: "2018-13-01") == nil)
    }
}

struct CountedTests {
    @Test func numbersAreGroupedAndNounsAgree() {
        #expect(Counted.number(49_380) == "49,380")
        #expect(Counted.number(999) == "999")
        #expect(Counted.number(1_000_000) == "1,000,000")
        #expect(Counted.number(-1_234) == "-1,234")
        #expect(Counted.phrase(1, "article") == "1 article")
        #expect(Counted.phrase(2_096, "article") == "2,096 articles")
        #expect(Counted.phrase(1, "match", plural: "matches") == "1 match")
        #expect(Counted.phrase(0, "match", plural: "matches") == "0 matches")
    }
}
