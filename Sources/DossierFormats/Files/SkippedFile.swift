/// A file that was found but not loaded, or, in a file that was, what reading it passed over (a
/// record that is not valid JSON, an item with neither title nor text).
public struct SkippedFile: Sendable, Equatable, Error {
    public let path: String
    public let reason: String
    /// True when only part of the file was passed over (`reason` says which), the rest loaded.
    public var isPartOfFile = false
    /// True when the user named the file directly, so that failing to read it is an error.
    package var isFatal = false
    /// True when the file was read and judged empty or not text (not merely unreadable).
    package var isVerdictOnContent = false

    package init(path: String, reason: String, isPartOfFile: Bool = false, isFatal: Bool = false, isVerdictOnContent: Bool = false) {
        self.path = path
        self.reason = reason
        self.isPartOfFile = isPartOfFile
        self.isFatal = isFatal
        self.isVerdictOnContent = isVerdictOnContent
    }
}
