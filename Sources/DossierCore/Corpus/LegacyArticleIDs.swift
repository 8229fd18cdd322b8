import DossierFormats

/// The ids articles had before they were made from what identifies them, for reading state and
/// corrections saved then: a file's name without extension ("wire"), or its path below its root
/// where two files shared a name ("2019/wire"), with "#N" for record N of a feed or dataset.
///
/// An id from then names the article now at that file and record, as it did when it was saved.
public struct LegacyArticleIDs {
    /// Articles by their file's name without extension and their record (0 for none).
    private let byName: [String: [Int]]
    private let corpus: Corpus

    public init(_ corpus: Corpus) {
        self.corpus = corpus
        var byName: [String: [Int]] = [:]
        for (index, article) in corpus.articles.enumerated() {
            byName[Self.entry(ArticleIDs.fileName(of: article.path), record: article.record ?? 0), default: []].append(index)
        }
        self.byName = byName
    }

    /// The article an id saved before names now: its stable id first, which ids from then often are
    /// (a short file name); nil when no article, or more than one, fits.
    public func articleIndex(_ savedID: String) -> Int? {
        if let stable = corpus.articleIndex(stableID: savedID) { return stable }
        var base = Substring(savedID)
        var record = 0
        if let hash = savedID.lastIndex(of: "#"), let number = Int(savedID[savedID.index(after: hash)...]), number > 0 {
            base = savedID[..<hash]
            record = number
        }
        // "name~2" was the second of two files at one path below two roots: which one is no longer known.
        guard !base.contains("~") else { return nil }
        let name = String(base.split(separator: "/").last ?? base)
        let fits = (byName[Self.entry(name, record: record)] ?? []).filter { index in
            guard base.contains("/") else { return true }
            return ArticleIDs.withoutExtension(corpus.articles[index].path).hasSuffix("/" + base)
        }
        return fits.count == 1 ? fits[0] : nil
    }

    private static func entry(_ name: String, record: Int) -> String { name + "#" + String(record) }
}
