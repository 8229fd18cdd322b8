import Foundation

/// What to draw, in ASCII, where the terminal's locale cannot show a character: a terminal under
/// `LANG=C` with no UTF-8 locale on the system blanks every non-ASCII character, which would take
/// curly quotes, apostrophes ("North Korea s"), the borders and the list's marker with it.
public enum ASCIIFallback {
    /// An ASCII string as wide as `character` (its `terminalWidth`, at least one column): the
    /// character itself when ASCII, a look-alike for common punctuation and drawing characters,
    /// the letter without its accent, else "?".
    public static func standIn(for character: Character) -> String {
        let columns = max(1, character.terminalWidth)
        if character.isASCII { return String(character) }
        if let scalar = character.unicodeScalars.first, let known = lookAlikes[scalar] {
            return String(repeating: known, count: columns)
        }
        // "é" is "e" and a combining accent once decomposed; a letter of another script has no ASCII part.
        let decomposed = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        if let base = decomposed.first, base.isASCII, base.properties.isAlphabetic {
            return String(Character(base)) + String(repeating: "?", count: columns - 1)
        }
        return String(repeating: "?", count: columns)
    }

    private static let lookAlikes: [Unicode.Scalar: Character] = [
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": "\"", "”": "\"", "„": "\"", "″": "\"",
        "«": "<", "»": ">", "‹": "<", "›": ">", "–": "-", "—": "-", "―": "-", "‐": "-", "‑": "-", "−": "-",
        "…": ".", "·": ".", "•": "*", "◆": "*", "▶": ">", "►": ">", "◀": "<", "←": "<", "→": ">", "↑": "^", "↓": "v",
        "│": "|", "┃": "|", "║": "|", "─": "-", "━": "-", "═": "=", "┌": "+", "┐": "+", "└": "+", "┘": "+",
        "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "█": "#", "▌": "#", "░": ":", "▒": ":", "▓": "#",
        "\u{A0}": " ", "\u{2009}": " ", "\u{202F}": " ", "×": "x", "€": "E", "£": "L", "©": "c", "®": "R",
        "\u{FFFD}": "?", "ß": "s", "æ": "a", "Æ": "A", "ø": "o", "Ø": "O", "đ": "d", "ł": "l", "Ł": "L",
    ]
}
