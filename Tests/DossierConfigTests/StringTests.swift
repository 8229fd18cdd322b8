import Testing
@testable import DossierConfig

/// The four kinds of string, their escapes, and what TOML refuses in them.
struct StringTests {
    @Test func basicString_withUnicodeEscape_decodes() {
        #expect(TOMLDocument.kind(ofValue: #""caf\u00E9 \U0001F600""#) == .string("café 😀"))
    }

    @Test func basicString_withEachShortEscape_decodes() {
        #expect(TOMLDocument.kind(ofValue: #""\b\t\n\f\r\"\\""#) == .string("\u{08}\t\n\u{0C}\r\"\\"))
    }

    @Test(arguments: [#""\q""#, #""\x41""#, #""\e""#, #""a\ b""#])
    func basicString_withUnknownEscape_isAProblem(text: String) {
        let problem = TOMLDocument.problem(ofValue: text)
        #expect(problem?.message.contains("is not an escape") == true, "\(String(describing: problem))")
    }

    @Test(arguments: [#""\uD800""#, #""\uDFFF""#, #""\U0000DC00""#])
    func basicString_withLoneSurrogate_isAProblem(text: String) {
        #expect(TOMLDocument.problem(ofValue: text)?.message.contains("surrogate") == true)
    }

    @Test(arguments: [#""\U00110000""#, #""\uZZZZ""#, #""\u12""#])
    func basicString_withEscapeOutsideUnicodeOrShort_isAProblem(text: String) {
        #expect(TOMLDocument.problem(ofValue: text) != nil)
        #expect(TOMLDocument.kind(ofValue: text) == nil)
    }

    @Test func literalString_keepsBackslashesAsWritten() {
        #expect(TOMLDocument.kind(ofValue: #"'C:\Users\nobody\u0041'"#) == .string(#"C:\Users\nobody\u0041"#))
    }

    @Test func literalString_cannotHoldASingleQuote() {
        #expect(TOMLDocument.problem(ofValue: "'it's'") != nil)
    }

    @Test(arguments: ["\"a\u{01}b\"", "'a\u{7F}b'", "\"a\rb\"", "\"\"\"a\u{00}b\"\"\"", "'''a\u{1F}b'''"])
    func string_withControlCharacter_isAProblem(text: String) {
        #expect(TOMLDocument.problem(ofValue: text)?.message.contains("control character") == true)
    }

    @Test func string_withTab_isKept() {
        #expect(TOMLDocument.kind(ofValue: "\"a\tb\"") == .string("a\tb"))
        #expect(TOMLDocument.kind(ofValue: "'a\tb'") == .string("a\tb"))
    }

    @Test(arguments: ["\"abc", "'abc", "\"abc\nx = 1"])
    func singleLineString_withoutClosingQuote_isAProblemOfItsLine(text: String) {
        let document = TOMLDocument(text: "v = \(text)\n")
        #expect(document.problems.first?.line == 1)
        #expect(document.problems.first?.message.contains("no closing") == true)
    }

    @Test func multilineBasicString_dropsTheFirstLineFeed_andKeepsTheOthers() {
        #expect(TOMLDocument.kind(ofValue: "\"\"\"\nRoses\nViolets\"\"\"") == .string("Roses\nViolets"))
    }

    @Test func multilineBasicString_withCRLF_keepsLineFeeds() {
        #expect(TOMLDocument.kind(ofValue: "\"\"\"\r\none\r\ntwo\"\"\"") == .string("one\ntwo"))
    }

    @Test func multilineBasicString_withLineEndingBackslash_joinsTheLines() {
        let text = "\"\"\"\nThe quick \\\n\n    brown \\   \n  fox.\"\"\""
        #expect(TOMLDocument.kind(ofValue: text) == .string("The quick brown fox."))
    }

    @Test func multilineString_withQuotesBeforeItsEnd_keepsUpToTwo() {
        #expect(TOMLDocument.kind(ofValue: #""""say "hi"""""#) == .string(#"say "hi""#))
        #expect(TOMLDocument.kind(ofValue: "'''it''s'''''") == .string("it''s''"))
        #expect(TOMLDocument.problem(ofValue: #""""a""""""""#) != nil, "three quotes past the end are too many")
    }

    @Test func multilineLiteralString_keepsEscapesAsWritten() {
        #expect(TOMLDocument.kind(ofValue: "'''\nfirst \\n\nsecond'''") == .string("first \\n\nsecond"))
    }

    @Test func multilineBasicString_withBadEscape_isReportedOnItsLine_andReadingGoesOnAfterIt() {
        let document = TOMLDocument(text: "a = \"\"\"\nfine\nbad \\q\nstill in it\n\"\"\"\nb = 2\n")
        #expect(document.problems.count == 1)
        #expect(document.problems.first?.line == 3)
        #expect(document.problems.first?.omission == .lines(1...5))
        #expect(document.root["b"]?.integer == 2)
        #expect(document.root["a"] == nil)
    }

    @Test func string_thatIsNotUTF8_isAProblem() {
        let document = TOMLDocument(bytes: Array("a = \"".utf8) + [0xC3, 0x28] + Array("\"\nb = 1\n".utf8))
        #expect(document.problems.map(\.message) == ["the string is not UTF-8 text"])
        #expect(document.root["b"]?.integer == 1)
    }
}
