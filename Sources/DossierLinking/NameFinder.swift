import DossierText

/// Finds the names the catalog does not know: runs of capitalised words,
/// typed by what surrounds them.
///
/// A run is a person when a title or role stands before it ("Prime Minister
/// Shinzo Abe", "spokesperson Heather Nauert"), post-nominal letters follow it
/// ("Paul Boateng MP"), it starts with a known given name, it is a Korean
/// three-part name, a verb of saying follows it ("Heather Nauert said"), or a
/// relative clause or role follows it ("Jelena Dokic, who…", "Anil Ambani,
/// vice-chairman…"). Runs with an organisation word ("Labour Party", "Bank of
/// England") are organisations; known places and runs ending in a place word
/// ("Downing Street") are places. A run with none of these signs is returned
/// unclassified: the linker makes it a person if the article later calls its last
/// word by a title ("President Castro"). A lone capitalised word is kept only as a
/// possible surname or first name of someone the article names in full.
///
/// The signs are an ordered table of named rules (`rules`), the first that decides
/// winning; `explanations` says which rule decided each run.
struct NameFinder: Sendable {
    let gazetteer: Gazetteer
    /// Words for the people of the gazetteer's and the catalog's places ("north koreans").
    private let demonyms: Set<String>

    /// `knownPlaces`: the catalog's places, by folded name and alias, whose people's names are not people.
    init(gazetteer: Gazetteer, knownPlaces: Set<String> = []) {
        self.gazetteer = gazetteer
        demonyms = Self.demonyms(of: gazetteer.places.union(knownPlaces))
    }

    enum Finding: Equatable {
        /// A name: the token range it covers in the run, and what it is.
        case entity(tokens: Range<Int>, FoundEntity)
        /// A lone word that may be the surname or first name of someone named in full elsewhere in the article.
        case possibleSurname(token: Int, afterTitle: Bool)
        /// Capitalised words with no sign of what they are.
        case unclassified(tokens: Range<Int>)
        /// A work's title ("the film Vera Drake"): no one's name, here or in any other article.
        case work(tokens: Range<Int>)
        /// Words after a word for a relative ("his sister Yo Jong"): the given name, or its last part, of
        /// someone the article names in full; else what they are on their own (`otherwise`: "his son Sandy Oatley").
        indirect case possibleGivenName(tokens: Range<Int>, otherwise: [Finding])
    }

    /// Words for a relative, after which a given name alone stands for someone named in full ("his sister Yo Jong").
    static let relatives: Set<String> = [
        "sister", "brother", "wife", "husband", "son", "daughter", "father", "mother", "uncle", "aunt", "niece",
        "nephew", "cousin", "widow", "widower", "grandson", "granddaughter", "grandfather", "grandmother", "stepson",
        "stepdaughter", "fiancee", "fiancée", "fiance", "fiancé",
    ]

    static let particles: Set<String> = [
        "de", "van", "von", "bin", "al", "le", "la", "du", "da", "di", "del", "der", "den", "ter", "dos", "das", "of",
    ]

    /// The findings in one run of tokens, skipping tokens already `covered` by catalog mentions.
    /// `lowercaseTerms` are the words the article also writes in lower case: capitalised at the
    /// start of a sentence, such a word is a common word ("Hopefully", "Critics"), not a name.
    /// In a headline (`isHeadline`), words of an unclassified run may each be a surname.
    func findings(in tokens: [Token], covered: [Bool], lowercaseTerms: Set<String>, isHeadline: Bool = false, text: SourceText) -> [Finding] {
        var notExplained: [ExplainedRun]?
        return findings(in: tokens, covered: covered, lowercaseTerms: lowercaseTerms, isHeadline: isHeadline, text: text,
                        explaining: &notExplained)
    }

