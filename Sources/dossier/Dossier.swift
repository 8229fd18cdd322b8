import ArgumentParser
import CMallocTuning
import DossierCore
import DossierFetch
import DossierFormats
import DossierIndex
import DossierPlatform
import DossierResources
import DossierText
import Foundation

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "A terminal reader for news that follows people across articles.",
        discussion: """
            Given no subcommand, opens the reader. Given no PATH, every command reads your library \
            ($XDG_DATA_HOME/dossier/library, filled by `dossier fetch`) when it holds articles, else the bundled \
            articles; --bundled reads the bundled articles either way.
            Exit status: 0 done; 1 what was asked could not be done (a path missing or unreadable, an unknown \
            entity or article, output that cannot be written); 2 the command line or the terminal is wrong \
            (an unknown subcommand or option, the reader without a usable terminal); 128+N ended by signal N.
            """,
        version: DossierVersion.current,
        subcommands: [Read.self, List.self, Entities.self, Mentions.self, Quotes.self, Profile.self, Search.self, Show.self, Export.self, Bench.self,
                      CacheCommand.self, Fetch.self, Feeds.self, LibraryCommand.self, Correct.self],
        defaultSubcommand: Read.self)

    /// Why a run failed, as its exit status.
    enum Status {
        /// What was asked could not be done: a path, an entity or an article that is not there, output not written.
        static let failed: Int32 = 1
        /// The command line itself is wrong, or the terminal cannot run the reader.
        static let usage: Int32 = 2
    }

    /// Reports every error as one `dossier: error:` line naming the problem, never a stack trace or a
    /// usage dump, with the exit status of its kind (`Status`).
    static func main() {
        // A huge file's freed arrays go back to the system, not into the heap (see malloc_tuning.c).
        dossier_return_large_blocks_promptly()
        CrashReports.install()
        // Ctrl-\ in a command quits it, as in any command; the runtime's reporter would call it a crash.
        // The reader asks for it as for SIGTERM (`SignalFlags`).
        signal(SIGQUIT, SIG_DFL)
        Output.reserveStandardDescriptors()
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            if let mistyped = SubcommandSuggestion.mistyped(arguments) {
                Output.error(mistyped)
                Foundation.exit(Status.usage)
            }
            if let limit = ProcessInfo.processInfo.environment[DocumentFormat.largestDocumentVariable] {
                _ = try DocumentFormat.largestDocument(in: limit)
            }
            var command = try parseAsRoot(arguments)
            try command.run()
            Output.finish()
        } catch let error as DossierError {
            Output.finish()
            Output.error(error.description)
            Foundation.exit(Status.failed)
        } catch let code as ExitCode {
            Output.finish()
            Foundation.exit(code.rawValue)
        } catch {
            Output.finish()
            // Help, the version and completion scripts come this way too, and are printed as the parser prints them.
            guard exitCode(for: error) != .success else { exit(withError: error) }
            Output.error(usageMessage(for: error, arguments: arguments))
            Foundation.exit(Status.usage)
        }
    }

    /// The parser's message in one line, and where to read the usage it would have printed.
    static func usageMessage(for error: any Error, arguments: [String]) -> String {
        let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "the command line is not understood"
        let subcommand = arguments.first.flatMap { name in SubcommandSuggestion.names.first { $0 == name } }
        let help = subcommand.map { "dossier \($0) --help" } ?? "dossier --help"
        return DossierError.shortened(message.prefix(1).lowercased() + message.dropFirst()) + " (see \(help))"
    }
}

/// The PATH arguments and the corpus they open, shared by every subcommand.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "Article files or folders: plain text (.txt, .md), web pages (.html, .htm), feeds (.xml, .rss, .atom), datasets (.jsonl, .ndjson, .csv), gzipped too. Default: your library ($XDG_DATA_HOME/dossier/library, filled by `dossier fetch`) when it holds articles, else the bundled articles.")
    var paths: [String] = []

    @Option(help: ArgumentHelp("Which fields of a dataset's records hold which part of an article, as text=body,date=published_at (parts: title, text, date, source, author, url). Default: their usual names.", valueName: "PART=FIELD,…"))
    var fields: String?

    @Flag(help: "Neither read nor save the index cache; index every file afresh.")
    var noCache = false

    @Flag(help: "Read the bundled example articles, even when your library holds articles.")
    var bundled = false

    func loadCorpus() throws -> Corpus {
        try withProgressBar { progress in try loadCorpus(progress: progress, warn: { Output.warning($0) }) }
    }

    func loadCorpus(progress: (@Sendable (LoadProgress) -> Void)?, preview: (@Sendable (LoadPreview) -> Void)? = nil,
                    deferringFileCheck: ((DeferredFileCheck) -> Void)? = nil, warn: (String) -> Void) throws -> Corpus {
        let corrections = UserCorrections.read()
        for warning in UserConfig.warnings + corrections.warnings { warn(warning) }
        let linked = try CorpusLoader.load(paths: pathsOrLibrary, catalog: UserConfig.catalog(), cache: noCache ? nil : IndexCache.userDefault(),
                                           fields: datasetFields(), progress: progress, preview: preview,
                                           deferringFileCheck: deferringFileCheck, warn: warn)
        return linked.corrected(by: corrections.corrections).corpus
    }

    /// What a search needs: the saved index's articles and index alone when it holds every file unchanged.
    func loadForSearch() throws -> any SearchableCorpus {
        try withProgressBar { progress in
            for warning in UserConfig.warnings { Output.warning(warning) }
            var cache = IndexCache.userDefault()
            cache.trustsFolderTimes = UserConfig.current.trustsFolderTimes
            return try CorpusLoader.loadForSearch(paths: pathsOrLibrary, catalog: UserConfig.catalog(),
                                                  cache: noCache ? nil : cache, fields: datasetFields(),
                                                  progress: progress, warn: { Output.warning($0) })
        }
    }

    /// Runs `load` with a progress bar on standard error when it is a terminal.
    private func withProgressBar<Loaded>(_ load: ((@Sendable (LoadProgress) -> Void)?) throws -> Loaded) rethrows -> Loaded {
        let bar = ProgressBar.standardError()
        defer { bar?.finish() }
        var progress: (@Sendable (LoadProgress) -> Void)?
        if let bar { progress = { bar.show($0) } }
        return try load(progress)
    }

    /// Removes the saved index of these paths, which a load then builds and saves again.
    func discardSavedIndex() {
        guard !noCache else { return }
        _ = IndexCache.userDefault().clear(paths: pathsOrLibrary.isEmpty ? [(try? BundledResources.articlesURL().path) ?? ""] : pathsOrLibrary)
    }

    /// The paths given; without any, the user's library when it holds articles (else none: the bundled articles),
    /// or with `--bundled` none.
    var pathsOrLibrary: [String] {
        guard paths.isEmpty else { return paths }
        if bundled { return [] }
        let library = Library.userDefault()
        return library.holdsArticles ? [library.folder] : []
    }

    func validate() throws {
        if bundled, !paths.isEmpty {
            throw ValidationError("--bundled reads the bundled articles; it takes no PATH (\(paths[0]))")
        }
        do {
            _ = try datasetFields()
        } catch let error as DossierError {
            throw ValidationError(error.description)
        }
    }

    func datasetFields() throws -> DatasetFields {
        try fields.map(DatasetFields.init(parsing:)) ?? DatasetFields()
    }
}
