/// Tells text files from everything else that may sit in a corpus folder.
package enum TextSniffer {
    package enum Verdict: Equatable {
        case text
        case empty
        case binary(String)
    }

    /// Looks at the first 64 KiB: a NUL byte, more than one control byte in ten, or
    /// more than one invalid UTF-8 sequence in ten characters marks a file that is not
    /// text (images, archives, executables, random bytes). A few bad bytes in real text
    /// (a Latin-1 "é") are not enough: they are decoded as U+FFFD.
    package static func verdict(for bytes: some Collection<UInt8>) -> Verdict {
        if let array = bytes as? [UInt8] { return verdict(for: array) }
        return verdictOfAnyBytes(bytes)
    }

    /// The same verdict in one pass over the head where it lies: through a generic collection, and then
    /// decoded into a string to count bad sequences, the head of every file cost a tenth of a cold build.
    /// A head all ASCII, or valid UTF-8 that does not spell U+FFFD, holds no bad sequence to count.
    package static func verdict(for bytes: [UInt8]) -> Verdict {
        bytes.withUnsafeBufferPointer { all in
            let head = UnsafeBufferPointer(rebasing: all.prefix(65_536))
            var onlySpace = true
            var controls = 0
            var highBits: UInt8 = 0
            for byte in head {
                if byte == 0 { return .binary("it holds NUL bytes") }
                if byte != 0x20 && (byte < 0x09 || byte > 0x0D) { onlySpace = false }
                if byte < 0x20 && !(byte >= 0x09 && byte <= 0x0D) && byte != 0x1B || byte == 0x7F { controls += 1 }
                highBits |= byte
            }
            if onlySpace { return .empty }
            if controls * 10 > head.count { return .binary("it is mostly control bytes") }
            if highBits < 0x80 { return .text }
            // Valid UTF-8 decodes to U+FFFD only where it spells U+FFFD itself, which is counted as a bad sequence too.
            if String(validating: head, as: UTF8.self) != nil, !spellsReplacementCharacter(head) { return .text }
            return utf8Verdict(String(decoding: head, as: UTF8.self))
        }
    }

    private static func verdictOfAnyBytes(_ bytes: some Collection<UInt8>) -> Verdict {
        let head = bytes.prefix(65_536)
        if head.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { return .empty }
        var controls = 0
        for byte in head {
            if byte == 0 { return .binary("it holds NUL bytes") }
            if byte < 0x20 && !(byte >= 0x09 && byte <= 0x0D) && byte != 0x1B || byte == 0x7F { controls += 1 }
        }
        if controls * 10 > head.count { return .binary("it is mostly control bytes") }
        return utf8Verdict(String(decoding: head, as: UTF8.self))
    }

    /// Whether the bytes hold U+FFFD's UTF-8, EF BF BD.
    private static func spellsReplacementCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for index in 0..<(bytes.count - 2) where bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD {
            return true
        }
        return false
    }

    /// Text, unless more than one character in ten of the head as decoded is a bad sequence's U+FFFD.
    private static func utf8Verdict(_ head: String) -> Verdict {
        var characters = 0
        var invalid = 0
        for scalar in head.unicodeScalars {
            characters += 1
            if scalar == "\u{FFFD}" { invalid += 1 }
        }
        // The head may end inside a character; one bad sequence there proves nothing.
        if invalid > 1, invalid * 10 > characters { return .binary("it is not UTF-8 text") }
        return .text
    }
}
