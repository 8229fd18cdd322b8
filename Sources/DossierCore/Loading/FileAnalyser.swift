import DossierFormats
import DossierIndex
import DossierLinking
import DossierPlatform
import DossierText

/// Reads each file of a load and learns what it can from it on its own, on every core: its articles'
/// analyses, or why it was skipped. A file the saved index holds unchanged is not read at all.
struct FileAnalyser: Sendable {
    let setup: LoadSetup
    let numbering: TermNumbering

    /// What became of one file, with the stamp it had when it was read.
    enum Outcome: Sendable {
        /// A file's articles (one, or one a record), and a line for each record passed over.
        case analysed([ArticleAnalysis], warnings: [String], reused: Bool, stamp: FileStamp)
        case skipped(SkippedFile, reused: Bool, stamp: FileStamp?)
    }

    /// Every file's outcome, in the order found. The threads read a constant copy of `saved`, let go
    /// once they are done, so that the caller's copy can go before the merge.
    func analyseEveryFile(reusing saved: CachedCorpus?, tracker: ProgressTracker,
                          preview: (@Sendable (LoadPreview) -> Void)?) -> [Outcome] {
        let files = setup.files
        return files.indices.parallelMap { index -> Outcome in
            let file = files[index]
            guard let stamp = file.currentStamp else {
                tracker.fileDone(bytes: 0)
                return .skipped(SkippedFile(path: file.path, reason: "it vanished while its folder was read"), reused: false, stamp: nil)
            }
            let savedPath = setup.cachedPaths.saved(file.path)
            if let known = saved?.files[savedPath], known.stamp == stamp {
                if let first = known.analyses.first { preview?(.titled(index: index, title: first.article.title)) }
                tracker.fileDone(bytes: 0)
                return .analysed(known.analyses.map { $0.relocated(to: file.path) }, warnings: known.notes, reused: true, stamp: stamp)
            }
            if let known = saved?.skipped[savedPath], known.stamp == stamp {
                tracker.fileDone(bytes: 0)
                return .skipped(SkippedFile(path: file.path, reason: known.reason, isVerdictOnContent: true), reused: true, stamp: stamp)
            }
            let outcome = analyse(file, stamp: stamp, isNamed: setup.directlyNamed.contains(file.path))
            if case .analysed(let analyses, _, _, _) = outcome, let first = analyses.first {
                preview?(.titled(index: index, title: first.article.title))
            }
            tracker.fileDone(bytes: Int(stamp.size))
            return outcome
        }
    }

    /// Reads one file and learns what it can from it, or says why it was skipped.
    func analyse(_ file: ArticleFile, stamp: FileStamp, isNamed: Bool) -> Outcome {
        func skipped(_ reason: String, onContent: Bool = false) -> Outcome {
            .skipped(SkippedFile(path: file.path, reason: reason, isFatal: isNamed && !onContent, isVerdictOnContent: onContent),
                     reused: false, stamp: stamp)
        }
        let linker = setup.linker
        let attributionVerbs = setup.gazetteer.attributionVerbs
        let numbering = numbering
        let analyseDraft: @Sendable (ArticleDraft) -> ArticleAnalysis = { draft in
            ArticleAnalysis.analyse(draft, linker: linker, attributionVerbs: attributionVerbs, numbering: numbering)
        }
        do {
            var format = DocumentFormat(path: file.path)
            var data: [UInt8]?
            if format == nil || format == .text {
                // A text file, or a file named directly whatever its name: its first bytes may say it is a feed or a page.
                let bytes = try DocumentFormat.unpackedBytes(of: file.path)
                format = DocumentFormat.of(path: file.path, head: bytes.prefix(4_096))
                data = bytes
            }
            if let format, format != .text {
                let reading = try DocumentReader.read(file.path, format: format, bytes: data, fields: setup.fields, analyse: analyseDraft)
                return .analysed(reading.analyses, warnings: reading.warnings, reused: false, stamp: stamp)
            }
            let bytes = data ?? []
            switch TextSniffer.verdict(for: bytes) {
            case .empty: return skipped("it is empty", onContent: true)
            case .binary(let why): return skipped("it is not text (\(why))", onContent: true)
            case .text: break
            }
            let analysis = ArticleAnalysis.analyse(SourceText(decoding: bytes), id: "", path: file.path, linker: linker,
                                                   attributionVerbs: attributionVerbs, numbering: numbering)
            return .analysed([analysis], warnings: [], reused: false, stamp: stamp)
        } catch let problem as ContentProblem {
            // What the file holds is a verdict to remember until the file changes; an error reading it, or
            // a limit this run reads under, is not.
            return skipped(problem.reason, onContent: !problem.isLimit)
        } catch let error as DossierError {
            guard case .unreadable(_, let why) = error else { return skipped("it cannot be read") }
            return skipped(why)
        } catch {
            return skipped("it cannot be read")
        }
    }
}
