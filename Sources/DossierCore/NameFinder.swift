/// Finds the names the catalog does not know: runs of capitalised words,
/// typed by what surrounds them.
///
/// A run after a title or role word ("Prime Minister Shinzo Abe", "spokesperson
/// Heather Nauert", "Conservative MP Michael Mates") is a person; so is a run
/// that starts with a known given name, a Korean three-part name, or a name
/// followed by "said" and its kin. Runs with an organisation word ("Labour
/// Party", "Bank of England") are organisations, and known places or runs ending
/// in a place word ("Downing Street") are places. Anything else is left alone:
/// a missed name costs less than a wrong one. A lone capitalised word is kept
/// only as a possible surname, for the linker to match against the people the
/// article names in full.
struct NameFinder: Sendable {
    let gazetteer: Gazetteer

    enum Finding: Equatable {
        /// A name: the token range it covers in the run, and what it is.
        case entity(tokens: Range<Int>, FoundEntity)
        /// A lone word that may be the surname of someone named in full elsewhere in the article.
        case possibleSurname(token: Int, afterTitle: Bool)
    }

    private static let particles: Set<String> = [
        "de", "van", "von", "bin", "al", "le", "la", "du", "da", "di", "del", "der", "den", "ter", "dos", "das", "of",
    ]

    /// The findings in one run of tokens, skipping tokens already `covered` by catalog mentions.
    /// `lowercaseTerms` are the words the article also writes in lower case: capitalised at the
    /// start of a sentence, such a word is a common word ("Hopefully", "Critics"), not a name.
    func findings(in tokens: [Token], covered: [Bool], lowercaseTerms: Set<String>, text: SourceText) -> [Finding] {
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
            findings += classify(tokens, index..<end, lowercaseTerms: lowercaseTerms, text: text)
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

    private func classify(_ tokens: [Token], _ run: Range<Int>, lowercaseTerms: Set<String>, text: SourceText) -> [Finding] {
        var start = run.lowerBound
        // A sentence may open with a capitalised common word: "When", "Earlier", "The", "Hopefully".
        while start < run.upperBound, !gazetteer.cueWords.contains(tokens[start].term),
              NameWords.mayNeighbourName(tokens[start].term)
                || (start == run.lowerBound && startsSentence(tokens, start, text: text) && lowercaseTerms.contains(tokens[start].term)) {
            start += 1
        }
        guard start < run.upperBound else { return [] }
        let end = run.upperBound

        // A title or role inside the run ("Prime Minister Shinzo Abe") or just before it ("spokesperson Heather Nauert").
        var nameStart = start
        var cue: String?
        if let last = (start..<(end - 1)).last(where: { gazetteer.cueWords.contains(tokens[$0].term) }) {
            nameStart = last + 1
            cue = tokens[last].term
        } else if start == run.lowerBound, start > 0, gazetteer.cueWords.contains(tokens[start - 1].term),
                  text.bytes[tokens[start - 1].range.upperBound] == 0x20 {
            cue = tokens[start - 1].term
        }
        guard nameStart < end, !Self.particles.contains(tokens[nameStart].term) else { return [] }
        let name = nameStart..<end
        let terms = tokens[name].map(\.term)
        let key = terms.joined(separator: " ")
        let written = tokens[name].map { text.string($0.range) }.joined(separator: " ")

        func entity(_ kind: Entity.Kind, key: String = key, name displayName: String = written) -> [Finding] {
            let isPerson = kind == .person
            let gender = isPerson ? (cue.flatMap(gazetteer.gender(ofTitle:)) ?? gazetteer.gender(ofGivenName: terms[0])) : nil
            let found = FoundEntity(
                key: key, name: displayName, kind: kind, role: isPerson ? role(tokens, before: nameStart, cueFound: cue != nil, text: text) : nil,
                gender: gender, surname: isPerson ? terms.last : nil)
            return [.entity(tokens: name, found)]
        }

        if name.count == 1 {
            let term = terms[0]
            if let cue, gazetteer.nobleTitles.contains(cue) {
                // "Lord Goldsmith" is the name such a person goes by; the title is part of it.
                let title = text.string(tokens[nameStart - 1].range)
                return entity(.person, key: cue + " " + term, name: title + " " + written)
            }
            if cue != nil { return [.possibleSurname(token: nameStart, afterTitle: true)] }
            if gazetteer.places.contains(term) { return entity(.place) }
            if gazetteer.organisations.contains(term) { return entity(.organisation) }
            if tokens[nameStart].shape == .capitalized { return [.possibleSurname(token: nameStart, afterTitle: false)] }
            return []
        }
        if gazetteer.places.contains(key) { return entity(.place) }
        if gazetteer.organisations.contains(key) { return entity(.organisation) }
        if cue != nil, tokens[name].allSatisfy({ $0.shape == .capitalized }) { return entity(.person) }
        if gazetteer.isGivenName(terms[0]), name.count <= 4, !terms.dropFirst().contains(where: gazetteer.organisationWords.contains) {
            return entity(.person)
        }
        if name.count == 3, gazetteer.koreanSurnames.contains(terms[0]), terms.dropFirst().allSatisfy({ $0.count <= 6 }) {
            return entity(.person)
        }
        if terms.contains(where: gazetteer.organisationWords.contains) { return entity(.organisation) }
        if let last = terms.last, gazetteer.placeWords.contains(last) { return entity(.place) }
        let isAttributed = (end < tokens.count && gazetteer.attributionVerbs.contains(tokens[end].term))
            || (nameStart > 0 && ["said", "says", "told"].contains(tokens[nameStart - 1].term))
        if isAttributed, name.count <= 3, tokens[name].allSatisfy({ $0.shape == .capitalized }) { return entity(.person) }
        return []
    }

    /// The role written before a person's name: the title words and capitalised words just before it.
    private func role(_ tokens: [Token], before nameStart: Int, cueFound: Bool, text: SourceText) -> String? {
        guard cueFound, nameStart > 0 else { return nil }
        var first = nameStart
        while first > 0, nameStart - first < 5 {
            let previous = tokens[first - 1]
            let isRoleWord = gazetteer.cueWords.contains(previous.term) || previous.shape == .capitalized || previous.shape == .allCaps
                || (previous.term == "of" && first - 1 > 0)
            let gap = text.bytes[previous.range.upperBound..<tokens[first].range.lowerBound]
            guard isRoleWord, gap.allSatisfy({ $0 == 0x20 || $0 == 0x2D }), !NameWords.common.contains(previous.term) || previous.term == "of"
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
