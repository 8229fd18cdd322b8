import DossierFormats

/// The ids articles are known by, made from what identifies each (`ArticleKey`), so that an id
/// stays with its article through a new fetch, a renamed file and a reordered dataset.
///
/// An article's stable id is its key in 16 hex digits, and the id it is shown and typed by is the
/// shortest start of that which no other article's shares, at least six digits, as git shortens
/// commits. A plain-text file whose name is short and plain is known by its name instead
/// ("envoys" for envoys.txt), which a reader can guess.
enum ArticleIDs {
    static let longest = 16
    static let shortest = 6

    /// `keys[i]`, `paths[i]` and `records[i]` are article i's. Two articles with one key (two copies of
    /// a feed item) stay two: the later by path and record takes the key again with its occurrence,
    /// whatever order the articles come in.
    static func make(keys: [UInt64], paths: [String], records: [Int?]) -> (ids: [String], stableIDs: [String]) {
        // A plain-text file is keyed by its name alone; any other article by what it says or is named by.
        let fileNames = keys.indices.map { keys[$0] == ArticleKey.ofFile(at: paths[$0]) ? fileName(of: paths[$0]) : nil }
        var nameCounts: [String: Int] = [:]
        for name in fileNames.compactMap({ $0 }) where isReadable(name) { nameCounts[name.lowercased(), default: 0] += 1 }
        var stableIDs = Array(repeating: "", count: keys.count)
        var isName = Array(repeating: false, count: keys.count)
        var usedKeys = Set<UInt64>()
        usedKeys.reserveCapacity(keys.count)
        let byPlace = keys.indices.sorted { (paths[$0], records[$0] ?? 0) < (paths[$1], records[$1] ?? 0) }
        for index in byPlace {
            if let name = fileNames[index], isReadable(name), nameCounts[name.lowercased()] == 1 {
                stableIDs[index] = name
                isName[index] = true
                continue
            }
            var key = keys[index]
            var occurrence = 1
            while !usedKeys.insert(key).inserted {
                occurrence += 1
                key = ArticleKey.repeated(keys[index], occurrence: occurrence)
            }
            stableIDs[index] = hex(key)
        }
        // Each hex id is told from its neighbours in sorted order, which are the ids sharing most of its start.
        let sorted = keys.indices.filter { !isName[$0] }.sorted { stableIDs[$0] < stableIDs[$1] }
        var ids = stableIDs
        for (rank, index) in sorted.enumerated() {
            var length = shortest
            if rank > 0 { length = max(length, sharedStart(stableIDs[index], stableIDs[sorted[rank - 1]]) + 1) }
            if rank + 1 < sorted.count { length = max(length, sharedStart(stableIDs[index], stableIDs[sorted[rank + 1]]) + 1) }
            ids[index] = String(stableIDs[index].prefix(length))
        }
        return (ids, stableIDs)
    }

    /// A name kept as an id: at most 16 letters, digits, dots, hyphens and underscores, and not one
    /// that could be read as the start of a hex id.
    static func isReadable(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= longest,
              name.utf8.allSatisfy({ isASCIILetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") })
        else { return false }
        return !(name.utf8.count >= shortest && name.utf8.allSatisfy(isHexDigit))
    }

    /// A plain-text file's name as its id would be: without folder, `.gz` or extension.
    static func fileName(of path: String) -> String {
        withoutExtension(String(PathName.lastComponent(of: path)))
    }

    /// A path without its `.gz` and its extension ("2019/wire.jsonl.gz" → "2019/wire").
    static func withoutExtension(_ path: String) -> String {
        PathName.deletingExtension(of: path.lowercased().hasSuffix(".gz") ? String(path.dropLast(3)) : path)
    }

    /// What the reader lists a file as while it is being read: its name without extension, or where
    /// two files share a name, its path below its root.
    static func fileLabels(for files: [ArticleFile]) -> [String] {
        let names = files.map { fileName(of: $0.relativePath) }
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        return files.indices.map { index in
            counts[names[index]] == 1 ? names[index] : withoutExtension(files[index].relativePath)
        }
    }

    static func hex(_ key: UInt64) -> String {
        let digits = String(key, radix: 16)
        return String(repeating: "0", count: longest - digits.count) + digits
    }

    private static func sharedStart(_ first: String, _ second: String) -> Int {
        zip(first.utf8, second.utf8).prefix { $0 == $1 }.count
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }
}
