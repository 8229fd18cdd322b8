import DossierCore
import DossierPlatform
import Foundation

/// A one-line progress bar for long loads, drawn on standard error when it is a terminal.
///
/// It appears only once loading has taken half a second, so quick runs print nothing,
/// and it erases itself before any warning and when loading ends.
final class ProgressBar: @unchecked Sendable {
    /// The bar on screen, so that warnings can erase it first.
    nonisolated(unsafe) static var current: ProgressBar?

    /// True while a line of the bar is on screen; held while one is drawn or erased.
    private let isDrawn = Locked(false)
    private let width: Int

    private init(width: Int) {
        self.width = width
    }

    /// A bar on standard error, or nil when standard error is not a terminal.
    static func standardError() -> ProgressBar? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        var size = winsize()
        let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        let bar = ProgressBar(width: columns)
        current = bar
        return bar
    }

    func show(_ progress: LoadProgress) {
        guard progress.seconds >= 0.5 else { return }
        let line = ProgressBar.line(for: progress, width: width)
        draw(line)
    }

    /// "fetching [#####...............]  25%  2/8 feeds", drawn at once (fetches are slow enough).
    func showCount(_ done: Int, of total: Int, what: String) {
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = Int(fraction * 20)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled)
        let line = "fetching [\(bar)] \(String(Int(fraction * 100)).leftPadded(3))%  \(done)/\(total) \(what)"
        draw(String(line.prefix(max(width - 1, 0))))
    }

    private func draw(_ line: String) {
        isDrawn.withLock { isDrawn in
            FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
            isDrawn = true
        }
    }

    func erase() {
        isDrawn.withLock { isDrawn in
            guard isDrawn else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            isDrawn = false
        }
    }

    func finish() {
        erase()
        ProgressBar.current = nil
    }

    /// "indexing [#########.........]  45%  45,000/100,000 files  38 MB/s  9 s left", cut to the terminal's width.
    static func line(for progress: LoadProgress, width: Int) -> String {
        let label: String
        switch progress.stage {
        case .reading:
            var parts = ["\(progress.filesDone.formatted())/\(progress.fileCount.formatted()) files"]
            if progress.bytesRead > 0 { parts.append(String(format: "%.0f MB/s", progress.megabytesPerSecond)) }
            if let left = progress.secondsLeft { parts.append(String(format: "%.0f s left", left.rounded(.up))) }
            label = parts.joined(separator: "  ")
        case .indexing: label = "building the word index"
        case .saving: label = "saving the index cache"
        }
        let percent = Int((progress.fraction * 100).rounded(.down))
        let barWidth = 20
        let filled = Int(progress.fraction * Double(barWidth))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
        let line = "indexing [\(bar)] \(String(percent).leftPadded(3))%  \(label)"
        return String(line.prefix(max(width - 1, 0)))
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
