@testable import DossierFormats
@testable import DossierLinking
@testable import DossierText
import Testing

/// Which rule of the name finder's table decides how a run of capitalised words is read. The rules
/// are tried in order and the first that decides wins, so a reordered or broken rule shows here as
/// another rule deciding.
struct NameRuleTests {
    private static let linker = EntityLinker(entities: try! EntityCatalog.bundled().entities, gazetteer: try! Gazetteer.bundled())

    /// Every run the finder read in the seed articles, by article id.
    private static let seedExplanations: [String: [NameExplanation]] = {
        let corpus = try! TestCorpus.seeds()
        return Dictionary(uniqueKeysWithValues: corpus.articles.map { ($0.id, linker.nameExplanations(in: $0)) })
    }()

    /// The explanations of every run written `words` in a seed article.
    private func seedExplanations(of words: String, in article: String = TestCorpus.seedIDs.first) -> [NameExplanation] {
        (Self.seedExplanations[article] ?? []).filter { $0.words == words }
    }

    /// The explanation of the first run written `words` in an article of `headline` and `body`, read in memory.
    private static func explanation(of words: String, in body: String, headline: String = "A headline") -> NameExplanation? {
        let text = SourceText(decoding: Array("\(headline)\n\n\(body)\n".utf8))
        return linker.nameExplanations(in: ArticleParser.parseWithWords(text, id: "a", path: "a").words).first { $0.words == words }
    }

    // MARK: Runs of the seed articles

    @Test func classify_roleBeforeFullName_isDecidedByCueRule() {
        // "State Department spokesperson Heather Nauert announced Tuesday."
        let explanations = seedExplanations(of: "Heather Nauert")
        #expect(explanations.map(\.rules) == [["cueOrPostNominal"]])
        #expect(explanations.map(\.outcome) == ["person Heather Nauert"])
    }

    @Test func classify_titlesBeforeFullName_areLeftOutOfThePerson() {
        // "…during a meeting with Japanese Prime Minister Shinzo Abe."
        let explanations = seedExplanations(of: "Japanese Prime Minister Shinzo Abe")
        #expect(explanations.map(\.rules) == [["cueOrPostNominal"]])
        #expect(explanations.map(\.outcome) == ["person Shinzo Abe"])
    }

    @Test func classify_knownPlaces_areDecidedByThePlaceRules() {
        // "…a rally in Wheeling, West Virginia, over the weekend"; "…on his swing through Asia".
        #expect(seedExplanations(of: "Wheeling").map(\.decidingRule) == ["knownPlaceWord"])
        #expect(seedExplanations(of: "Asia").map(\.outcome) == ["place Asia"])
        #expect(seedExplanations(of: "West Virginia").map(\.decidingRule) == ["knownPlace"])
    }

    @Test func classify_commonWordOpeningASentence_isDecidedByCommonWordsRule() {
        // "While speaking at a rally…", "Following the initial announcement…".
        for words in ["While", "Following"] {
            #expect(seedExplanations(of: words).map(\.rules) == [["onlyCommonWords"]], "\(words)")
            #expect(seedExplanations(of: words).map(\.outcome) == ["nothing"], "\(words)")
        }
    }

    @Test func classify_titleBeforeAParticle_isDecidedByParticleRule() {
        // "Secretary of State Mike Pompeo": the catalog has Mike Pompeo, and leaves the title to the finder.
        let explanations = seedExplanations(of: "Secretary of State")
        #expect(explanations.count == 2)
        #expect(explanations.allSatisfy { $0.rules == ["startsWithParticle"] && $0.outcome == "nothing" })
    }

