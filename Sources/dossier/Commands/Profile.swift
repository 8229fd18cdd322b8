import ArgumentParser
import DossierCore
import DossierText

/// One entity's dossier, as the reader's `D` shows it: for scripts (JSON) and notes (Markdown).
struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show an entity's dossier: names in the text, mentions over time, company, articles and quotes.")

    @Argument(help: "An entity id, name or alias, in any case.") var entity: String
    @Flag(help: "Print JSON: {id, name, kind, description, found, aliases, namesSeen, namesSampledArticles, mentions, articles, timeline, undatedMentions, company, quotes}.")
    var json = false
    @Flag(help: "Print Markdown, for notes.") var markdown = false
    @OptionGroup var corpus: CorpusOptions

    /// Periods a timeline may have before weeks become months, and months years.
    static let timelinePeriods = 26

    func validate() throws {
        if json && markdown { throw ValidationError("choose one of --json and --markdown") }
    }

    func run() throws {
        let corpus = try corpus.loadCorpus()
        let index = try corpus.lookUpEntity(entity)
        let record = ProfileRecord(corpus, EntityProfile(entity: index, in: corpus), showable: ShowableArticles(corpus))
        if json { return try Output.json(record) }
        for line in markdown ? record.markdown : record.text { Output.line(line) }
    }
}

struct ProfileRecord: Encodable {
    struct Name: Encodable { let text: String; let count: Int }
    struct ArticleEntry: Encodable { let id: String; let title: String; let date: String?; let mentions: Int }
    struct Period: Encodable { let start: String; let mentions: Int }
    struct Timeline: Encodable { let unit: String; let periods: [Period] }
    struct Companion: Encodable { let id: String; let name: String; let kind: String; let sentences: Int }
    struct QuoteEntry: Encodable { let article: String; let line: Int; let column: Int; let text: String }

    let id: String
    let name: String
    let kind: String
    let description: String
    let found: Bool
    let aliases: [String]
    let namesSeen: [Name]
    /// The articles the names were counted in: the first 500 that mention the entity.
    let namesSampledArticles: Int
    let mentions: Int
    let articles: [ArticleEntry]
    let timeline: Timeline
    let undatedMentions: Int
    let company: [Companion]
    let quotes: [QuoteEntry]

    init(_ corpus: Corpus, _ profile: EntityProfile, showable: ShowableArticles) {
        let entity = corpus.entities[profile.entity]
        id = entity.id
        name = entity.name
        kind = entity.kind.rawValue
        description = entity.description
        found = entity.isFound
        aliases = entity.aliases
        namesSeen = profile.namesSeen.map { Name(text: $0.text, count: $0.count) }
        namesSampledArticles = profile.namesSampledArticles
        mentions = profile.mentionCount
        articles = profile.articles.map { article, mentions in
            let shown = corpus.articles[article]
            return ArticleEntry(id: shown.id, title: shown.title, date: shown.date, mentions: mentions)
        }
        let timeline = profile.timeline(maxPeriods: Profile.timelinePeriods)
        self.timeline = Timeline(unit: timeline.unit.rawValue, periods: timeline.periods.map { Period(start: $0.start.iso, mentions: $0.count) })
        undatedMentions = profile.undatedMentions
        company = profile.company.map { related in
            let other = corpus.entities[related.entity]
            return Companion(id: other.id, name: other.name, kind: other.kind.rawValue, sentences: related.count)
        }
        quotes = profile.quotes.filter { showable.contains($0.article) }.map { reference in
            let record = QuoteRecord(corpus, reference)
            return QuoteEntry(article: record.article, line: record.line, column: record.column, text: record.text)
        }
    }

    /// " (in its first 500 articles)" when the names were counted in fewer articles than mention it.
    private var sample: String {
        articles.count > namesSampledArticles ? " (in its first \(Counted.phrase(namesSampledArticles, "article")))" : ""
    }

    private var summary: String {
        Counted.phrase(mentions, "mention") + " in " + Counted.phrase(articles.count, "article") + " · " + Counted.phrase(quotes.count, "quote")
    }

