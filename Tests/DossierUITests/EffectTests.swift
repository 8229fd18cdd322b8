import DossierCore
import DossierTestSupport
import Foundation
import Testing
@testable import DossierUI

/// `update` changes the state and asks for the rest as effects: it reads no file, index or
/// clock, and what the runner brings back goes through `update` again.
struct EffectTests {
    static let seeds = Result { try CorpusLoader.load(paths: []) }

    /// Feeds the keys through the key map and `update` alone, gathering the effects asked for.
    static func type(_ notation: String, into state: inout AppState) -> [Effect] {
        Key.sequence(notation).flatMap { update(&state, state.keyMap.action(for: $0, in: state)) }
    }

    @Test func opening_asksForTheText_andTheFileIsReadOnlyByTheRunner() throws {
        let folder = try ArticleFolder.make([
            "a.txt": "First talks\n\nMike Pompeo met officials in Seoul on Friday.\n",
            "b.txt": "Second talks\n\nKim Jong Un met Donald Trump in Hanoi on Wednesday.\n",
        ])
        let corpus = try CorpusLoader.load(paths: [folder.path])
        var state = AppState(corpus: corpus, size: Size(columns: 100, rows: 24))
        #expect(update(&state, .started) == [.readText(article: 0)])
        _ = update(&state, try #require(CorpusWork.outcome(of: .readText(article: 0), for: state)))
        // The second file is away while `update` opens its article: had it read the file, the
        // article would keep the notice that the file changed.
        let second = folder.appendingPathComponent(corpus.articles[1].path.split(separator: "/").last.map(String.init) ?? "")
        let bytes = try Data(contentsOf: second)
        try FileManager.default.removeItem(at: second)
        let effects = Self.type("j <Enter>", into: &state)
        #expect(effects == [.readText(article: 1)])
        #expect(state.reader.openArticle == 1 && !state.hasText)
        #expect(!render(state).text.contains("Kim Jong Un met"), "the title shows until the text arrives")
        try bytes.write(to: second)
        _ = update(&state, try #require(CorpusWork.outcome(of: effects[0], for: state)))
        #expect(state.hasText)
        #expect(render(state).text.contains("Kim Jong Un met Donald Trump"))
        #expect(!render(state).text.contains("changed, or cannot be read"))
    }

    @Test func search_isRunByTheRunner_andAStaleResultIsDropped() throws {
        var state = InlineRunner(AppState(corpus: try Self.seeds.get(), size: Size(columns: 100, rows: 30))).state
        #expect(Self.type("/ kim <Enter>", into: &state) == [.search("kim", movingReader: true)])
        #expect(state.reader.search == nil, "nothing is found until the runner says")
        let kim = try #require(CorpusWork.outcome(of: .search("kim", movingReader: true), for: state))
        #expect(Self.type("/ trump <Enter>", into: &state) == [.search("trump", movingReader: true)])
        #expect(update(&state, kim).isEmpty)
        #expect(state.reader.search == nil, "a result for a query no longer awaited is dropped")
        let trump = try #require(CorpusWork.outcome(of: .search("trump", movingReader: true), for: state))
        let effects = update(&state, trump)
        #expect(state.reader.search?.result.query == "trump" && state.reader.search?.current == 0)
        #expect(state.session.status.contains("matches in"))
        // The first match's article opens; its text (when it is another's) and where the matches lie in it are asked for.
        let first = try #require(state.reader.search?.result.hits.first).article
        #expect(effects == (first == 0 ? [] : [.readText(article: first)]) + [.placeMatches(article: first, query: "trump")])
    }

    @Test func keysThatReachOutside_areEffects() throws {
        var state = AppState(corpus: try Self.seeds.get(), size: Size(columns: 100, rows: 30))
        _ = update(&state, .started)
        #expect(Self.type("q", into: &state) == [.quit])
        #expect(Self.type("<C-l>", into: &state) == [.redrawAll])
        #expect(Self.type(": q <Enter>", into: &state) == [.quit])
        #expect(Self.type("R", into: &state) == [.fetchFeeds])
        #expect(Self.type("R", into: &state).isEmpty, "one fetch at a time")
        #expect(Self.type(": entity <Space> mike-pompeo <Enter>", into: &state).isEmpty)
        let pompeo = try #require(state.corpus.entityIndex(id: "mike-pompeo"))
        #expect(Self.type("D", into: &state) == [.gatherDossier(entity: pompeo)])
        #expect(state.overlays.dossier == nil, "the dossier opens when it is gathered")
        _ = update(&state, try #require(CorpusWork.outcome(of: .gatherDossier(entity: pompeo), for: state)))
        #expect(state.overlays.dossier?.entity == pompeo)
        #expect(state.session.status.hasPrefix("Mike Pompeo's dossier"))
    }

    @Test func aTickThatMarksTheArticleRead_asksForAFrame() throws {
        var runner = InlineRunner(AppState(corpus: try Self.seeds.get(), size: Size(columns: 100, rows: 30)))
        runner.type("j <Enter>")
        #expect(runner.send(.tick(0)).isEmpty)
        #expect(runner.send(.tick(0.5)).isEmpty)
        #expect(runner.send(.tick(1.5)) == [.draw])
        #expect(runner.state.list.readArticles == [1])
    }

    @Test func textForACorpusSinceReplaced_isDropped() throws {
        let seeds = try Self.seeds.get()
        var old = AppState(corpus: seeds, size: Size(columns: 100, rows: 30))
        _ = update(&old, .started)
        let stale = try #require(CorpusWork.outcome(of: .readText(article: 0), for: old))
        var state = AppState(corpus: try CorpusLoader.load(paths: []), size: Size(columns: 100, rows: 30))
        #expect(update(&state, .started) == [.readText(article: 0)])
        #expect(update(&state, stale).isEmpty)
        #expect(!state.hasText)
    }
}
