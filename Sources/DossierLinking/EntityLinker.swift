import DossierFormats
import DossierText

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
    /// Finds the names the catalog does not know; nil links catalog entities only.
    let finder: NameFinder?
    private let patternsByFirstTerm: [String: [NamePattern]]
    private let bearersBySurname: [String: [Int]]
    private let titlesByEntity: [[[String]]]
    /// The first name of each catalog person whose name does not start with the surname ("donald").
    private let givenNameByEntity: [Int: String]
    /// The surname term of each catalog person ("trump").
    private let surnameTermByEntity: [Int: String]

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

    public init(entities: [Entity], gazetteer: Gazetteer? = nil) {
        self.entities = entities
        let catalogPlaces = entities.filter { $0.kind == .place }.flatMap { [$0.name] + $0.aliases }
            .map { EntityKey($0).words.joined(separator: " ") }
        finder = gazetteer.map { NameFinder(gazetteer: $0, knownPlaces: Set(catalogPlaces)) }
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
                var spellings = [tokens.map(\.term)]
                if entity.kind == .person, tokens.count > 1, gazetteer?.koreanSurnames.contains(first.term) == true {
                    spellings = RomanisationVariants.spellings(surname: first.term, givenNames: tokens.dropFirst().map(\.term))
                }
                for terms in spellings {
                    patterns[first.term, default: []].append(NamePattern(terms: terms, cases: cases, entity: index, form: .name))
                }
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
        var givenNames: [Int: String] = [:]
        for (index, entity) in entities.enumerated() where entity.kind == .person {
            let words = EntityKey(entity.name).words
            if words.count > 1, let first = words.first, first != entity.surname.map({ EntityKey($0).words.joined() }) {
                givenNames[index] = first
            }
        }
        givenNameByEntity = givenNames
        var surnameTerms: [Int: String] = [:]
        for (term, people) in bearers { for person in people { surnameTerms[person] = term } }
        surnameTermByEntity = surnameTerms
        titlesByEntity = entities.map { entity in
            entity.titles.map { title in
                Tokenizer.tokens(in: Array(title.utf8), range: 0..<title.utf8.count).map(\.term)
            }
        }
    }

    /// Links the mentions in an article's words, a chunk of runs at a time.
    ///
    /// Three passes: catalog names and aliases; then, over the words they leave,
    /// the names `finder` recognises; then every surname alone, resolved among the
    /// people of both kinds that the article names in full. The first two run over
    /// each run of tokens in turn; the third needs only what they kept of each.
    public func link(_ words: ArticleWords) -> ArticleLinks {
        var article = ArticleLinking(linker: self, words: words)
        words.forEachChunk { firstRun, tokenRuns in
            for (offset, tokens) in tokenRuns.enumerated() {
                let covered = article.linkCatalogNames(in: tokens)
                article.addFoundNames(in: tokens, covered: covered, isHeadline: words.startsWithHeadline && firstRun + offset == 0)
            }
        }
        article.addHangulNames()
        article.resolveGivenNamesAfterRelatives()
        article.addNamesWhoseLastWordIsTitledOrSpeaks()
        article.resolveLoneSurnames()
        return article.finishedLinks()
    }

    /// Why the name finder read each run of capitalised words in an article as it did, in reading
    /// order. The runs are those `link` gives the finder: the words the catalog's names leave.
    func nameExplanations(in words: ArticleWords) -> [NameExplanation] {
        guard let finder else { return [] }
        var article = ArticleLinking(linker: self, words: words)
        var explanations: [NameExplanation] = []
        words.forEachChunk { firstRun, tokenRuns in
            for (offset, tokens) in tokenRuns.enumerated() {
                let covered = article.linkCatalogNames(in: tokens)
                explanations += finder.explanations(in: tokens, covered: covered, lowercaseTerms: words.lowercaseTerms,
                                                    isHeadline: words.startsWithHeadline && firstRun + offset == 0, text: words.text)
            }
        }
        return explanations
    }

    /// The same for an article of a corpus, whose text must be as it was indexed (`Article.textIsAsIndexed`).
    package func nameExplanations(in article: Article) -> [NameExplanation] {
        nameExplanations(in: ArticleWords(text: article.text, headline: article.headlineRange, paragraphs: article.paragraphs))
    }

    /// True when two folded names with the same surname may be one person's in an article: the given
    /// names alike or one a short form of the other ("pat", "patrick"), middle names alike, one the other's
    /// initial, or one name without ("john milo ford", "john m ford", "patrick w carlineo", "patrick carlineo
    /// jr"), and no two different generational suffixes ("dale earnhardt jr", "dale earnhardt sr").
    static func mayBeOnePerson(_ left: String, _ right: String) -> Bool {
        guard left != right else { return false }
        var leftWords = left.split(separator: " ")
        var rightWords = right.split(separator: " ")
        let leftSuffix = leftWords.last.flatMap { NameWords.generationalSuffixes.contains(String($0)) ? $0 : nil }
        let rightSuffix = rightWords.last.flatMap { NameWords.generationalSuffixes.contains(String($0)) ? $0 : nil }
        if let leftSuffix, let rightSuffix, leftSuffix != rightSuffix { return false }
        if leftSuffix != nil { leftWords.removeLast() }
        if rightSuffix != nil { rightWords.removeLast() }
        guard leftWords.count >= 2, rightWords.count >= 2, leftWords.last == rightWords.last,
              NameWords.mayBeOneGivenName(leftWords[0], rightWords[0]) else { return false }
        let leftMiddle = leftWords.dropFirst().dropLast()
        let rightMiddle = rightWords.dropFirst().dropLast()
        if leftMiddle.isEmpty || rightMiddle.isEmpty { return leftMiddle.count + rightMiddle.count <= 1 }
        guard leftMiddle.count == rightMiddle.count else { return false }
        for (leftName, rightName) in zip(leftMiddle, rightMiddle) where leftName != rightName {
            let (initial, full) = leftName.utf8.count == 1 ? (leftName, rightName) : (rightName, leftName)
            guard initial.utf8.count == 1, full.first == initial.first else { return false }
        }
        return true
    }

    /// True when `short` may be the person `full` names, called by a short form of the middle name: "Mike Ford"
    /// in the obituary of "John M. Ford" (or "John Michael Ford"). Asked only within one article: across
    /// articles two such names are more likely two people.
    static func mayBeKnownByMiddleName(_ full: String, _ short: String) -> Bool {
        let fullWords = full.split(separator: " ")
        let shortWords = short.split(separator: " ")
        guard fullWords.count == 3, shortWords.count == 2, fullWords[2] == shortWords[1], fullWords[0] != shortWords[0],
              let longForms = NameWords.shortForms[String(shortWords[0])] else { return false }
        let middle = fullWords[1]
        if middle.utf8.count == 1 { return longForms.allSatisfy { $0.first == middle.first } && shortWords[0].first == middle.first }
        return longForms.contains(String(middle)) || middle == shortWords[0]
    }

    /// True when a name of two words or more is the end of a longer one: a surname of two words
    /// ("hawk sawyer" of "kathleen hawk sawyer", "eriksson ek" of "joel eriksson ek").
    static func endsWithName(_ full: String, _ part: String) -> Bool {
        part.contains(" ") && full.count > part.count && full.hasSuffix(" " + part)
    }

    /// Every `part` that `endsWithName(full, part)` holds for: what follows each space of `full` but the last.
    static func nameEndings(of full: String) -> [String] {
        full.indices.filter { full[$0] == " " }.map { String(full[full.index(after: $0)...]) }.filter { $0.contains(" ") }
    }

    /// The person named in full nearest before `position` (else first after it) whose name begins or ends
    /// with `terms` without being only them: "Yo Jong" is Kim Yo Jong, "Mary Jane" is Mary Jane Smith.
    private func bearer(ofGivenName terms: [String], before position: Int, named: [(position: Int, target: ArticleLinks.Target)],
                        found: [FoundEntity]) -> ArticleLinks.Target? {
        func words(_ target: ArticleLinks.Target) -> [String] {
            switch target {
            case .catalog(let index): EntityKey(entities[index].name).words
            case .found(let local): found[local].key.split(separator: " ").map(String.init)
            }
        }
        let bearers = named.filter { entry in
            let name = words(entry.target)
            return name.count > terms.count && (Array(name.suffix(terms.count)) == terms || Array(name.prefix(terms.count)) == terms)
        }
        return (bearers.last { $0.position < position } ?? bearers.first)?.target
    }

    /// A mention in the article's local numbers (`ArticleLinks.mentions`).
    private func mention(_ range: Range<Int>, _ target: ArticleLinks.Target?, candidates: [ArticleLinks.Target] = [],
                         form: Mention.Form) -> Mention {
        Mention(range: range, entity: target?.localNumber(catalogCount: entities.count),
                candidates: candidates.map { $0.localNumber(catalogCount: entities.count) }, form: form)
    }

    /// 24 bytes, where a `Range<Int>` and the word's `String` made 48: a huge article holds a million of these at once.
    private struct PendingSurname {
        private let start: UInt32
        private let end: UInt32
        /// The word, as its place in the article's list of such words.
        let term: UInt32
        /// True when the word is a catalog person's surname, which may stay ambiguous; a lone
        /// capitalised word that no one in the article bears is simply not a mention.
        let isCatalogSurname: Bool
        /// True when `titled` hold an office named before the word ("Foreign Minister Ri"), false when only a
        /// courtesy title ("Mr Kim"), which narrows the catalog's bearers without outweighing a nearer full name.
        let titleDecides: Bool
        /// True after a title or honorific ("President Castro", "Mr Cable").
        let afterTitle: Bool
        /// True before a word such as "family": "the Ambani family" is not one person.
        let namesFamily: Bool
        // Last, so that the flags fill the bytes after the numbers.
        let titled: [ArticleLinks.Target]

        init(range: Range<Int>, term: UInt32, titled: [ArticleLinks.Target], isCatalogSurname: Bool, titleDecides: Bool,
             afterTitle: Bool, namesFamily: Bool) {
            start = UInt32(range.lowerBound)
            end = UInt32(range.upperBound)
            self.term = term
            self.titled = titled
            self.isCatalogSurname = isCatalogSurname
            self.titleDecides = titleDecides
            self.afterTitle = afterTitle
            self.namesFamily = namesFamily
        }

        var range: Range<Int> { Int(start)..<Int(end) }
    }

    /// "Lopez said", "said Ward", "Ward says": a verb of saying right after the word, or "said" right before it.
    private func speaks(_ tokens: [Token], _ index: Int, text: SourceText) -> Bool {
        guard let verbs = finder?.gazetteer.attributionVerbs else { return false }
        if index + 1 < tokens.count, tokens[index + 1].shape == .lowercase, isSpaceOnly(text, tokens[index], tokens[index + 1]),
           verbs.contains(tokens[index + 1].term) {
            return true
        }
        if index > 0, tokens[index - 1].term == "said" || tokens[index - 1].term == "says", isSpaceOnly(text, tokens[index - 1], tokens[index]) {
            return true
        }
        return false
    }

    private func namesFamily(_ tokens: [Token], after index: Int, text: SourceText) -> Bool {
        guard let familyWords = finder?.gazetteer.familyWords, index + 1 < tokens.count else { return false }
        return familyWords.contains(tokens[index + 1].term)
            && text.bytes[tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound].allSatisfy { $0 == 0x20 }
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

    /// True when one of the entity's titles stands right before the token ("Foreign Minister Ri"); only
    /// courtesy titles count when `courtesy`, and only the others otherwise.
    private func hasTitle(_ entity: Int, before index: Int, in tokens: [Token], text: SourceText, courtesy: Bool) -> Bool {
        titlesByEntity[entity].contains { title in
            guard !title.isEmpty, index >= title.count,
                  courtesy == (title.count == 1 && NameWords.courtesyTitles.contains(title[0])) else { return false }
            let start = index - title.count
            for offset in title.indices where tokens[start + offset].term != title[offset] { return false }
            for position in start..<index where !joinsName(text, tokens[position], tokens[position + 1]) { return false }
            return true
        }
    }

    // MARK: - Resolving surnames

    private enum Resolution { case entity(ArticleLinks.Target), ambiguous([ArticleLinks.Target]) }

    /// The article's full mentions of people, filed under each word that names them alone
    /// (surname, first name) and sorted by position, so that resolving a surname costs a
    /// binary search and a short scan, however many people an article names (files can be huge).
    private struct Bearings {
        private var byTerm: [String: [(position: Int, target: ArticleLinks.Target)]] = [:]

        init(_ named: [(position: Int, target: ArticleLinks.Target)], terms: (ArticleLinks.Target) -> [String]) {
            for entry in named {
                for term in terms(entry.target) { byTerm[term, default: []].append(entry) }
            }
            for key in byTerm.keys { byTerm[key]?.sort { $0.position < $1.position } }
        }

        func mentions(of term: String) -> [(position: Int, target: ArticleLinks.Target)] { byTerm[term] ?? [] }
    }

    /// Farther apart than this, two names cannot share a sentence.
    private static let sentenceReach = 4_000

    private func resolve(_ surname: PendingSurname, term: String, bearings: Bearings, text: SourceText) -> Resolution? {
        if surname.titleDecides, surname.titled.count == 1 { return .entity(surname.titled[0]) }
        // A courtesy title leaves in the catalog's bearers who may hold it, and anyone the text found.
        let allowed: (ArticleLinks.Target) -> Bool = surname.titled.isEmpty ? { _ in true } : { target in
            if case .found = target { return !surname.titleDecides }
            return surname.titled.contains(target)
        }
        let full = bearings.mentions(of: term)
        var low = 0
        var high = full.count
        while low < high {
            let middle = (low + high) / 2
            if full[middle].position < surname.range.lowerBound { low = middle + 1 } else { high = middle }
        }
        // The nearest full mention before the surname decides; before any, the first that follows.
        var nearest: Int?
        var step = -1
        var index = low - 1
        while index >= 0 { if allowed(full[index].target) { nearest = index; break }; index -= 1 }
        if nearest == nil {
            step = 1
            index = low
            while index < full.count { if allowed(full[index].target) { nearest = index; break }; index += 1 }
        }
        guard let chosen = nearest else {
            guard surname.isCatalogSurname else { return nil }
            // With no one of the name in full, a courtesy title only one bearer holds is enough ("Mr Kim").
            if surname.titled.count == 1 { return .entity(surname.titled[0]) }
            let pool = surname.titled.isEmpty ? (bearersBySurname[term] ?? []).map { ArticleLinks.Target.catalog($0) } : surname.titled
            let unambiguous = pool.filter { if case .catalog(let index) = $0 { entities[index].surnameUnambiguous } else { false } }
            if unambiguous.count == 1 { return .entity(unambiguous[0]) }
            return .ambiguous(pool)
        }
        // Two bearers named in one sentence ("Kim Jong Un and Kim Yo Jong arrived") leave nothing to decide by.
        var rival = chosen + step
        while rival >= 0, rival < full.count, abs(full[rival].position - full[chosen].position) < Self.sentenceReach {
            if allowed(full[rival].target), full[rival].target != full[chosen].target {
                if SentenceSplitter.inOneSentence(text.bytes, full[chosen].position, full[rival].position) {
                    return .ambiguous([full[chosen].target, full[rival].target])
                }
                break
            }
            rival += step
        }
        return .entity(full[chosen].target)
    }
}