    /// Why each run of capitalised words in `tokens` is read as `findings` reads it, in order.
    func explanations(in tokens: [Token], covered: [Bool], lowercaseTerms: Set<String>, isHeadline: Bool = false,
                      text: SourceText) -> [NameExplanation] {
        var explained: [ExplainedRun]? = []
        let findings = findings(in: tokens, covered: covered, lowercaseTerms: lowercaseTerms, isHeadline: isHeadline, text: text,
                                explaining: &explained)
        return (explained ?? []).map { run in
            NameExplanation(range: tokens[run.tokens.lowerBound].range.lowerBound..<tokens[run.tokens.upperBound - 1].range.upperBound,
                            words: Self.writtenName(tokens[run.tokens], text: text), rules: run.rules,
                            outcome: NameExplanation.outcome(of: findings[run.findings], tokens: tokens, text: text))
        }
    }

    /// A run's tokens, the findings made of it, and the rules that decided them.
    private typealias ExplainedRun = (tokens: Range<Int>, findings: Range<Int>, rules: [String])

    /// `findings`, and, when `explained` is not nil, each run's explanation added to it.
    private func findings(in tokens: [Token], covered: [Bool], lowercaseTerms: Set<String>, isHeadline: Bool, text: SourceText,
                          explaining explained: inout [ExplainedRun]?) -> [Finding] {
        var findings: [Finding] = []
        var index = 0
        while index < tokens.count {
            guard !covered[index], isNameLike(tokens[index]), !isHandle(tokens[index], text: text) else {
                index += 1
                continue
            }
            let afterRelative = index > 0 && tokens[index - 1].shape == .lowercase
                && gap(text, tokens[index - 1], tokens[index]).elementsEqual([0x20]) && Self.relatives.contains(tokens[index - 1].term)
            let end = runEnd(from: index, in: tokens, covered: covered, afterRelative: afterRelative, lowercaseTerms: lowercaseTerms,
                             text: text)
            let (classified, rule) = classification(of: index..<end, in: tokens, lowercaseTerms: lowercaseTerms, isHeadline: isHeadline, text: text)
            let firstFinding = findings.count
            var step: NameExplanation.Step?
            if afterRelative, end - index == 2 {
                // One word after a relative is resolved as a lone first name or surname is; two are a given name's parts.
                findings.append(.possibleGivenName(tokens: index..<end, otherwise: classified))
                step = .givenNameAfterRelative
            } else if isHeadline, classified.count == 1, case .unclassified(let run) = classified[0] {
                // Headlines are terse: "Blair Labour's longest-serving PM" puts a surname beside another name.
                findings += run.map { .possibleSurname(token: $0, afterTitle: false) }
                step = .headlineWordsAsSurnames
            } else {
                findings += classified
            }
            explained?.append((index..<end, firstFinding..<findings.count, [rule] + (step.map { [$0.rawValue] } ?? [])))
            index = end
        }
        let result = coordinated(findings, tokens: tokens, text: text)
        if var runs = explained {
            for position in runs.indices where result[runs[position].findings] != findings[runs[position].findings] {
                runs[position].rules.append(NameExplanation.Step.joinedByAndToPerson.rawValue)
            }
            explained = runs
        }
        return result
    }

