import DossierFormats
import DossierText

/// Finds direct quotations and attributes each to its speaker.
///
/// Quotation marks are paired by kind and side (`QuoteMarks`). The speaker is the one the verb of
/// saying governs, in order: after the quote ("…,” Trump said", "…,” said U.S. Attorney Cox",
/// "…,” she said"); before it in its sentence ("Ri said that “…”", "Steenburgen called it “stunning”");
/// the subject of a sentence that introduces the quote with a colon ("Smith agreed: “…”"); the
/// speaker of an earlier quote in the paragraph; and for a paragraph that opens with a quote, the
/// previous paragraph's last speaker, or the subject of its closing sentence when that ends in a colon.
/// An organisation (or a place standing for its government) is a speaker only when it is the verb's
/// subject ("KCNA said"). "He" and "she" stand for the person named earlier in their own sentence;
/// else the last speaker, unless another person of that gender has since been the first named in a
/// sentence; else the last such person; else the last person of that gender named. Names inside
/// quotation marks never speak, and a quote that is a title or a term ("the film “Wild Rose”", "the
/// term “three amigos”") is given to nobody.
public struct QuoteFinder {
    let entities: [Entity]
    let attributionVerbs: Set<String>

    public init(entities: [Entity], attributionVerbs: Set<String>) {
        self.entities = entities
        self.attributionVerbs = attributionVerbs
    }

    /// Words allowed between a speaker and the verb ("Ri Son Gwon of North Korea’s inter-Korean relations said").
    static let subjectReach = 7
    /// Words allowed between a verb and the speaker after it ("said chairman, CEO and president Craig Menear").
    static let titleReach = 6
    /// Bytes before a quote that its sentence is looked for in.
    static let sentenceReach = 2_000
    /// Paragraphs back, and names back, that "he" or "she" may reach for the person they stand for.
    static let pronounParagraphs = 3
    static let pronounMentionReach = 200

    /// The quotations of one article, in text order, each with its speaker when the text says.
    public func quotes(in article: Article, mentions: [Mention]) -> [Quote] {
        let bytes = article.text.bytes
        let spans = article.paragraphs.map { QuoteMarks.spans(in: $0, bytes: bytes) }
        let quoted = spans.flatMap { $0 }.map(\.outer)  // in text order, not overlapping
        let outside = mentions.filter { !Self.contains(quoted, $0.range.lowerBound) }
        var context = Context(article: article, bytes: bytes, mentions: outside)
        var quotes: [Quote] = []
        var previousParagraph: (speaker: Int?, introduces: Int?, asked: Bool) = (nil, nil, false)
        // The last two people whose words paragraphs gave, the last first: an interview's two sides.
        var dialogue: (last: Int?, other: Int?) = (nil, nil)
        for (paragraphIndex, paragraph) in article.paragraphs.enumerated() {
            context.paragraphIndex = paragraphIndex
            var paragraphSpeaker: Int?
            let paragraphSpans = spans[paragraphIndex]
            for (index, span) in paragraphSpans.enumerated() {
                let nextStart = index + 1 < paragraphSpans.count ? paragraphSpans[index + 1].outer.lowerBound : paragraph.upperBound
                let previousEnd = index > 0 ? paragraphSpans[index - 1].outer.upperBound : paragraph.lowerBound
                let after = sentenceFrame(bytes, from: span.outer.upperBound, to: nextStart, forward: true)
                context.nextQuoteStart = index + 1 < paragraphSpans.count ? nextStart : nil
                let before = sentenceFrame(bytes, from: previousEnd, to: span.outer.lowerBound, forward: false)
                // Wanted only for a participle, and sought near the quote: a paragraph may be megabytes long, and no sentence is.
                let sentence = { [self] in
                    sentenceFrame(bytes, from: max(paragraph.lowerBound, span.outer.lowerBound - Self.sentenceReach), to: span.outer.lowerBound,
                                  forward: false)
                }
                context.quoteStart = span.outer.lowerBound
                var speaker: Int?
                if !isTitleOrTerm(span, before: previousEnd..<span.outer.lowerBound, bytes: bytes) {
                    speaker = speakerAfter(after, context: &context)
                        ?? speakerBefore(before, sentence: sentence, context: &context)
                        ?? (endsWithColon(before, bytes: bytes) ? introducer(of: before, context: &context) : nil)
                        ?? paragraphSpeaker
                    if speaker == nil, index == 0, span.outer.lowerBound == paragraph.lowerBound {
                        // A paragraph that is only a quotation goes on with the last speaker's words; in an interview, a
                        // question alone, or the answer to one, is the other side's.
                        let turns = isOnlyAQuestion(paragraphSpans, in: paragraph, bytes: bytes) || previousParagraph.asked
                        let otherSide = turns && dialogue.last == previousParagraph.speaker ? dialogue.other : nil
                        speaker = otherSide ?? previousParagraph.speaker ?? previousParagraph.introduces
                    }
                }
                if let speaker {
                    paragraphSpeaker = speaker
                    context.lastSpeaker = (speaker, span.outer.upperBound)
                }
                quotes.append(Quote(range: span.inner, speaker: speaker))
            }
            // A paragraph of narration ending in a colon introduces the quotation that opens the next.
            let lastSentence = sentenceFrame(bytes, from: paragraphSpans.last?.outer.upperBound ?? paragraph.lowerBound,
                                             to: paragraph.upperBound, forward: false)
            context.quoteStart = paragraph.upperBound
            if let paragraphSpeaker, paragraphSpeaker != dialogue.last { dialogue = (paragraphSpeaker, dialogue.last) }
            previousParagraph = (paragraphSpans.isEmpty ? nil : paragraphSpeaker,
                                 endsWithColon(lastSentence, bytes: bytes) ? introducer(of: lastSentence, context: &context) : nil,
                                 paragraphSpeaker != nil && isOnlyAQuestion(paragraphSpans, in: paragraph, bytes: bytes))
        }
        return quotes
    }

