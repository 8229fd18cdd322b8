import DossierFormats
import DossierIndex
import DossierText

/// What a corpus being loaded already shows, before any entity is linked or any word indexed:
/// enough for the reader to list the files and open one while the rest is read.
public enum LoadPreview: Sendable {
    /// The files found, in the order found: a corpus of one article a file, each titled by
    /// its id, with no text, entities or index.
    case found(Corpus)
    /// The title of the article at `index` in that corpus, once its file has been read.
    case titled(index: Int, title: String)
}

extension Corpus {
    /// One placeholder article a file, titled by its id until the file is read.
    static func preview(of files: [ArticleFile], ids: [String]) -> Corpus {
        let articles = files.indices.map { index in
            Article(id: ids[index], origin: ArticleOrigin(path: files[index].path), textLength: 0, title: ids[index], headlineRange: nil,
                    dateline: nil, byline: nil, section: nil, source: nil, date: nil, paragraphs: [], wordCount: 0)
        }
        // An index of as many articles, none with a word yet: nothing that asks it about an article is out of range.
        var index = SearchIndex()
        for _ in articles { index.add(indexed: EmptyCollection(), checkpoints: EmptyCollection()) }
        index.finish(terms: [])
        return Corpus(articles: articles, entities: [], mentions: Array(repeating: [], count: articles.count), index: index,
                      skipped: [], quotes: Array(repeating: [], count: articles.count), related: [])
    }
}

extension ArticleParser {
    /// One file read and parsed on its own, for a reader that cannot wait for the corpus:
    /// no entities, no index. A file that cannot be read, or is not text, becomes an article
    /// that says so, since the reader must show something where the file was.
    public static func readAlone(path: String, id: String) -> Article {
        let problem: String
        do {
            let bytes = try DocumentFormat.unpackedBytes(of: path)
            switch DocumentFormat.of(path: path, head: bytes.prefix(4_096)) {
            case .text: break
            case .html:
                let articles = DocumentReader.articles(in: bytes, format: .html)
                if let page = articles.first { return page.renamed(id, stableID: id) }
                problem = "No article text was found in the page, so it will be skipped."
                return notice(problem, id: id, path: path)
            case .feed, .jsonLines, .csv:
                return notice("This file holds many articles; they are listed here once it has been read.", id: id, path: path)
            }
            switch TextSniffer.verdict(for: bytes) {
            case .text: return parse(SourceText(decoding: bytes), id: id, path: path)
            case .empty: problem = "It is empty, so it will be skipped."
            case .binary(let why): problem = "It is not text (\(why)), so it will be skipped."
            }
        } catch let problem as ContentProblem {
            return notice("It cannot be read: \(problem.reason), so it will be skipped.", id: id, path: path)
        } catch let error as DossierError {
            if case .unreadable(_, let why) = error { problem = "It cannot be read: \(why)." } else { problem = "\(error)" }
        } catch {
            problem = "It cannot be read: \(error)."
        }
        return notice(problem, id: id, path: path)
    }

    /// An article that is only a notice about its file.
    private static func notice(_ message: String, id: String, path: String) -> Article {
        let text = SourceText(decoding: Array(message.utf8))
        return Article(id: id, path: path, text: text, title: id, headlineRange: nil, dateline: nil, byline: nil,
                       section: nil, source: nil, date: nil, paragraphs: [0..<text.bytes.count], wordCount: 0)
    }
}
