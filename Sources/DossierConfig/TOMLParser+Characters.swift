/// Byte classes of TOML's grammar, and text for messages.
extension TOMLParser {
    /// A-Z, a-z, 0-9, `_` and `-`: what a key without quotes may hold.
    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// What a key may start with: a bare key's byte or a quote.
    static func isKeyStart(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// U+0000 to U+001F but the tab, and U+007F: forbidden in comments and strings (a line feed,
    /// and a carriage return before one, only end lines).
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F
    }

    static func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }

    /// A byte that ends a line or starts its comment.
    static func endsLine(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "#")
    }

    /// "U+0007", for a message about a control character.
    static func codePoint(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Whether a scalar may be shown in a message as it is: not a control or formatting character.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: false
        default: true
        }
    }

    /// The word at `index`, for a message: up to the next space or delimiter, at most 24
    /// characters, anything unprintable shown as `?`.
    static func snippet(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> String {
        var end = index
        while end < bytes.count, end - index < 96 {
            let byte = bytes[end]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                break
            }
            if end > index, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
                || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "=") {
                break
            }
            end += 1
        }
        guard index < end else { return index < bytes.count ? "the line's end" : "the end of the text" }
        let word = String(decoding: bytes[index..<end], as: UTF8.self)
        var shown = String(String.UnicodeScalarView(word.unicodeScalars.prefix(24).map { isPrintable($0) ? $0 : "?" }))
        if word.unicodeScalars.count > 24 { shown += "…" }
        return shown
    }
}
