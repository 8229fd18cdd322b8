/// Reads the dates that article metadata carries into ISO 8601 days.
enum DateParser {
    private static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    ]

    /// "2018-08-24", "August 24, 2018", "Aug. 24 2018", "24 August 2018" → "2018-08-24".
    static func isoDay(from text: some StringProtocol) -> String? {
        let words = text.split(whereSeparator: { " ,./-".contains($0) }).map { $0.lowercased() }
        var year: Int?
        var month: Int?
        var day: Int?
        for word in words {
            if let number = Int(word) {
                if number >= 1900 && number <= 2200 && year == nil { year = number }
                else if number >= 1 && number <= 31 && day == nil && (month != nil || words.count > 2) {
                    if month == nil, year != nil, words.first.flatMap(Int.init) == year { month = number } else { day = number }
                } else { return nil }
            } else if let named = months[word], month == nil {
                month = named
            } else if !["on", "the", "of", "th", "st", "nd", "rd"].contains(word) {
                continue
            }
        }
        guard let year, let month, let day, day <= 31 else { return nil }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
