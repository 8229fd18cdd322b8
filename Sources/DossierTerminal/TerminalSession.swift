import CNcursesw
import DossierUI
import Foundation

/// Owns the terminal while the reader runs: starts ncurses and gives the
/// terminal back exactly as it was, once, however the reader ends.
///
/// Ctrl-C: the terminal stays in cbreak mode, so Ctrl-C sends SIGINT, which,
/// like SIGTERM and SIGHUP, only sets a flag (`SignalFlags`); the loop polls
/// every 100 ms and leaves through `restore()`. Ctrl-Z is left to ncurses,
/// whose SIGTSTP handler restores the terminal, stops, and redraws on `fg`.
public final class TerminalSession {
    /// Esc is a key of its own here; 25 ms is enough to tell it from an arrow key's escape sequence.
    static let escapeDelayMilliseconds: Int32 = 25
    static let inputTimeoutMilliseconds: Int32 = 100

    private var isActive = false
    private var usesColor = false

    public init() {}

    public func start() {
        SignalFlags.install()
        CrashGuard.saveTerminal()
        setlocale(LC_ALL, "")
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(dossier_stdscr(), true)
        set_escdelay(Self.escapeDelayMilliseconds)
        timeout(Self.inputTimeoutMilliseconds)
        curs_set(0)
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

    public var size: Size {
        Size(columns: Int(dossier_columns()), rows: Int(dossier_rows()))
    }

    public enum Event: Equatable {
        case key(Key)
        case resized(Size)
    }

    /// The next key or resize, or nil after the input timeout; with `waiting` false, nil at once
    /// when no input has arrived yet.
    public func nextEvent(waiting: Bool = true) -> Event? {
        if !waiting { timeout(0) }
        defer { if !waiting { timeout(Self.inputTimeoutMilliseconds) } }
        var code: wint_t = 0
        let kind = dossier_get_wch(&code)
        if kind == KEY_CODE_YES {
            if Int32(code) == KEY_RESIZE { return .resized(size) }
            return KeyCodes.functionKey(Int32(code)).map(Event.key)
        }
        guard kind == OK else { return nil }
        return KeyCodes.character(UInt32(code)).map(Event.key)
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
                var text = cell.character.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
                text.append(0)
                _ = dossier_put_cell(Int32(row), Int32(column), text, attributes, pair)
            }
        }
        refresh()
    }
}
