import Testing
@testable import DossierCore
import DossierLinking

/// The kinds of linking error found on articles the rules had never seen, each on sentences written for it.
struct LinkingErrorClassTests {
    /// The found people of a corpus, by name.
    private func foundPeople(_ corpus: Corpus) -> [String] {
        corpus.entities.filter { $0.isFound && $0.kind == .person }.map(\.name).sorted()
    }

    // MARK: Korean given names

    @Test func koreanGivenName_withAHyphenAndALowerCaseSyllable_isOneName() throws {
        let corpus = try TestCorpus.single("""
            The envoy Kim Hyok-chol met officials in Hanoi, and Vice Foreign Minister Choe Son-hui spoke later. \
            South Korea's Kang Kyung-wha welcomed the talks.
            """)
        #expect(foundPeople(corpus) == ["Choe Son-hui", "Kang Kyung-wha", "Kim Hyok-chol"])
    }

    @Test func koreanName_withAndWithoutItsHyphen_isOnePerson() throws {
        let corpus = try TestCorpus.single("""
            Kim Hyok-chol arrived on Monday. On Tuesday Kim Hyok Chol met the press, and Choe Son Hui, \
            whom some reports call Choe Son-hui, stayed away.
            """)
        #expect(foundPeople(corpus) == ["Choe Son Hui", "Kim Hyok-chol"])
        #expect(corpus.linkedNames.filter { $0.hasPrefix("Kim") || $0.hasPrefix("Choe") }
            == ["Kim Hyok-chol=kim-hyok-chol", "Kim Hyok Chol=kim-hyok-chol", "Choe Son Hui=choe-son-hui", "Choe Son-hui=choe-son-hui"])
    }

    @Test func koreanThreePartName_withALessCommonFamilyName_isAPerson() throws {
        let corpus = try TestCorpus.single("Hyon Song Wol led the band, and Thae Yong Ho watched from Seoul.")
        #expect(foundPeople(corpus) == ["Hyon Song Wol", "Thae Yong Ho"])
    }

    @Test func koreanFamilyNameThatIsAlsoAWord_opensAName_butNotAnExclamation() throws {
        let corpus = try TestCorpus.single("""
            Oh Se-hoon left early. The staff: Director_Oh Kyeong Taek, Composer_Kim Cheol Hwan. Oh My God, one wrote.
            """)
        #expect(foundPeople(corpus) == ["Kim Cheol Hwan", "Oh Kyeong Taek", "Oh Se-hoon"])
    }

    @Test func koreanFoundName_isMrKim_notMrChol() throws {
        let corpus = try TestCorpus.single("Kim Hyok-chol arrived on Monday. Mr Kim said the visit would be short.")
        #expect(corpus.linkedNames == ["Kim Hyok-chol=kim-hyok-chol", "Kim=kim-hyok-chol"])
    }

    // MARK: Demonyms and regions

    @Test func demonymsAndTheNorth_areNotPeople() throws {
        let corpus = try TestCorpus.single("""
            North Koreans said they would wait. A North Korean official said the North wanted more time, \
            and South Koreans watched on television.
            """)
        #expect(foundPeople(corpus).isEmpty)
    }

    // MARK: Slogans and compounds

    @Test func slogan_doesNotCaptureTheSurnameOfSomeoneNamedInFull() throws {
        let corpus = try TestCorpus.single("""
            Tony Blair spoke in Gateshead. "I have a new slogan. Vote Blair, Get Brown. That is what I tell people," \
            said one member. Mr Blair said he would serve a full term.
            """)
        #expect(!foundPeople(corpus).contains("Vote Blair"))
        #expect(corpus.linkedNames.last == "Blair=tony-blair")
    }

    @Test func hyphenatedPairOfSurnames_isNotOnePerson() throws {
        let corpus = try TestCorpus.single("""
            Gordon Brown and Tony Blair met on Monday. The Blair-Brown rift was denied by Mr Brown, and Mr Blair smiled.
            """)
        #expect(foundPeople(corpus) == ["Gordon Brown", "Tony Blair"])
        #expect(corpus.linkedNames.suffix(2) == ["Brown=gordon-brown", "Blair=tony-blair"])
    }

    @Test func afterATitle_aLoneWordIsASurname_notSomeoneElsesFirstName() throws {
        let corpus = try TestCorpus.single("Blair Tindall said she played the oboe. Later Mr Blair, the minister, spoke.")
        #expect(!corpus.linkedNames.contains("Blair=blair-tindall"))
    }

    // MARK: Places inside longer places

    @Test func longestKnownPlace_wins() throws {
        let corpus = try TestCorpus.single("Shares fell in thin New York trade, and New Zealand and New Delhi followed.")
        #expect(corpus.linkedNames == ["New York=new-york", "New Zealand=new-zealand", "New Delhi=new-delhi"])
    }

    // MARK: Partial given names

    @Test func givenNameAfterARelative_isThePersonNamedInFull() throws {
        let corpus = try TestCorpus.single("""
            Kim Yo Jong arrived first, then Kim Jong Un. His sister Yo Jong stood beside him, and later his sister Yo-jong left.
            """)
        #expect(corpus.linkedNames.filter { $0.hasPrefix("Yo") } == ["Yo Jong=kim-yo-jong", "Yo-jong=kim-yo-jong"])
        #expect(foundPeople(corpus).isEmpty)
    }

    @Test func fullNameAfterARelative_isStillAPerson() throws {
        let corpus = try TestCorpus.single("Robert Oatley and his son Sandy Oatley have resigned from the board.")
        #expect(foundPeople(corpus) == ["Robert Oatley", "Sandy Oatley"])
    }

    // MARK: Descriptions taken from the text

    @Test func description_keepsAPlaceBeforeTheRole_andSaysADoubledWordOnce() throws {
        let corpus = try TestCorpus.single("""
            New Zealand winger Jonah Lomu watched. British British Casino Association chairman Penny Cobham said little.
            """)
        let descriptions = Dictionary(uniqueKeysWithValues: corpus.entities.filter(\.isFound).map { ($0.name, $0.description) })
        #expect(descriptions["Jonah Lomu"] == "New Zealand winger")
        #expect(descriptions["Penny Cobham"] == "British Casino Association chairman")
    }

    @Test func honorificBeforeAName_isNotADescription() throws {
        let corpus = try TestCorpus.single("The Rt Rev Michael Scott-Joynt spoke at the service.")
        let person = try #require(corpus.entities.first { $0.isFound && $0.kind == .person })
        #expect(person.name == "Michael Scott-Joynt")
        #expect(person.description == "person found in the text")
    }

    // MARK: Catalog people around nicknames

    @Test func catalogNickname_isThePerson() throws {
        let corpus = try TestCorpus.single("""
            Trump called Kim Jong Un "Rocket Man" in 2017. Little Rocket Man replied within a day.
            """)
        #expect(corpus.count(of: "kim-jong-un", inArticle: corpus.articles[0].id) == 3)
        #expect(foundPeople(corpus).isEmpty)
    }

    // MARK: The shape of a name

    @Test func generationalSuffix_belongsToTheName_andTellsFatherFromSon() throws {
        let corpus = try TestCorpus.single("Dale Earnhardt Jr. finished ahead of Dale Earnhardt Sr and Martin Truex Jr. Later Truex said little.")
        #expect(foundPeople(corpus) == ["Dale Earnhardt Jr", "Dale Earnhardt Sr", "Martin Truex Jr"])
        #expect(corpus.linkedNames.last == "Truex=martin-truex-jr")
    }

    @Test func initialsRunTogether_areOneName() throws {
        let corpus = try TestCorpus.single("He met J.R.R. Tolkien in Oxford, and H. G. Wells and George R.R. Martin were there.")
        #expect(foundPeople(corpus) == ["George R.R. Martin", "H. G. Wells", "J.R.R. Tolkien"])
    }

    @Test func lettersInCapitalsAfterAName_areNotPartOfIt_butARegnalNumberIs() throws {
        let corpus = try TestCorpus.single("Reviewed by Jane Smith RRP: 40 euros. King Henry VIII reigned long.")
        #expect(foundPeople(corpus) == ["Henry VIII", "Jane Smith"])
    }

    @Test func middleNameAndItsInitial_areOnePerson() throws {
        let corpus = try TestCorpus.single("John Milo Ford wrote novels. John M. Ford died in 2006, and Ford's friends mourned him.")
        #expect(foundPeople(corpus) == ["John Milo Ford"])
        #expect(corpus.linkedNames.last == "Ford=john-milo-ford")
    }

    @Test func shortFormsAndSuffixesOfOneName_areOnePerson() throws {
        let corpus = try TestCorpus.single("""
            Patrick Carlineo Jr., 55, pleaded guilty. Pat Carlineo is passionate, his lawyer said. Carlineo was arrested \
            in April. She wrote about the sentencing of Patrick W. Carlineo.
            """)
        #expect(foundPeople(corpus) == ["Patrick Carlineo Jr"])
        #expect(corpus.linkedNames.filter { $0.hasSuffix("=patrick-carlineo-jr") }.count == 4)
    }

    @Test func chineseNames_putTheFamilyNameFirst() throws {
        let corpus = try TestCorpus.single("""
            Liu Xiaming said China would not sit on its hands. Xi Jinping met Wang Yi, and Cheuk Hau-yip spoke. Later President Xi left.
            """)
        #expect(foundPeople(corpus) == ["Cheuk Hau-yip", "Liu Xiaming", "Wang Yi", "Xi Jinping"])
        #expect(corpus.linkedNames.last == "Xi=xi-jinping")
    }

    @Test func abbreviatedTitle_beforeAName_marksAPerson() throws {
        let corpus = try TestCorpus.single("Massachusetts Gov. Deval Patrick and Hawaii Rep. Tulsi Gabbard spoke.")
        #expect(foundPeople(corpus) == ["Deval Patrick", "Tulsi Gabbard"])
    }

    @Test func handlesAndVenues_areNotPeople() throws {
        let corpus = try TestCorpus.single("""
            Ilhan Omar wrote to her followers (@Ilhan). The band plays the Coral Sky Amphitheatre and Bolton West votes \
            on Thursday, while Kanye West watched.
            """)
        #expect(foundPeople(corpus) == ["Ilhan Omar", "Kanye West"])
    }

    @Test func aTitleBeforeWordsTheArticleWritesInLowerCase_isAHeading() throws {
        let corpus = try TestCorpus.single("""
            How to Adopt an Online Leader Success Mindset

            Any success starts with the right mindset.
            """)
        #expect(foundPeople(corpus).isEmpty)
    }
}


