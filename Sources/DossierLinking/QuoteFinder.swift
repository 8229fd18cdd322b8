import DossierFormats
import DossierText

/// Finds direct quotations and attributes each to its speaker.
///
/// In order: a speaker and an attribution verb right after the quote ("…,” Trump
/// said", "…,” said Mr Blair", "…,” she said in a statement"); then one before it
/// in the same sentence ("Ri said that “…”"); then the speaker of an earlier quote
/// in the same paragraph; then, for a paragraph that opens with a quote, the
/// speaker of the previous paragraph's last quote. "He" and "she" refer back to
/// the last person named outside quotation marks whose gender fits.
public struct QuoteFinder {
    let entities: [Entity]
    let attributionVerbs: Set<String>

    public init(entities: [Entity], attributionVerbs: Set<String>) {
        self.entities = entities
        self.attributionVerbs = attributionVerbs
    }
    /// Words allowed between a speaker and the verb ("Ri Son Gwon of North Korea’s inter-Korean relations said").
    static let subjectReach = 7

    /// The quotations of one article, in text order, each with its speaker when the text says.
    public func quotes(in article: Article, mentions: [Mention]) -> [Quote] {
        let bytes = article.text.bytes
        let spans = article.paragraphs.map { quoteSpans(in: $0, bytes: bytes) }
        let quoted = spans.flatMap { $0 }.map(\.outer)  // in text order, not overlapping
        let personMentions = mentions.filter { mention in
            mention.entity.map { entities[$0].kind == .person } == true && !Self.contains(quoted, mention.range.lowerBound)
        }
        var quotes: [Quote] = []
        var previousParagraphSpeaker: Int?
        for (paragraphIndex, paragraph) in article.paragraphs.enumerated() {
            var paragraphSpeaker: Int?
            let paragraphSpans = spans[paragraphIndex]
            for (index, span) in paragraphSpans.enumerated() {
                let nextStart = index + 1 < paragraphSpans.count ? paragraphSpans[index + 1].outer.lowerBound : paragraph.upperBound
                let previousEnd = index > 0 ? paragraphSpans[index - 1].outer.upperBound : paragraph.lowerBound
                let after = sentenceFrame(bytes, from: span.outer.upperBound, to: nextStart, forward: true)
                let before = sentenceFrame(bytes, from: previousEnd, to: span.outer.lowerBound, forward: false)
                let opensParagraph = span.outer.lowerBound == paragraph.lowerBound
                var speaker = speakerAfter(after, article: article, mentions: mentions, people: personMentions, quoteStart: span.outer.lowerBound)
                    ?? speakerBefore(before, article: article, mentions: mentions, people: personMentions, quoteStart: span.outer.lowerBound)
                if speaker == nil { speaker = paragraphSpeaker }
                if speaker == nil, index == 0, opensParagraph { speaker = previousParagraphSpeaker }
                if let speaker { paragraphSpeaker = speaker }
                quotes.append(Quote(range: span.inner, speaker: speaker))
            }
            previousParagraphSpeaker = paragraphSpans.isEmpty ? nil : paragraphSpeaker
        }
        return quotes
    }

    // MARK: - Quotation marks

    struct Span {
        /// With the quotation marks.
        let outer: Range<Int>
        /// Without them.
        let inner: Range<Int>
    }

    /// Curly quotes pair “ with ”; straight double quotes pair with each other. A quote
    /// left open at the end of a paragraph runs to its end (it continues in the next).
    func quoteSpans(in paragraph: Range<Int>, bytes: [UInt8]) -> [Span] {
        var spans: [Span] = []
        var openAt: (outer: Int, inner: Int, curly: Bool)?
        var index = paragraph.lowerBound
        while index < paragraph.upperBound {
            let isOpenCurly = index + 2 < paragraph.upperBound && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x9C
            let isCloseCurly = index + 2 < paragraph.upperBound && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x9D
            let isStraight = bytes[index] == 0x22
            if let open = openAt {
                if (open.curly && isCloseCurly) || (!open.curly && isStraight) {
                    let end = index + (isStraight ? 1 : 3)
                    spans.append(Span(outer: open.outer..<end, inner: open.inner..<index))
                    openAt = nil
                    index = end
                    continue
                }
            } else if isOpenCurly || isStraight {
                let length = isStraight ? 1 : 3
                openAt = (index, index + length, isOpenCurly)
                index += length
                continue
            }
            index += 1
        }
        if let open = openAt, open.inner < paragraph.upperBound {
            spans.append(Span(outer: open.outer..<paragraph.upperBound, inner: open.inner..<paragraph.upperBound))
        }
        return spans.filter { !$0.inner.isEmpty }
    }

