import ArgumentParser
import DossierCore
import DossierFormats
import DossierIndex
import DossierLinking
import DossierPlatform
import DossierUI
import Foundation

/// Measures the model in process: how long loading takes and how fast queries answer.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure load time and query latency (use a release build).")

    @Option(help: "How many queries to time.") var queries = 2_000
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Only start as the reader does, and print when its first frame and its fully indexed frame were rendered, and when the files and links it examines behind them were.")
    var firstFrame = false
    @Flag(help: "Only time entity tagging of the articles under PATHS on one thread, and print words a second.")
    var tagging = false
    @Flag(help: "Only print the fixed list of benchmark queries, one a line.") var listQueries = false
    @Flag(help: "Print each query's median and slowest ranked top 20 as well: what the p99 is made of.") var perQuery = false
    @Option(help: ArgumentHelp("Only extract the article body of each web page under PATHS on one thread, write the bodies to FILE as the Article Extraction Benchmark's JSON (keyed by file name), and print the time a page.", valueName: "FILE"))
    var extraction: String?
    @OptionGroup var corpus: CorpusOptions

    /// The filter the filtered keystroke tour runs under: it keeps every article, so every listed
    /// check and count runs over the whole list.
    static let benchmarkFilter = "unread or read"

    /// Single words and two-word phrases of news English, rare and common; a fixed list so runs compare.
    static let queryList = [
        "said", "government", "minister", "election", "market", "music", "film", "champion", "labour",
        "economy", "prime minister", "tony blair", "chelsea", "mobile phone", "interest rates", "oil",
        "world cup", "search engine", "korea", "denuclearization", "second summit", "yukos", "oscar",
        "broadband", "chancellor", "gordon brown", "the", "new york", "house of commons", "share price",
        "profit*", "digital", "court", "police", "tax", "stock market", "box office", "game", "virus", "trump",
    ]

    struct Report: Encodable {
        let articles: Int
        let bytes: Int
        let loadSeconds: Double
        let queries: Int
        let queryMillisecondsP50: Double
        let queryMillisecondsP99: Double
        let queryMillisecondsMax: Double
        let allHitsMillisecondsP50: Double
        let allHitsMillisecondsP99: Double
        let keystrokes: Int
        let keystrokeMillisecondsP50: Double
        let keystrokeMillisecondsP99: Double
        /// The same tour with the list filtered (`unread`, which keeps every article and so costs the most).
        let filteredKeystrokeMillisecondsP50: Double
        let filteredKeystrokeMillisecondsP99: Double
        /// The slowest whole layout of a huge article, made off the key loop; 0 when none was needed.
        let backgroundLayoutMillisecondsMax: Double
    }

    func run() throws {
        if listQueries { return Self.queryList.forEach { Output.line($0) } }
        if tagging { return try runTagging() }
        if let extraction { return try runExtraction(output: extraction) }
        if firstFrame { return try runFirstFrame() }
        let start = DispatchTime.now()
        let corpus = try corpus.loadCorpus()
        let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let parsed = try Self.queryList.map(Query.init)
        // The ranked top 20, as a list of results shows them; then every hit as well, as `search` prints them.
        let latencies = Self.timed(queries) { index in corpus.index.topArticles(parsed[index % parsed.count], limit: 20).count }
        let allHitLatencies = Self.timed(queries) { index in corpus.index.search(parsed[index % parsed.count]).hits.count }
        let (keystrokeLatencies, layoutLatencies) = Self.keystrokeLatencies(corpus)
        let (filteredLatencies, _) = Self.keystrokeLatencies(corpus, filter: Self.benchmarkFilter)
        func percentile(_ p: Double, of values: [Double]) -> Double {
            values.isEmpty ? 0 : values[min(values.count - 1, Int(Double(values.count) * p))]
        }
        func percentile(_ p: Double) -> Double { percentile(p, of: latencies) }
        let report = Report(
            articles: corpus.articles.count, bytes: corpus.articles.reduce(0) { $0 + $1.textLength },
            loadSeconds: loadSeconds, queries: queries, queryMillisecondsP50: percentile(0.5),
            queryMillisecondsP99: percentile(0.99), queryMillisecondsMax: latencies.last ?? 0,
            allHitsMillisecondsP50: percentile(0.5, of: allHitLatencies), allHitsMillisecondsP99: percentile(0.99, of: allHitLatencies),
            keystrokes: keystrokeLatencies.count, keystrokeMillisecondsP50: percentile(0.5, of: keystrokeLatencies),
            keystrokeMillisecondsP99: percentile(0.99, of: keystrokeLatencies),
            filteredKeystrokeMillisecondsP50: percentile(0.5, of: filteredLatencies),
            filteredKeystrokeMillisecondsP99: percentile(0.99, of: filteredLatencies),
            backgroundLayoutMillisecondsMax: layoutLatencies.max() ?? 0)
        if json { return try Output.json(report) }
        Output.line("articles \(report.articles), \(report.bytes) bytes")
        Output.line(String(format: "load and index: %.3f s", loadSeconds))
        Output.line(String(format: "query (%d, ranked top 20): p50 %.3f ms, p99 %.3f ms, max %.3f ms",
                           queries, report.queryMillisecondsP50, report.queryMillisecondsP99, report.queryMillisecondsMax))
        Output.line(String(format: "query (%d, every hit and the whole ranking): p50 %.3f ms, p99 %.3f ms",
                           queries, report.allHitsMillisecondsP50, report.allHitsMillisecondsP99))
        Output.line(String(format: "keystroke to frame (%d keys, update + render at 140×40): p50 %.3f ms, p99 %.3f ms",
                           report.keystrokes, report.keystrokeMillisecondsP50, report.keystrokeMillisecondsP99))
        Output.line(String(format: "keystroke to frame with the list filtered (%@): p50 %.3f ms, p99 %.3f ms",
                           Self.benchmarkFilter, report.filteredKeystrokeMillisecondsP50, report.filteredKeystrokeMillisecondsP99))
        if !layoutLatencies.isEmpty {
            Output.line(String(format: "whole layout of a huge article, off the key loop (%d): max %.1f ms",
                               layoutLatencies.count, report.backgroundLayoutMillisecondsMax))
        }
        if perQuery {
            for (number, text) in Self.queryList.enumerated() {
                let times = Self.timed(max(1, queries / Self.queryList.count)) { _ in corpus.index.topArticles(parsed[number], limit: 20).count }
                Output.line(String(format: "  %@: top 20 median %.3f ms, slowest %.3f ms", text, percentile(0.5, of: times), times.last ?? 0))
            }
        }
    }

    /// Times the reader's start as `dossier` runs it: the first frame, which lists the files while a
    /// corpus is still indexed, and the frame once everything is indexed.
    private func runFirstFrame() throws {
        let loading = BackgroundLoad(corpus)
        let size = Size(columns: 140, rows: 40)
        if !loading.wait(seconds: Read.quickLoadSeconds) {
            while loading.preview == nil && !loading.wait(seconds: 0.001) {}
        }
        if let result = loading.result {
            _ = render(InlineRunner(AppState(corpus: try result.get(), size: size)).state)
        } else if let preview = loading.preview {
            _ = render(InlineRunner(AppState(indexing: preview, size: size)).state)
        }
        Output.line(String(format: "first frame: %.3f s after the process started", try Self.secondsSinceProcessStart()))
        while !loading.wait(seconds: 60) {}
        _ = render(InlineRunner(AppState(corpus: try loading.result!.get(), size: size)).state)
        Output.line(String(format: "indexed: %.3f s after the process started", try Self.secondsSinceProcessStart()))
        Output.line("resident: \(Self.residentKiB()) KiB")
        // What the reader does behind its first frame, when it opened the saved index on its folders' stamps.
        if loading.checkFiles() {
            loading.waitForFileCheck()
            var line = String(format: "files and links examined: %.3f s after the process started", try Self.secondsSinceProcessStart())
            if case .reread(let reason, _, _)? = loading.takeReread() { line += " (\(reason): the corpus was read again)" }
            Output.line(line)
            Output.line("memory after the examination: \(Self.residentKiB()) KiB resident")
        }
        for warning in loading.warnings { Output.warning(warning) }
    }

    private func runTagging() throws {
        let result = try TaggingBenchmark.run(paths: corpus.paths)
        Output.line(String(format: "tagging: %d words, %d mentions, %.3f s on one thread, %.0f words/s",
                           result.words, result.mentions, result.seconds, Double(result.words) / result.seconds))
    }

    /// The bodies as the Article Extraction Benchmark's scorer reads them.
    private struct ExtractionOutput: Encodable {
        struct Body: Encodable {
            let articleBody: String
            /// Not read by the benchmark's scorer; for the title accuracy of the extraction benchmark.
            let headline: String?
        }

        let version: String
        let output: [String: Body]
    }

    /// Writes the bodies as the Article Extraction Benchmark's scorer reads them.
    private func runExtraction(output: String) throws {
        let result = try ExtractionBenchmark.run(paths: corpus.paths)
        guard !result.bodies.isEmpty else { throw ValidationError("no web pages (.html, .htm, .html.gz) under \(corpus.paths.joined(separator: ", "))") }
        var bytes: [UInt8] = []
        var writer = JSONWriter { bytes += $0 }
        try writer.value(ExtractionOutput(version: DossierVersion.current, output: Dictionary(uniqueKeysWithValues: result.bodies.map { name, body in
            (name, .init(articleBody: body, headline: result.titles[name]))
        })))
        guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else { throw ValidationError("cannot write \(output)") }
        let pages = Double(result.bodies.count)
        Output.line(String(format: "extraction: %d pages, %.3f s on one thread, %.2f ms a page; on %d cores %.2f ms a page",
                           result.bodies.count, result.seconds, result.seconds * 1000 / pages, result.cores, result.allCoresSeconds * 1000 / pages))
    }

    /// The process's resident memory now, from the kernel (its mapped index's pages among it).
    static func residentKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// From the kernel's record of when this process started (in clock ticks since boot) to now.
    static func secondsSinceProcessStart() throws -> Double {
        let stat = try String(contentsOfFile: "/proc/self/stat", encoding: .utf8)
        // Fields after the command name, which is in parentheses and may hold spaces; start time is field 22.
        let fields = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
        let ticks = Double(fields[19]) ?? 0
        let uptime = Double(try String(contentsOfFile: "/proc/uptime", encoding: .utf8).split(separator: " ")[0]) ?? 0
        return uptime - ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Runs `query(i)` for i in 0..<count and returns the latencies in milliseconds, sorted.
    static func timed(_ count: Int, _ query: (Int) -> Int) -> [Double] {
        var latencies: [Double] = []
        latencies.reserveCapacity(count)
        var results = 0
        for index in 0..<count {
            let begin = DispatchTime.now()
            results &+= query(index)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - begin.uptimeNanoseconds) / 1e6)
        }
        precondition(results >= 0)  // keeps the work from being optimised away
        return latencies.sorted()
    }

    /// Times update plus render for a fixed tour of the keys: scrolling, mention jumps, panes, search steps.
    /// Update and render after each key of a fixed tour, 40 times over; a huge article's whole
    /// layout, which the reader makes on another thread, is made between keys and timed apart.
    static func keystrokeLatencies(_ corpus: Corpus, filter: String? = nil) -> (keys: [Double], layouts: [Double]) {
        var reader = InlineRunner(AppState(corpus: corpus, size: Size(columns: 140, rows: 40)), defersLayouts: true)
        if let filter {
            reader.send(.openFilter)
            for key in Key.sequence("<C-u>") + filter.map(Key.character) + [.enter] { reader.send(.promptKey(key)) }
            precondition(reader.state.list.filter != nil, "the benchmark's filter did not apply: \(reader.state.session.status)")
        }
        let tour = Key.sequence("j j j <Enter> j j k <Space> b } } ] ] ] [ <Tab> j j <Tab> <Tab> G g n N ] j")
        reader.send(.openSearch)
        reader.type("said <Enter>")
        var latencies: [Double] = []
        var layouts: [Double] = []
        for round in 0..<40 {
            for key in tour {
                let begin = DispatchTime.now()
                reader.send(reader.state.keyMap.action(for: key, in: reader.state))
                let screen = render(reader.state)
                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - begin.uptimeNanoseconds) / 1e6)
                precondition(screen.size.rows == 40 || round < 0)
                if !reader.deferredLayouts.isEmpty {
                    let start = DispatchTime.now()
                    reader.finishLayouts()
                    layouts.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
                }
            }
        }
        return (latencies.sorted(), layouts)
    }
}
