import DossierCore
import DossierFormats

/// What the reader holds while the corpus is indexed: how far it has come, the titles
/// read so far, and a search waiting for the index. The open file, read and parsed on its own
/// (no entities, no index), is the reader's `content`.
public struct Indexing {
    public internal(set) var progress: LoadProgress?
    /// Titles of the files read so far, by placeholder article.
    public internal(set) var titles: [Int: String] = [:]
    /// A search submitted before the index was ready; it runs as soon as it is.
    public internal(set) var pendingSearch: String?

    /// "indexing 43%… · 41,000 of 100,000 files · 38 MB/s · 12 s left"
    public var summary: String {
        guard let progress else { return LoadingScreen.statusText(nil) }
        let detail = progress.stage == .reading ? " · " + LoadingScreen.detail(progress) : ""
        return LoadingScreen.statusText(progress) + detail
    }
}
