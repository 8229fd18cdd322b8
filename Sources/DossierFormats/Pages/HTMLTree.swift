/// A web page's elements and text, as libxml2's HTML parser reported them: one flat array
/// of nodes linked to parent, first child and next sibling, so that a page of any depth is
/// walked without recursion, and its text in one byte buffer.
///
/// Only what extraction asks about is kept: every element's tag, the attributes that tell
/// content from boilerplate (class, id, role, hidden…) and those that carry metadata (meta,
/// link, time), the text, and the contents of JSON-LD scripts. Other scripts and styles are
/// dropped while parsing.
struct HTMLTree {
    /// Set when the parser ran out of memory before the page's end.
    var ranOutOfMemory = false
    struct Node {
        let tag: HTMLTag
        let parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// For a text node, its bytes in `text`; empty for an element.
        var textStart: Int32 = 0
        var textEnd: Int32 = 0
        /// Index into `attributes`, or -1 when the element kept none.
        var attributes: Int32 = -1
        /// Levels below the document.
        var depth: Int32 = 0
    }

    /// Node 0 is the document; its children are the page's top elements.
    private(set) var nodes: [Node] = [Node(tag: .document, parent: -1)]
    private(set) var text: [UInt8] = []
    private(set) var attributeLists: [[(name: String, value: String)]] = []

    var count: Int { nodes.count }

    func tag(_ node: Int) -> HTMLTag { nodes[node].tag }
    func parent(_ node: Int) -> Int? { nodes[node].parent < 0 ? nil : Int(nodes[node].parent) }
    func depth(_ node: Int) -> Int { Int(nodes[node].depth) }

    /// Whether `ancestor` holds `node`: found by climbing only the levels between them.
    func isAncestor(_ ancestor: Int, of node: Int) -> Bool {
        var current = node
        var levels = depth(node) - depth(ancestor)
        guard levels > 0 else { return false }
        while levels > 0 {
            current = Int(nodes[current].parent)
            levels -= 1
        }
        return current == ancestor
    }

    /// The children of `node`, in order.
    func children(_ node: Int) -> ChildSequence { ChildSequence(tree: self, first: nodes[node].firstChild) }

    /// The value of attribute `name` (lower case) on an element, if it kept it.
    func attribute(_ name: String, of node: Int) -> String? {
        let list = nodes[node].attributes
        guard list >= 0 else { return nil }
        return attributeLists[Int(list)].first { $0.name == name }?.value
    }

    /// The bytes of a text node.
    func textBytes(_ node: Int) -> ArraySlice<UInt8> {
        text[Int(nodes[node].textStart)..<Int(nodes[node].textEnd)]
    }

    /// Every node below `node` (not itself) in document order, without recursion.
    func descendants(of node: Int) -> [Int] {
        var result: [Int] = []
        var stack: [Int32] = []
        var child = nodes[node].firstChild
        while true {
            while child >= 0 {
                result.append(Int(child))
                stack.append(child)
                child = nodes[Int(child)].firstChild
            }
            guard let last = stack.popLast() else { break }
            child = nodes[Int(last)].nextSibling
        }
        return result
    }

    /// The text below `node`, spaces collapsed.
    func textContent(of node: Int) -> String {
        var bytes: [UInt8] = []
        for descendant in descendants(of: node) where nodes[descendant].tag == .text {
            bytes.append(contentsOf: textBytes(descendant))
            bytes.append(0x20)
        }
        return HTMLText.collapsingSpaces(bytes)
    }

    // MARK: - Building

    mutating func appendElement(_ tag: HTMLTag, parent: Int, attributes: [(name: String, value: String)]) -> Int {
        var node = Node(tag: tag, parent: Int32(parent))
        if !attributes.isEmpty {
            node.attributes = Int32(attributeLists.count)
            attributeLists.append(attributes)
        }
        return link(node, under: parent)
    }

    /// Adds text under `parent`, joined to its last child when that is text already.
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>, parent: Int) {
        let last = nodes[parent].lastChild
        if last >= 0, nodes[Int(last)].tag == .text, nodes[Int(last)].textEnd == Int32(text.count) {
            text.append(contentsOf: bytes)
            nodes[Int(last)].textEnd = Int32(text.count)
            return
        }
        var node = Node(tag: .text, parent: Int32(parent))
        node.textStart = Int32(text.count)
        text.append(contentsOf: bytes)
        node.textEnd = Int32(text.count)
        _ = link(node, under: parent)
    }

    private mutating func link(_ node: Node, under parent: Int) -> Int {
        let index = Int32(nodes.count)
        var node = node
        node.depth = nodes[parent].depth + 1
        nodes.append(node)
        let previous = nodes[parent].lastChild
        if previous >= 0 { nodes[Int(previous)].nextSibling = index } else { nodes[parent].firstChild = index }
        nodes[parent].lastChild = index
        return Int(index)
    }

    struct ChildSequence: Sequence, IteratorProtocol {
        let tree: HTMLTree
        var upcoming: Int32
        init(tree: HTMLTree, first: Int32) {
            self.tree = tree
            upcoming = first
        }
        mutating func next() -> Int? {
            guard upcoming >= 0 else { return nil }
            defer { upcoming = tree.nodes[Int(upcoming)].nextSibling }
            return Int(upcoming)
        }
    }
}

/// Text as a page holds it, made readable.
enum HTMLText {
    /// Runs of white space (ASCII, no-break and other Unicode spaces) become one space; ends trimmed.
    static func collapsingSpaces(_ bytes: [UInt8]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let spaceLength = spaceLength(in: bytes, at: index)
            if spaceLength > 0 {
                pendingSpace = true
                index += spaceLength
                continue
            }
            if pendingSpace, !result.isEmpty { result.append(0x20) }
            pendingSpace = false
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The length in bytes of the space character at `index`, or 0: ASCII white space, U+00A0,
    /// U+2000–U+200B, U+202F, U+205F and U+3000.
    static func spaceLength(in bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
        guard byte == 0xE2 || byte == 0xE3, index + 2 < bytes.count else { return 0 }
        let (second, third) = (bytes[index + 1], bytes[index + 2])
        if byte == 0xE2 && ((second == 0x80 && (third <= 0x8B || third == 0xAF)) || (second == 0x81 && third == 0x9F)) { return 3 }
        if byte == 0xE3 && second == 0x80 && third == 0x80 { return 3 }
        return 0
    }
}
