@testable import DossierCore
@testable import DossierIndex
import DossierTestSupport
@testable import DossierUI
import Foundation
import Testing

/// Whether the list gives dates and sources a column: known of the whole corpus without reading an
/// article (a saved index keeps it), and asked of a filtered list's own rows.
struct ArticleListFactsTests {
    @Test func theWholeList_andAFilteredOne_sayWhatTheirOwnRowsHold_heldOrReadFromTheSavedIndex() throws {
        let folder = try ListTitleTests.longSources()
        let cache = IndexCache(directory: TemporaryFolder.url("list-facts-cache").path)
        let held = try CorpusLoader.load(paths: [folder], cache: cache)
        let saved = try CorpusLoader.load(paths: [folder], cache: cache)
        #expect(!held.articles.areReadFromSavedIndex && saved.articles.areReadFromSavedIndex)
        for corpus in [held, saved] {
            let whole = ArticleList(corpus: corpus)
            #expect(whole.hasDates && whole.hasSeveralSources)
            let oneSource = ArticleList(corpus: corpus, filter: try ArticleFilter(#"source:"DH News Service""#, in: corpus), sort: .standard,
                                        isRead: { _ in false })
            #expect(oneSource.rows.count == 10)
            #expect(oneSource.hasDates && !oneSource.hasSeveralSources)
        }
    }

    @Test func aCorpusWithoutDatesOrSources_givesThemNoColumn_filteredOrNot() throws {
        let corpus = try CorpusLoader.load(texts: [("one", "Talks\n\nMike Pompeo spoke."), ("two", "More talks\n\nKim Jong Un spoke.")])
        let filtered = ArticleList(corpus: corpus, filter: try ArticleFilter("mentions:pompeo", in: corpus), sort: .standard, isRead: { _ in false })
        for list in [ArticleList(corpus: corpus), filtered] { #expect(!list.hasDates && !list.hasSeveralSources) }
        #expect(filtered.rows.count == 1)
    }
}
