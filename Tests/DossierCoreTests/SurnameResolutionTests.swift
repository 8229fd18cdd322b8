import Testing

/// How a surname alone is resolved, on small articles written for each rule.
struct SurnameResolutionTests {
    @Test func surname_linksToTheNearestPrecedingFullName() throws {
        let corpus = try TestCorpus.single("""
            Ri Yong Ho met reporters. Ri said little. Later Ri Son Gwon spoke. Ri said more.
            """)
        #expect(corpus.linkedNames == ["Ri Yong Ho=ri-yong-ho", "Ri=ri-yong-ho", "Ri Son Gwon=ri-son-gwon", "Ri=ri-son-gwon"])
    }

    @Test func surname_beforeAnyFullName_linksToTheFirstThatFollows() throws {
        let corpus = try TestCorpus.single("Ri warns Seoul\n\nNorth Korea's Ri Son-gwon said talks could stall.\n")
        #expect(corpus.linkedNames.first == "Ri=ri-son-gwon")
    }

    @Test func twoBearersInOneSentence_leaveTheSurnameAmbiguous() throws {
        let corpus = try TestCorpus.single("Ri Yong Ho and Ri Son Gwon arrived together. Ri said nothing.")
        let last = try #require(corpus.mentions[0].last)
        #expect(last.isAmbiguous)
        #expect(Set(last.candidates.map { corpus.entities[$0].id }) == ["ri-yong-ho", "ri-son-gwon"])
    }

    @Test func titleHeldByOneBearer_decides() throws {
        let corpus = try TestCorpus.single("Ri Son Gwon spoke first. Then Foreign Minister Ri replied.")
        #expect(corpus.linkedNames == ["Ri Son Gwon=ri-son-gwon", "Ri=ri-yong-ho"])
    }

    @Test func unnamedBearer_linksOnlyAnUnambiguousSurname() throws {
        let corpus = try TestCorpus.single("Trump spoke in Ohio. Kim was not there.")
        #expect(corpus.linkedNames == ["Trump=donald-trump", "Ohio=ohio", "Kim=?"])
    }

    @Test func surnameInsideAnotherName_isNotAMention() throws {
        let corpus = try TestCorpus.single("Visitors queued at Trump Tower while Kim Clijsters played.")
        // Neither Donald Trump nor Kim Jong Un: Kim Clijsters is a person of her own.
        #expect(corpus.linkedNames == ["Kim Clijsters=kim-clijsters"])
    }

    @Test func namesake_isAnotherPerson() throws {
        let corpus = try TestCorpus.single("Kim Jong Un sent Kim Yo Jong. Ivanka Trump came with Donald Trump.")
        #expect(corpus.linkedNames == ["Kim Jong Un=kim-jong-un", "Kim Yo Jong=kim-yo-jong", "Ivanka Trump=ivanka-trump", "Donald Trump=donald-trump"])
    }

    @Test func spellings_hyphensCaseAndPossessives_areOnePerson() throws {
        let corpus = try TestCorpus.single("KIM JONG-UN and Kim Jong-un met. Kim Jong Un's aide and Kim Jong Un’s sister left.")
        #expect(corpus.linkedNames.allSatisfy { $0.hasSuffix("=kim-jong-un") })
        #expect(corpus.linkedNames.count == 4)
    }

    @Test func rhodeIslandInCapitals_isNotRi() throws {
        let corpus = try TestCorpus.single("Ri Yong Ho spoke. Voters in Providence, RI, did not listen.")
        #expect(corpus.linkedNames == ["Ri Yong Ho=ri-yong-ho"])
    }
}
