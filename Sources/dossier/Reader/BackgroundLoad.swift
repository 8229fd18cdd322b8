import DossierCore
import DossierPlatform
import DossierUI
import Foundation

/// Loads a corpus on a thread of its own, so that the reader can show progress and take keys meanwhile.
/// Warnings are kept, not printed: the screen is the reader's until it exits.
final class BackgroundLoad: Sendable {
    /// What the load has told so far, read by the reader's loop.
    private struct Told {
        var latestProgress: LoadProgress?
        var progressIsNew = false
        var previewCorpus: Corpus?
        var newTitles: [(index: Int, title: String)] = []
        var outcome: Result<Corpus, any Error>?
        var warnings: [String] = []
    }

    private let told = Locked(Told())
    private let finished = DispatchSemaphore(value: 0)

    init(_ options: CorpusOptions) {
        let thread = Thread { [self] in
            let result = Result {
                try options.loadCorpus(progress: { self.record($0) }, preview: { self.record($0) }, warn: { self.warn($0) })
            }
            told.withLock { $0.outcome = result }
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    var progress: LoadProgress? { told.withLock { $0.latestProgress } }
    var result: Result<Corpus, any Error>? { told.withLock { $0.outcome } }
    var warnings: [String] { told.withLock { $0.warnings } }
    /// The corpus of the files found, once they are; nil before, and when the load has nothing to preview.
    var preview: Corpus? { told.withLock { $0.previewCorpus } }

    /// What the load has told since the last call, for a reader still indexing: its progress and
    /// titles, or, once it is over, the whole corpus (or its error, thrown).
    func outcomes() throws -> [Outcome] {
        if let result { return [.finished(try result.get())] }
        return takeProgress()
    }

    /// The progress and titles told since the last call.
    private func takeProgress() -> [Outcome] {
        told.withLock { told in
            var events: [Outcome] = []
            if told.progressIsNew, let latestProgress = told.latestProgress { events.append(.progressed(latestProgress)) }
            if !told.newTitles.isEmpty { events.append(.titled(told.newTitles)) }
            told.progressIsNew = false
            told.newTitles.removeAll()
            return events
        }
    }

    /// Waits up to `seconds` for the load to end; true when it has.
    func wait(seconds: Double) -> Bool {
        if result != nil { return true }
        guard finished.wait(timeout: .now() + seconds) == .success else { return false }
        finished.signal()
        return true
    }

    private func record(_ progress: LoadProgress) {
        told.withLock { told in
            told.latestProgress = progress
            told.progressIsNew = true
        }
    }

    private func record(_ preview: LoadPreview) {
        told.withLock { told in
            switch preview {
            case .found(let corpus): told.previewCorpus = corpus
            case .titled(let index, let title): told.newTitles.append((index, title))
            }
        }
    }

    private func warn(_ message: String) { told.withLock { $0.warnings.append(message) } }
}
