import DossierFormats
import DossierIndex
import DossierLinking
import DossierPlatform
import DossierText
import Foundation

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

    /// How many files are read between two build segments: a few megabytes of news, a few seconds of work.
    static let segmentFiles = 2_048

    /// Every file's outcome, in the order found. The threads read a constant copy of `saved`, let go
    /// once they are done, so that the caller's copy can go before the merge.
    ///
    /// Files are read `segmentFiles` at a time, and what each batch learnt is saved to `segments` before the
    /// next (`BuildSegments`): a load killed before it saves the index goes on from there the next time,
    /// taking from `resumed` each file that has not changed since.
    func analyseEveryFile(reusing saved: CachedCorpus?, resuming resumed: [String: BuildSegments.Entry] = [:],
                          segments: BuildSegments? = nil, tracker: ProgressTracker,
                          preview: (@Sendable (LoadPreview) -> Void)?) -> [Outcome] {
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(setup.files.count)
        // Each batch's segment is written while the next batch is read.
        let writer = DispatchQueue(label: "build segments")
        let written = DispatchGroup()
        let writingFailed = Locked(false)
        let numbering = numbering
        for start in stride(from: 0, to: setup.files.count, by: Self.segmentFiles) {
            let batch = (start..<min(setup.files.count, start + Self.segmentFiles)).parallelMap { index in
                outcome(ofFile: index, reusing: saved, resuming: resumed, tracker: tracker, preview: preview)
            }
            if let segments {
                let entries = batch.compactMap(\.segmentEntry)
                writer.async(group: written) {
                    // A segment that cannot be written costs only the resumption: the load goes on, and saving the
                    // index, which meets the same cause, says what it is.
                    guard !writingFailed.withLock({ $0 }) else { return }
                    do { try segments.write(entries, numbering: numbering) } catch { writingFailed.withLock { $0 = true } }
                }
            }
            outcomes += batch.map(\.outcome)
        }
        written.wait()
        return outcomes
    }

    /// A file's outcome, and what a build segment keeps of it when it was read afresh.
    private struct FileOutcome: Sendable {
        let outcome: Outcome
        var segmentEntry: (path: String, entry: BuildSegments.Entry)?
    }

    private func outcome(ofFile index: Int, reusing saved: CachedCorpus?, resuming resumed: [String: BuildSegments.Entry],
                         tracker: ProgressTracker, preview: (@Sendable (LoadPreview) -> Void)?) -> FileOutcome {
        let file = setup.files[index]
        guard let stamp = file.currentStamp else {
            tracker.fileDone(bytes: 0)
            return FileOutcome(outcome: .skipped(SkippedFile(path: file.path, reason: "it vanished while its folder was read"),
                                                 reused: false, stamp: nil))
        }
        let savedPath = setup.cachedPaths.saved(file.path)
        if let known = saved?.files[savedPath], known.stamp == stamp {
            if let first = known.analyses.first { preview?(.titled(index: index, title: first.article.title)) }
            tracker.fileDone(bytes: 0)
            return FileOutcome(outcome: .analysed(known.analyses.map { $0.relocated(to: file.path) }, warnings: known.notes,
                                                  reused: true, stamp: stamp))
        }
        if let known = saved?.skipped[savedPath], known.stamp == stamp {
            tracker.fileDone(bytes: 0)
            return FileOutcome(outcome: .skipped(SkippedFile(path: file.path, reason: known.reason, isVerdictOnContent: true),
                                                 reused: true, stamp: stamp))
        }
        // Read by a build that was stopped before it saved the index: already in a segment.
        if let known = resumed[file.path], known.stamp == stamp {
            tracker.fileDone(bytes: 0)
            switch known.outcome {
            case .analysed(let analyses, let notes):
                if let first = analyses.first { preview?(.titled(index: index, title: first.article.title)) }
                return FileOutcome(outcome: .analysed(analyses.map { $0.relocated(to: file.path) }, warnings: notes, reused: false, stamp: stamp))
            case .skipped(let reason):
                return FileOutcome(outcome: .skipped(SkippedFile(path: file.path, reason: reason, isVerdictOnContent: true),
                                                     reused: false, stamp: stamp))
            }
        }
        let outcome = analyse(file, stamp: stamp, isNamed: setup.directlyNamed.contains(file.path))
        tracker.fileDone(bytes: Int(stamp.size))
        switch outcome {
        case .analysed(let analyses, let warnings, _, _):
            if let first = analyses.first { preview?(.titled(index: index, title: first.article.title)) }
            return FileOutcome(outcome: outcome, segmentEntry: (file.path, BuildSegments.Entry(stamp: stamp, outcome: .analysed(analyses, notes: warnings))))
        case .skipped(let skip, _, _):
            // Only a verdict on what the file holds stands until it changes.
            guard skip.isVerdictOnContent else { return FileOutcome(outcome: outcome) }
            return FileOutcome(outcome: outcome, segmentEntry: (file.path, BuildSegments.Entry(stamp: stamp, outcome: .skipped(reason: skip.reason))))
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