    /// Where a run of capitalised words that starts at `start` ends: the words of one name run on
    /// through hyphens, initials and particles ("Pierre-Hugues Herbert", "J.R.R. Tolkien", "Ludwig van Beethoven").
    private func runEnd(from start: Int, in tokens: [Token], covered: [Bool], afterRelative: Bool, lowercaseTerms: Set<String>,
                        text: SourceText) -> Int {
        var end = start + 1
        while end < tokens.count, !covered[end] {
            if let bodyEnd = endOfBodyJoined(after: end, runStart: start, in: tokens, covered: covered, lowercaseTerms: lowercaseTerms,
                                             text: text) {
                end = bodyEnd
                continue
            }
            guard joins(text, tokens[end - 1], tokens[end]) else { break }
            if isNameLike(tokens[end]) {
                end += 1
            } else if isKoreanSyllable(tokens[end], after: tokens[end - 1], text: text),
                      afterRelative || (end - 2 >= start && gazetteer.familyNamesFirst.contains(tokens[end - 2].term)) {
                // A Korean given name is often written with a hyphen and a lower-case second syllable ("Kim Hyok-chol").
                end += 1
                break
            } else if end - 2 == start, isLooseKoreanSyllable(at: end, in: tokens, text: text) {
                // Or with a space, in a list of names ("Make-up_Kim Jong nn, Prop Design_…"): the name is not cut at its last syllable.
                end += 1
                break
            } else if Self.particles.contains(tokens[end].term), end + 1 < tokens.count, !covered[end + 1],
                      isNameLike(tokens[end + 1]), joins(text, tokens[end], tokens[end + 1]),
                      // "Owen John Dempsey of Salt Lake City": a person of a place, not one name.
                      !(tokens[end].term == "of" && end - start >= 2 && gazetteer.commonGivenNames.contains(tokens[start].term)) {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// Where the name of a body ends when it runs on past "and" or a possessive: "the Securities and Exchange
    /// Commission", "the Department of Health and Human Services", "the People's Liberation Army". The words
    /// after must end in a word for a body ("envoy to the European Union Gordon Sondland and Energy Secretary
    /// Rick Perry" are two people), and what stands before must not be a name of its own: after "and", the name
    /// follows "the" and its first part, unless one word, does not end as a body's does ("the Foreign Office and
    /// Home Office" are two); before a possessive, a word the article also writes in lower case ("people"), not
    /// someone's ("Trump's Justice Department"). Nil when the run ends at `end`.
    private func endOfBodyJoined(after end: Int, runStart start: Int, in tokens: [Token], covered: [Bool], lowercaseTerms: Set<String>,
                                 text: SourceText) -> Int? {
        // Asked at every run's end: the cheap tests first.
        let between = gap(text, tokens[end - 1], tokens[end])
        let afterAnd = tokens[end].shape == .lowercase && between.elementsEqual([0x20]) && tokens[end].term == "and"
        let mayBePossessive = between.count >= 2 && tokens[end - 1].shape == .capitalized && Self.possessiveGaps.contains { between.elementsEqual($0) }
        guard afterAnd || mayBePossessive else { return nil }
        let wordsBefore = end - start - (tokens[start].term == "the" ? 1 : 0)
        let afterPossessive = mayBePossessive && wordsBefore == 1 && lowercaseTerms.contains(tokens[end - 1].term)
        guard afterAnd || afterPossessive else { return nil }
        let next = afterAnd ? end + 1 : end
        guard next < tokens.count, !covered[next], isNameLike(tokens[next]) else { return nil }
        if afterAnd {
            guard gap(text, tokens[end], tokens[next]).elementsEqual([0x20]),
                  tokens[start].term == "the" || (start > 0 && tokens[start - 1].term == "the"),
                  wordsBefore == 1 || !gazetteer.organisationWords.contains(tokens[end - 1].term)
            else { return nil }
        }
        var bodyEnd = next + 1
        while bodyEnd < tokens.count, !covered[bodyEnd], isNameLike(tokens[bodyEnd]), joins(text, tokens[bodyEnd - 1], tokens[bodyEnd]) {
            bodyEnd += 1
        }
        return gazetteer.organisationWords.contains(tokens[bodyEnd - 1].term) ? bodyEnd : nil
    }

    /// What stands between a possessive and the next word: "'s ", "’s ", "' ", "’ ".
    private static let possessiveGaps: [[UInt8]] = [[0x27, 0x73, 0x20], [0xE2, 0x80, 0x99, 0x73, 0x20], [0x27, 0x20], [0xE2, 0x80, 0x99, 0x20]]

    /// "Ben McLachlan and Yasutaka Uchiyama": a name with no sign of its own, joined by "and" to a
    /// person's, is a person too.
    private func coordinated(_ findings: [Finding], tokens: [Token], text: SourceText) -> [Finding] {
        guard findings.count > 1 else { return findings }
        func isPerson(_ finding: Finding) -> Bool {
            if case .entity(_, let entity) = finding { return entity.kind == .person }
            return false
        }
        func span(_ finding: Finding) -> Range<Int>? {
            switch finding {
            case .entity(let tokens, _), .unclassified(let tokens), .possibleGivenName(let tokens, _), .work(let tokens): tokens
            case .possibleSurname(let token, _): token..<(token + 1)
            }
        }
        func joinedByAnd(_ left: Range<Int>, _ right: Range<Int>) -> Bool {
            guard right.lowerBound == left.upperBound + 1, tokens[left.upperBound].term == "and" else { return false }
            return gap(text, tokens[left.upperBound - 1], tokens[left.upperBound]).elementsEqual([0x20])
                && gap(text, tokens[left.upperBound], tokens[right.lowerBound]).elementsEqual([0x20])
        }
        var result = findings
        for position in findings.indices {
            // "Deval Patrick and Hawaii Rep. Tulsi Gabbard": not a place and a title.
            guard case .unclassified(let run) = findings[position], run.count >= 2, !gazetteer.cueWords.contains(tokens[run.upperBound - 1].term),
                  !gazetteer.places.contains(tokens[run.lowerBound].term) else { continue }
            let before = position > 0 && isPerson(findings[position - 1]) && span(findings[position - 1]).map { joinedByAnd($0, run) } == true
            let after = position + 1 < findings.count && isPerson(findings[position + 1])
                && span(findings[position + 1]).map { joinedByAnd(run, $0) } == true
            if before || after {
                result[position] = .entity(tokens: run, makeEntity(.person, tokens: tokens, name: run, cue: nil, text: text))
            }
        }
        return result
    }

    /// "@Ilhan", "#MeToo": a user's handle or a tag, which names no one however it is spelt.
    private func isHandle(_ token: Token, text: SourceText) -> Bool {
        token.range.lowerBound > 0 && (text.bytes[token.range.lowerBound - 1] == 0x40 || text.bytes[token.range.lowerBound - 1] == 0x23)
    }

    /// "chol" in "Hyok-chol": a short lower-case syllable joined by a hyphen to a capitalised one.
    private func isKoreanSyllable(_ token: Token, after previous: Token, text: SourceText) -> Bool {
        token.shape == .lowercase && token.term.utf8.count <= 5 && previous.shape == .capitalized && previous.term.utf8.count <= 5
            && gap(text, previous, token).elementsEqual([0x2D])
    }

    /// "nn" in "Kim Jong nn,": a lower-case word of at most three letters written apart after a family
    /// name and one capitalised syllable, ending the name before a comma, a stop or the line's end,
    /// where an English word would go on to the next ("Moon Jae in Seoul" is not a name of three parts).
    private func isLooseKoreanSyllable(at index: Int, in tokens: [Token], text: SourceText) -> Bool {
        let token = tokens[index], previous = tokens[index - 1]
        guard token.shape == .lowercase, token.term.utf8.count <= 3, token.term.utf8.allSatisfy({ (0x61...0x7A).contains($0) }),
              previous.shape == .capitalized, previous.term.utf8.count <= 5, gap(text, previous, token).elementsEqual([0x20]),
              gazetteer.familyNamesFirst.contains(tokens[index - 2].term) else { return false }
        guard index + 1 < tokens.count else { return true }
        guard let mark = gap(text, token, tokens[index + 1]).first(where: { $0 != 0x20 }) else { return false }
        return [0x2C, 0x2E, 0x3B, 0x0A, 0x0D].contains(mark)
    }

    /// True when the words from `start` name a known place or organisation ("New York", "New Zealand").
    private func startsKnownName(_ tokens: [Token], _ start: Int, before end: Int) -> Bool {
        var key = tokens[start].term
        for index in (start + 1)..<max(start + 1, min(end, start + 4)) {
            key += " " + tokens[index].term
            if gazetteer.places.contains(key) || gazetteer.organisations.contains(key) { return true }
        }
        return false
    }

    /// "North Koreans", "an Israeli": words naming a known place's people.
    func isDemonym(_ terms: [String]) -> Bool {
        demonyms.contains(terms.joined(separator: " "))
    }

    /// The words for the people of each place: its name with the usual endings ("north korean",
    /// "north koreans", "israeli", "japanese", "chinese", "italians").
    static func demonyms(of places: Set<String>) -> Set<String> {
        var words: Set<String> = []
        for place in places where place.count > 2 {
            let stem = String(place.dropLast())
            var forms = [place + "n", place + "an", place + "i", place + "ese"]
            if place.hasSuffix("a") { forms += [stem + "ese", stem + "ian", stem + "an"] }
            if place.hasSuffix("y") { forms += [stem + "ian", stem + "an"] }
            if place.hasSuffix("e") { forms += [stem + "ian", place + "se"] }
            for form in forms { words.insert(form); words.insert(form + "s") }
        }
        return words
    }

    private func isNameLike(_ token: Token) -> Bool {
        guard token.term != "i" else { return false }
        return token.shape == .capitalized || (token.shape == .allCaps && token.term.count >= 2)
    }

    /// True when nothing but a sentence end, or the start of the run, stands before the token.
    private func startsSentence(_ tokens: [Token], _ index: Int, text: SourceText) -> Bool {
        guard index > 0 else { return true }
        let gap = text.bytes[tokens[index - 1].range.upperBound..<tokens[index].range.lowerBound]
        return gap.contains { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F || $0 == 0x0A }
    }

    /// Words of one name: only spaces or a hyphen between them, or the full stop of an initial.
    private func joins(_ text: SourceText, _ left: Token, _ right: Token) -> Bool {
        let gap = text.bytes[left.range.upperBound..<right.range.lowerBound]
        if gap.count == 1, gap.first == 0x20 || gap.first == 0x2D { return true }
        if gap.elementsEqual([0x2E, 0x20]) { return left.term.count == 1 }
        // Initials run together: "J.R.R. Tolkien", "George R.R. Martin".
        if gap.elementsEqual([0x2E]) { return left.term.count == 1 && right.term.count == 1 }
        return false
    }

    private func gap(_ text: SourceText, _ left: Token, _ right: Token) -> ArraySlice<UInt8> {
        text.bytes[left.range.upperBound..<right.range.lowerBound]
    }

    // MARK: - Reading a run

    /// How a run of capitalised words is read, and the name of the rule that decided it.
    private func classification(of run: Range<Int>, in tokens: [Token], lowercaseTerms: Set<String>, isHeadline: Bool,
                                text: SourceText) -> (findings: [Finding], rule: String) {
        let candidate = candidate(for: run, in: tokens, lowercaseTerms: lowercaseTerms, isHeadline: isHeadline, text: text)
        for rule in Self.rules where rule.applies(to: candidate) {
            guard let decision = rule.decide(candidate, gazetteer) else { continue }
            // "North Koreans watched", "a North Korean official": the people of a place, not a person.
            if decision.makesPerson, isDemonym(candidate.terms) { return ([], NameExplanation.Step.peopleOfAPlace.rawValue) }
            return (findings(for: decision, of: candidate), rule.name)
        }
        return ([], NameExplanation.Step.noRuleDecided.rawValue)
    }

    /// The words of a run that may be a name, what stands around them, and the title or role that cues them.
    private func candidate(for run: Range<Int>, in tokens: [Token], lowercaseTerms: Set<String>, isHeadline: Bool,
                           text: SourceText) -> NameCandidate {
        let start = nameStart(in: run, tokens: tokens, lowercaseTerms: lowercaseTerms, text: text)
        let (end, hasPostNominal, hasGenerationalSuffix) = nameEnd(in: run, from: start, tokens: tokens, text: text)
        let (first, cue) = start < end ? cuedNameStart(in: run, from: start, to: end, tokens: tokens, text: text) : (start, nil)
        let words = first..<end
        let terms = tokens[words].map(\.term)
        return NameCandidate(
            tokens: tokens, run: run, words: words, terms: terms, key: terms.joined(separator: " "), cue: cue,
            hasPostNominal: hasPostNominal, hasGenerationalSuffix: hasGenerationalSuffix,
            allCapitalized: tokens[words].allSatisfy { $0.shape == .capitalized }, lowercaseTerms: lowercaseTerms,
            isHeadline: isHeadline, text: text)
    }

    /// Where a name in the run may start: past the capitalised common words a sentence may open with
    /// ("When", "Earlier", "The", "Hopefully").
    private func nameStart(in run: Range<Int>, tokens: [Token], lowercaseTerms: Set<String>, text: SourceText) -> Int {
        var start = run.lowerBound
        // "Oh Se-hoon", "Oh Kyeong Taek": a Korean family name that is also a word a sentence may open with.
        if run.count == 3, gazetteer.familyNamesFirst.contains(tokens[start].term),
           tokens[(start + 1)..<run.upperBound].allSatisfy({ $0.term.utf8.count <= 6 && !NameWords.mayNeighbourName($0.term) }) {
            return start
        }
        while start < run.upperBound, !gazetteer.cueWords.contains(tokens[start].term),
              NameWords.mayNeighbourName(tokens[start].term)
                || (start == run.lowerBound && startsSentence(tokens, start, text: text) && lowercaseTerms.contains(tokens[start].term)),
              !startsKnownName(tokens, start, before: run.upperBound) {
            start += 1
        }
        return start
    }

    /// Where a name that starts at `start` ends, before what follows a name without being part of it.
    private func nameEnd(in run: Range<Int>, from start: Int, tokens: [Token],
                         text: SourceText) -> (end: Int, hasPostNominal: Bool, hasGenerationalSuffix: Bool) {
        var end = run.upperBound
        // "Bridgestone Arena June 5": a month before the day of a date is the date's, not the name's.
        if end - start > 1, end < tokens.count, NameWords.months.contains(tokens[end - 1].term),
           gap(text, tokens[end - 1], tokens[end]).elementsEqual([0x20]), Self.isDayOfMonth(tokens[end].term) {
            end -= 1
        }
        // Post-nominal letters ("MP", "QC") follow a person's name without belonging to it.
        var hasPostNominal = false
        // "Martin Truex Jr": a generational suffix belongs to the name, and marks a person as post-nominals do.
        var hasGenerationalSuffix = false
        if end - start > 2, NameWords.generationalSuffixes.contains(tokens[end - 1].term), tokens[end - 1].shape == .capitalized {
            end -= 1
            hasGenerationalSuffix = true
            hasPostNominal = true
        }
        while end - start > 1, gazetteer.postNominals.contains(tokens[end - 1].term) {
            end -= 1
            hasPostNominal = true
        }
        // "Jane Smith RRP": letters in capitals after a name in ordinary case are not part of it.
        if !hasGenerationalSuffix, end - start > 2, tokens[end - 1].shape == .allCaps, tokens[end - 1].term.utf8.count > 1,
           !tokens[end - 1].term.allSatisfy({ "ivx".contains($0) }), tokens[start..<(end - 1)].allSatisfy({ $0.shape == .capitalized }) {
            end -= 1
        }
        return (end, hasPostNominal, hasGenerationalSuffix)
    }

    /// "5", "31", "5th": a day of a month.
    private static func isDayOfMonth(_ term: String) -> Bool {
        let digits = term.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), let day = Int(digits), (1...31).contains(day) else { return false }
        return ["", "st", "nd", "rd", "th"].contains(term.dropFirst(digits.count))
    }

    /// A title or role inside the run ("Prime Minister Shinzo Abe") or just before it ("spokesperson
    /// Heather Nauert"), and where the name starts: after the title, or at its first given name.
    private func cuedNameStart(in run: Range<Int>, from start: Int, to end: Int, tokens: [Token],
                               text: SourceText) -> (start: Int, cue: String?) {
        // A word for a relative is a cue only in lower case: "Son" in "Choe Son Hui" is a syllable of her name.
        if let last = (start..<(end - 1)).last(where: { gazetteer.cueWords.contains(tokens[$0].term) && !Self.relatives.contains(tokens[$0].term) }) {
            return (last + 1, tokens[last].term)
        }
        if start == run.lowerBound, start > 0, gazetteer.cueWords.contains(tokens[start - 1].term),
           gap(text, tokens[start - 1], tokens[start]).elementsEqual([0x20])
            || (Self.abbreviatedTitles.contains(tokens[start - 1].term) && gap(text, tokens[start - 1], tokens[start]).elementsEqual([0x2E, 0x20])) {
            return (start, tokens[start - 1].term)
        }
        if let given = (start..<(end - 1)).first(where: { gazetteer.commonGivenNames.contains(tokens[$0].term) }), given > start,
           end - given <= 3, !gazetteer.familyNamesFirst.contains(tokens[start].term), !Self.placePrefixes.contains(tokens[start].term) {
            // "Liberal Democrat David Laws": the name starts at its first given name.
            return (given, nil)
        }
        return (start, nil)
    }

    /// What a rule's decision makes of the candidate's words.
    private func findings(for decision: NameRule.Decision, of candidate: NameCandidate) -> [Finding] {
        let first = candidate.words.lowerBound
        switch decision {
        case .notAName:
            return []
        case .entity(let kind):
            return [entityFinding(kind, candidate)]
        case .personWithTitle(let title):
            let written = candidate.text.string(candidate.tokens[first - 1].range) + " " + candidate.text.string(candidate.tokens[first].range)
            return [entityFinding(.person, candidate, key: title + " " + candidate.terms[0], name: written)]
        case .possibleSurname(let afterTitle):
            return [.possibleSurname(token: first, afterTitle: afterTitle)]
        case .pairOfSurnames:
            return [.possibleSurname(token: first, afterTitle: false), .possibleSurname(token: first + 1, afterTitle: false)]
        case .unclassified:
            return [.unclassified(tokens: candidate.words)]
        case .work:
            return [.work(tokens: candidate.words)]
        }
    }

    /// A name of `kind` as a finding: under its own words and key, or, for a person, `key` and `name` (as
    /// written) when given.
    private func entityFinding(_ kind: Entity.Kind, _ candidate: NameCandidate, key: String? = nil, name displayName: String? = nil) -> Finding {
        let key = key ?? candidate.key
        let words = candidate.words
        let found = makeEntity(kind, tokens: candidate.tokens, name: words, key: key, displayName: displayName, cue: candidate.cue,
                               text: candidate.text)
        guard kind == .person, candidate.hasGenerationalSuffix else { return .entity(tokens: words, found) }
        // The suffix is part of the name and its key (a father and son share the rest), not the surname.
        let span = words.lowerBound..<(words.upperBound + 1)
        return .entity(tokens: span, FoundEntity(
            key: key + " " + candidate.tokens[words.upperBound].term,
            name: displayName ?? Self.writtenName(candidate.tokens[span], text: candidate.text),
            kind: kind, role: found.role, gender: found.gender, surname: found.surname, givenName: found.givenName))
    }

    /// A found entity from a name's tokens.
    func makeEntity(_ kind: Entity.Kind, tokens: [Token], name: Range<Int>, key: String? = nil, displayName: String? = nil,
                    cue: String?, text: SourceText) -> FoundEntity {
        let terms = tokens[name].map(\.term)
        let isPerson = kind == .person
        // A Korean or Chinese name puts the family name first ("Kim Hyok-chol" is Mr Kim, "Xi Jinping" President
        // Xi), and its given name is not used alone.
        let familyNameFirst = isPerson && gazetteer.familyNamesFirst.contains(terms[0])
            && (terms.count == 3 || (terms.count == 2 && gazetteer.chineseSurnames.contains(terms[0]) && Pinyin.isGivenName(terms[1])))
        let gender = isPerson ? (cue.flatMap(gazetteer.gender(ofTitle:)) ?? gazetteer.gender(ofGivenName: terms[0])) : nil
        return FoundEntity(
            key: key ?? terms.joined(separator: " "),
            name: displayName ?? Self.writtenName(tokens[name], text: text),
            kind: kind, role: isPerson ? role(tokens, before: name.lowerBound, cueFound: cue != nil, text: text) : nil,
            gender: gender, surname: familyNameFirst ? terms.first : isPerson ? terms.last : nil,
            givenName: isPerson && !familyNameFirst && terms.count > 1 ? terms.first : nil)
    }

    /// Titles written short with a full stop before the name: "Gov. Deval Patrick", "Rep. Tulsi Gabbard".
    private static let abbreviatedTitles: Set<String> = [
        "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt", "cpl", "dr", "mr", "mrs", "ms", "prof", "rev", "cmdr",
        "adm", "amb", "supt", "insp", "det", "pres", "maj", "fr", "hon",
    ]

    /// Honorifics that belong to a name, not to a role ("the Rt Rev Michael Scott-Joynt").
    private static let honorifics = NameWords.courtesyTitles.union(["rt", "hon", "right", "very", "most", "rev", "revd"])

    /// A name as the text writes it ("Pierre-Hugues Herbert", "Kim Hyok-chol"), each run of white space one space.
    static func writtenName(_ tokens: ArraySlice<Token>, text: SourceText) -> String {
        guard let first = tokens.first, let last = tokens.last else { return "" }
        let range = first.range.lowerBound..<last.range.upperBound
        var previous: UInt8 = 0
        let spacedOnce = text.bytes[range].allSatisfy { byte in
            defer { previous = byte }
            return !(byte == 0x20 && previous == 0x20) && byte != 0x0A && byte != 0x09 && byte != 0x0D && byte != 0xC2
        }
        if spacedOnce { return text.string(range) }
        return text.string(range)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" }).joined(separator: " ")
    }

    /// The role written before a person's name: the title words and capitalised words just before it.
    private func role(_ tokens: [Token], before nameStart: Int, cueFound: Bool, text: SourceText) -> String? {
        guard cueFound, nameStart > 0 else { return nil }
        var first = nameStart
        while first > 0, nameStart - first < 5 {
            let previous = tokens[first - 1]
            let isRoleWord = gazetteer.cueWords.contains(previous.term) || previous.shape == .capitalized || previous.shape == .allCaps
                || (previous.term == "of" && first - 1 > 0)
            let between = gap(text, previous, tokens[first])
            let startsPlace = first < nameStart && gazetteer.places.contains(previous.term + " " + tokens[first].term)
            guard isRoleWord, between.allSatisfy({ $0 == 0x20 || $0 == 0x2D }),
                  !NameWords.common.contains(previous.term) || previous.term == "of" || startsPlace
            else { break }
            first -= 1
        }
        while first < nameStart, tokens[first].term == "of" { first += 1 }
        // "manager Sir Alex Ferguson": the honorific belongs to the name, not the role.
        var last = nameStart - 1
        while last >= first, gazetteer.nobleTitles.contains(tokens[last].term) || Self.honorifics.contains(tokens[last].term) {
            last -= 1
        }
        guard first <= last else { return nil }
        // A word the text doubles by mistake ("British British Casino Association") is said once.
        var words: [Substring] = []
        for word in text.string(tokens[first].range.lowerBound..<tokens[last].range.upperBound).split(separator: " ")
        where words.last?.lowercased() != word.lowercased() {
            words.append(word)
        }
        return words.joined(separator: " ")
    }
}
