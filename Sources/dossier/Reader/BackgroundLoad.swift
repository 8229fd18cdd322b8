import DossierCore
import DossierPlatform
import DossierText
import DossierUI
import Foundation

/// Loads a corpus on a thread of its own, so that the reader can show progress and take keys meanwhile.
/// Warnings are kept, not printed: the screen is the reader's until it exits.
///
/// A corpus opened from its saved index on its folders' stamps alone comes with its files unexamined
/// (`DeferredFileCheck`); once the reader shows it, `checkFiles` examines them on another thread, and
/// when one was written over in place, loads the corpus again for the reader to take.
final class BackgroundLoad: Sendable {
    /// What the load has told so far, read by the reader's loop.
    private struct Told {
        var latestProgress: LoadProgress?
        var progressIsNew = false
        var previewCorpus: Corpus?
        var newTitles: [(index: Int, title: String)] = []
        var outcome: Result<Corpus, any Error>?
        var warnings: [String] = []
        /// The examination of the files left for after the first frame, until it starts.
        var fileCheck: DeferredFileCheck?
        /// What the examination brought, once it is over and found a file changed, until taken.
        var reread: Outcome?
    }

    private let told = Locked(Told())
    private let finished = DispatchSemaphore(value: 0)
    private let filesChecked = DispatchSemaphore(value: 0)
    private let options: CorpusOptions

    init(_ options: CorpusOptions) {
        self.options = options
        let thread = Thread { [self] in
            let result = Result {
                try options.loadCorpus(progress: { self.record($0) }, preview: { self.record($0) },
                                       deferringFileCheck: { check in self.told.withLock { $0.fileCheck = check } }, warn: { self.warn($0) })
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

    /// Examines the files and links the load left unexamined, if any, on a thread of its own; once only.
    /// False when there was nothing to examine (or it was started before).
    @discardableResult
    func checkFiles() -> Bool {
        guard let check = told.withLock({ told in defer { told.fileCheck = nil }; return told.fileCheck }),
              case .success(let shown) = result else { return false }
        let thread = Thread { [self] in
            defer { filesChecked.signal() }
            let why: String
            switch check.examine() {
            case .unchanged: return
            case .filesChanged: why = "files changed since they were indexed"
            case .indexDamaged(let damage):
                // Read again without it: the file passed its checksums, and would open as it is.
                options.discardSavedIndex()
                why = damage
            }
            var warnings: [String] = []
            do {
                let corpus = try options.loadCorpus(progress: nil, warn: { warnings.append($0) })
                told.withLock { told in
                    told.reread = .reread(because: why, .success(corpus), replacing: shown)
                    // What the load says of the files now, not of what they were.
                    told.warnings = warnings
                }
            } catch {
                let failure = (error as? DossierError)?.description ?? "\(error)"
                told.withLock { told in
                    told.reread = .reread(because: why, .failure(RereadFailure(failure)), replacing: shown)
                    told.warnings.append(why + ", and reading them again failed: " + failure)
                }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        return true
    }

    /// Waits until the examination `checkFiles` started is over, and the corpus read again if a file changed.
    func waitForFileCheck() {
        filesChecked.wait()
        filesChecked.signal()
    }

    /// The corpus read again because a file changed, once, when there is one.
    func takeReread() -> Outcome? {
        told.withLock { told in
            defer { told.reread = nil }
            return told.reread
        }
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