    @Test func classify_loneCapitalisedWord_isKeptAsAPossibleSurname() {
        // "Critics have pointed out…": a lone word waits for someone the article names in full.
        #expect(seedExplanations(of: "Critics").map(\.rules) == [["capitalisedWord"]])
        #expect(seedExplanations(of: "Declaration", in: TestCorpus.seedIDs.second).map(\.outcome)
            == ["surname or first name Declaration"])
    }

    @Test func classify_honorificBeforeSurname_isDecidedByTitleRule() throws {
        let explanation = try #require(Self.explanation(of: "Later Mr Cable", in: "Later Mr Cable said the plan would fail."))
        #expect(explanation.rules == ["titleOrPostNominalBesideWord"])
        #expect(explanation.outcome == "surname Cable")
    }

    // MARK: Every rule

    struct Example: Sendable, CustomTestStringConvertible {
        let rule: String
        let words: String
        let body: String
        var headline = "A headline"

        var testDescription: String { "\(rule): \(words)" }
    }

    /// For every rule of the table and every step around it, words it decides, in a sentence.
    static let examples: [Example] = [
        Example(rule: "onlyCommonWords", words: "Hopefully", body: "Hopefully the talks go well, and hopefully soon."),
        Example(rule: "startsWithParticle", words: "The Duke of York", body: "The Duke of York arrived."),
        Example(rule: "nobleTitleBeforeWord", words: "Lord Goldsmith", body: "Lord Goldsmith told the inquiry that the advice was sound."),
        Example(rule: "roleBeforeWord", words: "Mukesh", body: "Anil Ambani spoke first, and his brother Mukesh smiled."),
        Example(rule: "titleOrPostNominalBesideWord", words: "Boateng MP", body: "Paul Boateng MP spoke, and later Boateng MP left."),
        Example(rule: "knownPlaceWord", words: "Manchester", body: "The Labour Party met in Manchester."),
        Example(rule: "knownOrganisationWord", words: "NATO", body: "They met at NATO headquarters."),
        Example(rule: "capitalisedWord", words: "Officials", body: "Officials from XYZQ met on Monday."),
        Example(rule: "wordInCapitals", words: "XYZQ", body: "Officials from XYZQ met on Monday."),
        Example(rule: "workTitle", words: "Vera Drake", body: "The film Vera Drake won three awards."),
        Example(rule: "animalAfterName", words: "Mickey Mouse", body: "Crowds came to see Mickey Mouse and his friends."),
        Example(rule: "figuresInRun", words: "Dell G3", body: "Shares rose in Dell G3 sales."),
        Example(rule: "kindOfPlaceAfter", words: "Hoa Lo", body: "Police found him in the Hoa Lo prison on Monday."),
        Example(rule: "hyphenatedPair", words: "The Blair-Brown", body: "The Blair-Brown rift was denied by Mr Brown."),
        Example(rule: "knownPlace", words: "Downing Street", body: "They met in Downing Street."),
        Example(rule: "knownOrganisation", words: "Morgan Stanley", body: "Analysts at Morgan Stanley agreed."),
        Example(rule: "organisationWord", words: "The Bank of England", body: "The Bank of England raised rates."),
        Example(rule: "cityOfThreeWords", words: "Salt Lake City", body: "Owen John Dempsey of Salt Lake City spoke."),
        Example(rule: "placePrefixFirst", words: "San Diego County", body: "Officials in San Diego County agreed."),
        Example(rule: "kindOfPlaceAfterFirstWord", words: "Gladstone Avenue", body: "He lived on Gladstone Avenue for years."),
        Example(rule: "titleBeforeCommonWords", words: "Online Leader Success Mindset",
                body: "She sold an Online Leader Success Mindset course, and the online leader success mindset was popular."),
        Example(rule: "compassWordAfterPlace", words: "Manchester West", body: "The seat of Manchester West went to Labour."),
        Example(rule: "titleOrLongRunAfterCue", words: "Chief Strategy Officer", body: "He was named Chief Strategy Officer at the firm."),
        Example(rule: "cueOrPostNominal", words: "Paul Boateng MP", body: "Paul Boateng MP spoke, and later Boateng MP left."),
        Example(rule: "givenNameFirst", words: "Liberal Democrat David Laws", body: "Liberal Democrat David Laws resigned."),
        Example(rule: "initialsBeforeSurname", words: "J.R.R. Tolkien", body: "J.R.R. Tolkien wrote it."),
        Example(rule: "middleInitial", words: "Ardle N. Burton", body: "Ardle N. Burton was charged."),
        Example(rule: "familyNameFirstThreeParts", words: "Thae Yong Ho", body: "Hyon Song Wol led the band, and Thae Yong Ho watched from Seoul."),
        Example(rule: "chineseFamilyNameAndPinyin", words: "Xi Jinping", body: "Xi Jinping arrived in Moscow."),
        Example(rule: "kindOfPlaceLast", words: "Coronation Street", body: "They filmed Coronation Street there."),
        Example(rule: "personSignAfter", words: "Deval Patrick", body: "Deval Patrick said he would run."),
        Example(rule: "afterSaid", words: "Ward Smith", body: "\"We will win,\" said Ward Smith on Monday."),
        Example(rule: "noSign", words: "Bolton West", body: "The seat of Bolton West went to Labour."),
        Example(rule: "longOrInCapitalsWithoutSign", words: "The Quorb Zint Blox Flarn", body: "The Quorb Zint Blox Flarn was printed."),
        Example(rule: "peopleOfAPlace", words: "Sri Lankans", body: "Sri Lankans said they would wait."),
        Example(rule: "givenNameAfterRelative", words: "Yo Jong", body: "Kim Yo Jong arrived, and his sister Yo Jong smiled."),
        Example(rule: "headlineWordsAsSurnames", words: "Blair Hartley", body: "Tony Blair spoke.", headline: "Blair Hartley's longest-serving PM"),
        Example(rule: "joinedByAndToPerson", words: "Yasutaka Uchiyama", body: "Ben McLachlan and Yasutaka Uchiyama won the doubles."),
    ]

    @Test(arguments: examples)
    func classify_example_isDecidedByItsRule(_ example: Example) throws {
        let explanation = try #require(Self.explanation(of: example.words, in: example.body, headline: example.headline))
        #expect(explanation.decidingRule == example.rule, "\(explanation.rules) → \(explanation.outcome)")
    }

    @Test func ruleTable_namesAreUnique_andEveryRuleAndStepHasAnExample() {
        let names = NameFinder.rules.map(\.name)
        #expect(Set(names).count == names.count)
        let steps = [NameExplanation.Step.peopleOfAPlace, .givenNameAfterRelative, .headlineWordsAsSurnames, .joinedByAndToPerson]
        #expect(Set(Self.examples.map(\.rule)) == Set(names + steps.map(\.rawValue)))
    }

    @Test func classify_runThatTwoRulesFit_isDecidedByTheEarlierRule() throws {
        // "Paul" is a given name, but post-nominals are looked at first.
        let boateng = try #require(Self.explanation(of: "Paul Boateng MP", in: "Paul Boateng MP spoke."))
        #expect(boateng.rules == ["cueOrPostNominal"])
        #expect(boateng.outcome == "person Paul Boateng")
    }

    @Test func classify_runJoinedByAndToAPerson_givesTheRuleThenTheStep() throws {
        let joined = try #require(Self.explanation(of: "Yasutaka Uchiyama", in: "Ben McLachlan and Yasutaka Uchiyama won the doubles."))
        #expect(joined.rules == ["noSign", "joinedByAndToPerson"])
        #expect(joined.outcome == "person Yasutaka Uchiyama")
    }
}
