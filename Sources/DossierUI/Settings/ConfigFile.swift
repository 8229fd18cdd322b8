import DossierLinking
import TOMLKit

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
    /// One line a problem: "line 4: …".
    public var problems: [String] = []

    public init() {}

    /// Syntax errors tried past at most: each costs a parse, and a file of garbage is given up on.
    static let syntaxRetryLimit = 20

    public init(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() where Self.headerLacksAName(line) {
            problems.append("line \(index + 1): a table header needs a name after its [ (the line is left out)")
            lines[index] = "# " + line
        }
        var table: TOMLTable?
        for _ in 0...Self.syntaxRetryLimit {
            do {
                table = try TOMLTable(string: lines.joined(separator: "\n"))
                break
            } catch let error as TOMLParseError {
                let line = error.source.begin.line
                guard line >= 1, line <= lines.count, !lines[line - 1].hasPrefix("#") else {
                    problems.append("line \(line): \(error.description); the file cannot be read as TOML, so none of it applies")
                    return
                }
                problems.append("line \(line): \(error.description) (the line is left out)")
                // Left out as a comment, so that every other line keeps its number.
                lines[line - 1] = "# " + lines[line - 1]
            } catch {
                problems.append("the file cannot be read as TOML; none of it applies")
                return
            }
        }
        guard let table else {
            problems.append("too many lines cannot be read; none of the file applies")
            return
        }
        let locator = LineLocator(lines: lines)
        for key in table.keys where !["keys", "colors", "colours", "filters", "people"].contains(key) {
            problems.append("line \(locator.line(ofTopLevel: key)): unknown section \(key) (sections: keys, colors, filters, people)")
        }
        if let keys = table["keys"]?.table { readKeys(keys, locator) }
        if let colors = (table["colors"] ?? table["colours"])?.table { readColors(colors, locator) }
        if let filters = table["filters"]?.table { readFilters(filters, locator) }
        if let people = table["people"]?.array { readPeople(people, locator) }
        // In the file's order, whichever check found them.
        problems = problems.enumerated().sorted { Self.lineNumber($0.element) != Self.lineNumber($1.element)
            ? Self.lineNumber($0.element) < Self.lineNumber($1.element) : $0.offset < $1.offset }.map(\.element)
    }

    /// The line a problem names; problems about the whole file come last.
    private static func lineNumber(_ problem: String) -> Int {
        guard problem.hasPrefix("line ") else { return Int.max }
        return Int(problem.dropFirst(5).prefix { $0.isNumber }) ?? Int.max
    }

    // MARK: - Sections

    private mutating func readKeys(_ table: TOMLTable, _ locator: LineLocator) {
        var keyMap = settings.keyMap
        for name in table.keys.sorted() {
            let line = locator.line(ofKey: name, inTable: "keys")
            let value = table[name]
            let notations = value?.string.map { [$0] } ?? value?.array?.compactMap { $0.string }
            guard let notations, !notations.isEmpty else {
                problems.append("line \(line): keys.\(name) takes a key or a list of keys, as \"f\" or [\"f\", \"<C-f>\"]")
                continue
            }
            var keys: [Key] = []
            for notation in notations {
                guard let key = Key(notation: notation) else {
                    problems.append("line \(line): \"\(notation)\" is not a key (write a character, or <Enter>, <C-x>, <Esc>, <Tab>, <PgDn>…)")
                    continue
                }
                keys.append(key)
            }
            guard !keys.isEmpty else { continue }
            guard let changed = keyMap.rebinding(name, to: keys) else {
                let known = KeyMap.standard.bindings.map(\.name).joined(separator: ", ")
                problems.append("line \(line): no action is named \(name) (actions: \(known))")
                continue
            }
            keyMap = changed
        }
        settings.keyMap = keyMap
    }

    private mutating func readColors(_ table: TOMLTable, _ locator: LineLocator) {
        for name in table.keys.sorted() {
            let line = locator.line(ofKey: name, inTable: "colors")
            let value = table[name]
            let names = value?.string.map { [$0] } ?? value?.array?.compactMap { $0.string } ?? []
            let colors = names.compactMap(Self.color(named:))
            guard !colors.isEmpty, colors.count == names.count else {
                problems.append("line \(line): colors.\(name) takes colour names: black, red, green, yellow, blue, magenta, cyan, white")
                continue
            }
            switch name {
            case "person", "people": settings.palette.people = colors
            case "place", "places": settings.palette.place = colors[0]
            case "organisation", "organization", "organisations", "organizations": settings.palette.organisation = colors[0]
            default: problems.append("line \(line): colors are set for person, place and organisation, not \(name)")
            }
        }
    }

    private mutating func readFilters(_ table: TOMLTable, _ locator: LineLocator) {
        for name in table.keys.sorted() {
            guard let text = table[name]?.string, !text.isEmpty else {
                problems.append("line \(locator.line(ofKey: name, inTable: "filters")): filters.\(name) takes a filter in quotes, as \"mentions:pompeo since:2018\"")
                continue
            }
            settings.savedFilters[name] = text
        }
    }

    private mutating func readPeople(_ array: TOMLArray, _ locator: LineLocator) {
        var seen = Set<String>()
        for (position, value) in array.enumerated() {
            let line = locator.line(ofArrayTable: "people", occurrence: position)
            guard let table = value.table else {
                problems.append("line \(line): each [[people]] entry is a table of id, name, aliases, titles, description")
                continue
            }
            guard let name = table["name"]?.string, name.contains(where: { !$0.isWhitespace }) else {
                problems.append("line \(line): a person needs a name")
                continue
            }
            let id = table["id"]?.string ?? Self.id(for: name)
            guard !id.isEmpty, seen.insert(id).inserted else {
                problems.append("line \(line): the id \(id) is used by an earlier person; this one is left out")
                continue
            }
            func strings(_ key: String) -> [String]? {
                guard let value = table[key] else { return [] }
                if let one = value.string { return [one] }
                guard let array = value.array else { return nil }
                let strings = array.compactMap { $0.string }
                return strings.count == array.count ? strings : nil
            }
            guard let aliases = strings("aliases"), let titles = strings("titles") else {
                problems.append("line \(line): aliases and titles are lists of names in quotes")
                continue
            }
            let fields = ["id", "name", "aliases", "titles", "description", "surname", "gender"]
            for key in table.keys where !fields.contains(key) {
                let keyLine = locator.line(ofKey: key, inArrayTable: "people", occurrence: position)
                problems.append("line \(keyLine): a person has no field \(key) (fields: \(fields.joined(separator: ", ")))")
            }
            let words = name.split(separator: " ")
            people.append(Entity(
                id: id, name: name, kind: .person, description: table["description"]?.string ?? "",
                aliases: aliases, titles: titles,
                surname: table["surname"]?.string ?? (words.count > 1 ? words.last.map(String.init) : nil),
                gender: table["gender"]?.string.flatMap(Entity.Gender.init(rawValue:))))
        }
    }

    /// A `[` or `[[` header whose name starts with a character no key can start with (`[[=`,
    /// `[#]`, `[[` alone): the toml++ inside TOMLKit 0.6.0 asserts on these rather than reporting
    /// them, which would end the program, so they are found and reported here first.
    static func headerLacksAName(_ line: String) -> Bool {
        // By scalar, not Character: a combining mark after "[" makes one Character of both.
        var rest = Substring.UnicodeScalarView(line.unicodeScalars.drop { $0 == " " || $0 == "\t" })
        guard rest.first == "[" else { return false }
        rest = rest.dropFirst()
        let isArrayTable = rest.first == "["
        if isArrayTable { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        guard let first = rest.first else { return true }
        if ("a"..."z").contains(first) || ("A"..."Z").contains(first) || ("0"..."9").contains(first)
            || ["_", "-", "\"", "'", "]"].contains(first) { return false }
        // "[ [a]" is an error toml++ reports itself.
        return isArrayTable || first != "["
    }

    /// "Choe Son Hui" → "choe-son-hui", as the bundled catalog's ids are made.
    static func id(for name: String) -> String {
        name.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
    }

    static func color(named name: String) -> Color? {
        Color.allCases.first { "\($0)" == name.lowercased() }
    }
}

