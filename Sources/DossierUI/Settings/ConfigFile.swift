import DossierConfig
import DossierLinking

/// The user's config file (`$XDG_CONFIG_HOME/dossier/config.toml`), read: key bindings, colours,
/// saved filters and the user's own people. A line that cannot be used is reported with its
/// number and left out; the rest applies.
///
///     [keys]
///     filter = "f"                   # an action's name, one key or a list of keys
///     forward = ["<C-n>", "<Tab>"]
///
///     [colors]
///     person = ["cyan", "magenta"]   # people cycle through these
///     place = "yellow"
///     organisation = "blue"
///
///     [filters]
///     korea = "mentions:kim-jong-un or mentions:moon-jae-in"   # used as @korea
///
///     [library]
///     keep-items = 500               # what `dossier library prune` keeps of each feed
///     keep-days = 90
///
///     [index]
///     trust-folder-times = true      # a search trusts folders whose times stand still (see below)
///
///     [[people]]
///     id = "choe-son-hui"
///     name = "Choe Son Hui"
///     aliases = ["Choe Son-hui"]
///     titles = ["Vice Foreign Minister"]
///     description = "North Korean diplomat"
public struct ConfigFile: Sendable {
    public var settings = ReaderSettings()
    /// The user's people, as catalog entries to merge with the bundled catalog.
    public var people: [Entity] = []
    /// What `dossier library prune` keeps of each feed when not told: the newest items, and those
    /// stored in the last days; nil for no limit of that kind.
    public var keepItems: Int?
    public var keepDays: Int?
    /// Whether a search of an unchanged corpus trusts each folder whose stamp has not moved to hold its
    /// files as they were saved, without examining each file. Off unless set: an edit in place moves
    /// no folder's time, and is then seen only by a full load (the reader, `dossier list`).
    public var trustsFolderTimes = false
    /// One line a problem: "line 4: …", in the file's order.
    public var problems: [String] = []

    public init() {}

    /// Lines that cannot be read named one by one; after them one problem says how many more
    /// there are, so that a file of garbage does not bury the terminal in warnings.
    static let syntaxProblemLimit = 20

    static let sections = ["keys", "colors", "colours", "filters", "library", "index", "people"]

    static let personFields = "id, name, aliases, titles, description"

    /// Problems and the lines they name while the file is read, put in the file's order at its end.
    private var found: [(line: Int, message: String)] = []

