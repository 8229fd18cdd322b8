/// Dates and times as RFC 3339 writes them, checked for real days, hours and offsets, and kept
/// as written.
extension TOMLParser {
    /// Whether these bytes are `YYYY-MM-DD` in shape (digits and dashes).
    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 10 else { return false }
        return bytes.enumerated().allSatisfy { offset, byte in
            offset == 4 || offset == 7 ? byte == UInt8(ascii: "-") : isDigit(byte)
        }
    }

    /// A local date, local time, local date-time or offset date-time; nil when the token is none
    /// of them, or names no real moment.
    static func dateTime(_ token: [UInt8]) -> TOMLValue.Kind? {
        let text = String(decoding: token, as: UTF8.self)
        guard isDate(token.prefix(10)) else {
            return time(token[...]) == token.count ? .localTime(text) : nil
        }
        guard isRealDate(token) else { return nil }
        guard token.count > 10 else { return .localDate(text) }
        guard [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(token[10]),
              let timeLength = time(token[11...]) else { return nil }
        let offset = token[(11 + timeLength)...]
        if offset.isEmpty { return .localDateTime(text) }
        return isOffset(offset) ? .offsetDateTime(text) : nil
    }

    /// The length of the `HH:MM:SS` or `HH:MM:SS.fraction` these bytes start with, or nil.
    private static func time(_ bytes: ArraySlice<UInt8>) -> Int? {
        let start = bytes.startIndex
        guard bytes.count >= 8, bytes[start + 2] == UInt8(ascii: ":"), bytes[start + 5] == UInt8(ascii: ":"),
              let hour = twoDigits(bytes, at: start), let minute = twoDigits(bytes, at: start + 3),
              let second = twoDigits(bytes, at: start + 6),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        var length = 8
        if bytes.count > 8, bytes[start + 8] == UInt8(ascii: ".") {
            let digits = bytes[(start + 9)...].prefix { isDigit($0) }.count
            guard digits > 0 else { return nil }
            length += 1 + digits
        }
        return length
    }

    /// `Z`, `z`, or `+HH:MM` / `-HH:MM` with hours to 23 and minutes to 59.
    private static func isOffset(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.startIndex
        if bytes.count == 1 { return bytes[start] == UInt8(ascii: "Z") || bytes[start] == UInt8(ascii: "z") }
        guard bytes.count == 6, bytes[start] == UInt8(ascii: "+") || bytes[start] == UInt8(ascii: "-"),
              bytes[start + 3] == UInt8(ascii: ":"),
              let hour = twoDigits(bytes, at: start + 1), let minute = twoDigits(bytes, at: start + 4) else { return false }
        return hour <= 23 && minute <= 59
    }

    /// Whether a `YYYY-MM-DD` names a day that exists (February 29 only in leap years).
    private static func isRealDate(_ token: [UInt8]) -> Bool {
        guard let century = twoDigits(token[...], at: 0), let yearOfCentury = twoDigits(token[...], at: 2),
              let month = twoDigits(token[...], at: 5), let day = twoDigits(token[...], at: 8),
              (1...12).contains(month), day >= 1 else { return false }
        let year = century * 100 + yearOfCentury
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    private static func twoDigits(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int? {
        guard index >= bytes.startIndex, index + 1 < bytes.endIndex,
              isDigit(bytes[index]), isDigit(bytes[index + 1]) else { return nil }
        return Int(bytes[index] - UInt8(ascii: "0")) * 10 + Int(bytes[index + 1] - UInt8(ascii: "0"))
    }
}
