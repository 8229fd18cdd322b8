import DossierCore

/// What the reader shows while a corpus without a saved index is being indexed: how far it
/// has come, how fast, and how to leave. Pure, like `render`.
public enum LoadingScreen {
    /// The screen at a size, the status line naming `keyMap`'s key for quitting.
    public static func render(_ progress: LoadProgress?, paths: [String], size: Size, keyMap: KeyMap = .standard) -> Screen {
        var screen = Screen(size: size)
        let width = size.columns
        guard size.rows >= 3, width >= 20 else {
            screen.write("indexing…", column: 0, row: 0, limit: width)
            return screen
        }
        let title = Rect(column: 0, row: 0, columns: width, rows: 1)
        screen.fill(title, style: Style(bold: true, underline: true))
        screen.write(" Dossier", column: 0, row: 0, limit: width, style: Style(bold: true, underline: true))
        let corpus = paths.isEmpty ? "the bundled articles" : paths.joined(separator: ", ")
        screen.write(" Indexing \(corpus)", column: 0, row: 2, limit: width)
        if size.rows >= 5 {
            screen.write(" " + bar(progress, width: min(width - 2, 50)), column: 0, row: 4, limit: width)
        }
        if size.rows >= 7, let progress {
            screen.write(" " + detail(progress), column: 0, row: 6, limit: width, style: Style(dim: true))
        }
        let status = Rect(column: 0, row: size.rows - 1, columns: width, rows: 1)
        screen.fill(status, style: Style(reverse: true))
        screen.write(" \(statusText(progress))  ·  \(keyMap.hint(for: .quit)) quit", column: 0, row: size.rows - 1, limit: width, style: Style(reverse: true))
        return screen
    }

    /// "indexing 43%…", as the status line says it.
    public static func statusText(_ progress: LoadProgress?) -> String {
        guard let progress else { return "indexing…" }
        switch progress.stage {
        case .reading: return "indexing \(Int(progress.fraction * 100))%…"
        case .indexing: return "building the word index…"
        case .saving: return "saving the index…"
        }
    }

    static func bar(_ progress: LoadProgress?, width: Int) -> String {
        let cells = max(width - 7, 4)
        let fraction = progress?.fraction ?? 0
        let filled = Int(fraction * Double(cells))
        let percent = String(Int(fraction * 100))
        return "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: cells - filled) + "] "
            + String(repeating: " ", count: max(0, 3 - percent.count)) + percent + "%"
    }

    /// "41,000 of 100,000 files · 38 MB/s · 12 s left"
    static func detail(_ progress: LoadProgress) -> String {
        var parts = ["\(progress.filesDone.formatted()) of \(progress.fileCount.formatted()) files"]
        if progress.bytesRead > 0 { parts.append("\(Int(progress.megabytesPerSecond.rounded())) MB/s") }
        if let left = progress.secondsLeft { parts.append("\(Int(left.rounded(.up))) s left") }
        return parts.joined(separator: " · ")
    }
}
