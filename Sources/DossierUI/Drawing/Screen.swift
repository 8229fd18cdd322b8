import DossierText

/// Terminal size in columns and rows.
public struct Size: Equatable, Sendable {
    public var columns: Int
    public var rows: Int
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

/// A rectangle of the screen, 0-based.
public struct Rect: Equatable, Sendable {
    public var column: Int
    public var row: Int
    public var columns: Int
    public var rows: Int
    public init(column: Int, row: Int, columns: Int, rows: Int) {
        self.column = column
        self.row = row
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }
}

/// The terminal palette's eight colours; the backend maps them to colour pairs.
public enum Color: Int, Sendable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn. With no colours (NO_COLOR, monochrome), bold, underline and reverse carry the meaning.
public struct Style: Equatable, Sendable {
    public var foreground: Color?
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init(foreground: Color? = nil, bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    public static let plain = Style()
}

/// One cell: a grapheme and its style. The cell after a double-width grapheme is a continuation.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var style: Style
    public var isContinuation: Bool

    public static let blank = Cell(character: " ", style: .plain, isContinuation: false)
}

/// An in-memory grid of cells that views draw into and the backend paints.
///
/// `write` is the only way text enters the grid, and it passes every string
/// through `DisplaySanitizer`, so no article byte reaches the terminal as a control.
public struct Screen: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.columns * size.rows))
    }

    public subscript(column: Int, row: Int) -> Cell {
        cells[row * size.columns + column]
    }

    /// Writes `text` at a position, clipped to `limit` columns and to the screen;
    /// returns the columns used. A double-width grapheme that would not fit whole is not drawn.
    @discardableResult
    public mutating func write(_ text: String, column: Int, row: Int, limit: Int, style: Style = .plain) -> Int {
        guard row >= 0, row < size.rows, column >= 0 else { return 0 }
        let end = min(size.columns, column + max(0, limit))
        var position = column
        for character in DisplaySanitizer.sanitized(text) {
            let width = character.terminalWidth
            if width == 0 { continue }
            if position + width > end { break }
            cells[row * size.columns + position] = Cell(character: character, style: style, isContinuation: false)
            if width == 2 {
                cells[row * size.columns + position + 1] = Cell(character: " ", style: style, isContinuation: true)
            }
            position += width
        }
        return position - column
    }

    /// Fills a rectangle with blanks in a style.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for row in max(0, rect.row)..<min(size.rows, rect.row + rect.rows) {
            for column in max(0, rect.column)..<min(size.columns, rect.column + rect.columns) {
                cells[row * size.columns + column] = Cell(character: " ", style: style, isContinuation: false)
            }
        }
    }

    /// Restyles cells without changing their characters.
    public mutating func restyle(column: Int, row: Int, columns: Int, _ change: (inout Style) -> Void) {
        guard row >= 0, row < size.rows else { return }
        for position in max(0, column)..<min(size.columns, column + columns) {
            change(&cells[row * size.columns + position].style)
        }
    }

    /// The grid as text, one `|row|` a line; a continuation cell prints nothing.
    public var text: String {
        (0..<size.rows).map { row in
            "|" + (0..<size.columns).compactMap { column -> String? in
                let cell = self[column, row]
                return cell.isContinuation ? nil : String(cell.character)
            }.joined() + "|"
        }.joined(separator: "\n")
    }
}
