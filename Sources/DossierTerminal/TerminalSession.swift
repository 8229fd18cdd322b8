import CNcursesw
import DossierText
import DossierUI
import Foundation

/// Owns the terminal while the reader runs: starts ncurses and gives the
/// terminal back exactly as it was, once, however the reader ends.
///
/// Ctrl-C: the terminal stays in cbreak mode, so Ctrl-C sends SIGINT, which,
/// like SIGTERM and SIGHUP, only sets a flag (`SignalFlags`); the loop polls
/// every 100 ms (`ReaderLoop.pollInterval`) and leaves through `restore()`.
/// Ctrl-Z is left to ncurses, whose SIGTSTP handler restores the terminal,
/// stops, and redraws on `fg`.
public final class TerminalSession: TerminalBackend {
    /// Esc is a key of its own here; 25 ms is enough to tell it from an arrow key's escape sequence.
    static let escapeDelayMilliseconds: Int32 = 25

    private var isActive = false
    private var usesColor = false
    /// True when no UTF-8 locale could be had: every non-ASCII character is drawn as an ASCII stand-in.
    public private(set) var drawsASCIIOnly = false

    public init() {}

    /// Why the terminal cannot run the reader.
    public struct Unsuitable: Error, CustomStringConvertible {
        public let description: String
    }

    /// Checks, before anything is drawn, that `TERM` names a terminal that can run a full-screen
    /// program; ncurses itself would print "Error opening terminal" and exit, or draw nothing.
    public static func checkTerminal(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Unsuitable) {
        let advice = "set TERM to your terminal's type (e.g. TERM=xterm-256color), or use the command line: dossier list, search, show"
        guard let value = environment["TERM"], !value.isEmpty else {
            throw Unsuitable(description: "TERM is not set, so the reader cannot tell how to draw; \(advice)")
        }
        let name = DossierError.shortened(value)
        switch dossier_check_terminal(value) {
        case 1: return
        case 0: throw Unsuitable(description: "TERM=\(name) is a terminal type this system does not know (no terminfo entry); \(advice)")
        case -1: throw Unsuitable(description: "no terminfo database was found to look up TERM=\(name); install ncurses-base, or \(advice)")
        default: throw Unsuitable(description: "TERM=\(name) cannot move the cursor, which the reader needs; \(advice)")
        }
    }

    /// The user's locale when it is UTF-8; else UTF-8 characters under the user's other settings,
    /// from the first UTF-8 locale the system has; false when it has none.
    static func chooseUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8() { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"] where setlocale(LC_CTYPE, name) != nil {
            if isUTF8() { return true }
        }
        return false
    }

    private static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return ["UTF-8", "utf8"].contains(String(cString: codeset))
    }

    /// Starts curses; with `mouse`, asks the terminal to report clicks and the wheel (Shift with
    /// a drag still selects text in xterm-like terminals and tmux).
    public func start(mouse: Bool = true) {
        SignalFlags.install()
        CrashGuard.saveTerminal()
        drawsASCIIOnly = !Self.chooseUTF8Locale()
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(dossier_stdscr(), true)
        set_escdelay(Self.escapeDelayMilliseconds)
        curs_set(0)
        if mouse { _ = dossier_enable_mouse() }
        isActive = true
        CrashGuard.install()
        usesColor = has_colors() && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) != false
        if usesColor {
            start_color()
            use_default_colors()
            for color in Color.allCases { init_pair(Int16(color.rawValue + 1), Int16(color.rawValue), -1) }
        }
    }

    /// Ends curses mode and puts back the saved terminal settings. Safe to call twice.
    public func restore() {
        guard isActive else { return }
        isActive = false
        endwin()
        CrashGuard.restoreTerminal()
    }

    /// Gives the terminal to another program (a browser, which may run in this terminal) and
    /// takes it back, redrawn, when that program returns.
    public func handOver(_ body: () -> Void) {
        guard isActive else { return body() }
        endwin()
        body()
        clearok(dossier_stdscr(), true)
        refresh()
    }

    /// The terminal's size now, as ncurses knows it.
    public var size: Size {
        Size(columns: Int(dossier_columns()), rows: Int(dossier_rows()))
    }

    /// Repaints the whole terminal on the next draw, whatever ncurses thinks is on it.
    public func redrawAll() {
        dossier_redraw_all()
    }

    /// The next key, click or resize, or nil when none comes within `timeout` (none waiting, for `.zero`).
    public func nextEvent(timeout wait: Duration) -> TerminalEvent? {
        let (seconds, attoseconds) = wait.components
        timeout(Int32(clamping: seconds * 1_000 + attoseconds / 1_000_000_000_000_000))
        var code: wint_t = 0
        let kind = dossier_get_wch(&code)
        if kind == KEY_CODE_YES {
            if Int32(code) == KEY_RESIZE { return .resized(size) }
            if Int32(code) == KEY_MOUSE { return mouseEvent() }
            return KeyCodes.functionKey(Int32(code)).map(TerminalEvent.key)
        }
        guard kind == OK else { return nil }
        return KeyCodes.character(UInt32(code)).map(TerminalEvent.key)
    }

    private func mouseEvent() -> TerminalEvent? {
        var kind: Int32 = 0
        var column: Int32 = 0
        var row: Int32 = 0
        guard dossier_get_mouse(&kind, &column, &row) == OK else { return nil }
        let kinds: [Int32: MouseEvent.Kind] = [1: .press, 2: .wheelUp, 3: .wheelDown]
        return kinds[kind].map { .mouse(MouseEvent($0, column: Int(column), row: Int(row))) }
    }

    /// Paints a screen; ncurses sends only the cells that changed.
    public func draw(_ screen: Screen) {
        erase()
        for row in 0..<screen.size.rows {
            for column in 0..<screen.size.columns {
                let cell = screen[column, row]
                if cell.isContinuation { continue }
                var attributes: attr_t = 0
                if cell.style.bold { attributes |= dossier_attr_bold() }
                if cell.style.underline { attributes |= dossier_attr_underline() }
                if cell.style.reverse { attributes |= dossier_attr_reverse() }
                if cell.style.dim && !usesColor { attributes |= 0 } else if cell.style.dim { attributes |= dossier_attr_dim() }
                let pair = usesColor ? Int16(cell.style.foreground.map { $0.rawValue + 1 } ?? 0) : 0
                if drawsASCIIOnly && !cell.character.isASCII {
                    for (offset, standIn) in ASCIIFallback.standIn(for: cell.character).unicodeScalars.enumerated() {
                        _ = dossier_put_cell(Int32(row), Int32(column + offset), [wchar_t(bitPattern: standIn.value), 0], attributes, pair)
                    }
                    continue
                }
                var text = cell.character.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
                text.append(0)
                _ = dossier_put_cell(Int32(row), Int32(column), text, attributes, pair)
            }
        }
        refresh()
    }
}
