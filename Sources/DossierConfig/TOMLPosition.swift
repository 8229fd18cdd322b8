/// Where a key, value, table or problem is in a TOML text.
///
/// Both numbers are 1-based. Lines end at a line feed (a CRLF pair ends one line); columns count
/// Unicode scalars from the start of the line, so a tab or an `é` is one column.
public struct TOMLPosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 1-based, counted by line feeds.
    public var line: Int
    /// 1-based, in Unicode scalars from the line's start.
    public var column: Int

    /// A position from its 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Earlier in the text: on an earlier line, or further left on the same one.
    public static func < (lhs: TOMLPosition, rhs: TOMLPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// "12:5", line then column.
    public var description: String { "\(line):\(column)" }
}