    public init(text: String) {
        let document = TOMLDocument(text: text)
        for problem in document.problems.prefix(Self.syntaxProblemLimit) {
            found.append((problem.line, problem.description))
        }
        if document.problems.count > Self.syntaxProblemLimit {
            let line = document.problems[Self.syntaxProblemLimit].line
            let more = document.problems.count - Self.syntaxProblemLimit
            report(line, "\(more) more lines from here on cannot be read either, and are left out")
        }
        let root = document.root
        for entry in root.entries where !Self.sections.contains(entry.key) {
            report(entry.keyPosition.line, "unknown section \(entry.key) (sections: keys, colors, filters, library, index, people)")
        }
        if let keys = section("keys", in: root) { readKeys(keys) }
        if let colors = section("colors", in: root) ?? section("colours", in: root) { readColors(colors) }
        if let filters = section("filters", in: root) { readFilters(filters) }
        if let library = section("library", in: root) { readLibrary(library) }
        if let index = section("index", in: root) { readIndex(index) }
        if let people = root.entry("people") { readPeople(people) }
        // In the file's order, whichever check found them; a sort that keeps the order of equals.
        problems = found.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element.message)
        found = []
    }

    private mutating func report(_ line: Int, _ message: String) {
        found.append((line, "line \(line): \(message)"))
    }

    /// The table of a section; a section set to a value instead is reported.
    private mutating func section(_ name: String, in root: TOMLTable) -> TOMLTable? {
        guard let entry = root.entry(name) else { return nil }
        guard let table = entry.value.table else {
            report(entry.keyPosition.line, "\(name) is a section: write [\(name)] on a line of its own, and its settings under it")
            return nil
        }
        return table
    }

    // MARK: - Sections

    private mutating func readKeys(_ table: TOMLTable) {
        var keyMap = settings.keyMap
        // The keys this file binds, each to the action and line that bound it: one key for two actions is said.
        var boundHere: [Key: (action: String, line: Int)] = [:]
        // Actions whose last keys another took, by name: the taker, the keys and its line.
        var emptiedBy: [String: (taker: String, keys: [Key], line: Int)] = [:]
        for entry in table.entries.sorted(by: { ($0.keyPosition.line, $0.key) < ($1.keyPosition.line, $1.key) }) {
            let (name, line, value) = (entry.key, entry.keyPosition.line, entry.value)
            let notations = value.string.map { [($0, value.position.line)] }
                ?? value.array?.compactMap { item in item.string.map { ($0, item.position.line) } }
            guard let notations, !notations.isEmpty else {
                report(line, "keys.\(name) takes a key or a list of keys, as \"f\" or [\"f\", \"<C-f>\"]")
                continue
            }
            var keys: [Key] = []
            for (notation, notationLine) in notations {
                guard let key = Key(notation: notation) else {
                    report(notationLine, "\"\(notation)\" is not a key (write a character, or <Enter>, <C-x>, <Esc>, <Tab>, <PgDn>…)")
                    continue
                }
                keys.append(key)
            }
            guard !keys.isEmpty else { continue }
            guard let changed = keyMap.rebinding(name, to: keys) else {
                let known = KeyMap.standard.bindings.map(\.name).joined(separator: ", ")
                report(line, "no action is named \(name) (actions: \(known))")
                continue
            }
            for key in keys {
                if let earlier = boundHere[key], earlier.action != name {
                    report(line, "\(key.notation) is bound to \(earlier.action) on line \(earlier.line) and to \(name) here: \(name) keeps it")
                }
                boundHere[key] = (name, line)
            }
            for (before, after) in zip(keyMap.bindings, changed.bindings) where after.name != name && !before.keys.isEmpty && after.keys.isEmpty {
                emptiedBy[before.name] = (name, before.keys, line)
            }
            keyMap = changed
        }
        // "next-match = \"j\"" takes j from down, which, unless the file binds it another key, has none at all:
        // said, so that no action is lost unseen.
        for binding in keyMap.bindings where binding.keys.isEmpty {
            guard let (taker, keys, line) = emptiedBy[binding.name] else { continue }
            report(line, "\(taker) takes \(keys.map(\.notation).joined(separator: ", ")) from \(binding.name), which is left with no key: bind it another")
        }
        settings.keyMap = keyMap
    }

    private mutating func readColors(_ table: TOMLTable) {
        for entry in table.entries.sorted(by: { $0.key < $1.key }) {
            let (name, line, value) = (entry.key, entry.keyPosition.line, entry.value)
            let names = value.string.map { [$0] } ?? value.array?.compactMap(\.string) ?? []
            let colors = names.compactMap(Self.color(named:))
            guard !colors.isEmpty, colors.count == names.count else {
                report(line, "colors.\(name) takes colour names: black, red, green, yellow, blue, magenta, cyan, white")
                continue
            }
            switch name {
            case "person", "people": settings.palette.people = colors
            case "place", "places": settings.palette.place = colors[0]
            case "organisation", "organization", "organisations", "organizations": settings.palette.organisation = colors[0]
            default: report(line, "colors are set for person, place and organisation, not \(name)")
            }
        }
    }

    private mutating func readFilters(_ table: TOMLTable) {
        for entry in table.entries {
            guard let text = entry.value.string, !text.isEmpty else {
                report(entry.keyPosition.line, "filters.\(entry.key) takes a filter in quotes, as \"mentions:pompeo since:2018\"")
                continue
            }
            settings.savedFilters[entry.key] = text
        }
    }

    private mutating func readLibrary(_ table: TOMLTable) {
        for entry in table.entries {
            guard ["keep-items", "keep-days"].contains(entry.key) else {
                report(entry.keyPosition.line, "library.\(entry.key) is not a setting: keep-items, keep-days")
                continue
            }
            guard let number = entry.value.integer, number > 0, number <= Int64(Int32.max) else {
                report(entry.keyPosition.line, "library.\(entry.key) takes a whole number above 0, as \(entry.key == "keep-items" ? "500" : "90")")
                continue
            }
            if entry.key == "keep-items" { keepItems = Int(number) } else { keepDays = Int(number) }
        }
    }

    private mutating func readIndex(_ table: TOMLTable) {
        for entry in table.entries {
            guard entry.key == "trust-folder-times" else {
                report(entry.keyPosition.line, "index.\(entry.key) is not a setting: trust-folder-times")
                continue
            }
            guard let trusts = entry.value.boolean else {
                report(entry.keyPosition.line, "index.trust-folder-times takes true or false")
                continue
            }
            trustsFolderTimes = trusts
        }
    }

    private mutating func readPeople(_ entry: TOMLTable.Entry) {
        guard let entries = entry.value.array else {
            report(entry.keyPosition.line, "people are written as [[people]] entries, each a table of \(Self.personFields)")
            return
        }
        var seen = Set<String>()
        for value in entries {
            guard let table = value.table else {
                report(value.position.line, "each [[people]] entry is a table of \(Self.personFields)")
                continue
            }
            if let person = person(in: table, at: value.position.line, seen: &seen) { people.append(person) }
        }
    }

    /// The person one `[[people]]` entry describes, or nil when it cannot be used (reported).
    private mutating func person(in table: TOMLTable, at line: Int, seen: inout Set<String>) -> Entity? {
        guard let nameEntry = table.entry("name"), let name = nameEntry.value.string, name.contains(where: { !$0.isWhitespace }) else {
            report(line, "a person needs a name")
            return nil
        }
        guard let id = personID(in: table, name: name, nameLine: nameEntry.keyPosition.line) else { return nil }
        guard seen.insert(id).inserted else {
            report(line, "the id \(id) is used by an earlier person; this one is left out")
            return nil
        }
        func strings(_ key: String) -> [String]? {
            guard let value = table[key] else { return [] }
            if let one = value.string { return [one] }
            guard let array = value.array else { return nil }
            let strings = array.compactMap(\.string)
            return strings.count == array.count ? strings : nil
        }
        guard let aliases = strings("aliases"), let titles = strings("titles") else {
            report(line, "aliases and titles are lists of names in quotes")
            return nil
        }
        let fields = ["id", "name", "aliases", "titles", "description", "surname", "gender"]
        for entry in table.entries where !fields.contains(entry.key) {
            report(entry.keyPosition.line, "a person has no field \(entry.key) (fields: \(fields.joined(separator: ", ")))")
        }
        let words = name.split(separator: " ")
        return Entity(
            id: id, name: name, kind: .person, description: table["description"]?.string ?? "",
            aliases: aliases, titles: titles,
            surname: table["surname"]?.string ?? (words.count > 1 ? words.last.map(String.init) : nil),
            gender: table["gender"]?.string.flatMap(Entity.Gender.init(rawValue:)))
    }

    /// The id a person gives, else the one made from their name; nil (reported) when it is empty,
    /// which would match no one and collide with every other empty id.
    private mutating func personID(in table: TOMLTable, name: String, nameLine: Int) -> String? {
        if let given = table.entry("id"), let id = given.value.string {
            guard id.contains(where: { !$0.isWhitespace }) else {
                report(given.keyPosition.line, "a person's id cannot be empty")
                return nil
            }
            return id
        }
        let id = Self.id(for: name)
        guard !id.isEmpty else {
            report(nameLine, "a person's id cannot be empty, and the name \(name) has no letters or digits to make one from; "
                + "give the entry an id")
            return nil
        }
        return id
    }

    /// "Choe Son Hui" → "choe-son-hui", as the bundled catalog's ids are made.
    static func id(for name: String) -> String {
        name.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
    }

    static func color(named name: String) -> Color? {
        Color.allCases.first { "\($0)" == name.lowercased() }
    }
}
