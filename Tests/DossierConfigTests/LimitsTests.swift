import Testing
@testable import DossierConfig

/// Nesting is capped, and reading is linear in the text's size, whatever the text.
struct LimitsTests {
    @Test func listsNestedPastTheCap_areAProblem_notAStackOverflow() {
        let document = TOMLDocument(text: "deep = " + String(repeating: "[", count: 100_000) + "\nafter = 1\n")
        #expect(document.problems.map(\.line) == [1])
        #expect(document.problems.first?.message.contains("nested at most 128 deep") == true)
        #expect(document.root["after"]?.integer == 1)
    }

    @Test func inlineTablesNestedPastTheCap_areAProblem() {
        let document = TOMLDocument(text: "deep = " + String(repeating: "{a=", count: 50_000) + "\nafter = 1\n")
        #expect(document.problems.first?.message.contains("nested at most 128 deep") == true)
        #expect(document.root["after"]?.integer == 1)
    }

    @Test func dottedKeysInInlineTables_countTowardTheCap() {
        let key = (0..<100).map { "k\($0)" }.joined(separator: ".")
        let document = TOMLDocument(text: "deep = { \(key) = { \(key) = 1 } }\n")
        #expect(document.problems.first?.message.contains("nested at most 128 deep") == true)
    }

    @Test func nestingJustUnderTheCap_isRead() {
        let depth = TOMLParser.maximumNesting
        let document = TOMLDocument(text: "deep = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n")
        #expect(document.problems.isEmpty, "\(document.descriptions)")
        var value = document.root["deep"]
        var levels = 0
        while let inner = value?.array {
            levels += 1
            value = inner.first
        }
        #expect(levels == depth)
    }

    @Test func keyWithTooManyParts_isAProblem() {
        let key = Array(repeating: "a", count: 10_000).joined(separator: ".")
        let document = TOMLDocument(text: "\(key) = 1\n[\(key)]\nafter = 1\n")
        #expect(document.problems.map(\.line) == [1, 2])
        #expect(document.problems.first?.message.contains("at most 128 parts") == true)
    }

    @Test func tenThousandArrayOfTablesEntries_areEachReadWithTheirLine_withoutSearchingTheTextAgain() {
        var text = "[keys]\nfilter = \"f\"\n"
        for index in 0..<10_000 {
            text += "[[people]]\nname = \"Person \(index)\"\n"
        }
        let document = TOMLDocument(text: text)
        #expect(document.root["people"]?.array?.count == 10_000)
        #expect(document.root["people"]?.array?.last?.position.line == 2 + 2 * 9_999 + 1)
        // Not a measure of speed (the benchmarks are), but a guard that the file is not searched again
        // for every entry: that took 23 s, and reading it takes hundredths of a second, even under a sanitizer.
        let elapsed = ContinuousClock().measure { _ = TOMLDocument(text: text) }
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    /// Texts built to make a parser go back over what it has read: strings that never close,
    /// lists broken on every line, headers and keys by the thousand.
    @Test(arguments: [
        String(repeating: "a = '''\nb = \"\"\"\n", count: 5_000),
        String(repeating: "x = [\n", count: 20_000),
        String(repeating: "x = [\"a\",\ny = 1\n", count: 10_000),
        String(repeating: "x = { a = [\n", count: 10_000),
        String(repeating: "[a]\n", count: 20_000),
        String(repeating: "\"\"\"", count: 30_000),
        "a = [" + String(repeating: "1,", count: 100_000) + "\n",
    ])
    func pathologicalText_isReadInBoundedTime(text: String) {
        let elapsed = ContinuousClock().measure {
            let document = TOMLDocument(text: text)
            let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
            #expect(document.problems.allSatisfy { $0.line >= 1 && $0.line <= lines })
        }
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }
}