    private var periodLabels: [(label: String, mentions: Int)] {
        timeline.periods.map { period in
            (timeline.unit == "week" ? "week of " + period.start : timeline.unit == "month" ? String(period.start.prefix(7)) : String(period.start.prefix(4)),
             period.mentions)
        }
    }

    /// Plain lines for a terminal.
    var text: [String] {
        var lines = ["\(name) (\(kind)\(found ? ", found in the text" : "")) — \(description.isEmpty ? "no description" : description)"]
        if !namesSeen.isEmpty { lines.append("Named in the text as\(sample): " + namesSeen.map { "\($0.text) (\($0.count))" }.joined(separator: ", ")) }
        lines.append(summary)
        lines.append("")
        if timeline.periods.isEmpty {
            lines.append("Mentions by date: none of the articles that name them carries a date")
        } else {
            lines.append("Mentions a \(timeline.unit):")
            let most = max(1, timeline.periods.map(\.mentions).max() ?? 1)
            let width = periodLabels.map(\.label.count).max() ?? 0
            for (label, count) in periodLabels {
                let bar = String(repeating: "█", count: count == 0 ? 0 : max(1, count * 40 / most))
                lines.append("  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + " " + bar + " \(count)")
            }
            if undatedMentions > 0 { lines.append("  and \(Counted.phrase(undatedMentions, "mention")) in undated articles") }
        }
        if !company.isEmpty {
            lines.append("")
            lines.append("Named with (sentences shared):")
            for companion in company { lines.append("  \(companion.name) (\(companion.kind)) \(companion.sentences)") }
        }
        lines.append("")
        lines.append("Articles (mentions):")
        for article in articles { lines.append("  \(article.id)  \(article.date.map { $0 + "  " } ?? "")\(article.title) (\(article.mentions))") }
        if !quotes.isEmpty {
            lines.append("")
            lines.append("Quotes:")
            for quote in quotes { lines.append("  \(quote.article):\(quote.line):\(quote.column): “\(quote.text)”") }
        }
        return lines
    }

    /// Markdown for notes: headings, lists, and quotes as block quotes.
    var markdown: [String] {
        func escaped(_ text: String) -> String {
            var result = ""
            for character in text {
                if "\\`*_[]<>#|".contains(character) { result.append("\\") }
                result.append(character)
            }
            return result
        }
        var lines = ["# \(escaped(name))", "", "*\(kind)\(found ? ", found in the text" : "")*" + (description.isEmpty ? "" : " — \(escaped(description))"), ""]
        if !namesSeen.isEmpty { lines += ["Named in the text as\(sample): " + namesSeen.map { "\(escaped($0.text)) (\($0.count))" }.joined(separator: ", "), ""] }
        lines += [summary, "", "## Mentions over time", ""]
        if timeline.periods.isEmpty {
            lines.append("None of the articles that name them carries a date.")
        } else {
            lines += ["| \(timeline.unit) | mentions |", "|---|---:|"]
            for (label, count) in periodLabels { lines.append("| \(label) | \(count) |") }
            if undatedMentions > 0 { lines += ["", "And \(Counted.phrase(undatedMentions, "mention")) in undated articles."] }
        }
        if !company.isEmpty {
            lines += ["", "## Named with", ""]
            for companion in company { lines.append("- \(escaped(companion.name)) (\(companion.kind)): \(Counted.phrase(companion.sentences, "sentence")) shared") }
        }
        lines += ["", "## Articles", ""]
        for article in articles {
            lines.append("- \(article.date.map { $0 + ": " } ?? "")\(escaped(article.title)) (`\(article.id)`, \(Counted.phrase(article.mentions, "mention")))")
        }
        if !quotes.isEmpty {
            lines += ["", "## Quotes", ""]
            for quote in quotes { lines += ["> \(escaped(quote.text))", ">", "> — `\(quote.article)`, line \(quote.line)", ""] }
            if lines.last == "" { lines.removeLast() }
        }
        return lines
    }
}
