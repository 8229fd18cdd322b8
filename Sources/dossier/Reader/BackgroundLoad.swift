import DossierCore
import DossierUI
import Foundation

/// Loads a corpus on a thread of its own, so that the reader can show progress and take keys meanwhile.
/// Warnings are kept, not printed: the screen is the reader's until it exits.
final class BackgroundLoad: @unchecked Sendable {
    private let lock = NSLock()
    private var latestProgress: LoadProgress?
    private var progressIsNew = false
    private var previewCorpus: Corpus?
    private var newTitles: [(index: Int, title: String)] = []
    private var outcome: Result<Corpus, any Error>?
    private var collectedWarnings: [String] = []
    private let finished = DispatchSemaphore(value: 0)

    init(_ options: CorpusOptions) {
        let thread = Thread { [self] in
            let result = Result {
                try options.loadCorpus(progress: { self.record($0) }, preview: { self.record($0) }, warn: { self.warn($0) })
            }
            lock.withLock { outcome = result }
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    var progress: LoadProgress? { lock.withLock { latestProgress } }
    var result: Result<Corpus, any Error>? { lock.withLock { outcome } }
    var warnings: [String] { lock.withLock { collectedWarnings } }
    /// The corpus of the files found, once they are; nil before, and when the load has nothing to preview.
    var preview: Corpus? { lock.withLock { previewCorpus } }

    /// What the load has told since the last call, for a reader still indexing: its progress and
    /// titles, or, once it is over, the whole corpus (or its error, thrown).
    func outcomes() throws -> [Outcome] {
        if let result { return [.finished(try result.get())] }
        return takeProgress()
    }

    /// The progress and titles told since the last call.
    private func takeProgress() -> [Outcome] {
        lock.withLock {
            var events: [Outcome] = []
            if progressIsNew, let latestProgress { events.append(.progressed(latestProgress)) }
            if !newTitles.isEmpty { events.append(.titled(newTitles)) }
            progressIsNew = false
            newTitles.removeAll()
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
        lock.withLock {
            latestProgress = progress
            progressIsNew = true
        }
    }

    private func record(_ preview: LoadPreview) {
        lock.withLock {
            switch preview {
            case .found(let corpus): previewCorpus = corpus
            case .titled(let index, let title): newTitles.append((index, title))
            }
        }
    }

    private func warn(_ message: String) { lock.withLock { collectedWarnings.append(message) } }
}
