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
struct NameFinder: Sendable {
    let gazetteer: Gazetteer

    enum Finding: Equatable {
        /// A name: the token range it covers in the run, and what it is.
        case entity(tokens: Range<Int>, FoundEntity)
        /// A lone word that may be the surname or first name of someone named in full elsewhere in the article.
        case possibleSurname(token: Int, afterTitle: Bool)
        /// Capitalised words with no sign of what they are.
        case unclassified(tokens: Range<Int>)
    }

    private static let particles: Set<String> = [
        "de", "van", "von", "bin", "al", "le", "la", "du", "da", "di", "del", "der", "den", "ter", "dos", "das", "of",
    ]

    /// The findings in one run of tokens, skipping tokens already `covered` by catalog mentions.
    /// `lowercaseTerms` are the words the article also writes in lower case: capitalised at the
    /// start of a sentence, such a word is a common word ("Hopefully", "Critics"), not a name.
    /// In a headline (`isHeadline`), words of an unclassified run may each be a surname.
    func findings(in tokens: [Token], covered: [Bool], lowercaseTerms: Set<String>, isHeadline: Bool = false, text: SourceText) -> [Finding] {
        var findings: [Finding] = []
        var index = 0
        while index < tokens.count {
            guard !covered[index], isNameLike(tokens[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < tokens.count, !covered[end], joins(text, tokens[end - 1], tokens[end]) {
                if isNameLike(tokens[end]) {
                    end += 1
                } else if Self.particles.contains(tokens[end].term), end + 1 < tokens.count, !covered[end + 1],
                          isNameLike(tokens[end + 1]), joins(text, tokens[end], tokens[end + 1]) {
                    end += 2
                } else {
                    break
                }
            }
            let classified = classify(tokens, index..<end, lowercaseTerms: lowercaseTerms, text: text)
            if isHeadline, classified.count == 1, case .unclassified(let run) = classified[0] {
                // Headlines are terse: "Blair Labour's longest-serving PM" puts a surname beside another name.
                findings += run.map { .possibleSurname(token: $0, afterTitle: false) }
            } else {
                findings += classified
            }
            index = end
        }
        return findings
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
        return false
    }

    private func gap(_ text: SourceText, _ left: Token, _ right: Token) -> ArraySlice<UInt8> {
        text.bytes[left.range.upperBound..<right.range.lowerBound]
    }

    private func classify(_ tokens: [Token], _ run: Range<Int>, lowercaseTerms: Set<String>, text: SourceText) -> [Finding] {
        var start = run.lowerBound
        // A sentence may open with a capitalised common word: "When", "Earlier", "The", "Hopefully".
        while start < run.upperBound, !gazetteer.cueWords.contains(tokens[start].term),
              NameWords.mayNeighbourName(tokens[start].term)
                || (start == run.lowerBound && startsSentence(tokens, start, text: text) && lowercaseTerms.contains(tokens[start].term)) {
            start += 1
        }
        var end = run.upperBound
        // Post-nominal letters ("MP", "QC") follow a person's name without belonging to it.
        var hasPostNominal = false
        while end - start > 1, gazetteer.postNominals.contains(tokens[end - 1].term) {
            end -= 1
            hasPostNominal = true
        }
        guard start < end else { return [] }

        // A title or role inside the run ("Prime Minister Shinzo Abe") or just before it ("spokesperson Heather Nauert").
        var nameStart = start
        var cue: String?
        if let last = (start..<(end - 1)).last(where: { gazetteer.cueWords.contains(tokens[$0].term) }) {
            nameStart = last + 1
            cue = tokens[last].term
        } else if start == run.lowerBound, start > 0, gazetteer.cueWords.contains(tokens[start - 1].term),
                  gap(text, tokens[start - 1], tokens[start]).elementsEqual([0x20]) {
            cue = tokens[start - 1].term
        } else if let given = (start..<(end - 1)).first(where: { gazetteer.isGivenName(tokens[$0].term) }), given > start, end - given <= 3 {
            // "Liberal Democrat David Laws": the name starts at its first given name.
            nameStart = given
        }
        guard nameStart < end, !Self.particles.contains(tokens[nameStart].term) else { return [] }
        let name = nameStart..<end
        let terms = tokens[name].map(\.term)
        let key = terms.joined(separator: " ")

        func entity(_ kind: Entity.Kind, key: String = key, name displayName: String? = nil) -> [Finding] {
            [.entity(tokens: name, makeEntity(kind, tokens: tokens, name: name, key: key, displayName: displayName, cue: cue, text: text))]
        }

        if name.count == 1 {
            let term = terms[0]
            if let cue, gazetteer.nobleTitles.contains(cue) {
                // "Lord Goldsmith" is the name such a person goes by; the title is part of it.
                let title = text.string(tokens[nameStart - 1].range)
                return entity(.person, key: cue + " " + term, name: title + " " + text.string(tokens[nameStart].range))
            }
            if cue != nil || hasPostNominal { return [.possibleSurname(token: nameStart, afterTitle: true)] }
            if gazetteer.places.contains(term) { return entity(.place) }
            if gazetteer.organisations.contains(term) { return entity(.organisation) }
            if tokens[nameStart].shape == .capitalized { return [.possibleSurname(token: nameStart, afterTitle: false)] }
            return []
        }
        let allCapitalized = tokens[name].allSatisfy { $0.shape == .capitalized }
        if gazetteer.places.contains(key) { return entity(.place) }
        if gazetteer.organisations.contains(key) { return entity(.organisation) }
        if terms.contains(where: gazetteer.organisationWords.contains) { return entity(.organisation) }
        if (cue != nil || hasPostNominal), allCapitalized { return entity(.person) }
        if gazetteer.isGivenName(terms[0]), name.count <= 4 { return entity(.person) }
        if name.count == 3, gazetteer.koreanSurnames.contains(terms[0]), terms.dropFirst().allSatisfy({ $0.count <= 6 }) {
            return entity(.person)
        }
        if let last = terms.last, gazetteer.placeWords.contains(last) { return entity(.place) }
        if allCapitalized, name.count <= 3, isFollowedByPersonSign(tokens, after: end, text: text) { return entity(.person) }
        if allCapitalized, name.count <= 3, nameStart > 0, ["said", "says"].contains(tokens[nameStart - 1].term) { return entity(.person) }
        return allCapitalized && name.count <= 3 ? [.unclassified(tokens: name)] : []
    }

    /// "Heather Nauert said", "Jelena Dokic, who…", "Anil Ambani, vice-chairman of…".
    private func isFollowedByPersonSign(_ tokens: [Token], after end: Int, text: SourceText) -> Bool {
        guard end < tokens.count else { return false }
        let between = gap(text, tokens[end - 1], tokens[end])
        if between.elementsEqual([0x20]) { return gazetteer.attributionVerbs.contains(tokens[end].term) }
        if between.elementsEqual([0x2C, 0x20]) {
            return tokens[end].term == "who" || gazetteer.cueWords.contains(tokens[end].term)
                || (end + 1 < tokens.count && ["a", "an", "the"].contains(tokens[end].term) && gazetteer.cueWords.contains(tokens[end + 1].term))
        }
        return false
    }

    /// A found entity from a name's tokens.
    func makeEntity(_ kind: Entity.Kind, tokens: [Token], name: Range<Int>, key: String? = nil, displayName: String? = nil,
                    cue: String?, text: SourceText) -> FoundEntity {
        let terms = tokens[name].map(\.term)
        let isPerson = kind == .person
        let gender = isPerson ? (cue.flatMap(gazetteer.gender(ofTitle:)) ?? gazetteer.gender(ofGivenName: terms[0])) : nil
        return FoundEntity(
            key: key ?? terms.joined(separator: " "),
            name: displayName ?? tokens[name].map { text.string($0.range) }.joined(separator: " "),
            kind: kind, role: isPerson ? role(tokens, before: name.lowerBound, cueFound: cue != nil, text: text) : nil,
            gender: gender, surname: isPerson ? terms.last : nil, givenName: isPerson && terms.count > 1 ? terms.first : nil)
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
            guard isRoleWord, between.allSatisfy({ $0 == 0x20 || $0 == 0x2D }), !NameWords.common.contains(previous.term) || previous.term == "of"
            else { break }
            first -= 1
        }
        while first < nameStart, tokens[first].term == "of" { first += 1 }
        // "manager Sir Alex Ferguson": the honorific belongs to the name, not the role.
        var last = nameStart - 1
        while last >= first, gazetteer.nobleTitles.contains(tokens[last].term) || ["mr", "mrs", "ms", "miss", "dr"].contains(tokens[last].term) {
            last -= 1
        }
        guard first <= last else { return nil }
        return text.string(tokens[first].range.lowerBound..<tokens[last].range.upperBound)
    }
}