// MARK: - Linking one article

extension EntityLinker {
    /// One article's links as the passes of `link` make them, and what each pass leaves for a later one:
    /// lone surnames and given names wait until everyone the article names in full is known.
    private struct ArticleLinking {
        private let linker: EntityLinker
        private let words: ArticleWords
        private let text: SourceText
        private var links = ArticleLinks()
        /// Each found entity's place in `links.found`, by its folded name.
        private var foundIndexByKey: [String: Int] = [:]
        /// The article's found people by surname, to find the same person under another form of the name.
        private var personsBySurname: [String: [Int]] = [:]
        /// Every ending of two words or more of a found person's name ("eriksson ek" of "joel eriksson ek"): what
        /// `EntityLinker.endsWithName` asks of each found person, kept as people are found, so that asking it of
        /// every name is not a walk over every person (an article of random names has tens of thousands of each).
        private var personNameEndings: Set<String> = []
        /// Every full mention of a person, catalog or found, where it starts.
        private var named: [(position: Int, target: ArticleLinks.Target)] = []
        private var pending: [PendingSurname] = []
        // A huge article has a million lone surnames, of a few thousand words: each word is kept once.
        private var pendingTerms: [String] = []
        private var pendingTermNumbers: [String: UInt32] = [:]
        /// Names with no sign of what they are, as their own tokens, in case the article gives their last word a title.
        private var unclassified: [[Token]] = []
        /// Lone words that speak ("Lopez said", "said Ward"): the surname of someone the article names in full.
        private var spokenTerms: Set<String> = []
        /// Given names after a word for a relative ("his sister Yo Jong"), resolved once everyone named in full is known.
        private var pendingGivenNames: [PendingGivenName] = []
        /// Korean names written in Hangul, linked once the whole article has said which are people.
        private var hangulNames = HangulNames()
        /// Places that speak ("York said"), by where they start: the place, if no one the article names bears the word.
        private var spokenPlaces: [Int: FoundEntity] = [:]

