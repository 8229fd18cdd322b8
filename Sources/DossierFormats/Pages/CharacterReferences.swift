import CLibXML2

/// HTML's character references (`&#8211;`, `&#x2019;`, `&amp;`, `&nbsp;`) decoded in text that reached
/// us without an HTML parser reading it: a page's JSON-LD is a script's text, so its headline keeps them
/// as written, and a site that escapes twice leaves them in its `meta` tags too.
enum CharacterReferences {
    /// The longest reference read, name or number; an `&` with no `;` within reach stays as it is.
    static let longestReference = 32

    static func decoded(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x26,
                  let end = bytes[(index + 1)..<min(bytes.count, index + 1 + longestReference)].firstIndex(of: 0x3B),
                  end > index + 1, let scalar = scalar(named: bytes[(index + 1)..<end]) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            result += Array(String(Character(scalar)).utf8)
            index = end + 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The character a reference's inside names ("#8211", "#x2019", "amp"): a number that is no character
    /// (zero, a surrogate, past U+10FFFF) is U+FFFD, as HTML reads it; an unknown name is nil.
    private static func scalar(named name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        if name.first == 0x23 {
            let digits = name.dropFirst()
            let hex = digits.first == 0x78 || digits.first == 0x58
            guard let value = UInt32(String(decoding: hex ? digits.dropFirst() : digits, as: UTF8.self), radix: hex ? 16 : 10) else {
                return nil
            }
            return value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}"
        }
        guard name.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else { return nil }
        let value = Array(name + [0]).withUnsafeBufferPointer { htmlEntityLookup($0.baseAddress)?.pointee.value }
        return value.flatMap(Unicode.Scalar.init)
    }
}
