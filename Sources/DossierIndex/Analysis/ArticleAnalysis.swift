import DossierFormats
import DossierLinking
import DossierText

/// Everything Dossier learns from one article file on its own: the article, its
/// links, its quotations, which entities share its sentences, and its words.
///
/// None of it depends on the other files, so files are analysed in parallel, and
/// the index cache keeps one analysis per file: a changed file is analysed again,
/// an unchanged one never. Entities are numbered locally: a catalog entity by its
/// catalog index, the article's `links.found[i]` as `catalogCount + i`. Merging
/// turns local numbers into corpus-wide ones (`EntityMerger`).
package struct ArticleAnalysis: Sendable {
    /// Its text is not held: see `ArticleText`.
    package var article: Article
    package private(set) var links: ArticleLinks
    /// Speakers in local numbers.
    private(set) var quotes: [Quote]
    /// Pairs of local entities in one sentence, with how many sentences they share; `first < second`.
    private(set) var pairs: [EntityPair]
    package var words: Words

    /// Hands over the links, quotes and pairs to be merged into the corpus, which numbers them anew,
    /// keeping none: each can then go as soon as it is renumbered.
    package mutating func takeLinks() -> (links: ArticleLinks, quotes: [Quote], pairs: [EntityPair]) {
        defer {
            links = ArticleLinks()
            quotes = []
            pairs = []
        }
        return (links, quotes, pairs)
    }

    /// The article's words as the index takes them.
    package enum Words: Sendable {
        /// Fresh from the tokenizer, terms numbered across the corpus.
        case compact(CompactTokens)
        /// In the saved index, as its article at this position.
        case saved(Int)
        /// Already handed to the index.
        case handedOver
    }

    package struct EntityPair: Sendable, Equatable {
        package let first: Int32
        package let second: Int32
        package let sentences: Int32

        package init(first: Int32, second: Int32, sentences: Int32) {
            self.first = first
            self.second = second
            self.sentences = sentences
        }
    }

    /// Analyses a plain text article. Its text is let go for its file to give again, unless
    /// `keepsText`: the text of an article read from no file is held.
    package static func analyse(_ text: SourceText, id: String, path: String, linker: EntityLinker,
                                attributionVerbs: Set<String>, numbering: TermNumbering, keepsText: Bool = false) -> ArticleAnalysis {
        let (article, words) = ArticleParser.parseWithWords(text, id: id, path: path)
        return analyse(article, words: words, linker: linker, attributionVerbs: attributionVerbs, numbering: numbering,
                       keepsText: keepsText)
    }

    /// Analyses an article made from a page, feed item or dataset record.
    package static func analyse(_ draft: ArticleDraft, linker: EntityLinker, attributionVerbs: Set<String>,
                                numbering: TermNumbering) -> ArticleAnalysis {
        let (article, words) = ArticleParser.composedWithWords(draft.composed, id: "", origin: draft.origin, metadata: draft.metadata)
        return analyse(article, words: words, linker: linker, attributionVerbs: attributionVerbs, numbering: numbering)
    }

    private static func analyse(_ article: Article, words: ArticleWords, linker: EntityLinker,
                                attributionVerbs: Set<String>, numbering: TermNumbering, keepsText: Bool = false) -> ArticleAnalysis {
        let links = linker.link(words)
        let terms = CompactTokens(words, numbering: numbering)
        let mentions = links.mentions
        let localEntities = linker.entities + links.found.map(\.asEntity)
        let quotes = QuoteFinder(entities: localEntities, attributionVerbs: attributionVerbs).quotes(in: article, mentions: mentions)
        return ArticleAnalysis(article: keepsText ? article : article.releasingText(), links: links, quotes: quotes,
                               pairs: sentencePairs(in: article, mentions: mentions),
                               words: .compact(terms))
    }

    /// Counts, for every pair of entities, the sentences of the article that mention both.
    static func sentencePairs(in article: Article, mentions: [Mention]) -> [EntityPair] {
        guard mentions.contains(where: { $0.entity != nil }) else { return [] }
        // The entities of each sentence that names more than one, flat; then every pair as it occurs,
        // in an array made at its size, sorted and counted. An article of random names has millions of
        // pairs: a dictionary of counts, or an array grown to fit, held them twice over.
        var sentenceEntities: [Int32] = []
        var sentenceEnds: [Int] = []
        var position = 0
        let bytes = article.text.bytes
        for range in article.contentRanges {
            for sentence in SentenceSplitter.sentences(in: bytes, range: range) {
                var present = Set<Int>()
                while position < mentions.count, mentions[position].range.lowerBound < sentence.upperBound {
                    if mentions[position].range.lowerBound >= sentence.lowerBound, let entity = mentions[position].entity {
                        present.insert(entity)
                    }
                    position += 1
                }
                guard present.count > 1 else { continue }
                sentenceEntities += present.sorted().lazy.map { Int32($0) }
                sentenceEnds.append(sentenceEntities.count)
            }
        }
        var pairCount = 0
        var sentenceStart = 0
        for sentenceEnd in sentenceEnds {
            let count = sentenceEnd - sentenceStart
            pairCount += count * (count - 1) / 2
            sentenceStart = sentenceEnd
        }
        var occurrences: [UInt64] = []
        occurrences.reserveCapacity(pairCount)
        sentenceStart = 0
        for sentenceEnd in sentenceEnds {
            for first in sentenceStart..<sentenceEnd {
                for second in (first + 1)..<sentenceEnd {
                    occurrences.append(UInt64(sentenceEntities[first]) << 32 | UInt64(sentenceEntities[second]))
                }
            }
            sentenceStart = sentenceEnd
        }
        sentenceEntities = []
        occurrences.sort()
        var pairs: [EntityPair] = []
        var distinct = occurrences.isEmpty ? 0 : 1
        for index in occurrences.indices.dropFirst() where occurrences[index] != occurrences[index - 1] { distinct += 1 }
        pairs.reserveCapacity(distinct)
        var start = 0
        while start < occurrences.count {
            var end = start + 1
            while end < occurrences.count, occurrences[end] == occurrences[start] { end += 1 }
            let key = occurrences[start]
            pairs.append(EntityPair(first: Int32(key >> 32), second: Int32(key & 0xFFFF_FFFF), sentences: Int32(end - start)))
            start = end
        }
        return pairs
    }

    /// The same analysis of a file found at another spelling of its path.
    package func relocated(to path: String) -> ArticleAnalysis {
        var moved = self
        moved.article = article.relocated(to: path)
        return moved
    }
}

extension FoundEntity {
    /// As much of an entity as one article tells: enough to attribute its quotations.
    var asEntity: Entity {
        Entity(id: key, name: name, kind: kind, description: role ?? "", surname: surname, gender: gender, isFound: true)
    }
}
