import DossierText

/// Why the name finder read a run of capitalised words as it did: which rule decided, and what the
/// run became. For tracing a linking error to its rule (`dossier entities --explain`).
package struct NameExplanation: Sendable, Equatable {
    /// Steps around the rule table (`NameFinder.rules`) that decide, or change, what a run becomes.
    package enum Step: String, Sendable {
        /// A rule made the words a person, but they name a place's people ("North Koreans").
        case peopleOfAPlace
        /// Two words after a word for a relative ("his sister Yo Jong"): the given name of someone the
        /// article names in full, else what the rules made of them.
        case givenNameAfterRelative
        /// A headline's words with no sign of what they are: each a possible surname ("Blair Labour's
        /// longest-serving PM").
        case headlineWordsAsSurnames
        /// Words with no sign of what they are, joined by "and" to a person's name, are a person's name
        /// too ("Ben McLachlan and Yasutaka Uchiyama").
        case joinedByAndToPerson
        /// No rule decided; the table ends in rules that always do.
        case noRuleDecided
    }

    /// The run as found, a byte range of the article's text.
    package let range: Range<Int>
    /// The run as written, white space made single.
    package let words: String
    /// The rule that decided what the run is (a rule's name or a `Step`), then any step that changed it.
    package let rules: [String]
    /// What the run became, in words ("person Heather Nauert", "place Gladstone Avenue", "nothing").
    package let outcome: String

    /// The rule or step that had the last word on what the run became.
    package var decidingRule: String { rules.last ?? "" }

    /// `findings` in words, each counting in `tokens`.
    static func outcome(of findings: ArraySlice<NameFinder.Finding>, tokens: [Token], text: SourceText) -> String {
        guard !findings.isEmpty else { return "nothing" }
        return findings.map { finding in
            switch finding {
            case .entity(_, let entity):
                "\(entity.kind.rawValue) \(entity.name)"
            case .possibleSurname(let token, let afterTitle):
                (afterTitle ? "surname " : "surname or first name ") + text.string(tokens[token].range)
            case .unclassified(let span):
                "unclassified " + NameFinder.writtenName(tokens[span], text: text)
            case .possibleGivenName(let span, _):
                "given name " + NameFinder.writtenName(tokens[span], text: text)
            case .work(let span):
                "work " + NameFinder.writtenName(tokens[span], text: text)
            }
        }.joined(separator: ", ")
    }
}
