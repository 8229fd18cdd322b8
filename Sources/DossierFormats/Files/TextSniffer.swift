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
        let head = bytes.prefix(65_536)
        if head.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { return .empty }
        var controls = 0
        for byte in head {
            if byte == 0 { return .binary("it holds NUL bytes") }
            if byte < 0x20 && !(byte >= 0x09 && byte <= 0x0D) && byte != 0x1B || byte == 0x7F { controls += 1 }
        }
        if controls * 10 > head.count { return .binary("it is mostly control bytes") }
        var characters = 0
        var invalid = 0
        for scalar in String(decoding: head, as: UTF8.self).unicodeScalars {
            characters += 1
            if scalar == "\u{FFFD}" { invalid += 1 }
        }
        // The head may end inside a character; one bad sequence there proves nothing.
        if invalid > 1, invalid * 10 > characters { return .binary("it is not UTF-8 text") }
        return .text
    }
}
