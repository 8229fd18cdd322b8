/// Something in a TOML text that could not be read: where it is, what is wrong, and what the
/// parser left out of the document because of it.
public struct TOMLProblem: Hashable, Sendable, CustomStringConvertible {
    /// What a problem cost the document.
    public enum Omission: Hashable, Sendable {
        /// The problem's own line.
        case line
        /// Whole lines, first through last (1-based), for a value that spans several.
        case lines(ClosedRange<Int>)
        /// A table header's line and the keys under it, up to the next header.
        case table
    }

    /// Where the problem is; for a string, list or table that never closes, where it opens.
    public var position: TOMLPosition
    /// What is wrong, in plain words, without the line: "the key name is already set on line 3".
    public var message: String
    /// What the parser left out because of the problem.
    public var omission: Omission

    /// A problem; an omission of just the problem's own line is kept as `.line`.
    public init(position: TOMLPosition, message: String, omission: Omission = .line) {
        self.position = position
        self.message = message
        if case .lines(let lines) = omission, lines.count == 1, lines.lowerBound == position.line {
            self.omission = .line
        } else {
            self.omission = omission
        }
    }

    /// The 1-based line the problem is on.
    public var line: Int { position.line }

    /// "line 4: <message> (the line is left out)".
    public var description: String {
        let consequence = switch omission {
        case .line: "the line is left out"
        case .lines(let lines) where lines.count == 1: "line \(lines.lowerBound) is left out"
        case .lines(let lines): "lines \(lines.lowerBound) to \(lines.upperBound) are left out"
        case .table: "the line and the keys under it are left out"
        }
        return "line \(line): \(message) (\(consequence))"
    }
}
