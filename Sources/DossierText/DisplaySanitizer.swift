/// The one gate between article text and a terminal.
///
/// Article files come from anywhere, and a terminal obeys control characters:
/// an escape sequence in an article could retitle the window, move the cursor,
/// or forge what the reader shows. Everything that Dossier puts on a screen, the
/// reader's cell grid and the command line's text output alike, passes through
/// `sanitized`, which turns every control into a visible placeholder and drops
/// the characters that reorder text.
public enum DisplaySanitizer {
    /// Shown in place of a removed escape sequence or control character.
    public static let placeholder: Character = "\u{FFFD}"

    /// `text` with no control characters left: whole escape sequences (CSI, OSC,
    /// DCS, SOS, PM, APC and two-byte ones) and C1 controls become one placeholder,
    /// other C0 controls and DEL their visible Control Picture (␇, ␡),
    /// tabs and line breaks a space, and bidirectional overrides and isolates vanish.
    public static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsCare) else { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x1B:
                skipEscapeSequence(&scalars)
                output.append("\u{FFFD}")
            case 0x9B:  // C1 CSI: the same sequence as ESC [
                skipControlSequence(&scalars)
                output.append("\u{FFFD}")
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:  // C1 DCS, SOS, OSC, PM, APC: strings up to ST or BEL
                skipString(&scalars)
                output.append("\u{FFFD}")
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                output.append(" ")
            case 0x00..<0x20:
                output.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F:
                output.append("\u{2421}")
            case 0x80..<0xA0:
                output.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                continue
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    @inline(__always)
    private static func needsCare(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (value >= 0x7F && value < 0xA0)
            || (value >= 0x202A && value <= 0x202E) || (value >= 0x2066 && value <= 0x2069)
            || value == 0x200E || value == 0x200F || value == 0x061C
    }

    /// After ESC: consumes the rest of the sequence, whatever its kind (ECMA-48 §5.3).
    private static func skipEscapeSequence(_ scalars: inout Substring.UnicodeScalarView) {
        guard let next = scalars.first else { return }
        switch next {
        case "[": scalars.removeFirst(); skipControlSequence(&scalars)
        case "]", "P", "X", "^", "_": scalars.removeFirst(); skipString(&scalars)
        default:
            // Intermediate bytes (0x20–0x2F) then one final byte, as in ESC ( B.
            while let scalar = scalars.first, (0x20...0x2F).contains(scalar.value) { scalars.removeFirst() }
            if let final = scalars.first, (0x30...0x7E).contains(final.value) { scalars.removeFirst() }
        }
    }

    /// Parameter and intermediate bytes, then the final byte 0x40–0x7E.
    private static func skipControlSequence(_ scalars: inout Substring.UnicodeScalarView) {
        while let scalar = scalars.first, (0x20...0x3F).contains(scalar.value) { scalars.removeFirst() }
        if let final = scalars.first, (0x40...0x7E).contains(final.value) { scalars.removeFirst() }
    }

    /// A control string ends at BEL, ST (ESC \ or U+009C), or the end of the text.
    private static func skipString(_ scalars: inout Substring.UnicodeScalarView) {
        while let scalar = scalars.popFirst() {
            if scalar == "\u{07}" || scalar == "\u{9C}" { return }
            if scalar == "\u{1B}" {
                if scalars.first == "\\" { scalars.removeFirst() }
                return
            }
        }
    }
}