        private struct PendingGivenName {
            let range: Range<Int>
            let terms: [String]
            /// What the words are on their own, each finding with the tokens its span counts in.
            let otherwise: [(NameFinder.Finding, [Token])]
        }

        init(linker: EntityLinker, words: ArticleWords) {
            self.linker = linker
            self.words = words
            text = words.text
        }

        // MARK: Catalog names

        /// Links the catalog's names and aliases in one run of tokens and keeps its lone catalog surnames for
        /// later; returns which tokens they cover, which the name finder then leaves alone.
        mutating func linkCatalogNames(in tokens: [Token]) -> [Bool] {
            var covered = Array(repeating: false, count: tokens.count)
            var index = 0
            while index < tokens.count {
                guard let (pattern, length) = linker.match(at: index, in: tokens, text: text) else {
                    index += 1
                    continue
                }
                let range = tokens[index].range.lowerBound..<tokens[index + length - 1].range.upperBound
                if let entity = pattern.entity {
                    links.mentions.append(linker.mention(range, .catalog(entity), form: .name))
                    if linker.entities[entity].kind == .person { named.append((range.lowerBound, .catalog(entity))) }
                    for covering in index..<(index + length) { covered[covering] = true }
                } else if !linker.continuesAnotherName(at: index, in: tokens, text: text) {
                    keepCatalogSurname(pattern.terms[0], at: index, range: range, in: tokens)
                    covered[index] = true
                }
                index += length
            }
            return covered
        }

