/// TOML's rules for what may define or add to a table, each broken rule a failure naming the
/// line of what came first.
extension TOMLTableNode {
    /// The table a `[path]` header defines, found or made under this (root) table.
    func definingTable(_ path: [TOMLKeyPart], at header: TOMLPosition) throws(TOMLFailure) -> TOMLTableNode {
        guard let last = path.last else { throw TOMLFailure("a table header needs a name", at: 0) }
        let parent = try parentForHeader(path, at: header)
        guard let existing = parent.entry(last.name) else {
            let table = TOMLTableNode(origin: .header, position: header)
            parent.add(last, .table(table))
            return table
        }
        switch existing.slot {
        case .table(let table) where table.origin == .implicit:
            table.origin = .header
            table.position = header
            return table
        case .table(let table) where table.origin == .dotted:
            let line = table.position.line
            throw TOMLFailure("the table \(path.spelled) is already defined by the dotted keys on line \(line)", at: last.index)
        case .table(let table):
            throw TOMLFailure("the table \(path.spelled) is already defined on line \(table.position.line)", at: last.index)
        case .tables(let array):
            let spelled = path.spelled
            let line = array.position.line
            throw TOMLFailure("\(spelled) is an array of tables ([[\(spelled)]] on line \(line)), not a table", at: last.index)
        case .value(let value):
            throw TOMLFailure("\(path.spelled) is already set to \(Self.describe(value)) on line \(value.position.line)", at: last.index)
        }
    }

    /// The new entry a `[[path]]` header adds to its array of tables, found or made under this (root) table.
    func appendingTable(_ path: [TOMLKeyPart], at header: TOMLPosition) throws(TOMLFailure) -> TOMLTableNode {
        guard let last = path.last else { throw TOMLFailure("a table header needs a name", at: 0) }
        let parent = try parentForHeader(path, at: header)
        let table = TOMLTableNode(origin: .header, position: header)
        guard let existing = parent.entry(last.name) else {
            parent.add(last, .tables(TOMLTableArrayNode(first: table)))
            return table
        }
        switch existing.slot {
        case .tables(let array):
            array.append(table)
            return table
        case .table(let other):
            let spelled = path.spelled
            throw TOMLFailure("\(spelled) is already a table (line \(other.position.line)), "
                + "so [[\(spelled)]] cannot make it an array of tables", at: last.index)
        case .value(let value):
            let spelled = path.spelled
            throw TOMLFailure("\(spelled) is already set to \(Self.describe(value)) on line \(value.position.line), "
                + "which [[\(spelled)]] cannot add to", at: last.index)
        }
    }

    /// Sets a dotted key of a `key = value` line in this table, making the tables its first
    /// parts name.
    func set(_ path: [TOMLKeyPart], to value: TOMLValue) throws(TOMLFailure) {
        guard let last = path.last else { throw TOMLFailure("a key needs a name", at: 0) }
        var table = self
        for offset in 0..<(path.count - 1) {
            let part = path[offset]
            guard let existing = table.entry(part.name) else {
                let made = TOMLTableNode(origin: .dotted, position: part.position)
                table.add(part, .table(made))
                table = made
                continue
            }
            switch existing.slot {
            case .table(let inner) where inner.origin != .header:
                table = inner
            case .table(let inner):
                let spelled = Array(path[...offset]).spelled
                throw TOMLFailure("\(spelled) is a table defined by its header on line \(inner.position.line); "
                    + "dotted keys elsewhere cannot add to it", at: part.index)
            case .tables(let array):
                let spelled = Array(path[...offset]).spelled
                throw TOMLFailure("\(spelled) is an array of tables ([[\(spelled)]] on line \(array.position.line)); "
                    + "dotted keys cannot add to it", at: part.index)
            case .value(let value):
                let spelled = Array(path[...offset]).spelled
                throw TOMLFailure("\(spelled) is already set to \(Self.describe(value)) on line \(value.position.line), "
                    + "so it cannot hold \(path.spelled)", at: part.index)
            }
        }
        if let existing = table.entry(last.name) {
            let line = switch existing.slot {
            case .value(let value): value.position.line
            case .table(let inner): inner.position.line
            case .tables(let array): array.position.line
            }
            throw TOMLFailure("\(path.spelled) is already set on line \(line)", at: last.index)
        }
        table.add(last, .value(value))
    }

    /// The table a header's last part goes in: its first parts walked from this (root) table,
    /// making the missing ones, entering an array of tables' latest entry.
    private func parentForHeader(_ path: [TOMLKeyPart], at header: TOMLPosition) throws(TOMLFailure) -> TOMLTableNode {
        var table = self
        for offset in 0..<(path.count - 1) {
            let part = path[offset]
            guard let existing = table.entry(part.name) else {
                let made = TOMLTableNode(origin: .implicit, position: header)
                table.add(part, .table(made))
                table = made
                continue
            }
            switch existing.slot {
            case .table(let inner): table = inner
            case .tables(let array): table = array.last
            case .value(let value):
                let spelled = Array(path[...offset]).spelled
                throw TOMLFailure("\(spelled) is already set to \(Self.describe(value)) on line \(value.position.line), "
                    + "so it cannot hold the table \(path.spelled)", at: part.index)
            }
        }
        return table
    }

    /// "a string", "a list", "an inline table": what a value is, for a message.
    static func describe(_ value: TOMLValue) -> String {
        switch value.kind {
        case .string: "a string"
        case .integer, .float: "a number"
        case .boolean: "true or false"
        case .offsetDateTime, .localDateTime, .localDate, .localTime: "a date or time"
        case .array: "a list"
        case .table: "an inline table"
        }
    }
}
