/// A TOML value and where it starts in the text.
public struct TOMLValue: Equatable, Sendable {
    /// What a value is, with its contents.
    ///
    /// Dates and times are checked against RFC 3339 (a real day of a real month, hours to 23)
    /// and kept as written, since nothing in Dossier computes with them.
    public enum Kind: Equatable, Sendable {
        /// Any of the four kinds of string, escapes resolved.
        case string(String)
        /// Decimal, hexadecimal, octal or binary, within Int64.
        case integer(Int64)
        /// A binary64 number, `inf` and `nan` included.
        case float(Double)
        /// `true` or `false`.
        case boolean(Bool)
        /// `1979-05-27T07:32:00Z`, `1979-05-27 07:32:00.5-07:00`.
        case offsetDateTime(String)
        /// `1979-05-27T07:32:00`.
        case localDateTime(String)
        /// `1979-05-27`.
        case localDate(String)
        /// `07:32:00.999`.
        case localTime(String)
        /// A list of values, of any kinds; an array of tables (`[[name]]`) is a list of tables.
        case array([TOMLValue])
        /// A table: an inline one, a header's, or an entry of an array of tables.
        case table(TOMLTable)
    }

    /// What the value is, with its contents.
    public var kind: Kind
    /// For a table defined by a `[header]` or an `[[array]]` entry, the header's `[`; for an
    /// array of tables, its first entry's header; otherwise where the value's text starts.
    public var position: TOMLPosition

    /// A value of `kind` that starts at `position`.
    public init(_ kind: Kind, at position: TOMLPosition) {
        self.kind = kind
        self.position = position
    }

    /// The text of a string value; nil for any other kind.
    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// The number of an integer value; nil for any other kind, floats included.
    public var integer: Int64? {
        if case .integer(let number) = kind { return number }
        return nil
    }

    /// The number of a float value; nil for any other kind, integers included.
    public var float: Double? {
        if case .float(let number) = kind { return number }
        return nil
    }

    /// The truth of a boolean value; nil for any other kind.
    public var boolean: Bool? {
        if case .boolean(let truth) = kind { return truth }
        return nil
    }

    /// The items of an array (or an array of tables); nil for any other kind.
    public var array: [TOMLValue]? {
        if case .array(let items) = kind { return items }
        return nil
    }

    /// The table of a table value (a header's, an inline one, an array of tables' entry); nil for any other kind.
    public var table: TOMLTable? {
        if case .table(let table) = kind { return table }
        return nil
    }
}
