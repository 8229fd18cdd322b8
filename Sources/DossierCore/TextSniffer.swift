/// Tells text files from everything else that may sit in a corpus folder.
enum TextSniffer {
    enum Verdict: Equatable {
        case text
        case empty
        case binary(String)
    }

    /// Looks at the first 64 KiB: a NUL byte, or more than one control byte in
    /// ten, marks a file that is not text (images, archives, executables).
    static func verdict(for bytes: some Collection<UInt8>) -> Verdict {
        let head = bytes.prefix(65_536)
        if head.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { return .empty }
        var controls = 0
        for byte in head {
            if byte == 0 { return .binary("it holds NUL bytes") }
            if byte < 0x20 && !(byte >= 0x09 && byte <= 0x0D) && byte != 0x1B || byte == 0x7F { controls += 1 }
        }
        if controls * 10 > head.count { return .binary("it is mostly control bytes") }
        return .text
    }
}