/// Kinds and one-entity-per-person classes seen on the benchmark pages and the BBC corpus.
struct EntityKindAndIdentityTests {
    private func entities(_ corpus: Corpus, kind: DossierLinking.Entity.Kind) -> [String] {
        corpus.entities.indices.filter { corpus.entities[$0].kind == kind && !corpus.mentionsByEntity[$0].isEmpty }
            .map { corpus.entities[$0].name }.sorted()
    }

    private func corpus(_ texts: String...) throws -> Corpus {
        try CorpusLoader.load(texts: texts.enumerated().map { (name: "article-\($0.offset)", text: "Headline for the test\n\n" + $0.element) })
    }

    @Test func aPlacesFirstWord_staysInItsName_andNoGivenNameAfterItMakesAPerson() throws {
        let corpus = try corpus("""
            The San Francisco Chronicle reported it, as did the San Jose Mercury News. Officials in San Diego County \
            and Santa Clara County agreed, and Fort Worth waited.
            """)
        #expect(entities(corpus, kind: .person).isEmpty)
        #expect(entities(corpus, kind: .organisation) == ["San Francisco Chronicle", "San Jose Mercury News"])
        #expect(entities(corpus, kind: .place) == ["Fort Worth", "San Diego County", "Santa Clara County"])
    }