        private mutating func keepCatalogSurname(_ term: String, at index: Int, range: Range<Int>, in tokens: [Token]) {
            let bearers = linker.bearersBySurname[term] ?? []
            // "Foreign Minister Ri" names whoever holds that office; "Mr Kim" only says which Kims it may be.
            let office = bearers.filter { linker.hasTitle($0, before: index, in: tokens, text: text, courtesy: false) }
            let titled = office.isEmpty ? bearers.filter { linker.hasTitle($0, before: index, in: tokens, text: text, courtesy: true) } : office
            let afterTitle = !titled.isEmpty || (index > 0 && NameWords.titles.contains(tokens[index - 1].term))
            pending.append(PendingSurname(
                range: range, term: pendingTermNumber(term), titled: titled.map { .catalog($0) }, isCatalogSurname: true,
                titleDecides: !office.isEmpty, afterTitle: afterTitle, namesFamily: linker.namesFamily(tokens, after: index, text: text)))
        }

        // MARK: Found names

        /// Adds the names the finder recognises among the tokens the catalog left, and keeps what needs
        /// the whole article: lone words, names with no sign of what they are, given names after a relative.
        mutating func addFoundNames(in tokens: [Token], covered: [Bool], isHeadline: Bool) {
            guard let finder = linker.finder else { return }
            hangulNames.read(tokens, text: text)
            let findings = finder.findings(in: tokens, covered: covered, lowercaseTerms: words.lowercaseTerms,
                                           isHeadline: isHeadline, text: text)
            for finding in findings {
                switch finding {
                case .entity(let span, let entity) where entity.kind == .place && span.count == 1
                        && linker.speaks(tokens, span.lowerBound, text: text):
                    // "Caitlyn Smith and Kate York … York said": a place that speaks is the surname of someone the
                    // article names in full, if anyone; else the place.
                    spokenPlaces[tokens[span.lowerBound].range.lowerBound] = entity
                    pending.append(PendingSurname(
                        range: tokens[span.lowerBound].range, term: pendingTermNumber(tokens[span.lowerBound].term), titled: [],
                        isCatalogSurname: false, titleDecides: false, afterTitle: false, namesFamily: false))
                case .entity(let span, let entity):
                    add(entity, range: Self.textRange(of: span, in: tokens))
                case .possibleSurname(let token, let afterTitle):
                    if linker.speaks(tokens, token, text: text) { spokenTerms.insert(tokens[token].term) }
                    pending.append(PendingSurname(
                        range: tokens[token].range, term: pendingTermNumber(tokens[token].term), titled: [], isCatalogSurname: false,
                        titleDecides: false, afterTitle: afterTitle, namesFamily: linker.namesFamily(tokens, after: token, text: text)))
                case .unclassified(let span):
                    unclassified.append(Array(tokens[span]))
                case .work(let span):
                    links.works.insert(tokens[span].map(\.term).joined(separator: " "))
                case .possibleGivenName(let span, let otherwise):
                    pendingGivenNames.append(PendingGivenName(range: Self.textRange(of: span, in: tokens), terms: tokens[span].map(\.term),
                                                              otherwise: otherwise.map { ($0, tokens) }))
                }
            }
        }

