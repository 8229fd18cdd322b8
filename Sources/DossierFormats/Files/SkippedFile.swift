/// A file that was found but not loaded.
public struct SkippedFile: Sendable, Equatable, Error {
    public let path: String
    public let reason: String
    /// True when the user named the file directly, so that failing to read it is an error.
    package var isFatal = false
    /// True when the file was read and judged empty or not text (not merely unreadable).
    package var isVerdictOnContent = false

    package init(path: String, reason: String, isFatal: Bool = false, isVerdictOnContent: Bool = false) {
        self.path = path
        self.reason = reason
        self.isFatal = isFatal
        self.isVerdictOnContent = isVerdictOnContent
    }
}