    @Test func afterThe_aGivenNameStartsNoOnesName() throws {
        let corpus = try corpus("The Cleveland Browns won again, and Cleveland Amory wrote about it.")
        #expect(entities(corpus, kind: .person) == ["Cleveland Amory"])
    }

    @Test func aPersonOfAPlace_isAPersonAndAPlace_notOneOrganisation() throws {
        let corpus = try corpus("Owen John Dempsey of Salt Lake City spoke, and New York City listened.")
        #expect(entities(corpus, kind: .person) == ["Owen John Dempsey"])
        #expect(entities(corpus, kind: .place) == ["New York City", "Salt Lake City"])
    }

    @Test func titlesOfRankAndHonour_joinThePersonTheCorpusNamesInFull() throws {
        let corpus = try corpus(
            "Former Labour leader Neil Kinnock spoke, and Betty Boothroyd, the former Speaker, listened. Digby Jones said so.",
            "Lord Kinnock told peers. Baroness Boothroyd agreed, and Lady Boothroyd added a note.",
            "Sir Digby Jones arrived late, and Sir Digby left early.")
        let people = entities(corpus, kind: .person)
        #expect(people.contains("Neil Kinnock") && !people.contains("Lord Kinnock"))
        #expect(people.contains("Betty Boothroyd") && !people.contains { $0.hasSuffix(" Boothroyd") && $0 != "Betty Boothroyd" })
        let kinnock = try corpus.lookUpEntity("Lord Kinnock")
        #expect(corpus.entities[kinnock].name == "Neil Kinnock")
        #expect(corpus.articleCount(of: kinnock) == 2)
        #expect(corpus.articleCount(of: try corpus.lookUpEntity("Baroness Boothroyd")) == 2)
    }

