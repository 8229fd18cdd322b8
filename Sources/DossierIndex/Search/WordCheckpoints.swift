import DossierText

/// Where the index keeps each article's checkpoints: the first byte of its words 0, 64, 128, …
/// (`ArticleWords.checkpoints`), which place a hit by tokenizing at most 63 words before it
/// instead of the whole article, for 4 bytes every 64 words.
///
/// One flat table of 32-bit offsets, addressed without a table of its own: article `a`, whose words
/// start at word `s` of the corpus, has its checkpoints from slot `s / 64 + a` on. That leaves room
/// for its `⌈n / 64⌉` (`s / 64` grows by at least `⌊n / 64⌋` over its `n` words, and `a` by one), at the
/// cost of a slot an article left unused at most.
package enum WordCheckpoints {
    package static let stride = ArticleWords.checkpointStride
    /// What an unused slot holds.
    static let unused = UInt32.max

    /// How many slots a corpus of `wordCount` words in `articleCount` articles needs.
    static func slotCount(wordCount: Int, articleCount: Int) -> Int {
        wordCount / stride + articleCount
    }

    /// The slot of article `article`'s first checkpoint, when its words start at word `start` of the corpus.
    static func firstSlot(ofArticle article: Int, startingAtWord start: Int) -> Int {
        start / stride + article
    }

    /// How many checkpoints an article of `wordCount` words has.
    static func count(ofArticleWith wordCount: Int) -> Int {
        (wordCount + stride - 1) / stride
    }
}