/// Finds the line of a table or key in the file's text, for problems TOML's parser does not
/// see (an unknown action, a colour that is not one): it keeps no positions for values.
struct LineLocator {
    let lines: [String]

    private func stripped(_ line: String) -> String {
        String(line.drop { $0 == " " || $0 == "\t" })
    }

    /// A table's header, or a key set before any header; 1 when neither is found.
    func line(ofTopLevel name: String) -> Int {
        if lines.contains(where: { stripped($0).hasPrefix("[\(name)]") || stripped($0).hasPrefix("[[\(name)]]") }) {
            return line(ofTable: name)
        }
        return line(ofKey: name, after: -1)
    }

    /// 1-based; 1 when the table is not found.
    func line(ofTable name: String) -> Int {
        (lines.firstIndex { stripped($0).hasPrefix("[\(name)]") || stripped($0).hasPrefix("[[\(name)]]") } ?? 0) + 1
    }

    func line(ofArrayTable name: String, occurrence: Int) -> Int {
        let starts = lines.indices.filter { stripped(lines[$0]).hasPrefix("[[\(name)]]") }
        return (occurrence < starts.count ? starts[occurrence] : 0) + 1
    }

    func line(ofKey key: String, inTable table: String) -> Int {
        let start = lines.firstIndex { stripped($0).hasPrefix("[\(table)]") } ?? -1
        return line(ofKey: key, after: start)
    }

    func line(ofKey key: String, inArrayTable table: String, occurrence: Int) -> Int {
        line(ofKey: key, after: line(ofArrayTable: table, occurrence: occurrence) - 1)
    }

    /// The first line after the header at `header` (0-based; -1 for none) that sets `key`,
    /// before the next table; the header's own line when none does.
    private func line(ofKey key: String, after header: Int) -> Int {
        var index = header + 1
        while index < lines.count {
            let line = stripped(lines[index])
            if line.hasPrefix("[") { break }
            for spelled in [key, "\"\(key)\""] where line.hasPrefix(spelled) {
                if stripped(String(line.dropFirst(spelled.count))).hasPrefix("=") { return index + 1 }
            }
            index += 1
        }
        return header + 1 + (header < 0 ? 1 : 0)
    }
}
