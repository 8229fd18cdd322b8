import DossierCore
import DossierText

/// A person's (or any entity's) whole dossier, full screen: who they are, the names the text
/// uses, a timeline of their mentions, the company they keep, their articles and their quotes.
/// Every line that points somewhere goes there on Enter.
public struct DossierView: Sendable {
    public let profile: EntityProfile
    /// The words of the quotes listed, gathered with the profile (they are read from the articles' files).
    let quoteWords: [String]
    public internal(set) var selection = 0
    public internal(set) var scroll = 0
    /// The lines at `width`, made when the dossier opens and again when the width changes.
    public private(set) var lines: [Line] = []
    public private(set) var width = 0

    /// What a dossier is made of: the entity's profile and the words of the quotes it lists. The
    /// runner gathers it (`Effect.gatherDossier`), since both read the articles' text.
    public struct Content: Sendable {
        /// The corpus the dossier was gathered from: one gathered for a corpus since replaced is dropped.
        public let corpus: Corpus
        /// The entity's mentions, articles, timeline, company and quotes.
        public let profile: EntityProfile
        /// The words of the first `quoteLimit` quotes, each on one line, or a note that its file changed.
        public let quoteWords: [String]

        /// Gathers an entity's dossier, reading the text of the articles that name it.
        public init(gathering entity: Int, in corpus: Corpus) {
            self.corpus = corpus
            profile = EntityProfile(entity: entity, in: corpus)
            quoteWords = profile.quotes.prefix(DossierView.quoteLimit).map { reference in
                let article = corpus.articles[reference.article]
                let quote = corpus.quotes[reference.article][reference.quote]
                return article.textIsAsIndexed ? SourceText.flattened(article.text.string(quote.range)) : "(the file changed since it was indexed)"
            }
        }
    }

    init(_ content: Content, palette: EntityPalette, width: Int) {
        profile = content.profile
        quoteWords = content.quoteWords
        relayout(in: content.corpus, palette: palette, width: width)
    }

    mutating func relayout(in corpus: Corpus, palette: EntityPalette, width: Int) {
        guard width != self.width || lines.isEmpty else { return }
        lines = makeLines(in: corpus, palette: palette, width: width)
        self.width = width
    }

    /// Quotes listed at most; the rest are counted, and `dossier profile` lists every one.
    static let quoteLimit = 200

    public var entity: Int { profile.entity }

    /// Where Enter on a line goes.
    public enum Target: Equatable, Sendable {
        case article(Int)
        case quote(QuoteReference)
        case entity(Int)
    }

    public struct Line: Sendable {
        public enum Part: Sendable {
            case text(String, Style)
            /// A bar of `length` cells in a style.
            case bar(Int, Style)
        }
        public let parts: [Part]
        public let target: Target?

        init(_ text: String, _ style: Style = .plain, target: Target? = nil) {
            parts = [.text(text, style)]
            self.target = target
        }

        init(parts: [Part], target: Target? = nil) {
            self.parts = parts
            self.target = target
        }

        static let blank = Line("")
    }

    /// Periods drawn as a row of bars each; more are drawn as one sparkline.
    static let barRowLimit = 16

    /// The dossier's lines at a width: who the entity is, when it was mentioned, the company it
    /// keeps, its articles and its quotes.
    private func makeLines(in corpus: Corpus, palette: EntityPalette, width: Int) -> [Line] {
        identityLines(in: corpus, palette: palette, width: width)
            + timelineLines(in: corpus, palette: palette, width: width)
            + companyLines(in: corpus, palette: palette)
            + articleLines(in: corpus)
            + quoteLines(in: corpus)
    }

    private static let heading = Style(bold: true, underline: true)

    /// The name and kind, the description, the names the text uses, and the counts.
    private func identityLines(in corpus: Corpus, palette: EntityPalette, width: Int) -> [Line] {
        let entity = corpus.entities[profile.entity]
        var lines = [Line(parts: [
            .text(entity.name, palette.style(of: profile.entity, in: corpus, selected: nil)),
            .text("  \(entity.kind.rawValue)\(entity.isFound ? ", found in the text" : "")", Style(dim: true)),
        ])]
        for line in ReaderLayout.wrapText(entity.description, width: max(10, width - 2)) { lines.append(Line(line)) }
        let names = profile.namesSeen.prefix(8).map { "\($0.text) (\($0.count))" }.joined(separator: ", ")
        if !names.isEmpty {
            let sample = profile.articles.count > profile.namesSampledArticles
                ? " (in its first \(Counted.phrase(profile.namesSampledArticles, "article")))" : ""
            for line in ReaderLayout.wrapText("Named in the text as\(sample): " + names, width: max(10, width - 2)) {
                lines.append(Line(line, Style(dim: true)))
            }
        }
        let summary = Counted.phrase(profile.mentionCount, "mention") + " in " + Counted.phrase(profile.articles.count, "article")
            + " · " + Counted.phrase(profile.quotes.count, "quote")
        lines.append(Line(summary))
        return lines
    }

