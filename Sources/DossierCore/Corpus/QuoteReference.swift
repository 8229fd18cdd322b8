/// Where one quotation stands: `corpus.quotes[article][quote]`.
public struct QuoteReference: Sendable, Hashable {
    public let article: Int
    public let quote: Int

    public init(article: Int, quote: Int) {
        self.article = article
        self.quote = quote
    }
}