        /// Adds a found entity's mention, under the entity the article already found by that name or another form of it.
        private mutating func add(_ entity: FoundEntity, range: Range<Int>) {
            let local: Int
            if let existing = foundIndexByKey[entity.key] {
                local = existing
            } else if entity.kind == .person, let surname = entity.surname,
                      let variant = personsBySurname[surname]?.first(where: { EntityLinker.mayBeOnePerson(links.found[$0].key, entity.key)
                          || EntityLinker.endsWithName(links.found[$0].key, entity.key)
                          || EntityLinker.mayBeKnownByMiddleName(links.found[$0].key, entity.key) }) {
                // "John Milo Ford … John M. Ford", "Patrick Carlineo Jr … Pat Carlineo", "Kathleen Hawk Sawyer … Hawk
                // Sawyer", "Joel Eriksson Ek … Eriksson Ek", "John M. Ford … Mike Ford": one person, under the name the
                // article gave first.
                local = variant
                foundIndexByKey[entity.key] = variant
            } else {
                local = links.found.count
                foundIndexByKey[entity.key] = local
                links.found.append(entity)
                if entity.kind == .person, let surname = entity.surname { personsBySurname[surname, default: []].append(local) }
                if entity.kind == .person { personNameEndings.formUnion(EntityLinker.nameEndings(of: entity.key)) }
            }
            links.mentions.append(linker.mention(range, .found(local), form: .name))
            if entity.kind == .person { named.append((range.lowerBound, .found(local))) }
        }

