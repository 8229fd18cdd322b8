import Testing
@testable import DossierConfig

/// Inline tables: one line, no trailing comma, closed to later keys.
struct InlineTableTests {
    @Test func inlineTable_withDottedKeys_isRead() {
        let document = TOMLDocument(text: #"point = { x = 1, y.z = "deep", "quoted key" = true }"# + "\n")
        #expect(document.problems.isEmpty, "\(document.descriptions)")
        #expect(document.value(at: "point.x")?.integer == 1)
        #expect(document.value(at: "point.y.z")?.string == "deep")
        #expect(document.root["point"]?.table?["quoted key"]?.boolean == true)
    }

    @Test func inlineTable_withTrailingComma_isAProblem() {
        #expect(TOMLDocument.problem(ofValue: "{ a = 1, }")?.message == "an inline table cannot have a comma after its last value")
    }

    @Test func inlineTable_acrossLines_isAProblem_atItsOpeningLine() {
        let document = TOMLDocument(text: "t = { a = 1,\n b = 2 }\nc = 3\n")
        #expect(document.problems.first?.line == 1)
        #expect(document.problems.first?.message.contains("no closing }") == true)
        #expect(document.root["t"] == nil)
        #expect(document.root["c"]?.integer == 3)
    }

    @Test func inlineTable_mayHoldAListAcrossLines() {
        let document = TOMLDocument(text: "t = { list = [\n 1,\n 2,\n] }\n")
        #expect(document.problems.isEmpty, "\(document.descriptions)")
        #expect(document.value(at: "t.list")?.array?.count == 2)
    }

    @Test(arguments: [
        "t = { a = 1 }\n[t]\nb = 2\n",
        "t = { a = 1 }\nt.b = 2\n",
        "t = { a = 1 }\n[t.sub]\n",
        "t = { a = { b = 1 } }\n[t.a]\n",
        "t = { a = 1, a = 2 }\n",
        "t = { a = { x = 1 }, a.y = 2 }\n",
    ])
    func inlineTable_cannotBeAddedToAfterwards(text: String) {
        let document = TOMLDocument(text: text)
        #expect(!document.problems.isEmpty)
    }

    @Test func emptyInlineTable_isRead() {
        #expect(TOMLDocument.kind(ofValue: "{}") == .table(TOMLTable()))
    }

    @Test(arguments: ["{ a = 1 b = 2 }", "{ , }", "{ a }", "{ a = }", "{ a = 1 # comment }"])
    func inlineTable_misshapen_isAProblem(text: String) {
        #expect(TOMLDocument.kind(ofValue: text) == nil)
    }
}
