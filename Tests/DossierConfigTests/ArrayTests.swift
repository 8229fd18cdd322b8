import Testing
@testable import DossierConfig

/// Lists: any kinds mixed, across lines, with comments and a trailing comma.
struct ArrayTests {
    @Test func array_ofMixedKinds_isRead() {
        let items = TOMLDocument.kind(ofValue: #"[1, "two", 3.0, true, 1979-05-27, [4], {five = 5}]"#)
        guard case .array(let values)? = items else {
            Issue.record("not an array: \(String(describing: items))")
            return
        }
        #expect(values.map(\.kind).prefix(5) == [.integer(1), .string("two"), .float(3), .boolean(true), .localDate("1979-05-27")])
        #expect(values[5].array?.first?.integer == 4)
        #expect(values[6].table?["five"]?.integer == 5)
    }

    @Test func array_acrossLines_withCommentsAndATrailingComma_isRead() {
        let document = TOMLDocument(text: "a = [\n  1, # one\n  # nothing here\n  2,\n]\nb = 3\n")
        #expect(document.problems.isEmpty, "\(document.descriptions)")
        #expect(document.root["a"]?.array?.compactMap(\.integer) == [1, 2])
        #expect(document.root["b"]?.integer == 3)
    }

    @Test func emptyArray_isRead() {
        #expect(TOMLDocument.kind(ofValue: "[ ]") == .array([]))
        #expect(TOMLDocument.kind(ofValue: "[\n]") == .array([]))
    }

    @Test(arguments: ["[,]", "[1,,2]", "[1 2]", "[,1]", "[1,2,,]"])
    func array_withMissingOrDoubledComma_isAProblem(text: String) {
        #expect(TOMLDocument.kind(ofValue: text) == nil)
    }

    @Test func arrayItems_carryTheirOwnLines() {
        let document = TOMLDocument(text: "a = [\n  \"x\",\n\n  \"y\",\n]\n")
        #expect(document.root["a"]?.array?.map(\.position) == [TOMLPosition(line: 2, column: 3), TOMLPosition(line: 4, column: 3)])
    }
}
