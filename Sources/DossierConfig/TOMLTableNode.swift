/// A table while the text is read: it can still grow, and it knows how it was made, which decides
/// what may add to it later (TOML lets a table be defined only once).
final class TOMLTableNode {
    /// How a table came to be.
    enum Origin {
        /// Made as a parent of a header's table (`a` for `[a.b]`): a header of its own may still
        /// define it, once.
        case implicit
        /// Defined by a `[header]`, an `[[array]]` entry's header, or as the document's root.
        case header
        /// Made by a dotted key (`a` in `a.b = 1`): dotted keys may add to it, a header may not
        /// define it.
        case dotted
    }

    /// What a key holds while the text is read.
    enum Slot {
        /// A finished value: a string, number, date, list or inline table, none of which can grow.
        case value(TOMLValue)
        case table(TOMLTableNode)
        case tables(TOMLTableArrayNode)
    }

    struct Entry {
        let key: TOMLKeyPart
        var slot: Slot
    }

    var origin: Origin
    /// The header that defined or first implied the table, or the dotted key part that made it.
    var position: TOMLPosition
    private(set) var entries: [Entry] = []
    /// Built once the table outgrows a linear search, which is faster for the few keys most tables have.
    private var indexByKey: [String: Int]?

    init(origin: Origin, position: TOMLPosition) {
        self.origin = origin
        self.position = position
    }

    func entry(_ key: String) -> Entry? {
        if let indexByKey { return indexByKey[key].map { entries[$0] } }
        for entry in entries where entry.key.name == key { return entry }
        return nil
    }

    /// Adds a key the table does not have yet.
    func add(_ key: TOMLKeyPart, _ slot: Slot) {
        entries.append(Entry(key: key, slot: slot))
        if indexByKey != nil {
            indexByKey?[key.name] = entries.count - 1
        } else if entries.count > TOMLTable.linearSearchLimit {
            indexByKey = Dictionary(entries.indices.map { (entries[$0].key.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The finished table, its keys in the order they were first set.
    func frozen() -> TOMLTable {
        TOMLTable(entries.map { entry in
            let value: TOMLValue = switch entry.slot {
            case .value(let value): value
            case .table(let table): TOMLValue(.table(table.frozen()), at: table.position)
            case .tables(let array): array.frozen()
            }
            return TOMLTable.Entry(key: entry.key.name, keyPosition: entry.key.position, value: value)
        })
    }
}
