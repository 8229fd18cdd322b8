import DossierText

/// A wire dateline at the start of the first paragraph: "WASHINGTON –",
/// "SEOUL, South Korea —", "PYONGYANG (Reuters) -".
struct Dateline: Equatable {
    var place: String
    var source: String?
    /// Byte offset where the paragraph's prose starts, after the dash.
    var bodyStart: Int

    private static let separators = [" – ", " — ", " -- ", " - "]

    static func find(_ text: SourceText, in paragraph: Range<Int>) -> Dateline? {
        let head = text.string(paragraph.lowerBound..<min(paragraph.upperBound, paragraph.lowerBound + 120))
        guard let separator = separators.compactMap({ head.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound })
        else { return nil }
        var prefix = String(head[..<separator.lowerBound])
        var source: String?
        if prefix.hasSuffix(")"), let open = prefix.lastIndex(of: "(") {
            source = Publisher.name(in: String(prefix[open...])) ?? String(prefix[open...]).trimmingCharacters("() ").nonEmpty
            prefix = String(prefix[..<open]).trimmed
        }
        let components = prefix.split(separator: ",", omittingEmptySubsequences: false)
        guard let place = components.first, isCapitalPlace(place),
              components.dropFirst().allSatisfy({ $0.split(separator: " ").count <= 4 })
        else { return nil }
        let bodyStart = paragraph.lowerBound + head[..<separator.upperBound].utf8.count
        return Dateline(place: prefix.trimmed, source: source, bodyStart: bodyStart)
    }

    /// "WASHINGTON", "NEW YORK", "ST. LOUIS": capitals, spaces and a few marks.
    private static func isCapitalPlace(_ text: Substring) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 2 && text.count <= 40
            && letters.allSatisfy(\.isUppercase)
            && text.allSatisfy { $0.isLetter || " .'’-".contains($0) }
    }
}
