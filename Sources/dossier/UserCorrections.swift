import DossierCore

/// The user's corrections file, read afresh for each load (the reader may have added to it since
/// the last). Entries that cannot be used are warnings, each with its line number, and are left
/// out; a file that cannot be read is a warning, and none of it applies.
enum UserCorrections {
    static func read() -> (corrections: [Correction], warnings: [String]) {
        let file = CorrectionsFile.userDefault()
        do {
            let contents = try file.read()
            return (contents.corrections, contents.problems.map { "\(file.path): \($0)" })
        } catch {
            return ([], ["\(error); no correction applies"])
        }
    }
}
