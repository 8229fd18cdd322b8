/// Where a feed's items lie in its bytes, found without parsing its XML, so that each item can be
/// read on its own when the feed as a whole cannot be: one bad byte or undeclared entity then costs
/// its own item, not every item after it.
struct FeedItemSpans {
    /// From the start to the first item: the declaration, the root and (in RSS) the channel's own elements.
    let head: Range<Int>
    /// Each item's bytes, from its start tag to its end tag (or the end of the file, for one cut short).
    let items: [Range<Int>]
    /// The tags that close what the head opened.
    let closing: [UInt8]

    /// Nil when the bytes hold no item, or no root element before the first.
    init?(_ bytes: [UInt8]) {
        var items: [Range<Int>] = []
        var index = 0
        var itemStart: Int?
        while index < bytes.count {
            guard bytes[index] == Self.lessThan else {
                index += 1
                continue
            }
            if let skipped = Self.endOfCommentOrCharacterData(in: bytes, at: index) {
                index = skipped
            } else if let start = itemStart, Self.isEndTag(of: ["item", "entry"], in: bytes, at: index) {
                let end = bytes[index...].firstIndex(of: Self.greaterThan).map { $0 + 1 } ?? bytes.count
                items.append(start..<end)
                itemStart = nil
                index = end
            } else {
                if itemStart == nil, Self.isStartTag(of: ["item", "entry"], in: bytes, at: index) { itemStart = index }
                index += 1
            }
        }
        if let start = itemStart { items.append(start..<bytes.count) }
        guard let first = items.first, let root = Self.rootName(in: bytes[..<first.lowerBound]) else { return nil }
        head = 0..<first.lowerBound
        self.items = items
        closing = Array(((root.lowercased() == "rss" ? "</channel>" : "") + "</\(root)>").utf8)
    }

    /// Item `index` as a document of its own: the head, the item, and the closing tags.
    func document(ofItem index: Int, in bytes: [UInt8]) -> [UInt8] {
        Array(bytes[head]) + Array(bytes[items[index]]) + closing
    }

    /// The line item `index` starts on, 1-based.
    func line(ofItem index: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<items[index].lowerBound].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    private static let lessThan = UInt8(ascii: "<")
    private static let greaterThan = UInt8(ascii: ">")

    /// The end of a comment or CDATA section starting at `index`, whose text may hold anything; nil for other markup.
    private static func endOfCommentOrCharacterData(in bytes: [UInt8], at index: Int) -> Int? {
        for (opener, closer) in [("<!--", "-->"), ("<![CDATA[", "]]>")] where bytes[index...].starts(with: opener.utf8) {
            let close = Array(closer.utf8)
            var position = index + opener.utf8.count
            while position + close.count <= bytes.count {
                if bytes[position..<position + close.count].elementsEqual(close) { return position + close.count }
                position += 1
            }
            return bytes.count
        }
        return nil
    }

    private static func isStartTag(of names: [String], in bytes: [UInt8], at index: Int) -> Bool {
        names.contains { name in nameFollows(name, in: bytes, at: index + 1) }
    }

    private static func isEndTag(of names: [String], in bytes: [UInt8], at index: Int) -> Bool {
        index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") && names.contains { nameFollows($0, in: bytes, at: index + 2) }
    }

    /// True when `name` stands at `position`, ended by a space, `>` or `/`.
    private static func nameFollows(_ name: String, in bytes: [UInt8], at position: Int) -> Bool {
        let end = position + name.utf8.count
        guard end < bytes.count, bytes[position..<end].elementsEqual(name.utf8) else { return false }
        return [0x20, 0x09, 0x0A, 0x0D, greaterThan, UInt8(ascii: "/")].contains(bytes[end])
    }

    /// The qualified name of the first element, past the declaration, comments and doctype.
    private static func rootName(in bytes: ArraySlice<UInt8>) -> String? {
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: lessThan), open + 1 < bytes.endIndex {
            let next = bytes[open + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                index = open + 1
                continue
            }
            let name = bytes[(open + 1)...].prefix { ![0x20, 0x09, 0x0A, 0x0D, greaterThan, UInt8(ascii: "/")].contains($0) }
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
        return nil
    }
}
