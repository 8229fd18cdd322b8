/// Why a file's contents hold no article: a verdict on what it holds, kept with its stamp in the
/// index cache until the file changes, unlike an error reading it.
package struct ContentProblem: Error, Equatable {
    package let reason: String
    /// A verdict of the limits this run reads under (the size limit, the memory there was), not of the
    /// file alone: never kept, so that a run with more room reads the file again.
    package var isLimit = false

    package init(reason: String, isLimit: Bool = false) {
        self.reason = reason
        self.isLimit = isLimit
    }

    /// How a refusal names a size limit of `limit` bytes.
    package static func overLimit(_ limit: Int) -> String {
        "larger than \(limit / 1_000_000) MB, the most Dossier reads of one"
    }
}
