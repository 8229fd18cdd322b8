import ArgumentParser
import DossierText

/// Lists the entities the articles mention, most-mentioned first.
struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the people, places and organisations mentioned, most-mentioned first.")

    @Flag(help: "Print JSON: [{id, name, kind, description, mentions, articles, found, quotes, related: [{id, count}]}].") var json = false
    @Flag(help: "Include catalog entities that no article mentions.") var all = false
    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let corpus = try corpus.loadCorpus()
        let order = corpus.entities.indices
            .filter { all || !corpus.mentionsByEntity[$0].isEmpty }
            .sorted {
                let (left, right) = (corpus.mentionsByEntity[$0].count, corpus.mentionsByEntity[$1].count)
                return left != right ? left > right : corpus.entities[$0].name < corpus.entities[$1].name
            }
        if json { return try Output.json(order.map { EntityRecord(corpus, entity: $0) }) }
        if order.contains(where: { corpus.entities[$0].isFound }) { Output.line("(* found in the text, not in the catalog)") }
        let idWidth = order.map { corpus.entities[$0].id.count }.max() ?? 0
        let nameWidth = order.map { corpus.entities[$0].name.count }.max() ?? 0
        for index in order {
            let entity = corpus.entities[index]
            let mentions = corpus.mentionsByEntity[index].count
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
}
