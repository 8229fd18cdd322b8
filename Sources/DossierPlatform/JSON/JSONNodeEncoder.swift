import Foundation

/// An `Encoder` that builds a `JSONNode`, for `JSONWriter.value(_:)`.
struct JSONNodeEncoder: Encoder {
    let node: JSONNode
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func encode(_ value: some Encodable) throws {
        if let scalar = try Self.scalar(of: value, at: codingPath) {
            node.content = .scalar(scalar)
        } else {
            try value.encode(to: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([:]) }
        return KeyedEncodingContainer(KeyedContainer(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }

    /// The JSON text of a value that is one scalar in JSON, nil for any other.
    static func scalar(of value: some Encodable, at codingPath: [any CodingKey]) throws -> [UInt8]? {
        switch value {
        case let string as String: return JSONText.quoted(string)
        case let bool as Bool: return Array((bool ? "true" : "false").utf8)
        case let int as Int: return Array(String(int).utf8)
        case let int as Int64: return Array(String(int).utf8)
        case let int as Int32: return Array(String(int).utf8)
        case let int as UInt64: return Array(String(int).utf8)
        case let int as UInt32: return Array(String(int).utf8)
        case let int as UInt: return Array(String(int).utf8)
        case let double as Double: return try number(double, at: codingPath)
        case let float as Float: return try number(Double(float), at: codingPath)
        case let url as URL: return JSONText.quoted(url.absoluteString)
        default: return nil
        }
    }

    private static func number(_ value: Double, at codingPath: [any CodingKey]) throws -> [UInt8] {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: codingPath, debugDescription: "JSON has no \(value)"))
        }
        return Array(JSONNode.text(of: value).utf8)
    }

    private static func child(of node: JSONNode, encoding value: some Encodable, at codingPath: [any CodingKey]) throws -> JSONNode {
        let child = JSONNode()
        try JSONNodeEncoder(node: child, codingPath: codingPath).encode(value)
        return child
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: JSONNode
        let codingPath: [any CodingKey]

        private func set(_ child: JSONNode, for key: Key) {
            guard case .object(var members) = node.content else { return }
            members[key.stringValue] = child
            node.content = .object(members)
        }

        mutating func encodeNil(forKey key: Key) throws {
            set(JSONNode(scalar: Array("null".utf8)), for: key)
        }

        mutating func encode(_ value: some Encodable, forKey key: Key) throws {
            set(try JSONNodeEncoder.child(of: node, encoding: value, at: codingPath + [key]), for: key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                                             forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = JSONNode()
            set(child, for: key)
            return JSONNodeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = JSONNode()
            set(child, for: key)
            return JSONNodeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            superEncoder(forKey: Key(stringValue: "super")!)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = JSONNode()
            set(child, for: key)
            return JSONNodeEncoder(node: child, codingPath: codingPath + [key])
        }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer {
        let node: JSONNode
        let codingPath: [any CodingKey]

        var count: Int {
            guard case .array(let elements) = node.content else { return 0 }
            return elements.count
        }

        private func append(_ child: JSONNode) {
            guard case .array(var elements) = node.content else { return }
            elements.append(child)
            node.content = .array(elements)
        }

        mutating func encodeNil() throws {
            append(JSONNode(scalar: Array("null".utf8)))
        }

        mutating func encode(_ value: some Encodable) throws {
            append(try JSONNodeEncoder.child(of: node, encoding: value, at: codingPath))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = JSONNode()
            append(child)
            return JSONNodeEncoder(node: child, codingPath: codingPath).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = JSONNode()
            append(child)
            return JSONNodeEncoder(node: child, codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let child = JSONNode()
            append(child)
            return JSONNodeEncoder(node: child, codingPath: codingPath)
        }
    }

    private struct SingleValueContainer: SingleValueEncodingContainer {
        let node: JSONNode
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws {
            node.content = .scalar(Array("null".utf8))
        }

        mutating func encode(_ value: some Encodable) throws {
            try JSONNodeEncoder(node: node, codingPath: codingPath).encode(value)
        }
    }
}
