/// Finds the mentions of known entities in an article and decides whom each names.
///
/// Full names and aliases match as token sequences (so "Kim Jong-un" and
/// "KIM JONG UN" are the same name). A surname alone is resolved within its
/// article: a title before it that only one bearer holds decides ("Chairman
/// Kim"); otherwise the nearest preceding full mention of a bearer decides, or,
/// before any, the first that follows; two bearers named in the same sentence
/// leave it ambiguous. An article that names no bearer links the surname only
/// when the catalog marks it unambiguous ("Trump", "Pompeo"); otherwise the
/// mention stays ambiguous, never guessed.
public struct EntityLinker: Sendable {
    public let entities: [Entity]
    private let patternsByFirstTerm: [String: [NamePattern]]
    private let bearersBySurname: [String: [Int]]
    private let titlesByEntity: [[[String]]]

    private struct NamePattern: Sendable {
        let terms: [String]
        let cases: [CaseRule]
        /// The entity, or nil for a surname that several people may bear.
        let entity: Int?
        let form: Mention.Form
    }

    /// What a word of the text must look like to match a word of a name.
    private enum CaseRule: Sendable {
        case any, capitalized, allCaps
        /// "Ri" but not "RI", which in capitals is usually Rhode Island.
        case capitalizedNotAllCaps

        func admits(_ shape: Token.Shape) -> Bool {
            switch self {
            case .any: true
            case .capitalized: shape == .capitalized || shape == .allCaps
            case .allCaps: shape == .allCaps
            case .capitalizedNotAllCaps: shape == .capitalized
            }
        }
    }

    public init(entities: [Entity]) {
        self.entities = entities
        var patterns: [String: [NamePattern]] = [:]
        var bearers: [String: [Int]] = [:]
        for (index, entity) in entities.enumerated() {
            for name in [entity.name] + entity.aliases {
                let tokens = Tokenizer.tokens(in: Array(name.utf8), range: 0..<name.utf8.count)
                guard let first = tokens.first else { continue }
                let cases = tokens.map { token -> CaseRule in
                    if token.shape == .allCaps { return .allCaps }
                    if entity.kind == .person && tokens.count > 1 { return .any }
                    return token.shape == .lowercase ? .any : .capitalized
                }
                patterns[first.term, default: []].append(
                    NamePattern(terms: tokens.map(\.term), cases: cases, entity: index, form: .name))
            }
            if entity.kind == .person, let surname = entity.surname,
               let token = Tokenizer.tokens(in: Array(surname.utf8), range: 0..<surname.utf8.count).first {
                bearers[token.term, default: []].append(index)
            }
        }
        for (surname, _) in bearers {
            let rule: CaseRule = surname.count <= 2 ? .capitalizedNotAllCaps : .capitalized
            patterns[surname, default: []].append(NamePattern(terms: [surname], cases: [rule], entity: nil, form: .surname))
        }
        for key in patterns.keys {
            // Longest first; a full name before a surname of the same length.
            patterns[key]?.sort { ($0.terms.count, $0.form == .name ? 1 : 0) > ($1.terms.count, $1.form == .name ? 1 : 0) }
        }
        patternsByFirstTerm = patterns
        bearersBySurname = bearers
        titlesByEntity = entities.map { entity in
            entity.titles.map { title in
                Tokenizer.tokens(in: Array(title.utf8), range: 0..<title.utf8.count).map(\.term)
            }
        }
    }

