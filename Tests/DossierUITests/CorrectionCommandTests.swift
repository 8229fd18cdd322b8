import DossierCore
import DossierLinking
import DossierTestSupport
@testable import DossierUI
import Testing

/// Corrections typed at the reader's prompt: each asks the runner to save one about what the reader
/// points at, and the corrected corpus comes back with the reader where it was.
struct CorrectionCommandTests {
    /// The reader on the seeds, whose corrections a corrector of its own keeps in a temporary file.
    struct CorrectingApp {
        var app: TestApp
        let corrector = Corrector(file: CorrectionsFile(path: TemporaryFolder.url("corrections").appendingPathComponent("corrections.toml").path))

        init(size: Size = Size(columns: 140, rows: 40)) throws {
            app = try TestApp(size: size)
        }

        /// Types keys, and performs the corrections they ask for as the reader's runner does.
        mutating func type(_ notation: String) {
            let before = app.effects.count
            app.type(notation)
            for case .correct(let request) in app.effects[before...] {
                app.send(corrector.outcome(of: request, on: app.state.corpus))
            }
        }

        var state: AppState { app.state }
        var status: String { app.status }
    }

    @Test func kind_onTheSelectedEntity_changesItAndKeepsItSelected() throws {
        var reader = try CorrectingApp()
        reader.type(": entity <Space> kim-jong-un <Enter>")
        reader.type(": kind <Space> organisation <Enter>")
        #expect(reader.status.hasPrefix("corrected: Kim Jong Un is an organisation"))
        let kim = try #require(reader.state.entities.selectedEntity)
        #expect(reader.state.corpus.entities[kim].id == "kim-jong-un")
        #expect(reader.state.corpus.entities[kim].kind == .organisation)
        #expect(try reader.corrector.file.read().entries.count == 1)

        reader.type(": undo <Enter>")
        #expect(reader.status.hasPrefix("took back: Kim Jong Un is an organisation"))
        #expect(reader.state.corpus.entities[try #require(reader.state.entities.selectedEntity)].kind == .person)
        #expect(try reader.corrector.file.read().entries.isEmpty)
    }

    @Test func merge_withTabCompletion_followsTheEntityIntoTheOneItMergedInto() throws {
        var reader = try CorrectingApp()
        reader.type(": entity <Space> ri <Space> son <Space> gwon <Enter>")
        reader.type(": merge <Space> yong <Tab>")
        #expect(reader.state.prompt.open?.text == "merge Ri Yong Ho")
        reader.type("<Enter>")
        #expect(reader.status.hasPrefix("corrected: Ri Son Gwon is merged into Ri Yong Ho"))
        let selected = try #require(reader.state.entities.selectedEntity)
        #expect(reader.state.corpus.entities[selected].id == "ri-yong-ho")
        #expect(reader.state.corpus.entityIndex(id: "ri-son-gwon") == nil)
    }

    @Test func tab_cyclesThroughTheNamesThatFit_mostMentionedFirst() throws {
        var reader = try CorrectingApp()
        reader.type(": dossier <Space> ri <Tab>")
        #expect(reader.state.prompt.open?.text == "dossier Ri Son Gwon")
        reader.type("<Tab>")
        #expect(reader.state.prompt.open?.text == "dossier Ri Yong Ho")
        reader.type("<Tab>")
        #expect(reader.state.prompt.open?.text == "dossier Ri Son Gwon")
        // Not a command that takes a name: Tab leaves the line alone.
        reader.type("<C-u> filter <Space> ri <Tab>")
        #expect(reader.state.prompt.open?.text == "filter ri")
    }

    @Test func split_onTheNameTheReaderIsOn_makesAnEntityOfIt() throws {
        var reader = try CorrectingApp()
        reader.type(": entity <Space> mike-pompeo <Enter>")
        // The jumps go through Pompeo's mentions, the full name first; the next is written "Pompeo".
        reader.type("] ]")
        let position = try #require(reader.state.reader.currentMention)
        let mention = reader.state.corpus.mentions[reader.state.reader.openArticle][position]
        let text = try #require(reader.state.reader.content?.text)
        #expect(text.string(mention.range) == "Pompeo")
        reader.type(": split <Enter>")
        #expect(reader.status.hasPrefix("corrected: Pompeo is split off Mike Pompeo"))
        let alone = try reader.state.corpus.lookUpEntity("Pompeo")
        #expect(reader.state.corpus.entities[alone].name == "Pompeo")
    }

    @Test func speaker_onAQuoteInADossier_movesItToTheNamedPerson_andSaysWhatToDoWithoutAQuote() throws {
        var reader = try CorrectingApp()
        reader.type(": speaker <Space> pompeo <Enter>")
        #expect(reader.status.hasPrefix("select a quote in a dossier"))

        reader.type(": dossier <Space> trump <Enter>")
        let dossier = try #require(reader.state.overlays.dossier)
        let quoteLine = try #require(dossier.lines.firstIndex { if case .quote = $0.target { true } else { false } })
        while let selection = reader.state.overlays.dossier?.selection, selection < quoteLine { reader.type("j") }
        guard case .quote(let reference) = reader.state.overlays.dossier?.lines[quoteLine].target else { Issue.record("no quote selected"); return }
        let trumpQuotes = reader.state.corpus.quotesByEntity[try reader.state.corpus.lookUpEntity("trump")].count

        reader.type(": speaker <Space> pompeo <Enter>")
        #expect(reader.status.hasPrefix("corrected: “"))
        let corpus = reader.state.corpus
        #expect(corpus.quotes[reference.article][reference.quote].speaker == (try corpus.lookUpEntity("pompeo")))
        #expect(corpus.quotesByEntity[try corpus.lookUpEntity("trump")].count == trumpQuotes - 1)
        // The dossier is gathered again, without the quote.
        #expect(reader.state.overlays.dossier?.entity == (try corpus.lookUpEntity("trump")))
        let entry = try #require(try reader.corrector.file.read().entries.first)
        #expect(entry.article == corpus.articles[reference.article].stableID)
    }

    @Test func aCorrectionThatChangesNothing_isRefusedOnTheStatusLine() throws {
        var reader = try CorrectingApp()
        reader.type(": entity <Space> pompeo <Enter>")
        reader.type(": merge <Space> Mike <Space> Pompeo <Enter>")
        #expect(reader.status.hasPrefix("Mike Pompeo cannot be merged into itself"))
        reader.type(": kind <Space> gadget <Enter>")
        #expect(reader.status.hasPrefix("'gadget' is not a kind"))
        #expect(try reader.corrector.file.read().entries.isEmpty)
    }
}
