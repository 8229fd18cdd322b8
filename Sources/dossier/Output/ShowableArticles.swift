import DossierCore

/// The articles a command can show as they were indexed. An article whose file changed, vanished
/// or became unreadable since has lost every line and column Dossier knows of it: it is left out,
/// of counts as of records, and named once on stderr with what to do.
final class ShowableArticles {
    private let corpus: any SearchableCorpus
    private var verdicts: [Int: Bool] = [:]

    init(_ corpus: any SearchableCorpus) {
        self.corpus = corpus
    }

    func contains(_ article: Int) -> Bool {
        if let verdict = verdicts[article] { return verdict }
        let verdict = corpus.articles[article].textIsAsIndexed
        verdicts[article] = verdict
        if !verdict { Output.warning(Self.changedMessage(corpus.articles[article].path)) }
        return verdict
    }

    static func changedMessage(_ path: String) -> String {
        "left out \(path): the file changed or cannot be read since it was indexed; run the command again to index it anew"
    }
}
