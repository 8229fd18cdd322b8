/// What the reader needs of a terminal: its size, its input, a place to draw, and a way to give
/// it back. The ncurses `TerminalSession` is one; a test double that plays scripted input and
/// keeps the frames is another, so the reader's loop runs the same against both.
public protocol TerminalBackend: AnyObject {
    /// The terminal's size now, in cells.
    var size: Size { get }
    /// The next key, click or resize; nil when none comes within `timeout` (none waiting, for `.zero`).
    func nextEvent(timeout: Duration) -> TerminalEvent?
    /// Shows a frame: a screen of the terminal's size.
    func draw(_ screen: Screen)
    /// Repaints every cell at the next draw, whatever the terminal shows now.
    func redrawAll()
    /// Gives the terminal to another program (a browser) while `body` runs, and takes it back.
    func handOver(_ body: () -> Void)
    /// Puts the terminal back as it was before the reader; safe to call more than once.
    func restore()
}
