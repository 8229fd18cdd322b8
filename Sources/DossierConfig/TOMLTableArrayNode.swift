/// An array of tables (`[[name]]`) while the text is read: each header adds an entry.
final class TOMLTableArrayNode {
    /// Never empty: the array is made with its first entry.
    private(set) var tables: [TOMLTableNode]
    /// The first entry's header.
    let position: TOMLPosition

    init(first: TOMLTableNode) {
        tables = [first]
        position = first.position
    }

    /// The entry the latest header made, which later headers and keys add to.
    var last: TOMLTableNode { tables[tables.count - 1] }

    func append(_ table: TOMLTableNode) {
        tables.append(table)
    }

    /// The array as a value, each entry a table at its header's position.
    func frozen() -> TOMLValue {
        TOMLValue(.array(tables.map { TOMLValue(.table($0.frozen()), at: $0.position) }), at: position)
    }
}