        /// A lone word's number in `pendingTerms`, given it on first sight.
        private mutating func pendingTermNumber(_ term: String) -> UInt32 {
            if let known = pendingTermNumbers[term] { return known }
            let number = UInt32(pendingTerms.count)
            pendingTerms.append(term)
            pendingTermNumbers[term] = number
            return number
        }

        /// The byte range of the text that a span of tokens covers.
        private static func textRange(of span: Range<Int>, in tokens: [Token]) -> Range<Int> {
            tokens[span.lowerBound].range.lowerBound..<tokens[span.upperBound - 1].range.upperBound
        }

        // MARK: What needs the whole article

        /// Every mention of the Korean names in Hangul that the article shows to be people's.
        mutating func addHangulNames() {
            for (name, ranges) in hangulNames.people() {
                let entity = FoundEntity(key: name, name: name, kind: .person, role: nil, gender: nil, surname: name, givenName: nil)
                for range in ranges { add(entity, range: range) }
            }
        }

        /// "his sister Yo Jong": the person named in full whose name begins or ends with the given name;
        /// else what the words are on their own ("his son Sandy Oatley").
        mutating func resolveGivenNamesAfterRelatives() {
            for given in pendingGivenNames {
                if let target = linker.bearer(ofGivenName: given.terms, before: given.range.lowerBound, named: named, found: links.found) {
                    links.mentions.append(linker.mention(given.range, target, form: .surname))
                    continue
                }
                for (finding, tokens) in given.otherwise {
                    switch finding {
                    case .entity(let span, let entity):
                        add(entity, range: Self.textRange(of: span, in: tokens))
                    case .unclassified(let span):
                        unclassified.append(Array(tokens[span]))
                    case .work(let span):
                        links.works.insert(tokens[span].map(\.term).joined(separator: " "))
                    case .possibleSurname, .possibleGivenName:
                        break
                    }
                }
            }
        }

