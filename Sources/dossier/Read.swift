import ArgumentParser
import DossierCore
import Foundation

/// Opens the interactive reader.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the reader (the default).")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Output.error("the reader needs a terminal; without one, use: dossier list, entities, mentions, search, show (with --json for scripts)")
            throw ExitCode(2)
        }
        let corpus = try corpus.loadCorpus()
        Output.line("\(corpus.articles.count) articles loaded; the reader is not built yet.")
    }
}