    /// The part of `from..<to` that belongs to the quote's own sentence.
    private func sentenceFrame(_ bytes: [UInt8], from start: Int, to end: Int, forward: Bool) -> Range<Int> {
        guard start < end else { return start..<start }
        let sentences = SentenceSplitter.sentences(in: bytes, range: start..<end)
        guard let edge = forward ? sentences.first : sentences.last else { return start..<start }
        // A frame that starts right after a closing quote runs to its sentence's end; one before a quote starts at its sentence's start.
        return forward ? start..<edge.upperBound : edge.lowerBound..<end
    }

    // MARK: - Speakers

    private func speakerAfter(_ frame: Range<Int>, article: Article, mentions: [Mention], people: [Mention], quoteStart: Int) -> Int? {
        let tokens = Tokenizer.tokens(in: article.text.bytes, range: frame)
        for (index, token) in tokens.enumerated() where attributionVerbs.contains(token.term) {
            if let subject = subject(before: index, in: tokens, reach: Self.subjectReach, mentions: mentions, people: people, quoteStart: quoteStart) {
                return subject
            }
            // "…,” said Mr Blair."
            for later in tokens[(index + 1)..<min(tokens.count, index + 4)] {
                if let person = person(at: later.range, mentions: mentions) { return person }
            }
            return nil
        }
        return nil
    }

    private func speakerBefore(_ frame: Range<Int>, article: Article, mentions: [Mention], people: [Mention], quoteStart: Int) -> Int? {
        let tokens = Tokenizer.tokens(in: article.text.bytes, range: frame)
        guard let verb = tokens.indices.last(where: { attributionVerbs.contains(tokens[$0].term) }) else { return nil }
        return subject(before: verb, in: tokens, reach: verb, mentions: mentions, people: people, quoteStart: quoteStart)
    }

    /// The person or pronoun nearest before the verb, within `reach` words.
    private func subject(before verb: Int, in tokens: [Token], reach: Int, mentions: [Mention], people: [Mention], quoteStart: Int) -> Int? {
        var index = verb - 1
        while index >= 0, verb - index <= reach {
            let token = tokens[index]
            if let person = person(at: token.range, mentions: mentions) { return person }
            if token.term == "he" || token.term == "she" {
                return antecedent(of: token.term == "he" ? .male : .female, before: quoteStart, people: people)
            }
            // "…,” the State Department said": a place or organisation right before the verb is the speaker, and no person.
            if index == verb - 1, Self.mention(overlapping: token.range, in: mentions) != nil { return nil }
            index -= 1
        }
        return nil
    }

    private func person(at range: Range<Int>, mentions: [Mention]) -> Int? {
        guard let mention = Self.mention(overlapping: range, in: mentions), let entity = mention.entity,
              entities[entity].kind == .person else { return nil }
        return entity
    }

    /// The mention that overlaps `range`, by binary search: mentions are in text order and do not overlap.
    static func mention(overlapping range: Range<Int>, in mentions: [Mention]) -> Mention? {
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].range.upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < mentions.count && mentions[low].range.overlaps(range) ? mentions[low] : nil
    }

    /// True when one of the sorted, disjoint ranges holds `offset`.
    static func contains(_ ranges: [Range<Int>], _ offset: Int) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(offset)
    }

    /// The last person named before `position` outside quotation marks whose gender fits.
    private func antecedent(of gender: Entity.Gender, before position: Int, people: [Mention]) -> Int? {
        var low = 0
        var high = people.count
        while low < high {
            let middle = (low + high) / 2
            if people[middle].range.lowerBound < position { low = middle + 1 } else { high = middle }
        }
        // Walk back from the last person named before the position to the first whose gender fits.
        for mention in people[..<low].reversed() {
            guard let entity = mention.entity else { continue }
            if entities[entity].gender == nil || entities[entity].gender == gender { return entity }
        }
        return nil
    }
}
