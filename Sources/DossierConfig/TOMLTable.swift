/// A TOML table: its keys in the order they were first set, each with where it is and its value.
public struct TOMLTable: Equatable, Sendable {
    /// One key of a table and its value.
    public struct Entry: Equatable, Sendable {
        /// The key as read, quotes and escapes resolved.
        public var key: String
        /// Where the key is written; for a key in a dotted key or a header (`a.b.c`), its own part.
        public var keyPosition: TOMLPosition
        /// What the key is set to; for a table made by a header, the table at the header's position.
        public var value: TOMLValue

        /// An entry from its key, the key's position and its value.
        public init(key: String, keyPosition: TOMLPosition, value: TOMLValue) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    /// Tables of up to this many keys are searched in order, which is faster than hashing for
    /// the few keys most tables have; bigger ones keep an index.
    static let linearSearchLimit = 8

    /// In the order the keys were first set.
    public private(set) var entries: [Entry] = []
    private var indexByKey: [String: Int]?

    /// An empty table.
    public init() {}

    /// A table of these entries; a key given twice keeps its first entry.
    public init(_ entries: [Entry]) {
        guard entries.count > Self.linearSearchLimit else {
            for entry in entries where !self.entries.contains(where: { $0.key == entry.key }) {
                self.entries.append(entry)
            }
            return
        }
        var index: [String: Int] = [:]
        for entry in entries where index[entry.key] == nil {
            index[entry.key] = self.entries.count
            self.entries.append(entry)
        }
        indexByKey = index
    }

    /// The keys, in the order they were first set.
    public var keys: [String] { entries.map(\.key) }

    /// Whether the table has no keys.
    public var isEmpty: Bool { entries.isEmpty }

    /// The number of keys.
    public var count: Int { entries.count }

    /// The value of `key`, or nil when the table has no such key.
    public subscript(key: String) -> TOMLValue? {
        entry(key)?.value
    }

    /// The entry of `key`, with the key's position, or nil when the table has no such key.
    public func entry(_ key: String) -> Entry? {
        if let indexByKey { return indexByKey[key].map { entries[$0] } }
        return entries.first { $0.key == key }
    }
}