    /// True when the paragraph is one quotation and nothing else, and it asks a question.
    private func isOnlyAQuestion(_ spans: [QuoteMarks.Span], in paragraph: Range<Int>, bytes: [UInt8]) -> Bool {
        guard spans.count == 1, let span = spans.first, span.outer.lowerBound == paragraph.lowerBound,
              bytes[span.outer.upperBound..<paragraph.upperBound].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }),
              let last = bytes[span.inner].last(where: { $0 != 0x20 }) else { return false }
        return last == 0x3F
    }

    // MARK: - What is not a quotation

    /// Words right before a quotation that make it a name, a title or a term rather than someone's words.
    static let namingWords: Set<String> = [
        "term", "terms", "word", "words", "phrase", "dubbed", "nicknamed", "titled", "entitled", "headlined",
        "book", "film", "movie", "song", "album", "show", "series", "podcast", "novel", "play", "episode", "label",
        "slogan", "hashtag", "brand", "motto", "as",
    ]

    /// Words a title leaves in lower case, and the most bytes a title's few words take.
    static let smallTitleWords: Set<String> = ["of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "with"]
    static let longestTitle = 200

    /// A quotation of a few capitalised words with no closing punctuation ("“Wild Rose”"), or one right
    /// after a naming word ("the term “three amigos”", "the so-called “deep state”").
    private func isTitleOrTerm(_ span: QuoteMarks.Span, before: Range<Int>, bytes: [UInt8]) -> Bool {
        let preceding = Tokenizer.tokens(in: bytes, range: max(before.lowerBound, before.upperBound - 40)..<before.upperBound)
        if let last = preceding.last, Self.namingWords.contains(last.term) {
            // "known as" and "described as" differ: only "known as" names.
            if last.term != "as" || preceding.dropLast().last?.term == "known" { return true }
        }
        if preceding.last?.term == "called", preceding.dropLast().last?.term == "so" { return true }
        // A title is a few words: a long quotation (one left open runs to its paragraph's end) is not read through.
        guard span.inner.count <= Self.longestTitle else { return false }
        let words = Tokenizer.tokens(in: bytes, range: span.inner)
        guard !words.isEmpty, words.count <= 5 else { return false }
        var end = span.inner.upperBound
        while end > span.inner.lowerBound, bytes[end - 1] == 0x20 { end -= 1 }
        if end > span.inner.lowerBound, [0x2E, 0x3F, 0x21, 0x2C].contains(bytes[end - 1]) { return false }
        return words.allSatisfy { word in
            Self.smallTitleWords.contains(word.term) || (bytes[word.range.lowerBound] >= 0x41 && bytes[word.range.lowerBound] <= 0x5A)
        } && words.contains { !Self.smallTitleWords.contains($0.term) }
    }

    // MARK: - Frames

    /// The part of `from..<to` that belongs to the quote's own sentence.
    private func sentenceFrame(_ bytes: [UInt8], from start: Int, to end: Int, forward: Bool) -> Range<Int> {
        guard start < end else { return start..<start }
        let sentences = SentenceSplitter.sentences(in: bytes, range: start..<end)
        guard let edge = forward ? sentences.first : sentences.last else { return start..<start }
        // A frame that starts right after a closing quote runs to its sentence's end; one before a quote starts at its sentence's start.
        return forward ? start..<edge.upperBound : edge.lowerBound..<end
    }

    /// True when the frame's last character other than a space is a colon.
    private func endsWithColon(_ frame: Range<Int>, bytes: [UInt8]) -> Bool {
        var end = frame.upperBound
        while end > frame.lowerBound, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
        return end > frame.lowerBound && bytes[end - 1] == 0x3A
    }

    // MARK: - Speakers

    /// What speaker resolution reads as it goes through an article.
    struct Context {
        let article: Article
        let bytes: [UInt8]
        /// The mentions outside quotation marks, in text order.
        let mentions: [Mention]
        var paragraphIndex = 0
        var quoteStart = 0
        /// Where the next quotation of the paragraph starts, if any.
        var nextQuoteStart: Int?
        /// The last quote's speaker and where that quote ended.
        var lastSpeaker: (entity: Int, end: Int)?
    }

    private func speakerAfter(_ frame: Range<Int>, context: inout Context) -> Int? {
        let tokens = Tokenizer.tokens(in: context.bytes, range: frame)
        guard let verb = tokens.indices.first(where: { isVerb(tokens[$0], context: context) }),
              !introducesNextQuote(verb, in: tokens, frame: frame, context: context) else { return nil }
        if tokens[verb].term.hasSuffix("ing") { return introducer(of: frame, context: &context) }
        return subject(before: verb, in: tokens, reach: Self.subjectReach, context: &context)
            ?? speaker(after: verb, in: tokens, context: context)
    }

    /// `sentence` is the whole sentence before the quote, of which `frame` may be the part after an earlier quote.
    private func speakerBefore(_ frame: Range<Int>, sentence: () -> Range<Int>, context: inout Context) -> Int? {
        let tokens = Tokenizer.tokens(in: context.bytes, range: frame)
        guard let verb = tokens.indices.last(where: { isVerb(tokens[$0], context: context) }) else { return nil }
        // "According to Smith, “…”"
        if tokens[verb].term == "according" { return speaker(after: verb, in: tokens, context: context) }
        // "He urged Mr. Trump to make a deal, saying “…”": a participle's subject is the sentence's.
        if tokens[verb].term.hasSuffix("ing") { return introducer(of: sentence(), context: &context) }
        if let subject = subject(before: verb, in: tokens, reach: verb, context: &context) { return subject }
        // "Volker said he never used the term “three amigos” and added, “…”": a verb joined by "and" to an
        // earlier verb of saying shares its subject, though a quotation stands between.
        guard verb > 0, ["and", "but", "then"].contains(tokens[verb - 1].term) else { return nil }
        let sentenceStart = sentence().lowerBound
        guard sentenceStart < frame.lowerBound else { return nil }
        let earlier = Tokenizer.tokens(in: context.bytes, range: sentenceStart..<frame.lowerBound)
        guard let firstVerb = earlier.indices.first(where: { isVerb(earlier[$0], context: context) }) else { return nil }
        return subject(before: firstVerb, in: earlier, reach: firstVerb, context: &context)
    }

    /// True when the verb belongs to the next quotation rather than the one before it: the frame runs
    /// to the next quotation, and at most three words and no comma stand between ("“stunning,” and
    /// Omar described it as “appalling”").
    private func introducesNextQuote(_ verb: Int, in tokens: [Token], frame: Range<Int>, context: Context) -> Bool {
        guard let next = context.nextQuoteStart, frame.upperBound >= next, tokens.count - verb - 1 <= 3 else { return false }
        return !context.bytes[tokens[verb].range.upperBound..<next].contains(0x2C)
    }

    /// A verb of saying, and not a word of a name ("the United States").
    private func isVerb(_ token: Token, context: Context) -> Bool {
        (attributionVerbs.contains(token.term) || Self.moreVerbs.contains(token.term))
            && Self.mention(overlapping: token.range, in: context.mentions) == nil
    }

    /// Verbs that introduce quotations besides the gazetteer's verbs of saying, which also serve the name
    /// finder as signs of a person and so stay few.
    static let moreVerbs: Set<String> = [
        "assures", "assured", "comments", "begged", "pleaded", "cautioned", "boasted", "complained", "quipped", "vowed",
        "pledged", "promised", "demanded", "confirmed", "denied", "maintained", "countered", "labelled", "labeled",
        "branded", "reiterated", "emphasised", "emphasized", "wondered", "concluded", "shouted", "cried", "whispered",
    ]

    /// "…,” said Mr Blair": the first person within a few words after the verb, or else an
    /// organisation right after it ("said the State Department"). Past one comma the words may go on
    /// to the next ("said another witness in the inquiry, former adviser Fiona Hill").
    private func speaker(after verb: Int, in tokens: [Token], context: Context) -> Int? {
        var organisation: Int?
        var commas = 0
        var previousEnd = tokens[verb].range.upperBound
        for (offset, later) in tokens[(verb + 1)..<min(tokens.count, verb + 1 + Self.appositionReach)].enumerated() {
            if context.bytes[previousEnd..<later.range.lowerBound].contains(0x2C) { commas += 1 }
            previousEnd = later.range.upperBound
            guard commas <= 1, offset < Self.titleReach || commas == 1 else { break }
            guard let mention = Self.mention(overlapping: later.range, in: context.mentions) else { continue }
            guard let entity = mention.entity else { return nil }
            switch entities[entity].kind {
            case .person: return entity
            case .organisation where offset == 0 || offset == 1 && tokens[verb + 1].term == "the":
                organisation = organisation ?? entity
            case .organisation, .place: break
            }
        }
        return organisation
    }

    /// The subject of the sentence a colon ends ("Smith agreed:", "Liu said …, warning:"): its first
    /// person or organisation, or the person a pronoun opening it stands for.
    private func introducer(of frame: Range<Int>, context: inout Context) -> Int? {
        let tokens = Tokenizer.tokens(in: context.bytes, range: frame)
        for (index, token) in tokens.enumerated() {
            // "Egypt and Jordan criticised it, with Foreign Minister Ayman Safadi warning of “…”": places are passed over.
            if let mention = Self.mention(overlapping: token.range, in: context.mentions), let entity = mention.entity,
               entities[entity].kind != .place {
                return entity
            }
            if index < 2, token.term == "he" || token.term == "she" {
                return antecedent(of: token.term == "he" ? .male : .female, before: token.range.lowerBound, context: context)
            }
        }
        return nil
    }

    /// The person or pronoun nearest before the verb, within `reach` words; an organisation, or a
    /// place standing for its government, only right before the verb ("KCNA said", "Russia says").
    /// A comma right before the verb ends an apposition ("John Williams, the president of the
    /// Federal Reserve Bank of New York, said"): the names in it are passed over, and the reach grows.
    private func subject(before verb: Int, in tokens: [Token], reach: Int, context: inout Context) -> Int? {
        let afterApposition = commaBefore(tokens[verb].range.lowerBound, bytes: context.bytes)
        let reach = afterApposition ? max(reach, Self.appositionReach) : reach
        // "The UK has urged": an auxiliary or two may stand between a body and its verb.
        var besideVerb = verb - 1
        while besideVerb > 0, verb - besideVerb <= 2, Self.auxiliaries.contains(tokens[besideVerb].term) { besideVerb -= 1 }
        // "Morrison, Vindman's superior, said": the person right before the comma that opens the apposition is
        // the subject, not one named inside it.
        if afterApposition, verb >= 2,
           let opening = (min(max(1, verb - reach), verb - 1)..<(verb - 1)).last(where: { commaBefore(tokens[$0].range.lowerBound, bytes: context.bytes) }),
           let mention = Self.mention(overlapping: tokens[opening - 1].range, in: context.mentions), let entity = mention.entity,
           entities[entity].kind == .person {
            return entity
        }
        var index = verb - 1
        while index >= 0, verb - index <= reach {
            let token = tokens[index]
            if let mention = Self.mention(overlapping: token.range, in: context.mentions) {
                guard let entity = mention.entity else { return nil }
                if entities[entity].kind == .person { return entity }
                // A name between the speaker and the verb ("Ri Son Gwon of North Korea’s committee said") is passed over.
                if index == besideVerb, !afterApposition { return entity }
            }
            if token.term == "he" || token.term == "she" {
                return antecedent(of: token.term == "he" ? .male : .female, before: token.range.lowerBound, context: context)
            }
            // "…a career Army officer who described it as “improper”": the one "who" stands for, if named right before it.
            if token.term == "who", index == verb - 1 || index == verb - 2 {
                guard index > 0, let mention = Self.mention(overlapping: tokens[index - 1].range, in: context.mentions),
                      let entity = mention.entity, entities[entity].kind == .person else { return nil }
                return entity
            }
            index -= 1
        }
        return nil
    }

    /// Words that may stand between a subject and its verb of saying ("has urged", "also said").
    static let auxiliaries: Set<String> = ["has", "have", "had", "also", "will", "would", "later", "then", "earlier", "previously"]

    /// Words an apposition may hold between a speaker and the verb.
    static let appositionReach = 16

    /// True when a comma stands right before `offset`, spaces aside.
    private func commaBefore(_ offset: Int, bytes: [UInt8]) -> Bool {
        var index = offset
        while index > 0, bytes[index - 1] == 0x20 { index -= 1 }
        return index > 0 && bytes[index - 1] == 0x2C
    }

    /// Whom "he" or "she" stands for: the first person of that gender named earlier in the pronoun's
    /// own sentence ("Holmes revealed …, saying he recalled"); else the last speaker, unless another
    /// person of that gender has since been the first named in a sentence with no pronoun before them; else the last
    /// such person, unless the pronoun's own paragraph names one of that gender only after another; else the last
    /// person of that gender named, in this paragraph or the few before it.
    private func antecedent(of gender: Entity.Gender, before pronoun: Int, context: Context) -> Int? {
        let mentions = context.mentions
        let reachStart = context.article.paragraphs[max(0, context.paragraphIndex - Self.pronounParagraphs)].lowerBound
        let end = Self.firstMention(startingAtOrAfter: min(pronoun, context.quoteStart), in: mentions)
        let ownSentence = sentenceStart(before: pronoun, bytes: context.bytes)
        let paragraphStart = context.article.paragraphs[context.paragraphIndex].lowerBound
        var firstInSentence: Int?
        var lastNamed: Int?
        var lastNamedStart = 0
        var lastSubject: (entity: Int, start: Int)?
        var position = end
        // Bounded, so that a paragraph of a million names and a pronoun in every sentence costs no more than a short one.
        while position > 0, end - position < Self.pronounMentionReach, mentions[position - 1].range.lowerBound >= reachStart {
            position -= 1
            let mention = mentions[position]
            guard let entity = mention.entity, entities[entity].kind == .person else { continue }
            guard fits(entity, gender) else { continue }
            let isFirst = !isPreceded(position, inSentenceStartingAt: sentenceStart(before: mention.range.lowerBound, bytes: context.bytes),
                                      mentions: mentions, bytes: context.bytes)
            if mention.range.lowerBound >= ownSentence { firstInSentence = entity }
            if lastNamed == nil { (lastNamed, lastNamedStart) = (entity, mention.range.lowerBound) }
            if isFirst, lastSubject == nil { lastSubject = (entity, mention.range.lowerBound) }
            if lastSubject != nil, mention.range.lowerBound < ownSentence { break }
        }
        if let firstInSentence { return firstInSentence }
        if let speaker = context.lastSpeaker, speaker.end > reachStart, entities[speaker.entity].kind == .person,
           fits(speaker.entity, gender), lastSubject.map({ $0.start < speaker.end || $0.entity == speaker.entity }) ?? true {
            return speaker.entity
        }
        // "Oliver Sacks wrote of it. ¶ Like Steenburgen, Charlie McDowell was worried. “…,” he said": someone the
        // quote's own paragraph names comes before the subject of an earlier one.
        if let lastSubject, lastSubject.start < paragraphStart, let lastNamed, lastNamedStart >= paragraphStart { return lastNamed }
        return lastSubject?.entity ?? lastNamed
    }

    private func fits(_ entity: Int, _ gender: Entity.Gender) -> Bool {
        entities[entity].gender == nil || entities[entity].gender == gender
    }

    /// True when a person is named, or "he" or "she" stands, in the sentence before mention `position`.
    private func isPreceded(_ position: Int, inSentenceStartingAt start: Int, mentions: [Mention], bytes: [UInt8]) -> Bool {
        var earlier = position
        while earlier > 0, mentions[earlier - 1].range.lowerBound >= start {
            earlier -= 1
            if let entity = mentions[earlier].entity, entities[entity].kind == .person { return true }
        }
        let before = start..<max(start, mentions[position].range.lowerBound)
        return Tokenizer.tokens(in: bytes, range: before).contains { $0.term == "he" || $0.term == "she" }
    }

    /// Where the sentence holding `offset` starts: after the last full stop, question or exclamation
    /// mark followed by a space (not one that ends a title such as "Mr." or an initial), or a line's
    /// end; looking back at most a few hundred bytes.
    private func sentenceStart(before offset: Int, bytes: [UInt8]) -> Int {
        var index = offset
        let limit = max(0, offset - 600)
        while index > limit {
            let byte = bytes[index - 1]
            if byte == 0x0A { return index }
            if (byte == 0x2E || byte == 0x21 || byte == 0x3F), index < bytes.count, bytes[index] == 0x20 {
                // "Mr.", "Mrs.", "U.S." and initials end no sentence: a full stop after a word of three letters or fewer.
                var start = index - 1
                while start > limit, bytes[start - 1] >= 0x41, bytes[start - 1] <= 0x7A { start -= 1 }
                let word = index - 1 - start
                if byte != 0x2E || word > 3 || word == 0 { return index + 1 }
            }
            index -= 1
        }
        return index
    }

    // MARK: - Looking up mentions

    /// The mention that overlaps `range`, by binary search: mentions are in text order and do not overlap.
    static func mention(overlapping range: Range<Int>, in mentions: [Mention]) -> Mention? {
        let low = firstMention(endingAfter: range.lowerBound, in: mentions)
        return low < mentions.count && mentions[low].range.overlaps(range) ? mentions[low] : nil
    }

    private static func firstMention(endingAfter offset: Int, in mentions: [Mention]) -> Int {
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].range.upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func firstMention(startingAtOrAfter offset: Int, in mentions: [Mention]) -> Int {
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].range.lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low
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
}
