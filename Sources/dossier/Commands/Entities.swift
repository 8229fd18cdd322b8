import ArgumentParser
import DossierCore
import DossierLinking
import DossierText

/// Lists the entities the articles mention, most-mentioned first.
struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the people, places and organisations mentioned, most-mentioned first.")

    @Flag(help: "Print JSON: [{id, name, kind, description, wikidata, aliases, mentions, articles, found, quotes, related: [{id, count}]}].") var json = false
    @Flag(help: "Include catalog entities that no article mentions.") var all = false
    /// For tracing a linking error to the rule that made it.
    @Flag(help: .hidden) var explain = false
    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let corpus = try corpus.loadCorpus()
        if explain { return try explainNames(in: corpus) }
        let order = corpus.entities.indices
            .filter { all || corpus.mentionsByEntity.count(of: $0) > 0 }
            .sorted {
                let (left, right) = (corpus.mentionsByEntity.count(of: $0), corpus.mentionsByEntity.count(of: $1))
                return left != right ? left > right : corpus.entities[$0].name < corpus.entities[$1].name
            }
        if json { return try Output.json(order.map { EntityRecord(corpus, entity: $0) }) }
        if order.contains(where: { corpus.entities[$0].isFound }) { Output.line("(* found in the text, not in the catalog)") }
        let idWidth = order.map { corpus.entities[$0].id.count }.max() ?? 0
        let nameWidth = order.map { corpus.entities[$0].name.count }.max() ?? 0
        for index in order {
            let entity = corpus.entities[index]
            let mentions = corpus.mentionsByEntity.count(of: index)
            let articles = corpus.articleCount(of: index)
            Output.line([
                entity.id.padding(toLength: idWidth, withPad: " ", startingAt: 0),
                entity.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0),
                (entity.kind.rawValue + (entity.isFound ? "*" : "")).padding(toLength: 13, withPad: " ", startingAt: 0),
                "\(Counted.number(mentions)) in \(Counted.phrase(articles, "article"))".padding(toLength: 20, withPad: " ", startingAt: 0),
                entity.description,
            ].joined(separator: "  "))
        }
    }

    /// Prints every run of capitalised words the name finder read outside the catalog's names, where it
    /// stands, the rules that decided what it is, and what it became.
    private func explainNames(in corpus: Corpus) throws {
        let linker = EntityLinker(entities: try UserConfig.catalog().entities, gazetteer: try Gazetteer.bundled())
        for article in corpus.articles where article.textIsAsIndexed {
            let text = article.text
            for explanation in linker.nameExplanations(in: article) {
                let location = text.location(of: explanation.range.lowerBound)
                Output.line("\(article.id):\(location.line):\(location.column)  \(explanation.words)  "
                            + "\(explanation.rules.joined(separator: ", ")) → \(explanation.outcome)")
            }
        }
    }
}
