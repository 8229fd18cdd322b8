import DossierFormats

/// The ids articles are known by: their files' names.
enum ArticleIDs {
    /// File names without extension; where two files share one, their relative paths.
    static func make(for files: [ArticleFile]) -> [String] {
        func stripped(_ path: String) -> String {
            let withoutGzip = path.lowercased().hasSuffix(".gz") ? String(path.dropLast(3)) : path
            return PathName.deletingExtension(of: withoutGzip)
        }
        let names = files.map { stripped(String(PathName.lastComponent(of: $0.relativePath))) }
        var counts: [String: Int] = [:]
        counts.reserveCapacity(names.count)
        for name in names { counts[name, default: 0] += 1 }
        // Most corpora name every file differently, and then the names are the ids.
        if counts.count == names.count { return names }
        var used = Set<String>()
        return files.indices.map { index in
            var id = counts[names[index]] == 1 ? names[index] : stripped(files[index].relativePath)
            if used.contains(id) {
                var suffix = 2
                while used.contains("\(id)~\(suffix)") { suffix += 1 }
                id = "\(id)~\(suffix)"
            }
            used.insert(id)
            return id
        }
    }
}
