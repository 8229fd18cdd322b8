extension NameFinder {
    /// How a run of capitalised words is read, tried in this order: the first rule that decides wins.
    ///
    /// A rule's scope says whether it looks at a lone word or at several; the order matters within
    /// each, since a later rule is reached only when every earlier one passed. Whatever rule makes a
    /// person, words that name a place's people are none (`NameExplanation.Step.peopleOfAPlace`).
    static let rules: [NameRule] = [
        // Nothing but words that stand beside names: a sentence's common first word, a weekday, a month ("He", "Sunday").
        NameRule("onlyCommonWords", .anyName) { name, _ in name.words.isEmpty ? .notAName : nil },
        // "Duke of York": words after a title that start with a particle are no one's name.
        NameRule("startsWithParticle", .anyName) { name, _ in Self.particles.contains(name.terms[0]) ? .notAName : nil },

        // MARK: A lone word

        // "Lord Goldsmith" is the name such a person goes by; the title is part of it. A title before a word
        // for an office is an office ("the Lord Chancellor", "the Lord Mayor").
        NameRule("nobleTitleBeforeWord", .loneWord) { name, gazetteer in
            guard let cue = name.cue, gazetteer.nobleTitles.contains(cue) else { return nil }
            return gazetteer.cueWords.contains(name.terms[0]) ? .notAName : .personWithTitle(cue)
        },
        // After a cue that is not a title a lone word may be a first name ("his brother Mukesh", "their
        // fourth child, Leo").
        NameRule("roleBeforeWord", .loneWord) { name, gazetteer in
            guard let cue = name.cue, !NameWords.titles.contains(cue), !gazetteer.nobleTitles.contains(cue) else { return nil }
            return .possibleSurname(afterTitle: false)
        },
        // After a title or honorific a lone word is a surname ("Mr Blair"), as it is before post-nominals.
        NameRule("titleOrPostNominalBesideWord", .loneWord) { name, _ in
            name.cue != nil || name.hasPostNominal ? .possibleSurname(afterTitle: true) : nil
        },
        NameRule("knownPlaceWord", .loneWord) { name, gazetteer in gazetteer.places.contains(name.terms[0]) ? .entity(.place) : nil },
        NameRule("knownOrganisationWord", .loneWord) { name, gazetteer in
            gazetteer.organisations.contains(name.terms[0]) ? .entity(.organisation) : nil
        },
        // The surname or first name of someone the article names in full, if anyone.
        NameRule("capitalisedWord", .loneWord) { name, _ in
            name.tokens[name.words.lowerBound].shape == .capitalized ? .possibleSurname(afterTitle: false) : nil
        },
        // Letters in capitals that are no known place or body.
        NameRule("wordInCapitals", .loneWord) { _, _ in .notAName },

        // MARK: Several words

        // A work's title: right after a word for a work ("the film Vera Drake", "the band Franz Ferdinand", "a
        // production of Oliver Twist"), which makes it a work in every article; or right before one ("the Harry
        // Potter books", "The Wright Stuff programme"), which says so only here, as a creator's name stands there
        // too ("the Taylor Swift album").
        NameRule("workTitle", .severalWords) { name, _ in
            let (first, end) = (name.words.lowerBound, name.words.upperBound)
            let before = first > 0 && name.gap(first - 1, first).elementsEqual([0x20]) && name.tokens[first - 1].shape == .lowercase
                && (Self.workWords.contains(name.tokens[first - 1].term)
                    || (name.tokens[first - 1].term == "of" && first > 1 && Self.stagingWords.contains(name.tokens[first - 2].term)))
            let after = end < name.tokens.count && name.gap(end - 1, end).elementsEqual([0x20]) && name.tokens[end].shape == .lowercase
                && (Self.workWordsAfterTitle.contains(name.tokens[end].term)
                    || Self.workWordsAfterTitle.contains(String(name.tokens[end].term.dropLast())))
            return before ? .work : after ? .notAName : nil
        },
        // A name ending in an animal's ("Mickey Mouse", "Peppa Pig", "Bugs Bunny") is a cartoon's character, in
        // every article, as a work is.
        NameRule("animalAfterName", .severalWords) { name, _ in
            name.cue == nil && Self.characterAnimals.contains(name.terms[name.terms.count - 1]) ? .work : nil
        },
        // A model or product ("Dell G3", "Galaxy Note 10") has figures in it; no one's name does.
        NameRule("figuresInRun", .severalWords) { name, _ in
            name.tokens[name.run].contains(where: { $0.term.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }) ? .notAName : nil
        },
        // "the Hoa Lo prison": a name before a word for a kind of place is that place.
        NameRule("kindOfPlaceAfter", .severalWords) { name, gazetteer in
            let end = name.words.upperBound
            guard end < name.tokens.count, name.tokens[end].shape == .lowercase, name.gap(end - 1, end).elementsEqual([0x20]),
                  gazetteer.placeWords.contains(name.tokens[end].term) else { return nil }
            return .entity(.place)
        },
        // Two words joined by a hyphen alone ("the Blair-Brown rift", "Howitt-Garrett") pair two people's
        // surnames; a person's full name has a space in it.
        NameRule("hyphenatedPair", .severalWords) { name, _ in
            let first = name.words.lowerBound
            guard name.words.count == 2, name.allCapitalized, name.cue == nil, name.gap(first, first + 1).elementsEqual([0x2D]) else { return nil }
            return .pairOfSurnames
        },
        NameRule("knownPlace", .severalWords) { name, gazetteer in gazetteer.places.contains(name.key) ? .entity(.place) : nil },
        NameRule("knownOrganisation", .severalWords) { name, gazetteer in
            gazetteer.organisations.contains(name.key) ? .entity(.organisation) : nil
        },
        // "Salt Lake City", "New York City": three words ending in City are a city ("Manchester City" may be a club).
        NameRule("cityOfThreeWords", .severalWords) { name, _ in
            name.terms.count >= 3 && name.terms[name.terms.count - 1] == "city" && name.allCapitalized ? .entity(.place) : nil
        },
        NameRule("organisationWord", .severalWords) { name, gazetteer in
            name.terms.contains(where: gazetteer.organisationWords.contains) ? .entity(.organisation) : nil
        },
        // "San Francisco", "Fort Worth", "St Helens": a place's first word keeps what follows a place, never a
        // person's name ("Francisco" is a given name); with a word for a body it was an organisation above.
        NameRule("placePrefixFirst", .severalWords) { name, _ in
            Self.placePrefixes.contains(name.terms[0]) && name.allCapitalized ? .entity(.place) : nil
        },
        // "Gladstone Avenue", "Bartholomew County Jail": a word for a kind of place after the first makes a
        // place, unless it is also a common surname ("Jack Hill", "Park").
        NameRule("kindOfPlaceAfterFirstWord", .severalWords) { name, gazetteer in
            name.terms.dropFirst().contains(where: { gazetteer.placeWords.contains($0) && !Self.surnamesThatArePlaceWords.contains($0) })
                ? .entity(.place) : nil
        },
        // A title before words the article also writes in lower case ("Online Leader Success Mindset") is a heading.
        NameRule("titleBeforeCommonWords", .severalWords) { name, _ in
            name.cue != nil && name.terms.allSatisfy(name.lowercaseTerms.contains) ? .notAName : nil
        },
        // "Bolton West" is a place or constituency; Kanye West is a person. "South", "East" and "Central" end the
        // names of places and constituencies ("Brent South") and hardly ever a person's, whatever comes before.
        NameRule("compassWordAfterPlace", .severalWords) { name, gazetteer in
            guard name.words.count == 2, Self.compassWords.contains(name.terms[1]) else { return nil }
            return gazetteer.places.contains(name.terms[0]) || !Self.compassWordsThatAreSurnames.contains(name.terms[1]) ? .entity(.place) : nil
        },
        // "Chief Strategy Officer", "Star Wars Ultimate Collector Series": a title or a long run after a
        // cue is not a name ("governor Mervyn King" is).
        NameRule("titleOrLongRunAfterCue", .severalWords) { name, gazetteer in
            guard name.cue != nil, name.allCapitalized else { return nil }
            let endsInTitle = gazetteer.cueWords.contains(name.terms[name.terms.count - 1]) && !gazetteer.isGivenName(name.terms[0])
            return endsInTitle || name.terms.filter({ !Self.particles.contains($0) }).count > 3 ? .notAName : nil
        },
        // A title or role before the name ("spokesperson Heather Nauert"), or post-nominals after it ("Paul Boateng MP"),
        // unless the words end in a place ("President Ascom North America") or the cue is a capitalised role
        // opening a title ("Star Wars Jedi").
        NameRule("cueOrPostNominal", .severalWords) { name, gazetteer in
            guard (name.cue != nil || name.hasPostNominal) && name.allCapitalized, !Self.endsInPlace(name, gazetteer: gazetteer),
                  !Self.endsInRole(name, gazetteer: gazetteer) else { return nil }
            if let cue = name.cue, name.cueOpensRun, !Self.titlesBeforeNames.contains(cue), !gazetteer.isGivenName(name.terms[0]) {
                return nil
            }
            return .entity(.person)
        },
        // A given name starts a person's name, unless a terse headline puts a name beside a place or body ("Blair Labour's").
        // After "the" a given name starts no one's name ("the Cleveland Browns"), nor does one before a place ("Lexus
        // Philippines") or a role ("Art Director"); a name whose first or last word the article also writes in lower case
        // ("Honey Pear Jam", "Moon Europa") is left to the rules below.
        NameRule("givenNameFirst", .severalWords) { name, gazetteer in
            guard gazetteer.isGivenName(name.terms[0]), name.words.count <= 4, !name.followsThe else { return nil }
            let last = name.terms[name.terms.count - 1]
            let besidePlaceOrBody = name.isHeadline
                && name.terms.dropFirst().contains { gazetteer.places.contains($0) || gazetteer.organisations.contains($0) }
            if besidePlaceOrBody || Self.endsInPlace(name, gazetteer: gazetteer) || Self.endsInRole(name, gazetteer: gazetteer) { return nil }
            // A syllable written in lower case ("Kim Hyok-chol") is part of a name, not a common word.
            let lastIsCapitalized = name.tokens[name.words.upperBound - 1].shape == .capitalized
            if name.lowercaseTerms.contains(name.terms[0]) || (lastIsCapitalized && name.lowercaseTerms.contains(last)) { return nil }
            return .entity(.person)
        },
        // Initials before a surname mark a person: "J.R.R. Tolkien", "H. G. Wells" (not "z. B. Arztbriefe", an abbreviation).
        NameRule("initialsBeforeSurname", .severalWords) { name, _ in
            let terms = name.terms
            let end = name.words.upperBound
            let first = name.words.lowerBound
            if first > 0, name.tokens[first - 1].shape == .lowercase, name.tokens[first - 1].term.utf8.count == 1 { return .notAName }
            guard terms.count > 1, terms[0].utf8.count == 1, let surname = terms.firstIndex(where: { $0.utf8.count > 1 }), surname == terms.count - 1,
                  name.tokens[end - 1].shape == .capitalized, name.tokens[name.words].dropLast().allSatisfy({ $0.shape != .lowercase }),
                  name.gap(end - 2, end - 1).first == 0x2E else { return nil }
            return .entity(.person)
        },
        // A middle initial marks a person: "Victor N. Burton" (not "Enterprise E-Commerce").
        NameRule("middleInitial", .severalWords) { name, _ in
            let terms = name.terms
            let first = name.words.lowerBound
            let end = name.words.upperBound
            guard name.words.count == 3, terms[1].utf8.count == 1, terms[0].utf8.count > 1, terms[2].utf8.count > 1,
                  name.tokens[first].shape == .capitalized, name.tokens[end - 1].shape == .capitalized,
                  name.gap(first, first + 1).elementsEqual([0x20]),
                  [[0x2E, 0x20], [0x20]].contains(where: { name.gap(first + 1, end - 1).elementsEqual($0) }) else { return nil }
            return .entity(.person)
        },
        // A Korean or Chinese name of three short parts, family name first: "Hyon Song Wol", "Cheuk Hau-yip".
        NameRule("familyNameFirstThreeParts", .severalWords) { name, gazetteer in
            guard name.words.count == 3, gazetteer.familyNamesFirst.contains(name.terms[0]),
                  name.terms.dropFirst().allSatisfy({ $0.utf8.count <= 6 }) else { return nil }
            return .entity(.person)
        },
        // "Xi Jinping", "Liu Xiaming": a Chinese family name before a given name of one or two pinyin syllables.
        NameRule("chineseFamilyNameAndPinyin", .severalWords) { name, gazetteer in
            guard name.words.count == 2, name.allCapitalized, gazetteer.chineseSurnames.contains(name.terms[0]),
                  !name.lowercaseTerms.contains(name.terms[1]), Pinyin.isGivenName(name.terms[1]) else { return nil }
            return .entity(.person)
        },
        // "Downing Street", "Jack Hill": a word for a kind of place last, when nothing above said person.
        NameRule("kindOfPlaceLast", .severalWords) { name, gazetteer in
            gazetteer.placeWords.contains(name.terms[name.terms.count - 1]) ? .entity(.place) : nil
        },
        // ...unless the name opens with a common word ("Developer Valve said", "Royal Mail said", "Upper House") or
        // ends in a place ("Lexus Philippines agreed").
        NameRule("personSignAfter", .severalWords) { name, gazetteer in
            name.allCapitalized && name.words.count <= 3 && !opensWithCommonWord(name, gazetteer: gazetteer) && !endsInPlace(name, gazetteer: gazetteer)
                && isFollowedByPersonSign(name, gazetteer: gazetteer) ? .entity(.person) : nil
        },
        // "said Heather Nauert".
        NameRule("afterSaid", .severalWords) { name, gazetteer in
            let first = name.words.lowerBound
            return name.allCapitalized && name.words.count <= 3 && first > 0 && ["said", "says"].contains(name.tokens[first - 1].term)
                && !opensWithCommonWord(name, gazetteer: gazetteer) ? .entity(.person) : nil
        },
        // A short name with no sign of what it is waits for the rest of the article.
        NameRule("noSign", .severalWords) { name, _ in name.allCapitalized && name.words.count <= 3 ? .unclassified : nil },
        // Anything longer, or with a word in capitals, is left alone: a missed name costs a reader less than a wrong one.
        NameRule("longOrInCapitalsWithoutSign", .severalWords) { _, _ in .notAName },
    ]

    /// Titles that stand capitalised before a person's name; a capitalised role opening a run ("Star Wars",
    /// "Premier Solution Partner") is more often a title's first word.
    static let titlesBeforeNames: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "vice", "secretary", "minister", "prime",
        "senator", "sen", "rep", "representative", "gov", "governor", "mayor", "ambassador", "general", "gen", "judge", "justice",
        "chancellor", "king", "queen", "prince", "princess", "pope", "colonel", "captain", "lieutenant", "sergeant", "professor",
        "prof", "rev", "reverend", "sheikh", "chairman", "chairwoman", "commander", "marshal", "cardinal", "archbishop", "bishop",
        "emperor", "empress", "sultan", "ayatollah", "duke", "duchess", "earl", "baron", "baroness", "dictator", "speaker",
        "director", "deputy", "chief", "coach", "spokesperson", "spokesman", "spokeswoman", "attorney", "envoy", "officer",
    ]

    /// Words that open the names of places, bodies and things, never a person's ("North Hykeham", "Royal Mail").
    static let descriptiveFirstWords: Set<String> = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower", "royal",
        "great", "greater", "little", "old", "national", "federal", "international", "united", "grand",
    ]

    /// True when a name opens with a descriptive word, or with a word the article also writes in lower case
    /// that is no given name ("Developer Valve", "Age Concern").
    static func opensWithCommonWord(_ name: NameCandidate, gazetteer: Gazetteer) -> Bool {
        let first = name.terms[0]
        return descriptiveFirstWords.contains(first) || (name.lowercaseTerms.contains(first) && !gazetteer.isGivenName(first))
    }

    /// Words for a work or a band, beside its title.
    static let workWords: Set<String> = [
        "film", "movie", "album", "band", "song", "novel", "book", "musical", "opera", "sitcom", "franchise", "trilogy", "saga",
        "soundtrack", "single", "documentary", "biopic", "game", "series", "cartoon", "character", "group",
    ]

    /// Words for a work that follow its title ("The Wright Stuff programme") but before a name are another
    /// word's ("the programme Tony Blair set out").
    static let workWordsAfterTitle: Set<String> = workWords.union(["programme"])

    /// Animals that name a cartoon's character after a given name, and no family: those that are surnames as
    /// well (Fox, Wolf, Crane, Lamb, Bird, Swan, Hawk, Bull, Finch, Drake) are left out.
    static let characterAnimals: Set<String> = [
        "mouse", "duck", "bunny", "rabbit", "pig", "piglet", "frog", "cat", "kitten", "dog", "puppy", "squirrel", "rat", "goose",
        "chicken", "monkey", "donkey", "pony", "hippo", "penguin", "kangaroo", "koala", "elephant", "giraffe", "panda", "tortoise",
        "turtle", "hedgehog", "chipmunk", "beaver", "moose", "gorilla", "octopus", "dinosaur", "bear", "tiger",
    ]

    /// Words for a staging of a work, which take its title after "of" ("a new production of Oliver Twist").
    static let stagingWords: Set<String> = ["production", "adaptation", "staging", "remake", "revival"]

    /// True when a name ends in a word for a role ("Art Director", "Premier Solution Partner"), not one that is
    /// also a surname ("Kevin King", "Joe Bishop").
    static func endsInRole(_ name: NameCandidate, gazetteer: Gazetteer) -> Bool {
        let last = name.terms[name.terms.count - 1]
        return gazetteer.cueWords.contains(last) && !gazetteer.nobleTitles.contains(last) && !surnamesThatAreRoles.contains(last)
    }

    /// Words for a role that are common surnames too (the noble titles are left out above).
    static let surnamesThatAreRoles: Set<String> = ["judge", "sergeant", "chief", "singer", "coach", "minister", "chancellor"]

    /// True when a name's last words are a known place ("Ascom North America", "Lexus Philippines").
    static func endsInPlace(_ name: NameCandidate, gazetteer: Gazetteer) -> Bool {
        let terms = name.terms
        guard terms.count >= 2 else { return false }
        return gazetteer.places.contains(terms[terms.count - 1])
            || (terms.count >= 3 && gazetteer.places.contains(terms[(terms.count - 2)...].joined(separator: " ")))
    }

    /// First words of places' names, which no person's name starts with ("San Diego", "Los Alamos", "Fort Worth").
    static let placePrefixes: Set<String> = [
        "san", "santa", "santo", "los", "las", "st", "ste", "saint", "fort", "port", "el", "mount", "mt", "lake", "cape", "puerto",
        "porto", "rio", "sao", "são", "buenos", "ciudad", "palo", "baton", "costa", "punta", "villa", "bahia", "glen",
    ]

    /// Compass words that, after a place, make the name of a place or constituency ("Bolton West"), not a
    /// person (Kanye West).
    private static let compassWords: Set<String> = ["north", "south", "east", "west", "central"]

    /// Compass words that are common surnames too (Oliver North, Kanye West).
    private static let compassWordsThatAreSurnames: Set<String> = ["north", "west"]

    /// Words for a kind of place that are also common surnames.
    private static let surnamesThatArePlaceWords: Set<String> = ["hill", "park", "lake", "bridge", "camp", "bay", "street", "palace", "coast"]

    /// "Heather Nauert said", "Jelena Dokic, who…", "Anil Ambani, vice-chairman of…".
    private static func isFollowedByPersonSign(_ name: NameCandidate, gazetteer: Gazetteer) -> Bool {
        let tokens = name.tokens
        let end = name.words.upperBound
        guard end < tokens.count else { return false }
        let between = name.gap(end - 1, end)
        if between.elementsEqual([0x20]) { return gazetteer.attributionVerbs.contains(tokens[end].term) }
        if between.elementsEqual([0x2C, 0x20]) {
            // "Elizabeth A. Burton, 32, of Franklin": an age between commas.
            if tokens[end].term.count <= 3, tokens[end].term.allSatisfy(\.isNumber), end + 1 < tokens.count,
               name.gap(end, end + 1).first == 0x2C {
                return true
            }
            return tokens[end].term == "who" || gazetteer.cueWords.contains(tokens[end].term)
                || (end + 1 < tokens.count && ["a", "an", "the"].contains(tokens[end].term) && gazetteer.cueWords.contains(tokens[end + 1].term))
        }
        return false
    }
}