    /// Mentions by period: a bar a row when weeks or months make few enough rows; else one
    /// character a period.
    private func timelineLines(in corpus: Corpus, palette: EntityPalette, width: Int) -> [Line] {
        let few = profile.timeline(maxPeriods: Self.barRowLimit)
        let timeline = few.unit != .year ? few : profile.timeline(maxPeriods: max(Self.barRowLimit, width - 14))
        guard !timeline.periods.isEmpty else {
            return [.blank, Line("Mentions by date", Self.heading),
                    Line("  none of the articles that name them carries a date", Style(dim: true))]
        }
        let undated = profile.undatedMentions > 0 ? " (and \(Counted.phrase(profile.undatedMentions, "mention")) in undated articles)" : ""
        let lines: [Line] = [.blank, Line("Mentions a \(timeline.unit.rawValue)" + undated, Self.heading)]
        let color = palette.color(of: profile.entity, in: corpus)
        if timeline.periods.count <= Self.barRowLimit && timeline.unit != .year || timeline.periods.count <= 3 {
            return lines + Self.barLines(timeline, color: color, width: width)
        }
        guard let first = timeline.periods.first, let last = timeline.periods.last else { return lines }
        let most = timeline.periods.map(\.count).max() ?? 0
        let span = "  \(timeline.unit.label(first.start)) … \(timeline.unit.label(last.start))"
        return lines + [Line("  " + timeline.sparkline, Style(foreground: color)),
                        Line(span + " · busiest \(timeline.unit.rawValue): \(Counted.phrase(most, "mention"))", Style(dim: true))]
    }

    /// A row a period: its label, a bar as long as its share of the busiest, and its count.
    private static func barLines(_ timeline: Timeline, color: Color, width: Int) -> [Line] {
        let labelWidth = timeline.periods.map { timeline.unit.label($0.start).count }.max() ?? 0
        let most = max(1, timeline.periods.map(\.count).max() ?? 1)
        let barSpace = max(1, min(40, width - labelWidth - 12))
        return timeline.periods.map { period in
            let length = period.count == 0 ? 0 : max(1, period.count * barSpace / most)
            return Line(parts: [
                .text("  " + timeline.unit.label(period.start) + " ", .plain),
                .bar(length, Style(foreground: color)),
                .text(" \(Counted.number(period.count))", Style(dim: true)),
            ])
        }
    }

    /// The people and organisations named in the same sentences, each leading to their dossier.
    private func companyLines(in corpus: Corpus, palette: EntityPalette) -> [Line] {
        let company = profile.company
        guard !company.isEmpty else { return [] }
        return [.blank, Line("Named with (people and organisations, by sentences shared)", Self.heading)] + company.map { related in
            Line(parts: [
                .text("  " + corpus.entities[related.entity].name, palette.style(of: related.entity, in: corpus, selected: nil)),
                .text(" \(corpus.entities[related.entity].kind.rawValue) · \(Counted.number(related.count))", Style(dim: true)),
            ], target: .entity(related.entity))
        }
    }

    /// The articles that mention the entity, with their dates and counts.
    private func articleLines(in corpus: Corpus) -> [Line] {
        [.blank, Line("Articles (mentions)", Self.heading)] + profile.articles.map { article, mentions in
            Line(parts: [
                .text("  " + (corpus.articles[article].date.map { $0 + "  " } ?? ""), Style(dim: true)),
                .text(corpus.articles[article].title, .plain),
                .text(" (\(Counted.number(mentions)))", Style(dim: true)),
            ], target: .article(article))
        }
    }

    /// The first `quoteLimit` quotes, and how many more there are.
    private func quoteLines(in corpus: Corpus) -> [Line] {
        guard !profile.quotes.isEmpty else { return [] }
        var lines: [Line] = [.blank, Line("Quotes", Self.heading)]
        for (reference, words) in zip(profile.quotes.prefix(Self.quoteLimit), quoteWords) {
            lines.append(Line(parts: [
                .text("  “" + words + "”", .plain),
                .text(" — " + corpus.articles[reference.article].title, Style(dim: true)),
            ], target: .quote(reference)))
        }
        if profile.quotes.count > Self.quoteLimit {
            let name = corpus.entities[profile.entity].id
            let more = profile.quotes.count - Self.quoteLimit
            lines.append(Line("  … and \(Counted.number(more)) more \(more == 1 ? "quote" : "quotes"): dossier profile \(name) lists them all",
                              Style(dim: true)))
        }
        return lines
    }
}