    /// The mentions in the given runs of tokens (the headline and each paragraph), in text order.
    public func mentions(in text: SourceText, tokenRuns: [[Token]]) -> [Mention] {
        var named: [(position: Int, entity: Int)] = []
        var mentions: [Mention] = []
        var pendingSurnames: [(range: Range<Int>, term: String, titled: [Int])] = []

        for tokens in tokenRuns {
            var index = 0
            while index < tokens.count {
                guard let (pattern, length) = match(at: index, in: tokens, text: text) else {
                    index += 1
                    continue
                }
                let range = tokens[index].range.lowerBound..<tokens[index + length - 1].range.upperBound
                if let entity = pattern.entity {
                    mentions.append(Mention(range: range, entity: entity, candidates: [], form: .name))
                    if entities[entity].kind == .person { named.append((range.lowerBound, entity)) }
                } else if !continuesAnotherName(at: index, in: tokens, text: text) {
                    let bearers = bearersBySurname[pattern.terms[0]] ?? []
                    let titled = bearers.filter { hasTitle($0, before: index, in: tokens, text: text) }
                    pendingSurnames.append((range, pattern.terms[0], titled))
                }
                index += length
            }
        }

        for pending in pendingSurnames {
            let resolved = resolve(pending.range, bearers: bearersBySurname[pending.term] ?? [],
                                   titled: pending.titled, named: named, text: text)
            switch resolved {
            case .entity(let entity):
                mentions.append(Mention(range: pending.range, entity: entity, candidates: [], form: .surname))
            case .ambiguous(let candidates):
                mentions.append(Mention(range: pending.range, entity: nil, candidates: candidates, form: .surname))
            }
        }
        return mentions.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: - Matching names

    private func match(at index: Int, in tokens: [Token], text: SourceText) -> (NamePattern, Int)? {
        guard let candidates = patternsByFirstTerm[tokens[index].term] else { return nil }
        for pattern in candidates where index + pattern.terms.count <= tokens.count {
            var matches = true
            for offset in pattern.terms.indices {
                let token = tokens[index + offset]
                if token.term != pattern.terms[offset] || !pattern.cases[offset].admits(token.shape)
                    || (offset > 0 && !joinsName(text, tokens[index + offset - 1], token)) {
                    matches = false
                    break
                }
            }
            if matches { return (pattern, pattern.terms.count) }
        }
        return nil
    }

    /// Words of one name are separated by spaces, a hyphen, or the full stop of an initial.
    private func joinsName(_ text: SourceText, _ left: Token, _ right: Token) -> Bool {
        let gap = text.bytes[left.range.upperBound..<right.range.lowerBound]
        guard !gap.isEmpty, gap.count <= 3 else { return false }
        var stops = 0
        for byte in gap {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x2D, 0xC2, 0xA0: continue
            case 0x2E: stops += 1
            default: return false
            }
        }
        return stops <= 1
    }

    /// Only white space between two words: "Kim Clijsters", not "Kim, Clijsters" or "Trump-Kim".
    private func isSpaceOnly(_ text: SourceText, _ left: Token, _ right: Token) -> Bool {
        let gap = text.bytes[left.range.upperBound..<right.range.lowerBound]
        return !gap.isEmpty && gap.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// A surname right beside another capitalised word belongs to a different name.
    private func continuesAnotherName(at index: Int, in tokens: [Token], text: SourceText) -> Bool {
        func isNamePart(_ neighbour: Token) -> Bool {
            (neighbour.shape == .capitalized || neighbour.shape == .allCaps) && !NameWords.mayNeighbourName(neighbour.term)
        }
        if index > 0, isSpaceOnly(text, tokens[index - 1], tokens[index]), isNamePart(tokens[index - 1]) { return true }
        if index + 1 < tokens.count, isSpaceOnly(text, tokens[index], tokens[index + 1]), isNamePart(tokens[index + 1]) {
            return true
        }
        return false
    }

    /// True when one of the entity's titles stands right before the token ("Foreign Minister Ri").
    private func hasTitle(_ entity: Int, before index: Int, in tokens: [Token], text: SourceText) -> Bool {
        titlesByEntity[entity].contains { title in
            guard !title.isEmpty, index >= title.count else { return false }
            let start = index - title.count
            for offset in title.indices where tokens[start + offset].term != title[offset] { return false }
            for position in start..<index where !joinsName(text, tokens[position], tokens[position + 1]) { return false }
            return true
        }
    }

    // MARK: - Resolving surnames

    private enum Resolution { case entity(Int), ambiguous([Int]) }

    private func resolve(_ range: Range<Int>, bearers: [Int], titled: [Int],
                         named: [(position: Int, entity: Int)], text: SourceText) -> Resolution {
        if titled.count == 1 { return .entity(titled[0]) }
        let pool = titled.isEmpty ? bearers : titled
        let fullMentions = named.filter { pool.contains($0.entity) }
        if fullMentions.isEmpty {
            let unambiguous = pool.filter { entities[$0].surnameUnambiguous }
            if unambiguous.count == 1 { return .entity(unambiguous[0]) }
            return .ambiguous(pool)
        }
        let before = fullMentions.filter { $0.position < range.lowerBound }
        let deciding = before.isEmpty
            ? fullMentions.sorted { $0.position < $1.position }
            : before.sorted { $0.position > $1.position }
        let nearest = deciding[0]
        // Two bearers named in one sentence ("Kim Jong Un and Kim Yo Jong arrived") leave nothing to decide by.
        if let rival = deciding.first(where: { $0.entity != nearest.entity }),
           SentenceSplitter.inOneSentence(text.bytes, nearest.position, rival.position) {
            return .ambiguous([nearest.entity, rival.entity].sorted())
        }
        return .entity(nearest.entity)
    }
}
