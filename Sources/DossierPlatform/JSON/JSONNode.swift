/// A value encoded for `JSONWriter`: a scalar already written as JSON text, an array or an object.
final class JSONNode {
    enum Content {
        case scalar([UInt8])
        case array([JSONNode])
        case object([String: JSONNode])
    }

    var content: Content?

    init() {}

    init(scalar: [UInt8]) {
        content = .scalar(scalar)
    }

    /// `value` encoded as its `Encodable` conformance says.
    convenience init(encoding value: some Encodable) throws {
        self.init()
        try JSONNodeEncoder(node: self).encode(value)
    }

    /// A number as JSON writes it: a whole number without a fraction, as `JSONEncoder` writes one.
    static func text(of value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Writes the value at `depth` levels of indentation (on one line when `compact`), keys sorted.
    func write(into bytes: inout [UInt8], depth: Int, compact: Bool) {
        switch content {
        case .scalar(let text): bytes += text
        case .array(let elements):
            writeContainer(elements, opener: 0x5B, closer: 0x5D, into: &bytes, depth: depth, compact: compact) { element, bytes in
                element.write(into: &bytes, depth: depth + 1, compact: compact)
            }
        case .object(let members):
            let sorted = members.sorted { $0.key < $1.key }
            writeContainer(sorted, opener: 0x7B, closer: 0x7D, into: &bytes, depth: depth, compact: compact) { member, bytes in
                bytes += JSONText.quoted(member.key) + Array((compact ? ":" : " : ").utf8)
                member.value.write(into: &bytes, depth: depth + 1, compact: compact)
            }
        case nil: writeContainer([JSONNode](), opener: 0x7B, closer: 0x7D, into: &bytes, depth: depth, compact: compact) { _, _ in }
        }
    }

    private func writeContainer<Element>(_ elements: [Element], opener: UInt8, closer: UInt8, into bytes: inout [UInt8], depth: Int,
                                         compact: Bool, _ writeElement: (Element, inout [UInt8]) -> Void) {
        bytes.append(opener)
        let inner = [UInt8](repeating: 0x20, count: 2 * (depth + 1))
        for (position, element) in elements.enumerated() {
            if compact {
                if position > 0 { bytes.append(0x2C) }
            } else {
                bytes += Array((position == 0 ? "\n" : ",\n").utf8) + inner
            }
            writeElement(element, &bytes)
        }
        if !compact { bytes += Array((elements.isEmpty ? "\n\n" : "\n").utf8) + [UInt8](repeating: 0x20, count: 2 * depth) }
        bytes.append(closer)
    }
}
