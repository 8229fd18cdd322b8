/// JSON made safe to print on a terminal.
///
/// JSON allows every character but `"`, `\` and C0 controls raw inside a string, and JSON output
/// ends up on terminals (`dossier search … --json | less -R`, a log). So the characters that
/// act on a terminal or reorder what it shows are escaped too: DEL, the C1 controls
/// (U+0080–U+009F, among them U+009B, a one-byte CSI), the bidirectional marks, embeddings,
/// overrides and isolates, and the line and paragraph separators. A parser reads the same strings.
package enum JSONText {
    private static func needsEscape(_ value: UInt32) -> Bool {
        switch value {
        case 0x7F, 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func appendEscape(_ value: UInt32, to bytes: inout [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        bytes += Array("\\u".utf8)
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(digits[Int((value >> UInt32(shift)) & 0xF)]) }
    }

    /// The scalar at `index` of valid UTF-8, and its length in bytes; nil past the end of a truncated sequence.
    private static func decode<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> (UInt32?, Int)
        where Bytes.Index == Int {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return (nil, bytes.count - index) }
        if length == 1 { return (UInt32(lead), 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }
}

extension JSONText {
    /// `value` as a JSON string, quoted, escaped as `JSONEncoder` escapes (no `\/`) and with every
    /// character of `needsEscape` escaped too: every string `JSONWriter` writes.
    package static func quoted(_ value: String) -> [UInt8] {
        var value = value
        return value.withUTF8 { utf8 in
            var bytes: [UInt8] = [0x22]
            bytes.reserveCapacity(utf8.count + 2)
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case 0x22: bytes += [0x5C, 0x22]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x0D: bytes += [0x5C, 0x72]
                case 0x09: bytes += [0x5C, 0x74]
                case 0x08: bytes += [0x5C, 0x62]
                case 0x0C: bytes += [0x5C, 0x66]
                case 0x00..<0x20, 0x7F: appendEscape(UInt32(byte), to: &bytes)
                case 0x20..<0x7F: bytes.append(byte)
                default:
                    let (scalar, length) = decode(utf8, at: index)
                    if let scalar, needsEscape(scalar) {
                        appendEscape(scalar, to: &bytes)
                    } else {
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<(index + length)]))
                    }
                    index += length
                    continue
                }
                index += 1
            }
            bytes.append(0x22)
            return bytes
        }
    }
}
