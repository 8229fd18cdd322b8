/// Integers (decimal, `0x`, `0o`, `0b`, underscores between digits, no leading zeros, within
/// Int64) and floats (fraction, exponent, `inf`, `nan`).
extension TOMLParser {
    func number(_ token: [UInt8], at start: Int) throws(TOMLFailure) -> TOMLValue.Kind {
        var shown: String { Self.snippet(scanner.bytes, at: start) }
        let hasSign = token.first == UInt8(ascii: "+") || token.first == UInt8(ascii: "-")
        let body = hasSign ? token.dropFirst() : token[...]
        let prefixes: [(String, Int)] = [("0x", 16), ("0o", 8), ("0b", 2)]
        for (prefix, radix) in prefixes where body.starts(with: prefix.utf8) {
            guard !hasSign else {
                throw TOMLFailure("\(shown): a hexadecimal, octal or binary number cannot have a sign", at: start)
            }
            guard let value = Self.integer(body.dropFirst(2), radix: radix, isNegative: false) else {
                throw TOMLFailure(Self.numberProblem(shown, digits: body.dropFirst(2), radix: radix), at: start)
            }
            return .integer(value)
        }
        if body.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            guard Self.isFloat(body), let value = Self.float(token) else {
                throw TOMLFailure("\(shown) is not a number TOML can read (such as 3.14, -0.5, 6.02e23 or 1_000.5)", at: start)
            }
            return .float(value)
        }
        guard body.count == 1 || body.first != UInt8(ascii: "0") else {
            throw TOMLFailure("\(shown): a whole number cannot start with 0 (leading zeros are not allowed)", at: start)
        }
        guard let value = Self.integer(body, radix: 10, isNegative: token.first == UInt8(ascii: "-")) else {
            throw TOMLFailure(Self.numberProblem(shown, digits: body, radix: 10), at: start)
        }
        return .integer(value)
    }

    /// Digits in `radix`, single underscores between them, as an Int64; nil when they are not
    /// such digits or the number does not fit.
    static func integer(_ digits: ArraySlice<UInt8>, radix: Int, isNegative: Bool) -> Int64? {
        guard isDigitGroup(digits, radix: radix) else { return nil }
        var value: Int64 = 0
        for byte in digits where byte != UInt8(ascii: "_") {
            guard let digit = digitValue(byte, radix: radix) else { return nil }
            let (shifted, overflowed) = value.multipliedReportingOverflow(by: Int64(radix))
            // Negative numbers are built downwards, so that Int64.min fits.
            let (next, overflowedAgain) = isNegative
                ? shifted.subtractingReportingOverflow(Int64(digit)) : shifted.addingReportingOverflow(Int64(digit))
            guard !overflowed, !overflowedAgain else { return nil }
            value = next
        }
        return value
    }

    private static func numberProblem(_ shown: String, digits: ArraySlice<UInt8>, radix: Int) -> String {
        if isDigitGroup(digits, radix: radix) {
            return "\(shown) is too large: whole numbers go from -9223372036854775808 to 9223372036854775807"
        }
        if digits.contains(UInt8(ascii: "_")) {
            return "\(shown) is not a number: an underscore must stand between two digits"
        }
        return "\(shown) is not a number TOML can read (such as 42, -17, 1_000, 0xff, 0o17 or 0b101)"
    }

    /// One digit or more, in `radix`, with single underscores between digits.
    static func isDigitGroup(_ digits: ArraySlice<UInt8>, radix: Int) -> Bool {
        guard let first = digits.first, let last = digits.last,
              digitValue(first, radix: radix) != nil, digitValue(last, radix: radix) != nil else { return false }
        var previousWasUnderscore = false
        for byte in digits {
            if byte == UInt8(ascii: "_") {
                if previousWasUnderscore { return false }
                previousWasUnderscore = true
            } else {
                guard digitValue(byte, radix: radix) != nil else { return false }
                previousWasUnderscore = false
            }
        }
        return true
    }

    private static func digitValue(_ byte: UInt8, radix: Int) -> Int? {
        let value: Int
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
        return value < radix ? value : nil
    }

    /// A float's shape without its sign: `inf`, `nan`, or a decimal integer part (no leading
    /// zero) with a fraction, an exponent (its digits may start with zeros), or both.
    static func isFloat(_ body: ArraySlice<UInt8>) -> Bool {
        if body.elementsEqual("inf".utf8) || body.elementsEqual("nan".utf8) { return true }
        let exponentStart = body.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let mantissa = body[body.startIndex..<(exponentStart ?? body.endIndex)]
        let dot = mantissa.firstIndex(of: UInt8(ascii: "."))
        let whole = mantissa[mantissa.startIndex..<(dot ?? mantissa.endIndex)]
        guard isDigitGroup(whole, radix: 10), whole.count == 1 || whole.first != UInt8(ascii: "0") else { return false }
        if let dot, !isDigitGroup(mantissa[(dot + 1)...], radix: 10) { return false }
        if let exponentStart {
            var exponent = body[(exponentStart + 1)...]
            if exponent.first == UInt8(ascii: "+") || exponent.first == UInt8(ascii: "-") { exponent = exponent.dropFirst() }
            guard isDigitGroup(exponent, radix: 10) else { return false }
        }
        return dot != nil || exponentStart != nil
    }

    /// A float token (sign included) as a Double, underscores dropped; nil if it is not one.
    static func float(_ token: [UInt8]) -> Double? {
        let isNegative = token.first == UInt8(ascii: "-")
        let body = token.first == UInt8(ascii: "+") || isNegative ? token.dropFirst() : token[...]
        if body.elementsEqual("inf".utf8) { return isNegative ? -.infinity : .infinity }
        if body.elementsEqual("nan".utf8) { return isNegative ? -.nan : .nan }
        return Double(String(decoding: token.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self))
    }
}
