import Testing
@testable import DossierConfig

/// What surrounds keys and values: comments, blank lines, CRLF, a byte order mark, bytes that
/// are not UTF-8, and control characters.
struct TextTests {
    @Test func comments_andBlankLines_andIndentation_areIgnored() {
        let document = TOMLDocument(text: "# top\n\n\t  # indented\n  a = 1 # after\n[t] # header\n\tb = \"#not a comment\"\n")
        #expect(document.problems.isEmpty, "\(document.descriptions)")
        #expect(document.root["a"]?.integer == 1)
        #expect(document.value(at: "t.b")?.string == "#not a comment")
    }

    @Test(arguments: ["", "\n", "\r\n", "   ", "\t", "# only a comment"])
    func emptyDocument_hasNoKeysAndNoProblems(text: String) {
        let document = TOMLDocument(text: text)
        #expect(document.problems.isEmpty)
        #expect(document.root.isEmpty)
    }

    @Test func byteOrderMark_atTheStart_isSkipped() {
        let document = TOMLDocument(bytes: [0xEF, 0xBB, 0xBF] + Array("a = 1\n".utf8))
        #expect(document.problems.isEmpty)
        #expect(document.root["a"]?.integer == 1)
    }

    @Test(arguments: ["# a \u{01} b\nx = 1\n", "# a \u{7F}\nx = 1\n", "a = 1 # \u{00}\nx = 1\n"])
    func comment_withControlCharacter_isAProblem(text: String) {
        let document = TOMLDocument(text: text)
        #expect(document.problems.first?.message.contains("control character") == true)
        #expect(document.root["x"]?.integer == 1)
    }

    @Test func comment_thatIsNotUTF8_isAProblem() {
        let document = TOMLDocument(bytes: Array("# caf".utf8) + [0xE9] + Array("\nx = 1\n".utf8))
        #expect(document.problems.map(\.message) == ["the comment is not UTF-8 text"])
        #expect(document.root["x"]?.integer == 1)
    }

    @Test func controlCharacter_whereALineStarts_isAProblem_notACrash() {
        let document = TOMLDocument(text: "\u{00}\u{1B}[31m\nx = 1\n")
        #expect(document.problems.map(\.line) == [1])
        #expect(document.root["x"]?.integer == 1)
    }

    @Test func messages_showNoControlCharacters() {
        let document = TOMLDocument(text: "v = ab\u{1B}[2Jcd\n")
        let message = document.problems.first?.message ?? ""
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 })
        #expect(message.contains("ab?"))
    }
}
