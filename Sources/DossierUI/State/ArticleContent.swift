import DossierCore
import DossierFormats
import DossierText

/// An article's text as the runner read it, for `update` to lay out: the reader never reads a
/// file itself, so the open article's text arrives as this, in `Outcome.textRead`.
public struct ArticleContent: Sendable {
    /// The corpus the article belongs to: text read for a corpus the reader has since replaced is dropped.
    public let corpus: Corpus
    /// The article's index in `corpus.articles`.
    public let index: Int
    /// The article: the corpus's own, or, while indexing, the file read and parsed on its own.
    public let article: Article
    /// The decoded text, as the article's ranges measure it.
    public let text: SourceText
    /// False when the file changed since it was indexed: `text` is then a notice of the same length.
    public let isAsIndexed: Bool

    /// The text of `article`, read now (from its file when it is not in memory).
    public init(reading article: Article, index: Int, of corpus: Corpus) {
        self.corpus = corpus
        self.index = index
        self.article = article
        text = article.text
        isAsIndexed = article.textIsAsIndexed
    }
}