        /// "Fidel Castro … President Castro", "Feliciano Lopez … Lopez said": a name whose last word the
        /// article gives a title, or lets speak, is a person.
        mutating func addNamesWhoseLastWordIsTitledOrSpeaks() {
            guard let finder = linker.finder else { return }
            let titledTerms = Set(pending.filter(\.afterTitle).map { pendingTerms[Int($0.term)] })
            // ...unless someone the article names with better evidence already has that surname: "Tony Blair …
            // Vote Blair, Get Brown … Mr Blair" is about Tony Blair, not a person called Vote Blair. Worked out
            // once, at the first name that needs it.
            var claimedSurnames: Set<String>?
            var loneUses: [String: Int]?
            for name in unclassified {
                let range = name[0].range.lowerBound..<name[name.count - 1].range.upperBound
                // "Eriksson Ek" in an article that names Joel Eriksson Ek is him: a surname of two words.
                let key = name.map(\.term).joined(separator: " ")
                if name.count >= 2, personNameEndings.contains(key) {
                    add(finder.makeEntity(.person, tokens: name, name: name.indices, cue: nil, text: text), range: range)
                    continue
                }
                // Companies speak too ("Samsung announced"): a name that only speaks must not start with a common word.
                guard let last = name.last, titledTerms.contains(last.term)
                        || (spokenTerms.contains(last.term) && !words.lowercaseTerms.contains(name[0].term)) else { continue }
                // ...nor be one whose first word the article uses alone at least as often as its last ("Fiat Powertrain
                // … Fiat has yet to comment … Powertrain told us"): a company goes by its first word, a person by the last.
                if !titledTerms.contains(last.term), name.count >= 2 {
                    if loneUses == nil { loneUses = pending.reduce(into: [:]) { $0[pendingTerms[Int($1.term)], default: 0] += 1 } }
                    if let first = loneUses?[name[0].term], first >= loneUses?[last.term] ?? 0 { continue }
                }
                if claimedSurnames == nil { claimedSurnames = surnamesOfPeopleNamed() }
                if claimedSurnames?.contains(last.term) == true { continue }
                if isPairOfLoneSurnames(name) { continue }
                add(finder.makeEntity(.person, tokens: name, name: name.indices, cue: nil, text: text), range: range)
            }
        }

