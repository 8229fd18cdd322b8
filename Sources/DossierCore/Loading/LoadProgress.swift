import DossierPlatform
import Foundation

/// How far loading a corpus has come, for a progress bar or a status line.
public struct LoadProgress: Sendable, Equatable {
    public enum Stage: String, Sendable {
        /// Reading and analysing files (or taking them from the saved index).
        case reading
        /// Building the word index and merging entities across articles.
        case indexing
        /// Writing the saved index.
        case saving
    }

    public let stage: Stage
    public let filesDone: Int
    public let fileCount: Int
    /// Bytes of the files read and analysed so far; files taken from the saved index add nothing.
    public let bytesRead: Int
    public let seconds: Double

    public init(stage: Stage, filesDone: Int, fileCount: Int, bytesRead: Int, seconds: Double) {
        self.stage = stage
        self.filesDone = filesDone
        self.fileCount = fileCount
        self.bytesRead = bytesRead
        self.seconds = seconds
    }

    public var fraction: Double {
        stage == .reading ? Double(filesDone) / Double(max(fileCount, 1)) : 1
    }

    /// Megabytes read a second.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytesRead) / 1_000_000 / seconds : 0 }

    /// At the pace so far; nil until there is a pace to go by.
    public var secondsLeft: Double? {
        guard stage == .reading, filesDone > 0, seconds > 0.2 else { return nil }
        return seconds / Double(filesDone) * Double(fileCount - filesDone)
    }
}

/// Counts files done from many threads and passes a `LoadProgress` on at most ten times a second.
final class ProgressTracker: Sendable {
    private struct Counts {
        var filesDone = 0
        var bytesRead = 0
        var lastReport: UInt64 = 0
    }

    private let report: (@Sendable (LoadProgress) -> Void)?
    private let fileCount: Int
    private let start = DispatchTime.now()
    private let counts = Locked(Counts())

    init(fileCount: Int, report: (@Sendable (LoadProgress) -> Void)?) {
        self.fileCount = fileCount
        self.report = report
    }

    func fileDone(bytes: Int) {
        guard let report else { return }
        counts.withLock { counts in
            counts.filesDone += 1
            counts.bytesRead += bytes
            let now = DispatchTime.now().uptimeNanoseconds
            guard now - counts.lastReport >= 100_000_000 || counts.filesDone == fileCount else { return }
            counts.lastReport = now
            report(progress(.reading, counts, at: now))
        }
    }

    func entered(_ stage: LoadProgress.Stage) {
        guard let report else { return }
        counts.withLock { counts in report(progress(stage, counts, at: DispatchTime.now().uptimeNanoseconds)) }
    }

    private func progress(_ stage: LoadProgress.Stage, _ counts: Counts, at now: UInt64) -> LoadProgress {
        LoadProgress(stage: stage, filesDone: counts.filesDone, fileCount: fileCount, bytesRead: counts.bytesRead,
                     seconds: Double(now - start.uptimeNanoseconds) / 1e9)
    }
}
