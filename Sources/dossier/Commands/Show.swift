import ArgumentParser
import DossierFormats
import DossierLinking
import DossierText

/// Prints one article with its mentions marked.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print an article with its mentions marked.",
        discussion: "A linked mention prints as [text](entity-id); an ambiguous one as [text](?id|id).")

    @Argument(help: "An article id (any start of it that no other id shares), its file's name (desk#2: the second item of desk.xml), or words of its title.") var article: String
    @Flag(help: "Print JSON: metadata, paragraphs and mentions [{entity, line, column, text}].") var json = false
    @Flag(help: "Print the article's text as Dossier reads it, the text every line and column counts in: the file itself for plain text, the text made of a page, feed item or record for the others.")
    var text = false
    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let corpus = try corpus.loadCorpus()
        let index = try corpus.lookUpArticle(article)
        guard corpus.articles[index].textIsAsIndexed else {
            throw DossierError.unreadable(corpus.articles[index].path,
                                          reason: "the file changed or cannot be read since it was indexed; run the command again to index it anew")
        }
        if json { return try Output.json(ShowReport(corpus, article: index)) }
        let article = corpus.articles[index]
        if text {
            // Line by line, so that each is sanitised on its own: a control character shows as one
            // replacement character, and every line and column stays where it was.
            let lines = String(decoding: article.text.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() where number < lines.count - 1 || !line.isEmpty { Output.line(String(line)) }
            return
        }
        Output.line(article.title)
        let details = [article.source, article.dateline, article.section, article.byline.map { "by \($0)" }, article.date,
                       article.isSummary ? "summary only" : nil]
        Output.line(details.compactMap { $0 }.joined(separator: " · "))
        if let url = article.url { Output.line(url) }
        for paragraph in article.paragraphs {
            Output.line("")
            Output.line(marked(paragraph, of: article, mentions: corpus.mentions[index], entities: corpus.entities))
        }
    }

    private func marked(_ paragraph: Range<Int>, of article: Article, mentions: [Mention], entities: [Entity]) -> String {
        var text = ""
        var position = paragraph.lowerBound
        for mention in mentions where paragraph.contains(mention.range.lowerBound) {
            text += article.text.string(position..<mention.range.lowerBound)
            let target = mention.entity.map { entities[$0].id }
                ?? "?" + mention.candidates.map { entities[$0].id }.joined(separator: "|")
            text += "[\(article.text.string(mention.range))](\(target))"
            position = mention.range.upperBound
        }
        text += article.text.string(position..<paragraph.upperBound)
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
