import DossierFormats
import DossierIndex

extension Corpus {
    /// Its entities and links as a saved index keeps them, so that the next load of the same files takes
    /// them as they are (`MergedLinks`).
    var mergedLinks: MergedLinks {
        MergedLinks(entities: entities, mentions: mentions, quotes: quotes,
                    related: related.map { list in list.map { MergedLinks.Related(entity: $0.entity, sentences: $0.count) } },
                    gathered: EntityMentions(byEntity: mentionsByEntity, articleCounts: articleCounts, personCounts: personMentionCounts))
    }

    /// The corpus a saved index holds whole: its articles decoded from it as they are asked for, its
    /// entities and links as they were merged when it was saved.
    convenience init(saved: IndexCache.SavedForSearch, links: MergedLinks, skipped: [SkippedFile]) {
        self.init(articles: CorpusArticles(saved: saved.articles), entities: links.entities, mentions: links.mentions, index: saved.index,
                  skipped: skipped, quotes: links.quotes,
                  related: links.related.map { list in list.map { RelatedEntity(entity: $0.entity, count: $0.sentences) } },
                  gathered: links.gathered)
    }
}
