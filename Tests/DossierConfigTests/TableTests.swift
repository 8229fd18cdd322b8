import Testing
@testable import DossierConfig

/// Tables, arrays of tables, dotted and quoted keys, and the rules against defining anything twice.
struct TableTests {
    @Test func tables_andDottedAndQuotedKeys_nestAsWritten() {
        let document = TOMLDocument(text: """
            title = "root"
            site."google.com" = true
            [a.b]
            c = 1
            [ a . "d e" ]
            'f' = 2
            """)
        #expect(document.problems.isEmpty, "\(document.descriptions)")
        #expect(document.root.keys == ["title", "site", "a"])
        #expect(document.root["site"]?.table?["google.com"]?.boolean == true)
        #expect(document.value(at: "a.b.c")?.integer == 1)
        #expect(document.root["a"]?.table?["d e"]?.table?["f"]?.integer == 2)
    }

    @Test func arrayOfTables_makesAnEntryForEachHeader_withSubtablesInTheLatest() {
        let document = TOMLDocument(text: """
            [[fruit]]
            name = "apple"
            [fruit.physical]
            color = "red"
            [[fruit.variety]]
            name = "red delicious"
            [[fruit]]
            name = "banana"
            """)
        #expect(document.problems.isEmpty, "\(document.descriptions)")
        let fruit = document.root["fruit"]?.array ?? []
        #expect(fruit.compactMap { $0.table?["name"]?.string } == ["apple", "banana"])
        #expect(fruit.first?.table?["physical"]?.table?["color"]?.string == "red")
        #expect(fruit.first?.table?["variety"]?.array?.count == 1)
    }

    @Test func emptyQuotedKey_isAKey() {
        #expect(TOMLDocument(text: "\"\" = 1\n").root[""]?.integer == 1)
        let document = TOMLDocument(text: "['']\nx = 2\n")
        #expect(document.problems.isEmpty, "\(document.descriptions)")
        #expect(document.root[""]?.table?["x"]?.integer == 2)
    }

    @Test func key_setTwice_isAProblem_namingTheFirstLine() {
        let document = TOMLDocument(text: "name = 1\n\nname = 2\n")
        #expect(document.descriptions == ["line 3: name is already set on line 1 (the line is left out)"])
        #expect(document.root["name"]?.integer == 1, "the first stays")
    }

    @Test func quotedAndBareSpellingsOfOneKey_areOneKey() {
        #expect(TOMLDocument(text: "a = 1\n\"a\" = 2\n").problems.count == 1)
        #expect(TOMLDocument(text: "[t]\n['t']\n").problems.count == 1)
    }

    @Test func table_definedTwice_isAProblem_andItsKeysAreLeftOut() {
        let document = TOMLDocument(text: "[a]\nx = 1\n[b]\n[a]\ny = 2\n[c]\nz = 3\n")
        #expect(document.descriptions == [
            "line 4: the table a is already defined on line 1 (the line and the keys under it are left out)",
        ])
        #expect(document.value(at: "a.y") == nil)
        #expect(document.value(at: "c.z")?.integer == 3)
    }

    @Test func implicitTable_mayBeDefinedOnceLater_butNotTwice() {
        let once = TOMLDocument(text: "[a.b.c]\nx = 1\n[a]\ny = 2\n")
        #expect(once.problems.isEmpty, "\(once.descriptions)")
        #expect(once.root["a"]?.position.line == 3, "the table's line is its own header's")
        #expect(TOMLDocument(text: "[a.b]\n[a]\n[a]\n").problems.count == 1)
    }

    @Test(arguments: [
        "[fruit]\napple.color = \"red\"\n[fruit.apple]\n",
        "[fruit]\napple.taste.sweet = true\n[fruit.apple.taste]\n",
        "a.b = 1\n[a]\n",
        "[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n",
        "[[a.b]]\n[a]\nb.y = 2\n",
        "a = 1\na.b = 2\n",
        "a.b.c = 1\na.b = 2\n",
        "[a]\nb = 1\n[a.b]\n",
        "[tbl]\n[[tbl]]\n",
        "[[tbl]]\n[tbl]\n",
        "a = []\n[[a]]\n",
        "a = [{ b = 1 }]\n[a.c]\n",
    ])
    func redefinition_thatTOMLForbids_isAProblem(text: String) {
        #expect(TOMLDocument(text: text).problems.count == 1, "\(TOMLDocument(text: text).descriptions)")
    }

    @Test func subtable_ofATableMadeByDottedKeys_mayBeDefinedByAHeader() {
        let document = TOMLDocument(text: "[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true\n")
        #expect(document.problems.isEmpty, "\(document.descriptions)")
        #expect(document.value(at: "fruit.apple.texture.smooth")?.boolean == true)
        #expect(document.value(at: "fruit.apple.color")?.string == "red")
    }

    @Test func dottedKeys_mayAddToATableTheyMade_withinItsSection() {
        let document = TOMLDocument(text: "a.b = 1\na.c = 2\n[x]\ny.z = 3\ny.w = 4\n")
        #expect(document.problems.isEmpty, "\(document.descriptions)")
        #expect(document.root["a"]?.table?.keys == ["b", "c"])
        #expect(document.value(at: "x.y")?.table?.keys == ["z", "w"])
    }

    @Test(arguments: ["[]", "[ ]", "[[]]", "[a.]", "[.a]", "[a..b]", "[a", "[[a]", "[[a] ]", "[a]]", "[a] b", "[a b]"])
    func header_misshapen_isAProblem(text: String) {
        let document = TOMLDocument(text: "\(text)\nkey = 1\n")
        #expect(document.problems.first?.omission == .table, "\(document.descriptions)")
        #expect(document.root["key"] == nil, "keys under a broken header go nowhere, not into the table before it")
    }

    @Test(arguments: ["= 1", "a. = 1", "a b = 1", "\"\"\"a\"\"\" = 1", "a = 1 = 2", "ключ = 1"])
    func keyValue_withMisshapenKey_isAProblem(text: String) {
        #expect(!TOMLDocument(text: text).problems.isEmpty)
    }
}
