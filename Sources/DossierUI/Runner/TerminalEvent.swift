/// What comes from the terminal: a key, a click or a turn of the wheel, or a new size.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resized(Size)
    case mouse(MouseEvent)
}
