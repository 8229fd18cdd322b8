import DossierIndex

extension SearchableCorpus {
    /// The byte range of a hit, from its first word's start to its last word's end; nil when the
    /// article's file no longer holds the words that were indexed (it changed length or vanished after indexing).
    public func byteRange(of hit: Hit) -> Range<Int>? {
        byteRange(of: hit, places: wordPlaces)
    }

    /// `byteRange(of:)` with word places of the caller's own, which go on from the last word they
    /// found: threads that place hits in different articles each need theirs.
    func byteRange(of hit: Hit, places: WordPlaces) -> Range<Int>? {
        guard !hit.words.isEmpty else { return nil }
        guard let first = places.range(ofWord: hit.words.lowerBound, article: hit.article, in: articles, index: index),
              let last = hit.words.count == 1
                ? first : places.range(ofWord: hit.words.upperBound - 1, article: hit.article, in: articles, index: index)
        else { return nil }
        return first.lowerBound..<last.upperBound
    }

    /// The byte ranges of hits, in order, leaving out any that their file no longer holds.
    public func byteRanges(of hits: some Sequence<Hit>) -> [Range<Int>] {
        hits.compactMap(byteRange(of:))
    }
}
