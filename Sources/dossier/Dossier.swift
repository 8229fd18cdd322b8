import ArgumentParser
import CMallocTuning
import DossierCore
import Foundation

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "A terminal reader for news that follows people across articles.",
        discussion: "Given no subcommand, opens the reader. Every command reads the bundled articles when given no PATH.",
        subcommands: [Read.self, List.self, Entities.self, Mentions.self, Quotes.self, Search.self, Show.self, Export.self, Bench.self,
                      CacheCommand.self],
        defaultSubcommand: Read.self)

    /// Reports Dossier's own errors as one line naming the problem, never a stack trace or usage dump.
    static func main() {
        // A huge file's freed arrays go back to the system, not into the heap (see malloc_tuning.c).
        dossier_return_large_blocks_promptly()
        CrashReports.makeNonInteractive()
        // Ctrl-\ in a command quits it, as in any command; the runtime's reporter would call it a crash.
        // The reader asks for it as for SIGTERM (`SignalFlags`).
        signal(SIGQUIT, SIG_DFL)
        Output.reserveStandardDescriptors()
        do {
            var command = try parseAsRoot()
            try command.run()
            Output.finish()
        } catch let error as DossierError {
            Output.finish()
            Output.error(error.description)
            Foundation.exit(1)
        } catch {
            Output.finish()
            exit(withError: error)
        }
    }
}

/// The PATH arguments and the corpus they open, shared by every subcommand.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "Article files or folders (walked for .txt and .md). Default: the bundled articles.")
    var paths: [String] = []

    @Flag(help: "Neither read nor save the index cache; index every file afresh.")
    var noCache = false

    func loadCorpus(purpose: Corpus.Purpose = .everything) throws -> Corpus {
        let bar = ProgressBar.standardError()
        defer { bar?.finish() }
        var progress: (@Sendable (LoadProgress) -> Void)?
        if let bar { progress = { bar.show($0) } }
        return try loadCorpus(purpose: purpose, progress: progress, warn: { Output.warning($0) })
    }

    func loadCorpus(purpose: Corpus.Purpose = .everything, progress: (@Sendable (LoadProgress) -> Void)?,
                    preview: (@Sendable (LoadPreview) -> Void)? = nil, warn: (String) -> Void) throws -> Corpus {
        try Corpus.load(paths: paths, cache: noCache ? nil : IndexCache.userDefault(), purpose: purpose, progress: progress,
                        preview: preview, warn: warn)
    }
}