        /// The surnames of the people the article has named so far, catalog or found.
        private func surnamesOfPeopleNamed() -> Set<String> {
            var surnames = Set(links.found.filter { $0.kind == .person }.compactMap(\.surname))
            for case .catalog(let index) in named.map(\.target) {
                if let surname = linker.surnameTermByEntity[index] { surnames.insert(surname) }
            }
            return surnames
        }

        /// "the Blair-Brown rift" joins two people whom the article also names alone.
        private func isPairOfLoneSurnames(_ name: [Token]) -> Bool {
            name.count == 2 && text.bytes[name[0].range.upperBound..<name[1].range.lowerBound].elementsEqual([0x2D])
                && pendingTermNumbers[name[0].term] != nil
        }

        /// Links every lone surname kept so far, now that everyone the article names in full is known.
        mutating func resolveLoneSurnames() {
            let (bearings, titledBearings) = makeBearings()
            named = []
            // Room for every surname at once: grown as they come, a huge article's mentions were held twice while copied.
            links.mentions.reserveCapacity(links.mentions.count + pending.count)
            for surname in pending where !surname.namesFamily {
                let term = pendingTerms[Int(surname.term)]
                guard let resolved = linker.resolve(surname, term: term, bearings: surname.afterTitle ? titledBearings : bearings,
                                                    text: text) else {
                    if let place = spokenPlaces[surname.range.lowerBound] {
                        add(place, range: surname.range)
                    } else if !surname.isCatalogSurname, surname.afterTitle {
                        links.unresolvedSurnames.append(ArticleLinks.UnresolvedSurname(range: surname.range, term: term))
                    }
                    continue
                }
                switch resolved {
                case .entity(let target):
                    links.mentions.append(linker.mention(surname.range, target, form: .surname))
                case .ambiguous(let candidates):
                    links.mentions.append(linker.mention(surname.range, nil, candidates: candidates, form: .surname))
                }
            }
            pending = []
        }

        /// Every full mention of a person, filed under each word the person may be called by alone; and,
        /// for a word after a title, under the surname only.
        private func makeBearings() -> (byAnyName: Bearings, bySurname: Bearings) {
            var callableTerms: [ArticleLinks.Target: [String]] = [:]
            for (local, entity) in links.found.enumerated() where entity.kind == .person {
                callableTerms[.found(local)] = [entity.surname, entity.givenName].compactMap { $0 }
            }
            for case .catalog(let index) in Set(named.map(\.target)) {
                callableTerms[.catalog(index)] = [linker.surnameTermByEntity[index], linker.givenNameByEntity[index]].compactMap { $0 }
            }
            let bearings = Bearings(named, terms: { callableTerms[$0] ?? [] })
            // After a title a lone word is a surname: "Mr Blair" is not someone whose first name is Blair.
            guard pending.contains(where: \.afterTitle) else { return (bearings, bearings) }
            let titledBearings = Bearings(named, terms: { target in
                switch target {
                case .found(let local): [links.found[local].surname].compactMap { $0 }
                case .catalog(let index): [linker.surnameTermByEntity[index]].compactMap { $0 }
                }
            })
            return (bearings, titledBearings)
        }

        /// The links in reading order.
        mutating func finishedLinks() -> ArticleLinks {
            links.mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
            return links
        }
    }
}
