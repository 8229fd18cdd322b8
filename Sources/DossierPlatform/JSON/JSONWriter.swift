/// Writes JSON as Dossier prints it, a piece at a time: pretty, two spaces a level, `"key" : value`,
/// keys of encoded values sorted, an empty container as an open and a close line apart (the layout
/// of Foundation's `JSONEncoder` with `.prettyPrinted` and `.sortedKeys`), and every string escaped
/// by `JSONText.quoted`, so that no character of an article can act on a terminal.
///
/// The one JSON writer: a command's records are written whole with `value(_:)`, and a search's
/// millions of hits one at a time inside containers it opens and closes itself. Compact, it writes
/// each value on one line, as JSON Lines and the state files keep them.
package struct JSONWriter {
    private let output: ([UInt8]) -> Void
    private let isCompact: Bool
    /// Elements written so far in each open container, innermost last.
    private var openCounts: [Int] = []
    private var closers: [UInt8] = []
    /// True right after a key, where the value follows on the same line.
    private var afterKey = false

    /// A writer that hands each piece of JSON to `output` as it is made.
    package init(compact: Bool = false, _ output: @escaping ([UInt8]) -> Void) {
        isCompact = compact
        self.output = output
    }

    /// `value` as JSON bytes, keys sorted.
    package static func encode(_ value: some Encodable, compact: Bool = false) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var writer = JSONWriter(compact: compact) { bytes += $0 }
        try writer.value(value)
        return bytes
    }

    package mutating func beginObject() { begin(0x7B, closer: 0x7D) }
    package mutating func beginArray() { begin(0x5B, closer: 0x5D) }

    /// Closes the innermost open container.
    package mutating func end() {
        guard let count = openCounts.popLast(), let closer = closers.popLast() else { return }
        output(isCompact ? [closer] : Array((count == 0 ? "\n\n" : "\n").utf8) + indentation + [closer])
    }

    /// The key of the next value, inside an object.
    package mutating func key(_ key: String) {
        startElement()
        output(JSONText.quoted(key) + Array((isCompact ? ":" : " : ").utf8))
        afterKey = true
    }

    package mutating func string(_ value: String) { scalar(JSONText.quoted(value)) }
    package mutating func number(_ value: Int) { scalar(Array(String(value).utf8)) }
    package mutating func number(_ value: Double) { scalar(Array(JSONNode.text(of: value).utf8)) }
    package mutating func bool(_ value: Bool) { scalar(Array((value ? "true" : "false").utf8)) }

    /// A whole value, its object keys sorted.
    package mutating func value(_ value: some Encodable) throws {
        let node = try JSONNode(encoding: value)
        startElement()
        afterKey = false
        var bytes: [UInt8] = []
        node.write(into: &bytes, depth: openCounts.count, compact: isCompact)
        output(bytes)
    }

    private mutating func scalar(_ bytes: [UInt8]) {
        startElement()
        afterKey = false
        output(bytes)
    }

    private mutating func begin(_ opener: UInt8, closer: UInt8) {
        startElement()
        afterKey = false
        output([opener])
        openCounts.append(0)
        closers.append(closer)
    }

    /// The separator and indentation before an element; nothing after a key.
    private mutating func startElement() {
        guard !afterKey, let count = openCounts.last else { return }
        openCounts[openCounts.count - 1] = count + 1
        if isCompact {
            if count > 0 { output([0x2C]) }
        } else {
            output(Array((count == 0 ? "\n" : ",\n").utf8) + indentation)
        }
    }

    private var indentation: [UInt8] { [UInt8](repeating: 0x20, count: 2 * openCounts.count) }
}
