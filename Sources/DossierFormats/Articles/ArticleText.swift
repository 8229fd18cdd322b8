import DossierPlatform
import DossierText
import Foundation

/// Where an article's text lives: in memory while it is being read, and otherwise
/// in its file, read again on first use.
///
/// A corpus of 100,000 articles keeps none of their text, only what was learnt
/// from it; the reader and the command line ask for the few articles they show.
/// Every range an article holds was measured on the text as it was indexed, so a
/// file that has since changed length is not trusted: its text is replaced by a
/// notice of the same length, and no range can fall outside it.
final class ArticleText: Sendable {
    private let origin: ArticleOrigin
    private let length: Int
    /// The text once read, and whether it is the notice that stands for a changed file.
    private let loaded: Locked<(text: SourceText, isNotice: Bool)?>

    /// Text already in memory, kept.
    init(holding text: SourceText, origin: ArticleOrigin) {
        self.origin = origin
        length = text.bytes.count
        loaded = Locked((text, false))
    }

    /// Text left in its file, `length` bytes once decoded (and, for pages, items and records, made).
    init(origin: ArticleOrigin, length: Int) {
        self.origin = origin
        self.length = length
        loaded = Locked(nil)
    }

    var text: SourceText { loadedText().text }

    /// False when the file changed length or vanished after indexing, so that `text` is the notice.
    var isAsIndexed: Bool { !loadedText().isNotice }

    private func loadedText() -> (text: SourceText, isNotice: Bool) {
        loaded.withLock { loaded in
            if let loaded { return loaded }
            let read = ArticleText.read(origin, expectedLength: length)
            loaded = read
            return read
        }
    }

    /// The same text, not held in memory.
    func released() -> ArticleText { ArticleText(origin: origin, length: length) }

    private static func read(_ origin: ArticleOrigin, expectedLength: Int) -> (text: SourceText, isNotice: Bool) {
        if let text = try? origin.shownText(), text.bytes.count == expectedLength { return (text, false) }
        return (SourceText(decoding: notice(length: expectedLength)), true)
    }

    /// What a reader shows in place of an article whose file changed, vanished or became unreadable
    /// since it was indexed: which file, and what to do.
    static func changedNotice(path: String) -> String {
        "[\(path) changed, or cannot be read, since Dossier indexed it. Open the corpus again to index it anew.]"
    }

    /// The notice without the path, cut or padded with spaces to `length` bytes: the text such an
    /// article stands for, the same length as the one indexed, so that no range it holds points outside it.
    static func notice(length: Int) -> [UInt8] {
        let message = Array("[This file changed, or cannot be read, since Dossier indexed it. Open the corpus again to index it anew.]".utf8)
        if length <= message.count { return Array(message.prefix(length)) }
        return message + [UInt8](repeating: 0x20, count: length - message.count)
    }
}
