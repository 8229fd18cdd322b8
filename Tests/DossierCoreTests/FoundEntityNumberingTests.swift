@testable import DossierCore
@testable import DossierLinking
import Testing

/// Entities found in text are numbered across articles by their folded name, each as the kind most
/// articles found it to be.
@Suite struct FoundEntityNumberingTests {
    private func found(_ key: String, _ kind: Entity.Kind) -> FoundEntity {
        FoundEntity(key: key, name: key.capitalized, kind: kind, role: nil, gender: nil, surname: nil, givenName: nil)
    }

    private func links(_ found: [FoundEntity]) -> ArticleLinks {
        var links = ArticleLinks()
        links.found = found
        return links
    }

    @Test func oneEntityPerName_ofTheKindMostArticlesFound() {
        let catalog = Array(try! EntityCatalog.bundled().entities.prefix(2))
        let (entities, numbering) = EntityMerger.numberFoundEntities([
            links([found("old trafford", .place), found("acme", .organisation)]),
            links([found("old trafford", .organisation), found("mike pompeo", .person)]),
            links([found("old trafford", .place), found("acme", .person)]),
        ], catalog: catalog)
        #expect(entities.count == 5 && entities.prefix(2).map(\.id) == catalog.map(\.id))
        #expect(numbering == [[2, 3], [2, 4], [2, 3]])
        #expect(entities[2].kind == .place && entities[2].id == "old-trafford" && entities[2].isFound)
        // One vote each: the tie goes to the kind first in the alphabet.
        #expect(entities[3].kind == .organisation)
        // A found name whose id the catalog has already gets a suffix.
        #expect(entities[4].kind == .person && entities[4].id == "mike-pompeo-2")
    }
}
