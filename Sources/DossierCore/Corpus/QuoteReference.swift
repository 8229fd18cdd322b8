/// Where one quotation stands: `corpus.quotes[article][quote]`.
public struct QuoteReference: Sendable, Hashable {
    public let article: Int
    public let quote: Int
}
