/// The sections of a saved index file, in the order they are written.
///
/// Each is a run of bytes starting at a multiple of 8, so that the arrays among them can be read
/// where they lie in a mapping of the file.
package enum IndexSection: Int, CaseIterable, Sendable {
    /// The roots, the skipped files and the article count, as `BinaryWriter` numbers and strings.
    case meta
    /// Each article in saved order: its file's stamp, its fields and its links (`CachedCorpus`).
    case articles
    /// Where each article starts in `articles`, as 64-bit offsets, and where the last ends.
    case articleOffsets
    /// Each article's file path as saved (its real path), one after another, by article.
    case savedPaths
    /// Where each article's path starts in `savedPaths`, and where the last ends (64-bit).
    case savedPathStarts
    /// The article numbers in the byte order of their paths, then in saved order, so that a search
    /// finds a file's articles by binary search instead of decoding every article (32-bit).
    case pathOrder
    /// Each article's file stamp, seven 64-bit numbers an article: size, modification seconds and
    /// nanoseconds, change seconds and nanoseconds, inode, device.
    case stamps
    /// Each article's stable id (`Article.stableID`), one after another, by article: a search of an unchanged
    /// corpus names its articles from these instead of working their ids out again.
    case stableIDs
    /// Where each article's stable id starts in `stableIDs`, and where the last ends (64-bit).
    case stableIDStarts
    /// How many bytes of its stable id each article is shown by (`Article.id`), one byte an article.
    case shownIDLengths
    /// The article numbers in the byte order of their stable ids, then in saved order, so that a reader finds
    /// the article its saved place names by binary search instead of a table of every id (32-bit).
    case stableIDOrder
    /// Every term's UTF-8 bytes, one after another, by term number.
    case termBytes
    /// Where each term starts in `termBytes`, and where the last ends (64-bit).
    case termStarts
    /// The term numbers in the byte order of their terms, for look-up and prefix queries (32-bit).
    case sortedTerms
    /// Where each article's words start among all the corpus's words, and where the last ends (64-bit).
    case articleStarts
    /// Each block of each term's postings, four 64-bit numbers a block (`PostingBlock`), one term's blocks after another.
    case postingBlocks
    /// Where each term's blocks start among `postingBlocks`' rows, and where the last ends (64-bit).
    case termBlockStarts
    /// Each block's article gaps, then its frequencies less one, bit-packed (`PostingBlock`); zeros after the last.
    case articleStream
    /// Each block's positions, bit-packed (`PostingBlock`): read for phrases and for placing hits, never for a word's ranking.
    case positionStream
    /// The first byte of every 64th word of each article, 32-bit, in the slots `WordCheckpoints` gives.
    case wordCheckpoints
    /// The corpus's entities as merging numbered them, and those each is related to (`MergedLinks`); empty when
    /// the index was saved without them, and then a reader merges every article's own links again.
    case entities
    /// Each article's text length and mentions in the corpus's numbers, by article in saved order (`MergedLinks`);
    /// empty with `entities`.
    case mergedLinks
    /// Two 64-bit numbers an article, in saved order: where its mentions start in `mergedLinks`, and its text length
    /// in the low 32 bits with how many linked mentions of people it holds in the high 32; then where the last
    /// ends, and 0. Empty with `entities`.
    case articleLinkRows
    /// Each article's quotes in the corpus's numbers, by article in saved order (`MergedLinks`); empty with `entities`.
    case mergedQuotes
    /// Each entity's linked mentions in reading order, entity after entity: each its article's gap from the one
    /// before and its place among that article's mentions (`SavedEntityMentions`); empty with `entities`.
    case entityMentions
    /// Two 64-bit numbers an entity: where its mentions start in `entityMentions`, and how many there are in
    /// the low 32 bits with how many articles they are in in the high 32; then where the last ends, and 0.
    /// Empty with `entities`.
    case entityMentionRows
}
