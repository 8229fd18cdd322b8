/// Why the parser stopped reading a line, thrown to the loop that reports it and reads on.
struct TOMLFailure: Error {
    /// Where reading goes on after a failure.
    enum Resume {
        /// At the start of the line after the one holding this index, or after the line where
        /// reading stopped, if that is later.
        case afterLineOf(Int)
        /// Exactly here, at the start of a line: after a list that never closed, at the first
        /// line that looks like a line of its own again.
        case at(Int)
        /// At the first line after the one holding this index that looks like a line of its own
        /// (`key =`, `[header]`): after a string that opens there and never closes.
        case nextLineOfItsOwn(after: Int)
    }

    var message: String
    /// The byte the problem is reported at.
    var index: Int
    var resume: Resume
    /// A header failed: the keys under it, up to the next header, are left out with it.
    var omitsTable = false

    init(_ message: String, at index: Int, resume: Resume? = nil) {
        self.message = message
        self.index = index
        self.resume = resume ?? .afterLineOf(index)
    }
}
