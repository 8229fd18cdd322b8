import DossierCore

/// The user's corrections file, read once a run. Entries that cannot be used are said once, each
/// with its line number, and left out; a file that cannot be read is said, and none of it applies.
enum UserCorrections {
    nonisolated(unsafe) private static var loaded: (contents: CorrectionsFile.Contents, warnings: [String])?

    static var current: CorrectionsFile.Contents { read().contents }
    static var warnings: [String] { read().warnings }

    private static func read() -> (contents: CorrectionsFile.Contents, warnings: [String]) {
        if let loaded { return loaded }
        let file = CorrectionsFile.userDefault()
        let read: (CorrectionsFile.Contents, [String])
        do {
            let contents = try file.read()
            read = (contents, contents.problems.map { "\(file.path): \($0)" })
        } catch {
            read = (CorrectionsFile.Contents(), ["\(error); no correction applies"])
        }
        loaded = read
        return read
    }
}
