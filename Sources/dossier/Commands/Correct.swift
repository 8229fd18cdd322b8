import ArgumentParser
import DossierCore
import DossierLinking
import DossierText
import Foundation

/// Fixes what linking found, for good: each correction is kept in the corrections file and applies
/// to every command, every corpus, and the reader.
struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Correct an entity's kind, merge or split entities, or set a quote's speaker; list or undo corrections.",
        discussion: "Corrections are kept in \(CorrectionsFile.userDefault().path) (under $XDG_CONFIG_HOME), one [[correction]] table each, and apply in their order to every command and corpus.",
        subcommands: [Kind.self, Merge.self, Split.self, Speaker.self, ListCorrections.self, Undo.self])

    static var corrector: Corrector { Corrector(file: CorrectionsFile.userDefault()) }

    struct Kind: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an entity's kind: person, place, organisation, or none when it is not an entity at all.")

        @Argument(help: "An entity id, name or alias, in any case.") var entity: String
        @Argument(help: "person, place, organisation, or none.") var kind: String
        @OptionGroup var corpus: CorpusOptions

        func run() throws {
            let kind = try Correction.kind(named: self.kind)
            let corpus = try corpus.loadCorpus()
            let index = try corpus.lookUpEntity(entity)
            try Correct.make(.kind(entity: corpus.entities[index].name, to: kind), about: index, in: corpus)
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge an entity into another: its mentions and quotes become the other's. Into a name no entity has, it renames.")

        @Argument(help: "The entity to merge: an id, name or alias.") var entity: String
        @Argument(help: "The entity it is: an id, name or alias, or a new name.") var into: String
        @OptionGroup var corpus: CorpusOptions

        func run() throws {
            let corpus = try corpus.loadCorpus()
            let index = try corpus.lookUpEntity(entity)
            try Correct.make(.merge(entity: corpus.entities[index].name, into: try corpus.entityName(orNew: into)), about: index, in: corpus)
        }
    }

    struct Split: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split a name off an entity: its mentions written NAME become an entity of their own.")

        @Argument(help: "The name as the text writes it, as \"Hori Parata\".") var name: String
        @Option(help: "The entity the name is wrongly linked to (an id, name or alias); needed only when several are.") var from: String?
        @OptionGroup var corpus: CorpusOptions

        func run() throws {
            let corpus = try corpus.loadCorpus()
            let source = try from.map { try corpus.lookUpEntity($0) } ?? entity(writtenAs: name, in: corpus)
            try Correct.make(.split(name: name, from: corpus.entities[source].name), about: source, in: corpus)
        }

        /// The one entity with a mention written `name`.
        private func entity(writtenAs name: String, in corpus: Corpus) throws -> Int {
            let key = EntityKey(name)
            var found: [Int] = []
            for (article, mentions) in corpus.mentions.enumerated() {
                let text = corpus.articles[article].text
                for mention in mentions {
                    guard let entity = mention.entity, !found.contains(entity), mention.range.count == name.utf8.count,
                          EntityKey(text.string(mention.range)) == key else { continue }
                    found.append(entity)
                }
            }
            if found.count == 1 { return found[0] }
            if found.isEmpty { throw DossierError.invalidCorrection("no mention is written '\(DossierError.shortened(name))'") }
            throw DossierError.invalidCorrection("'\(DossierError.shortened(name))' is a mention of several entities: "
                + found.map { "\(corpus.entities[$0].id) (\(corpus.entities[$0].name))" }.joined(separator: ", ") + "; say which with --from")
        }
    }

    struct Speaker: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set who said a quotation, or none when the text names nobody.")

        @Argument(help: "Where the quotation starts, as `dossier quotes` prints it: ARTICLE:LINE:COLUMN.") var place: String
        @Argument(help: "The speaker: an entity id, name or alias, a new person's name, or none.") var speaker: String
        @OptionGroup var corpus: CorpusOptions

        func run() throws {
            let corpus = try corpus.loadCorpus()
            let (article, quote) = try Self.quote(at: place, in: corpus)
            let name = speaker.lowercased() == "none" ? nil : try corpus.entityName(orNew: speaker)
            let words = corpus.articles[article].text.string(corpus.quotes[article][quote].range)
            let correction = Correction.speaker(article: corpus.articles[article].stableID, quote: Correction.opening(of: words), speaker: name)
            let done = try Correct.corrector.make(correction, inArticle: corpus.articles[article].stableID, on: corpus)
            Output.line(done.summary + Correct.undoHint)
        }

        /// The article and quotation that `ARTICLE:LINE:COLUMN` points at: one that starts there, or holds it.
        static func quote(at place: String, in corpus: Corpus) throws -> (article: Int, quote: Int) {
            let parts = place.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else {
                throw DossierError.invalidCorrection("'\(DossierError.shortened(place))' is not ARTICLE:LINE:COLUMN, as `dossier quotes` prints a quotation's place")
            }
            let article = try corpus.lookUpArticle(parts.dropLast(2).joined(separator: ":"))
            let text = corpus.articles[article].text
            let quotes = corpus.quotes[article]
            let position = quotes.firstIndex { quote in
                let start = text.location(of: quote.range.lowerBound)
                let end = text.location(of: quote.range.upperBound)
                return (start.line, start.column) <= (line, column) && (line, column) <= (end.line, end.column)
            }
            guard let position else { throw CorrectionProblem.noSuchQuote(place) }
            return (article, position)
        }
    }

    struct ListCorrections: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the corrections, numbered, in the order they apply.")

        @Flag(help: "Print JSON: [{number, correction, article, made}].") var json = false

        struct Record: Encodable {
            let number: Int
            let correction: String
            let article: String?
            let made: String?
        }

        func run() throws {
            let file = CorrectionsFile.userDefault()
            let contents = try file.read()
            for problem in contents.problems { Output.warning("\(file.path): \(problem)") }
            let records = contents.entries.enumerated().map { number, entry in
                Record(number: number + 1, correction: entry.correction.summary, article: entry.article, made: entry.made)
            }
            if json { return try Output.json(records) }
            guard !records.isEmpty else { return Output.line("no corrections yet (\(file.path))") }
            for record in records {
                let details = [record.article.map { "in \($0)" }, record.made].compactMap { $0 }.joined(separator: ", ")
                Output.line("\(record.number)  \(record.correction)\(details.isEmpty ? "" : "  (\(details))")")
            }
        }
    }

    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take back the last correction, or correction NUMBER of `dossier correct list`.")

        @Argument(help: "The correction's number in `dossier correct list`. Default: the last.") var number: Int?

        func run() throws {
            let removed = try CorrectionsFile.userDefault().remove(number: number)
            Output.line("took back: \(removed.correction.summary)")
        }
    }

    static let undoHint = " · `dossier correct undo` takes it back"

    /// Saves a correction about an entity and says what it did to the entity's mentions.
    static func make(_ correction: Correction, about entity: Int, in corpus: Corpus) throws {
        let mentions = corpus.mentionsByEntity.count(of: entity)
        let done = try corrector.make(correction, inArticle: corpus.mentionsByEntity[entity].first.map { corpus.articles[$0.article].stableID },
                                      on: corpus)
        Output.line("\(done.summary) (\(Counted.phrase(mentions, "mention")) in \(Counted.phrase(corpus.articleCount(of: entity), "article")))"
            + undoHint)
    }
}
