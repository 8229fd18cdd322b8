import Foundation

/// Which character set a web page is written in, decided before libxml2 reads it.
///
/// libxml2 notices `<meta charset>` and `<meta http-equiv content>` only in some attribute
/// orders, and takes an undeclared page for ISO-8859-1, which turns UTF-8 pages (most of the web,
/// declared or not) into mojibake. So the page's own declaration is looked for here, as the HTML
/// standard's prescan does, in its first kilobytes: a byte-order mark, then a `<meta>` that
/// names a charset in any order. Without one, a page that is valid UTF-8 is UTF-8, and any
/// other is Windows-1252, which browsers assume for undeclared Western pages.
enum PageEncoding {
    static let prescanBytes = 4_096

    /// An encoding name iconv knows, "UTF-8" for UTF-8; `isValidUTF8` is the caller's check of `bytes`.
    static func of(_ bytes: [UInt8], isValidUTF8: Bool) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        if let declared = declared(in: bytes.prefix(prescanBytes)) {
            // UTF-16 cannot be declared inside the bytes it would be read with; pages that say so are ASCII-compatible.
            if declared.hasPrefix("UTF-16") { return "UTF-8" }
            // Nor can any set that does not write ASCII as ASCII (UTF-32, UCS-4, EBCDIC): the declaration was
            // read as ASCII, so it is wrong, and browsers pass it over too.
            if readsASCIIAsASCII(declared) { return declared }
        }
        return isValidUTF8 ? "UTF-8" : "WINDOWS-1252"
    }

    /// True when iconv knows `encoding` and it reads ASCII markup as the same characters.
    static func readsASCIIAsASCII(_ encoding: String) -> Bool {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return false }
        defer { iconv_close(converter) }
        let sample = Array("<meta charset=\"x\">Az09".utf8)
        var input = sample.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: sample.count * 4)
        let converted = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Int? in
                var inPointer = inputBuffer.baseAddress
                var inLeft = inputBuffer.count
                var outPointer = outputBuffer.baseAddress
                var outLeft = outputBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outputBuffer.count - outLeft
            }
        }
        guard let converted else { return false }
        return output.prefix(converted).map { UInt8(bitPattern: $0) } == sample
    }

    /// The charset a `<meta>` tag names, upper-cased, with the aliases browsers apply (Latin-1 and
    /// ASCII are read as Windows-1252, which holds them both).
    static func declared(in head: ArraySlice<UInt8>) -> String? {
        let lowered = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let meta = Array("<meta".utf8)
        let charset = Array("charset".utf8)
        var index = 0
        while let tagStart = find(meta, in: lowered, from: index) {
            let tagEnd = lowered[tagStart...].firstIndex(of: UInt8(ascii: ">")) ?? lowered.count
            index = tagEnd
            guard let found = find(charset, in: lowered, from: tagStart), found < tagEnd else { continue }
            var position = found + charset.count
            while position < tagEnd, lowered[position] == 0x20 { position += 1 }
            guard position < tagEnd, lowered[position] == UInt8(ascii: "=") else { continue }
            position += 1
            while position < tagEnd, [0x20, UInt8(ascii: "\""), UInt8(ascii: "'")].contains(lowered[position]) { position += 1 }
            var end = position
            while end < tagEnd, !([0x20, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ";"), UInt8(ascii: "/")].contains(lowered[end])) { end += 1 }
            let name = String(decoding: lowered[position..<end], as: UTF8.self).uppercased()
            guard !name.isEmpty, name.count <= 40 else { continue }
            return aliases[name] ?? name
        }
        return nil
    }

    private static let aliases: [String: String] = [
        "ISO-8859-1": "WINDOWS-1252", "LATIN1": "WINDOWS-1252", "US-ASCII": "WINDOWS-1252", "ASCII": "WINDOWS-1252",
        "ISO8859-1": "WINDOWS-1252", "UTF8": "UTF-8", "X-SJIS": "SHIFT_JIS", "SJIS": "SHIFT_JIS", "KS_C_5601-1987": "EUC-KR",
        "GB2312": "GBK", "X-GBK": "GBK", "TIS-620": "WINDOWS-874",
    ]

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
