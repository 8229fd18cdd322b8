import Testing
@testable import DossierConfig

/// Every key, value, table and array-of-tables entry carries where it is written.
struct PositionTests {
    static let text = """
        # people I follow
        [keys]
        filter = "f"
          dossier = ["<C-p>", "P"]

        [[people]]
        name = "Kim Yo Jong"

        [[people]]
        name = "Ri Son Gwon"
        job.title = "minister"
        """

    @Test func keysAndValues_carryTheirLineAndColumn() throws {
        let document = TOMLDocument(text: Self.text)
        let keys = try #require(document.root["keys"]?.table)
        #expect(keys.entry("filter")?.keyPosition == TOMLPosition(line: 3, column: 1))
        #expect(keys["filter"]?.position == TOMLPosition(line: 3, column: 10))
        #expect(keys.entry("dossier")?.keyPosition == TOMLPosition(line: 4, column: 3))
        #expect(keys["dossier"]?.array?.last?.position == TOMLPosition(line: 4, column: 23))
    }

    @Test func tables_andArrayOfTablesEntries_carryTheirHeadersLine() throws {
        let document = TOMLDocument(text: Self.text)
        #expect(document.root["keys"]?.position.line == 2)
        let people = try #require(document.root["people"]?.array)
        #expect(people.map(\.position.line) == [6, 9])
        #expect(document.root["people"]?.position.line == 6)
        let second = try #require(people.last?.table)
        #expect(second.entry("job")?.keyPosition == TOMLPosition(line: 11, column: 1))
        #expect(second["job"]?.table?.entry("title")?.keyPosition == TOMLPosition(line: 11, column: 5))
    }

    @Test func columns_countUnicodeScalars_notBytes() {
        let document = TOMLDocument(text: "\"café\" = \"naïve\" # é\nb = 1\n")
        #expect(document.root["café"]?.position == TOMLPosition(line: 1, column: 10))
        #expect(document.root.entry("b")?.keyPosition == TOMLPosition(line: 2, column: 1))
    }

    @Test func crlfLines_areCountedOnce() {
        let document = TOMLDocument(text: "a = 1\r\nb = 2\r\n\r\nc = 3\r\n")
        #expect(document.problems.isEmpty)
        #expect(document.root.entry("c")?.keyPosition.line == 4)
    }

    @Test func problem_carriesTheColumnOfWhatIsWrong() {
        let problem = TOMLDocument(text: "a = 1\nb = \"x\\q\"\n").problems.first
        #expect(problem?.position == TOMLPosition(line: 2, column: 7))
    }

    @Test func valueAfterAMultilineString_isPlacedOnItsOwnLine() {
        let document = TOMLDocument(text: "a = \"\"\"\none\ntwo\"\"\"\nb = 1\n")
        #expect(document.root.entry("b")?.keyPosition.line == 4)
        #expect(document.root["a"]?.position == TOMLPosition(line: 1, column: 5))
    }
}
