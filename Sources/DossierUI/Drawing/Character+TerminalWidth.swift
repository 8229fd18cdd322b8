extension Character {
    /// Columns this grapheme occupies in a terminal: 0, 1 or 2.
    ///
    /// The one width function: padding, truncation, wrapping and `Screen` all use it.
    public var terminalWidth: Int {
        // Printable ASCII is most of any news text; it needs no Unicode property lookup.
        if let ascii = asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        guard let first = unicodeScalars.first else { return 0 }
        switch first.properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        if unicodeScalars.contains(where: { $0.properties.isEmojiPresentation || $0 == "\u{FE0F}" }) { return 2 }
        // Regional indicator pairs (flags) are emoji presentation already; a lone one is narrow.
        return EastAsianWidth.isWide(first) ? 2 : 1
    }
}

extension String {
    /// Columns the string occupies in a terminal.
    public var terminalWidth: Int { reduce(0) { $0 + $1.terminalWidth } }
}

/// The East Asian Wide and Fullwidth ranges of Unicode 15 (UAX #11), abridged to whole blocks.
enum EastAsianWidth {
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x1100 else { return false }
        return wideRanges.contains { $0.contains(value) }
    }
}
