/// Reads CSV a byte at a time as RFC 4180 and Python's csv module do: a quote is special only at a
/// field's start, where it opens a quoted field that may hold commas, line breaks and `""` for a
/// quote; anywhere else a quote is just a character (`a 5" screen`).
///
/// The one reader of CSV's syntax: cutting a stream into records and a record into fields both
/// go through it, so they can never disagree about where a record ends.
package struct CSVScanner: Sendable {
    /// What one byte was.
    package enum Event: Equatable {
        /// A byte of the current field's value.
        case value
        /// Syntax only: a quote that opens, closes or doubles another.
        case quote
        /// The comma that ends a field.
        case fieldEnd
        /// The line feed that ends a record (a carriage return before it is part of the last field;
        /// callers trim it).
        case recordEnd
    }

    private enum State {
        case fieldStart, unquoted, quoted
        /// A quote seen inside a quoted field: the next byte says whether it closes the field or stands for a quote.
        case quoteInQuoted
    }

    private var state = State.fieldStart

    package init() {}

    /// True while a quoted field is open: a line feed now belongs to the field.
    package var isInsideQuotes: Bool { state == .quoted }

    package mutating func scan(_ byte: UInt8) -> Event {
        switch (state, byte) {
        case (.quoted, Self.quote):
            state = .quoteInQuoted
            return .quote
        case (.quoted, _):
            return .value
        case (.quoteInQuoted, Self.quote):
            state = .quoted
            return .value
        case (.fieldStart, Self.quote):
            state = .quoted
            return .quote
        case (_, Self.comma):
            state = .fieldStart
            return .fieldEnd
        case (_, Self.lineFeed):
            state = .fieldStart
            return .recordEnd
        default:
            // After a closing quote the rest of the field is taken as it stands, as Python's csv does.
            state = .unquoted
            return .value
        }
    }

    /// The fields of one record (its bytes without the line break), unquoted.
    package static func fields(of record: [UInt8]) -> [String] {
        var scanner = CSVScanner()
        var fields: [String] = []
        var field: [UInt8] = []
        for byte in record {
            switch scanner.scan(byte) {
            case .value: field.append(byte)
            case .quote: break
            case .fieldEnd, .recordEnd:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
}
