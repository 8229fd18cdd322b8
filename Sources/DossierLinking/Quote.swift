/// A direct quotation in an article and, when the text says, who spoke it.
public struct Quote: Sendable, Equatable {
    /// Byte range of the words inside the quotation marks.
    public let range: Range<Int>
    /// Index into `Corpus.entities` of the speaker; nil when the text does not say.
    public let speaker: Int?

    package init(range: Range<Int>, speaker: Int?) {
        self.range = range
        self.speaker = speaker
    }
}
