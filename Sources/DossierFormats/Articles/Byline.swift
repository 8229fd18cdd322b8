/// A byline line: "By Jane Doe", or a publishing template such as
/// "By Jane Doe, in Technologies on August 24, 2018." whose slots may be empty.
struct Byline: Equatable {
    var author: String?
    var section: String?
    var date: String?

    /// Parses a byline; nil when the line is prose that merely starts with "By".
    static func parse(_ line: String) -> Byline? {
        let line = line.trimmed
        guard line.count <= 120, line == "By" || line.hasPrefix("By ") else { return nil }
        var rest = Substring(line.dropFirst(2)).trimmingSpaces
        var byline = Byline()
        if let inRange = rest.range(of: ", in ") ?? (rest.hasPrefix(", in") ? rest.range(of: ", in") : nil) {
            let after = rest[inRange.upperBound...]
            let onRange = after.range(of: " on ", options: .backwards) ?? after.range(of: " on", options: .backwards)
            let sectionText = onRange.map { after[..<$0.lowerBound] } ?? after
            byline.section = sectionText.trimmingSpaces.nonEmpty
            if let onRange {
                let dateText = after[onRange.upperBound...].trimmingSpaces.trimmingCharacters(".")
                byline.date = DateParser.isoDay(from: dateText)
            }
            rest = rest[..<inRange.lowerBound]
        } else if !line.contains(",") && line.last == "." {
            rest = rest.dropLast()
        }
        let author = rest.trimmingSpaces
        // A real name is a few capitalised words; "By the end of the year, ..." is prose.
        let words = author.split(separator: " ")
        let connectors: Set<Substring> = ["and", "de", "van", "von", "der", "la", "le", "&"]
        guard words.count <= 8,
              words.allSatisfy({ $0.first?.isUppercase == true || connectors.contains($0) })
        else { return nil }
        byline.author = author.nonEmpty
        return byline
    }
}

extension StringProtocol {
    var trimmingSpaces: Substring {
        var result = Substring(self)
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }

    func trimmingCharacters(_ characters: String) -> Substring {
        var result = Substring(self)
        while let first = result.first, characters.contains(first) { result.removeFirst() }
        while let last = result.last, characters.contains(last) { result.removeLast() }
        return result
    }

    var nonEmpty: String? { isEmpty ? nil : String(self) }
}