    @Test func shortGivenNames_middleNames_initials_andTransliterations_areOnePerson() throws {
        let corpus = try corpus(
            "Tim Morrison testified. Owen Dempsey wrote. George Bush spoke. Volodymyr Zelensky called.",
            "Timothy Morrison testified again. Owen John Dempsey wrote again. George W Bush spoke again. Volodymyr Zelenskiy called again.")
        #expect(entities(corpus, kind: .person).count == 4)
        for (short, long) in [("Tim Morrison", "Timothy Morrison"), ("Owen Dempsey", "Owen John Dempsey"),
                              ("George Bush", "George W Bush"), ("Volodymyr Zelensky", "Volodymyr Zelenskiy")] {
            #expect(try corpus.lookUpEntity(short) == (try corpus.lookUpEntity(long)), "\(short) and \(long)")
        }
    }

    @Test func familyMembersWhoShareASurname_stayApart_andAShortFormOfTwoNamesJoinsNeither() throws {
        let corpus = try corpus(
            "Henry Parata spoke first. Robert Parata, his son, followed.",
            "John A Smith and John B Smith are cousins.",
            "John Smith was not there.")
        let people = entities(corpus, kind: .person)
        #expect(people.contains("Henry Parata") && people.contains("Robert Parata"))
        #expect(people.contains("John A Smith") && people.contains("John B Smith") && people.contains("John Smith"))
    }

    @Test func aSurnameOfTwoWords_isThePersonTheArticleNamesInFull() throws {
        let corpus = try corpus("Kathleen Hawk Sawyer spoke. Director Hawk Sawyer left. Joel Eriksson Ek scored and Eriksson Ek celebrated.")
        #expect(entities(corpus, kind: .person) == ["Joel Eriksson Ek", "Kathleen Hawk Sawyer"])
        #expect(corpus.mentionsByEntity[try corpus.lookUpEntity("Kathleen Hawk Sawyer")].count == 2)
        #expect(corpus.mentionsByEntity[try corpus.lookUpEntity("Joel Eriksson Ek")].count == 2)
    }

    @Test func rolesTitlesAndWorks_openingOrClosingARun_makeNoPerson() throws {
        let corpus = try corpus("""
            Star Wars Jedi is a game, and the firm became a Premier Solution Partner. The film Vera Drake won,             Art Director was his job, and President Ascom North America signed. Lexus Philippines agreed.
            """)
        #expect(entities(corpus, kind: .person).isEmpty)
    }

    @Test func sentenceOpeners_abbreviations_andCommonWords_makeNoPerson() throws {
        let corpus = try corpus("""
            Regarding MagSafe, Apple said nothing. Elektronische Dokumente, z. B. Arztbriefe, sind sicher.             Homemade Spiced Honey Pear Jam keeps well: the jam needs pears. Jupiter's Moon Europa has a moon-sized ocean,             and the moon is cold.
            """)
        #expect(entities(corpus, kind: .person).isEmpty)
    }

    @Test func officesAndBodiesThatSpeak_areNoPeople() throws {
        let corpus = try corpus("""
            The Lord Chancellor said reform would come, and Royal Mail said post would be late. "We are worried," said             Age Concern, as the Upper House agreed and North Hykeham voted. The age of concern is over, and mail is slow.
            """)
        #expect(entities(corpus, kind: .person).isEmpty)
    }

    @Test func aPartysShortName_beforeItsMembers_isTheParty() throws {
        let corpus = try corpus("Labour MPs and Tory peers met.")
        #expect(entities(corpus, kind: .person).isEmpty)
        #expect(entities(corpus, kind: .organisation) == ["Conservative Party", "Labour Party"])
    }

    @Test func aPartysAndACountrysShortAndLongNames_areOneEntity() throws {
        let corpus = try corpus("The Lib Dems, the Liberal Democrats, the Tories, the Conservatives, Labour and the Labour Party met in the UK, in Britain.")
        #expect(entities(corpus, kind: .organisation) == ["Conservative Party", "Labour Party", "Liberal Democrats"])
        #expect(entities(corpus, kind: .place) == ["United Kingdom"])
    }

