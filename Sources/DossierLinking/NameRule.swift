import DossierText

/// One rule of the name finder's table (`NameFinder.rules`): what a run of capitalised words is,
/// given one sign of it.
///
/// The rules are tried in the table's order and the first that decides wins; a rule that sees no
/// sign of its own passes by returning nil. Each has a name, so that what the finder made of a run
/// can be traced to the rule that made it (`NameExplanation`).
struct NameRule: Sendable {
    /// What a rule says the words are.
    enum Decision: Equatable, Sendable {
        /// Not a name, or not one a reader should trust.
        case notAName
        /// A person, place or organisation, named by the candidate's words.
        case entity(Entity.Kind)
        /// A person who goes by this noble title and one word ("Lord Goldsmith"): the title is part of the name.
        case personWithTitle(String)
        /// A lone word that may be the surname or first name of someone the article names in full;
        /// `afterTitle` when a title, honorific or post-nominal marks it a surname ("Mr Blair").
        case possibleSurname(afterTitle: Bool)
        /// Two words joined by a hyphen alone ("the Blair-Brown rift"), each a lone surname.
        case pairOfSurnames
        /// No sign of what the words are: the linker makes them a person if the article later titles
        /// their last word or lets it speak.
        case unclassified
        /// A work's title, so named that the whole corpus may take it as one ("the film Vera Drake").
        case work

        var makesPerson: Bool {
            switch self {
            case .entity(let kind): kind == .person
            case .personWithTitle: true
            case .notAName, .possibleSurname, .pairOfSurnames, .unclassified, .work: false
            }
        }
    }

    /// Which candidates a rule looks at, by the number of words in the name.
    enum Scope: Sendable {
        case anyName, loneWord, severalWords
    }

    /// A short identifier ("givenNameFirst"), unique in the table.
    let name: String
    let scope: Scope
    /// The decision, or nil when the rule has nothing to say about the candidate; the finder's word
    /// lists come apart from the candidate, so that making one copies none of them.
    let decide: @Sendable (NameCandidate, Gazetteer) -> Decision?

    init(_ name: String, _ scope: Scope, decide: @escaping @Sendable (NameCandidate, Gazetteer) -> Decision?) {
        self.name = name
        self.scope = scope
        self.decide = decide
    }

    func applies(to candidate: NameCandidate) -> Bool {
        switch scope {
        case .anyName: true
        case .loneWord: candidate.words.count == 1
        case .severalWords: candidate.words.count > 1
        }
    }
}

/// A run of capitalised words as the rules see it: the words that may be a name, and what surrounds them.
struct NameCandidate {
    /// The tokens of the stretch of text the run is in; `run` and `words` index them.
    let tokens: [Token]
    /// The capitalised words as found.
    let run: Range<Int>
    /// The words that may be the name: the run without the common words a sentence may open with, a
    /// title or role before the name, post-nominals, a generational suffix, or letters in capitals
    /// after it. Empty when nothing is left.
    let words: Range<Int>
    /// The name's words, folded.
    let terms: [String]
    /// `terms` joined by spaces.
    let key: String
    /// The title or role inside the run or just before it ("minister", "spokesperson").
    let cue: String?
    /// Post-nominal letters ("MP", "QC") or a generational suffix ("Jr") follow the name.
    let hasPostNominal: Bool
    /// A generational suffix follows the name ("Martin Truex Jr"), at `tokens[words.upperBound]`: it
    /// belongs to the name, and marks a person as post-nominals do.
    let hasGenerationalSuffix: Bool
    /// Every word of the name starts with a capital and goes on in lower case.
    let allCapitalized: Bool
    /// The words the article also writes in lower case.
    let lowercaseTerms: Set<String>
    let isHeadline: Bool
    let text: SourceText

    /// The cue is the run's first word ("Star Wars Jedi"), not a word before it.
    var cueOpensRun: Bool {
        words.lowerBound > run.lowerBound && tokens[words.lowerBound - 1].term == cue && words.lowerBound - 1 == run.lowerBound
    }

    /// "the" stands right before the name, in the run ("The Cleveland Browns") or before it.
    var followsThe: Bool {
        let first = words.lowerBound
        return first > 0 && tokens[first - 1].term == "the" && gap(first - 1, first).elementsEqual([0x20])
    }

    /// The bytes between two tokens.
    func gap(_ left: Int, _ right: Int) -> ArraySlice<UInt8> {
        text.bytes[tokens[left].range.upperBound..<tokens[right].range.lowerBound]
    }
}
