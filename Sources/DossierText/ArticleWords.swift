/// An article's words: every token's term, numbered within the article, and its tokens a
/// chunk at a time.
///
/// A `Token` takes 32 bytes, six times the text it stands for, so a 50 MB file's tokens
/// alone would take 300 MB. Only one chunk's tokens (about a megabyte of text) are held
/// at once: the terms and the words written in lower case are gathered in one pass, and
/// linking tokenizes each chunk again. An article of one chunk, which is nearly every
/// article, is tokenized once and its tokens kept for linking.
///
/// A chunk is whole runs (the headline, the paragraphs). A run longer than a chunk is cut
/// in pieces at a sentence's start, or failing one at a character no word holds, so that
/// the pieces give exactly the tokens the whole run gives: the index and `Tokenizer.wordRanges`
/// over `Article.contentRanges` must agree word for word. Names are linked within a
/// piece, so a cut only ever falls between sentences of a paragraph over a megabyte long.
public struct ArticleWords: Sendable {
    static let defaultChunkLimit = 1 << 20
    /// Every how many words the index keeps a word's first byte (`checkpoints`).
    package static let checkpointStride = 64

    package let text: SourceText
    /// The headline and the paragraphs in order, a run longer than a chunk in pieces.
    public let runs: [Range<Int>]
    /// True when `runs` starts with the headline.
    package let startsWithHeadline: Bool
    /// The term of every token, in order, as its index in `vocabulary`: a chunk's at a time, so
    /// that a huge article's never grow in one array to twice the room they need.
    package let localTerms: [[UInt32]]
    /// The article's distinct terms, by first appearance.
    package let vocabulary: [String]
    /// The terms the article writes in lower case somewhere ("critics"): capitalised at the start
    /// of a sentence, such a word is a common word, not a name.
    package let lowercaseTerms: Set<String>
    /// How many tokens the paragraphs have, without the headline's.
    package let bodyWordCount: Int
    /// The first byte of every `checkpointStride`th token (the first, the 65th, …): where the index finds a hit's
    /// word again by tokenizing a few words from the nearest one before it, not the whole article.
    package let checkpoints: [UInt32]
    /// Each chunk as a range of `runs`.
    private let chunks: [Range<Int>]
    /// The tokens of the only chunk, when there is only one.
    private let onlyChunkTokens: [[Token]]?

    package init(text: SourceText, headline: Range<Int>?, paragraphs: [Range<Int>], chunkLimit: Int = defaultChunkLimit) {
        self.text = text
        let bytes = text.bytes
        var runs: [Range<Int>] = []
        var headlineRunCount = 0
        for (index, range) in ((headline.map { [$0] } ?? []) + paragraphs).enumerated() {
            let pieces = Self.pieces(of: range, in: bytes, limit: chunkLimit)
            runs += pieces
            if index == 0, headline != nil { headlineRunCount = pieces.count }
        }
        self.runs = runs
        startsWithHeadline = headline != nil

        var chunks: [Range<Int>] = []
        var chunkStart = 0
        var chunkBytes = 0
        for (index, run) in runs.enumerated() {
            if chunkBytes > 0, chunkBytes + run.count > chunkLimit {
                chunks.append(chunkStart..<index)
                chunkStart = index
                chunkBytes = 0
            }
            chunkBytes += run.count
        }
        if chunkStart < runs.count { chunks.append(chunkStart..<runs.count) }
        self.chunks = chunks

        var numbers = TermTable()
        var vocabulary: [String] = []
        var writtenLowercase: [Bool] = []
        var localTerms: [[UInt32]] = []
        var wordCount = 0
        var headlineWords = 0
        var checkpoints: [UInt32] = []
        var onlyChunkTokens: [[Token]]?
        for chunk in chunks {
            let tokenRuns = runs[chunk].map { Tokenizer.tokens(in: bytes, range: $0) }
            var chunkTerms: [UInt32] = []
            chunkTerms.reserveCapacity(tokenRuns.reduce(0) { $0 + $1.count })
            for (offset, tokens) in tokenRuns.enumerated() {
                if chunk.lowerBound + offset < headlineRunCount { headlineWords += tokens.count }
                for token in tokens {
                    if (wordCount + chunkTerms.count) % Self.checkpointStride == 0 { checkpoints.append(UInt32(token.range.lowerBound)) }
                    let (number, isNew) = numbers.number(of: token.term)
                    if isNew {
                        vocabulary.append(token.term)
                        writtenLowercase.append(false)
                    }
                    chunkTerms.append(number)
                    if token.shape == .lowercase { writtenLowercase[Int(number)] = true }
                }
            }
            wordCount += chunkTerms.count
            localTerms.append(chunkTerms)
            if chunks.count == 1 { onlyChunkTokens = tokenRuns }
        }
        self.localTerms = localTerms
        self.vocabulary = vocabulary
        lowercaseTerms = Set(vocabulary.indices.lazy.filter { writtenLowercase[$0] }.map { vocabulary[$0] })
        bodyWordCount = wordCount - headlineWords
        self.checkpoints = checkpoints
        self.onlyChunkTokens = onlyChunkTokens
    }

    /// Calls `body` with each chunk's first run's index in `runs` and the tokens of its runs, in order.
    public func forEachChunk(_ body: (_ firstRun: Int, _ tokenRuns: [[Token]]) -> Void) {
        if let onlyChunkTokens {
            body(0, onlyChunkTokens)
            return
        }
        for chunk in chunks {
            body(chunk.lowerBound, runs[chunk].map { Tokenizer.tokens(in: text.bytes, range: $0) })
        }
    }

    /// The run cut where the pieces keep every token whole, none longer than `limit` bytes
    /// unless no such place falls within it.
    static func pieces(of run: Range<Int>, in bytes: [UInt8], limit: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = run.lowerBound
        while run.upperBound - start > limit {
            let window = start..<(start + limit)
            // A sentence starts after white space, which no word holds.
            let sentenceStart = SentenceSplitter.sentences(in: bytes, range: window).last.map(\.lowerBound)
            // Failing both, the window is all one word, which ends somewhere after it.
            guard let cut = sentenceStart.flatMap({ $0 > start ? $0 : nil }) ?? Tokenizer.lastWordBreak(in: bytes, range: window)
                ?? Tokenizer.firstWordBreak(in: bytes, range: window.upperBound..<run.upperBound)
            else { break }
            pieces.append(start..<cut)
            start = cut
        }
        pieces.append(start..<run.upperBound)
        return pieces
    }
}
