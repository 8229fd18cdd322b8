import Testing
@testable import DossierConfig

/// A line that cannot be read is reported and left out, and reading goes on with the next one.
struct RecoveryTests {
    @Test func badLineInTheMiddle_keepsTheLinesBeforeAndAfter() {
        let document = TOMLDocument(text: """
            [filters]
            before = "unread"
            broken line here
            after = "read"
            [colors]
            place = "red"
            """)
        #expect(document.descriptions == ["line 3: the key broken needs = and a value after it (the line is left out)"])
        #expect(document.value(at: "filters.before")?.string == "unread")
        #expect(document.value(at: "filters.after")?.string == "read")
        #expect(document.value(at: "colors.place")?.string == "red")
    }

    @Test func everyBadLine_isReportedOnce_inOrder() {
        let document = TOMLDocument(text: "a = \nb = 1\nc = red\n{\nd = 2\ne = 1 2\n")
        #expect(document.problems.map(\.line) == [1, 3, 4, 6])
        #expect(document.root.keys == ["b", "d"])
    }

    @Test func multilineStringThatNeverCloses_isReportedWhereItOpens_andReadingGoesOnAtTheNextKey() {
        let document = TOMLDocument(text: """
            [person]
            description = \"\"\"
            Born in 1960.
            Served as envoy.
            name = "Kim"
            [other]
            x = 1
            """)
        #expect(document.descriptions == [#"line 2: the string that starts here with """ never ends (lines 2 to 4 are left out)"#])
        #expect(document.value(at: "person.name")?.string == "Kim")
        #expect(document.value(at: "other.x")?.integer == 1)
    }

    @Test func multilineLiteralStringThatNeverCloses_withNothingAfterIt_isReportedWhereItOpens() {
        let document = TOMLDocument(text: "a = 1\nb = '''\nsome text\nmore text\n")
        #expect(document.problems.map(\.line) == [2])
        #expect(document.problems.first?.omission == .lines(2...4))
        #expect(document.root["a"]?.integer == 1)
    }

    @Test func listThatNeverCloses_isReportedWhereItOpens_andTheNextKeyIsRead() {
        let document = TOMLDocument(text: "[keys]\nforward = [\"<C-n>\",\n  \"<Tab>\"\nback = \"b\"\n")
        #expect(document.descriptions == ["line 2: the list that starts here has no closing ] before line 4 (lines 2 to 3 are left out)"])
        #expect(document.value(at: "keys.back")?.string == "b")
        #expect(document.value(at: "keys.forward") == nil)
    }

    @Test func listThatNeverCloses_beforeAHeader_leavesTheHeaderIn() {
        let document = TOMLDocument(text: "a = [1,\n2,\n[table]\nx = 1\n")
        #expect(document.problems.map(\.line) == [1])
        #expect(document.value(at: "table.x")?.integer == 1)
    }

    @Test func listThatNeverCloses_atTheEnd_isReportedWhereItOpens() {
        let document = TOMLDocument(text: "x = 0\na = [\n1,\n2,\n")
        #expect(document.problems.map(\.line) == [2])
        #expect(document.problems.first?.message == "the list that starts here has no closing ]")
        #expect(document.root["x"]?.integer == 0)
    }

    @Test func badItemInsideAList_isReportedOnItsLine() {
        let document = TOMLDocument(text: "a = [\n1,\noops,\n]\n")
        #expect(document.problems.first?.line == 3)
        #expect(document.problems.first?.omission == .lines(1...3))
    }

    @Test func keySetTwice_withAValueAcrossLines_leavesOutTheWholeValue() {
        let document = TOMLDocument(text: "a = 1\na = [\n  2,\n]\nb = 3\n")
        #expect(document.descriptions == ["line 2: a is already set on line 1 (lines 2 to 4 are left out)"])
        #expect(document.root["b"]?.integer == 3)
    }

    @Test func problemDescription_namesTheLineTheProblemAndWhatIsLeftOut() {
        let problem = TOMLProblem(position: TOMLPosition(line: 4, column: 2), message: "something is wrong", omission: .lines(2...5))
        #expect(problem.description == "line 4: something is wrong (lines 2 to 5 are left out)")
        #expect(TOMLProblem(position: TOMLPosition(line: 4, column: 2), message: "x", omission: .lines(4...4)).omission == .line)
    }

    @Test func garbageFile_isReportedLineByLine_andNothingIsKept() {
        let document = TOMLDocument(text: String(repeating: "{{{ not toml\n", count: 40))
        #expect(document.problems.count == 40)
        #expect(document.root.isEmpty)
    }

    @Test func loneCarriageReturn_isAProblem() {
        let document = TOMLDocument(text: "a = 1\rb = 2\nc = 3\n")
        #expect(document.problems.first?.message == "a carriage return must be followed by a line feed")
        #expect(document.root["c"]?.integer == 3)
    }
}