    @Test func aBodysNameRunsOnPastAndOrAPossessive_butTwoBodiesOrPeopleStayTwo() throws {
        let corpus = try corpus("""
            The Securities and Exchange Commission opened an inquiry, and the Department of Health and Human Services \
            agreed. The People's Liberation Army, which its people call the army, held drills. The Cabinet Office and Post \
            Office disagreed, said the envoy to the European Union Gordon Sondland and Energy Secretary Rick Perry.
            """)
        #expect(entities(corpus, kind: .organisation) == [
            "Cabinet Office", "Department of Health and Human Services", "People's Liberation Army", "Post Office",
            "Securities and Exchange Commission",
        ])
        #expect(entities(corpus, kind: .person) == ["Gordon Sondland", "Rick Perry"])
    }

    @Test func aDateAfterAName_isNotPartOfIt() throws {
        let corpus = try corpus("Tickets for the show at Bridgestone Arena June 5 sold out, and Kim Jong June said so.")
        #expect(entities(corpus, kind: .place) == ["Bridgestone Arena"])
    }

    @Test func southEastAndCentral_endPlaces_whileNorthAndWestMayBeSurnames() throws {
        let corpus = try corpus("Dawn Butler held Brent South and Dale Central for Labour, and Kanye West met Oliver North.")
        #expect(entities(corpus, kind: .person) == ["Dawn Butler", "Kanye West", "Oliver North"])
        #expect(entities(corpus, kind: .place) == ["Brent South", "Dale Central"])
    }

    @Test func aWorksTitle_beforeAWordForAWork_orAfterAStaging_isNoPerson() throws {
        let corpus = try corpus("""
            A new production of Oliver Twist opened, and Matthew Wright said The Wright Stuff programme was over. Glasgow \
            group Franz Ferdinand played, and the character Fagin sang.
            """)
        #expect(entities(corpus, kind: .person) == ["Matthew Wright"])
    }

    /// A company named by its brand and a common word speaks as a person does, but the article calls it by
    /// its first word alone, as no one calls a person; a person it calls by the last ("Lilliu said") stays one.
    @Test func aCompanyCalledByItsFirstWord_isNoPerson_thoughItSpeaks() throws {
        let corpus = try corpus("""
            The unions claim Fiat is to close the Fiat Powertrain plant at Arese. Fiat has yet to comment, and Fiat \
            shares fell. "Powertrain told us today that the engines will no longer be made here," said union leader \
            Vincenzo Lilliu. Marek Zielinski of the works council agreed. Zielinski said the plant had 900 workers.
            """)
        #expect(entities(corpus, kind: .person) == ["Marek Zielinski", "Vincenzo Lilliu"])
    }

    /// Products, bodies and a paper named after the people they serve are no one, and a person of a body is
    /// not cut at its first word; a demonym alone never links to the paper that starts with it.
    @Test func productsBodiesAndAPeoplesPaper_areNoPeople_andAPersonOfABodyKeepsHerName() throws {
        let corpus = try corpus("""
            Apple showed the Mac Pro, and Toyota the Lexus LC. The Jewish Chronicle reported it, and Jewish leaders \
            agreed. The move follows a Law Lords judgement, and the Law Lords will be replaced. Laura Brownlees of Save the Children said the plan failed. \
            "It is appalling," said Brownlees.
            """)
        #expect(entities(corpus, kind: .person) == ["Laura Brownlees"])
        let chronicle = try #require(corpus.entities.firstIndex { $0.name == "Jewish Chronicle" })
        #expect(corpus.entities[chronicle].kind == .organisation && corpus.mentionsByEntity[chronicle].count == 1)
    }

    /// A cartoon's character is named like a person, a given name first; the animal it is says it is none.
    @Test func aCartoonsCharacter_isNoPerson_butAPersonWithAnAnimalsSurnameIs() throws {
        let corpus = try corpus("""
            EuroDisney, the home of Mickey Mouse and friends, sold shares. Children queued for Peppa Pig and Bugs Bunny. \
            Michael Fox and Jenny Lamb, who run the park, said Mickey Mouse would stay.
            """)
        #expect(entities(corpus, kind: .person) == ["Jenny Lamb", "Michael Fox"])
    }

    /// In a list of staff a Korean name's last syllable may be written apart and in lower case: the name is
    /// not cut before it, and is not taken for the North Korean leader's.
    @Test func aKoreanNamesLastSyllable_writtenApart_endsTheName() throws {
        let corpus = try corpus("""
            STAFF: Costume Design_Lee Ho Jun, Make-up_Kim Jong nn, Prop Design_Kim Sang Hee. President Moon Jae In met \
            Kim Jong Un in Seoul.
            """)
        let people = entities(corpus, kind: .person)
        #expect(people.contains("Kim Jong nn") && !people.contains("Kim Jong"))
        #expect(people.contains("Kim Jong Un") && people.contains("Lee Ho Jun") && people.contains("Kim Sang Hee"))
        #expect(corpus.mentionsByEntity[try corpus.lookUpEntity("kim-jong-un")].count == 1)
    }

    @Test func aManCalledByAShortFormOfHisMiddleName_isOnePerson_butHisFamilyStaysApart() throws {
        let corpus = try corpus("""
            The novelist John M. Ford died on Monday. Mike Ford, as his readers knew him, wrote fast. His brother Dale \
            Ford and his mother Mary Ford survive him.
            """)
        #expect(entities(corpus, kind: .person) == ["Dale Ford", "John M. Ford", "Mary Ford"])
        #expect(corpus.linkedNames.filter { $0.hasPrefix("Mike") } == ["Mike Ford=john-m-ford"])
    }

    @Test func aNameOneArticleCallsAWork_isNoPersonInAnyArticle_butACreatorBeforeAWordForAWorkStaysOne() throws {
        let corpus = try corpus(
            "Mike Leigh's latest film Vera Drake won the Golden Lion, and the band Franz Ferdinand played.",
            "Vera Drake is the favourite, said Imelda Staunton. Franz Ferdinand won two prizes. Drake was praised.",
            "The new Taylor Swift album is out.",
            "Taylor Swift said she was proud."
        )
        #expect(entities(corpus, kind: .person) == ["Imelda Staunton", "Mike Leigh", "Taylor Swift"])
        #expect(corpus.mentions[1].allSatisfy { corpus.entities[$0.entity ?? 0].name == "Imelda Staunton" })
        #expect(corpus.quotes.allSatisfy { $0.allSatisfy { $0.speaker.map { corpus.entities[$0].name } != "Vera Drake" } })
    }

    @Test func koreanNamesInHangul_withATitleOrAVerbOfActing_arePeople_butRolesAndWordsAreNot() throws {
        let corpus = try corpus("""
            김민수 기자는 그렇게 썼다. 소설가 박지훈의 새 책이 나왔다. 드라마에서 한강우 역의 최수진은 빛났고, 지은한을 \
            연기하는 남상미도 좋았다. 정부는 대통령의 결정을 지지했다. 김민수는 다시 썼다. 이야기를 들은 한강우는 웃었다.
            """)
        #expect(entities(corpus, kind: .person) == ["김민수", "남상미", "박지훈", "최수진"])
        #expect(corpus.linkedNames.filter { $0.hasPrefix("김") } == ["김민수=김민수", "김민수=김민수"])
    }

    @Test func aPlaceThatSpeaks_isTheSurnameOfSomeoneNamedInFull_elseStillThePlace() throws {
        let corpus = try corpus("Caitlyn Smith and Kate York wrote it. “It is hard,” York said, and Washington said it would wait.")
        #expect(corpus.linkedNames.filter { $0.hasPrefix("York") || $0.hasPrefix("Washington") } == ["York=kate-york", "Washington=washington"])
        #expect(corpus.quotes[0].map { $0.speaker.map { corpus.entities[$0].name } } == ["Kate York"])
    }

    @Test func aTitledSurnameNoOneInItsArticleBears_isTheCorpussOnePersonOfThatName() throws {
        let corpus = try corpus(
            "Representative Adam Schiff opened the hearing, and Harrison Ford and Gerald Ford watched.",
            "Chairman Schiff and the Democrats pressed on, and Mr Ford left. Schiff asked a question.",
            "Mr Schiff spoke again."
        )
        let linked = corpus.articles.indices.flatMap { article in
            corpus.mentions[article].map { "\(corpus.articles[article].text.string($0.range))=\($0.entity.map { corpus.entities[$0].id } ?? "?")" }
        }
        // The untitled "Schiff asked" stays unlinked: a word that only speaks may be a company's.
        #expect(linked.filter { $0.hasPrefix("Schiff") || $0.hasPrefix("Ford") } == ["Schiff=adam-schiff", "Schiff=adam-schiff"])
    }
}
