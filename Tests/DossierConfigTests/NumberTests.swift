import Testing
@testable import DossierConfig

/// Integers and floats, as TOML 1.0 writes them.
struct NumberTests {
    @Test(arguments: [("42", 42), ("+17", 17), ("-17", -17), ("0", 0), ("-0", 0), ("+0", 0), ("1_000_000", 1_000_000),
                      ("0xDEAD_beef", 0xDEAD_BEEF), ("0x00ff", 255), ("0o755", 0o755), ("0b1101_0110", 0b1101_0110),
                      ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
                      ("0x7FFFFFFFFFFFFFFF", Int64.max)])
    func integer_inEachForm_isRead(text: String, expected: Int64) {
        #expect(TOMLDocument.kind(ofValue: text) == .integer(expected))
    }

    @Test(arguments: ["9223372036854775808", "-9223372036854775809", "0x8000000000000000", "99999999999999999999999"])
    func integer_beyondInt64_isAProblem_notATrap(text: String) {
        #expect(TOMLDocument.problem(ofValue: text)?.message.contains("too large") == true)
    }

    @Test(arguments: ["01", "+01", "-007", "0_1", "00"])
    func integer_withLeadingZero_isAProblem(text: String) {
        #expect(TOMLDocument.problem(ofValue: text)?.message.contains("leading zeros") == true)
    }

    @Test(arguments: ["1__000", "_1", "1_", "0x_ff", "0xff_", "1_.5", "1._5", "1e_5"])
    func number_withUnderscoreNotBetweenDigits_isAProblem(text: String) {
        #expect(TOMLDocument.kind(ofValue: text) == nil)
        #expect(TOMLDocument.problem(ofValue: text) != nil)
    }

    @Test(arguments: ["+0x1", "-0o7", "-0b1"])
    func prefixedInteger_withSign_isAProblem(text: String) {
        #expect(TOMLDocument.problem(ofValue: text)?.message.contains("cannot have a sign") == true)
    }

    @Test(arguments: ["0xG", "0o8", "0b2", "0X10", "0x", "1x"])
    func integer_withDigitsItsBaseLacks_isAProblem(text: String) {
        #expect(TOMLDocument.kind(ofValue: text) == nil)
    }

    @Test(arguments: [("3.14", 3.14), ("-0.5", -0.5), ("+1.0", 1.0), ("5e+22", 5e22), ("1E6", 1e6), ("-2e-2", -0.02),
                      ("6.626e-34", 6.626e-34), ("224_617.445_991", 224_617.445_991), ("1e06", 1e6), ("0.0", 0), ("-0.0", -0.0),
                      ("0e0", 0)])
    func float_inEachForm_isRead(text: String, expected: Double) {
        #expect(TOMLDocument.kind(ofValue: text) == .float(expected))
    }

    @Test func float_infAndNan_withSigns_areRead() {
        #expect(TOMLDocument.kind(ofValue: "inf") == .float(.infinity))
        #expect(TOMLDocument.kind(ofValue: "+inf") == .float(.infinity))
        #expect(TOMLDocument.kind(ofValue: "-inf") == .float(-.infinity))
        for text in ["nan", "+nan", "-nan"] {
            #expect(TOMLDocument.kind(ofValue: text).flatMap { TOMLValue($0, at: TOMLPosition(line: 1, column: 1)).float }?.isNaN == true)
        }
    }

    @Test(arguments: [".5", "5.", "1.e5", "01.5", "1e", "1e+", "1.2.3", "Inf", "NaN", "infinity", "1e5.5", "--1", "+-1"])
    func float_thatTOMLDoesNotAllow_isAProblem(text: String) {
        #expect(TOMLDocument.kind(ofValue: text) == nil)
    }

    @Test func bareWord_isAProblemThatSaysToQuoteIt() {
        #expect(TOMLDocument.problem(ofValue: "red")?.message == "red is not a value; text goes in quotes, as \"red\"")
    }

    @Test func booleans_areRead_andOnlyInLowerCase() {
        #expect(TOMLDocument.kind(ofValue: "true") == .boolean(true))
        #expect(TOMLDocument.kind(ofValue: "false") == .boolean(false))
        #expect(TOMLDocument.kind(ofValue: "True") == nil)
        #expect(TOMLDocument.kind(ofValue: "truely") == nil)
    }
}
