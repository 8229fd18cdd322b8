/// Reads the dates machines write, in pages' metadata, feeds and datasets, into ISO 8601 days.
///
/// The day is the one the date states in its own time zone ("2018-09-01T23:30:00-04:00" is
/// 1 September): the day the publisher put on the article, which is the day its readers saw.
enum MachineDate {
    /// RFC 3339 and ISO 8601 ("2018-09-01", "2018-09-01T23:30:00Z", "20180901"), RFC 822 and
    /// RFC 1123 as feeds write them ("Sat, 01 Sep 2018 23:30:00 -0400", two-digit years too),
    /// and, failing those, the written dates `DateParser` reads.
    static func isoDay(from text: String) -> String? {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty, trimmed.utf8.count <= 200 else { return nil }
        return rfc3339Day(trimmed) ?? rfc822Day(trimmed) ?? DateParser.isoDay(from: trimmed)
    }

    private static func rfc3339Day(_ text: String) -> String? {
        let digits = Array(text.utf8.prefix(10))
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= digits.count else { return nil }
            var value = 0
            for byte in digits[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        let (year, month, day): (Int?, Int?, Int?)
        if digits.count >= 10, digits[4] == 0x2D, digits[7] == 0x2D {
            (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        } else if digits.count >= 8, let compact = number(0..<8), compact > 0, text.utf8.count == 8 || !isDigit(text.utf8.dropFirst(8).first) {
            (year, month, day) = (compact / 10_000, compact / 100 % 100, compact % 100)
        } else {
            return nil
        }
        return validDay(year: year, month: month, day: day)
    }

    private static func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }

    private static let monthNumbers: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// "[Sat, ]01 Sep 2018 23:30:00 -0400": the day of the month, the month's first three letters, the year.
    private static func rfc822Day(_ text: String) -> String? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { $0.lowercased() }
        if let first = words.first, first.count >= 3, Int(first) == nil, monthNumbers[String(first.prefix(3))] == nil { words.removeFirst() }
        guard words.count >= 3, let day = Int(words[0]), let month = monthNumbers[String(words[1].prefix(3))],
              var year = Int(words[2]) else { return nil }
        if words[2].count == 2 { year += year < 50 ? 2000 : 1900 }
        return validDay(year: year, month: month, day: day)
    }

    private static func validDay(year: Int?, month: Int?, day: Int?) -> String? {
        guard let year, let month, let day, (1000...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }
}
