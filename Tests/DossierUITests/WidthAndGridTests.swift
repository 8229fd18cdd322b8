@testable import DossierUI
import Testing

struct WidthAndGridTests {
    @Test func graphemeWidths_matchTheTerminal() {
        #expect("コンピュータ".terminalWidth == 12)
        #expect("Zoe\u{0308}".terminalWidth == 3)  // decomposed ë: the mark takes no column
        #expect("👍🏽".terminalWidth == 2)
        #expect("🇬🇧".terminalWidth == 2)
        #expect("abc".terminalWidth == 3)
    }

    @Test func wideCharacter_fillsItsCellAndAContinuation() {
        var screen = Screen(size: Size(columns: 6, rows: 1))
        let used = screen.write("aコb", column: 0, row: 0, limit: 6)
        #expect(used == 4)
        #expect(screen[1, 0].character == "コ")
        #expect(screen[2, 0].isContinuation)
        #expect(screen.text == "|aコb  |")
    }

    @Test func truncation_neverSplitsAWideCharacter() {
        var screen = Screen(size: Size(columns: 5, rows: 1))
        let used = screen.write("abコ", column: 0, row: 0, limit: 3)
        #expect(used == 2)
        #expect(screen.text == "|ab   |")
    }

    @Test func writesAreClippedToTheirLimitAndTheScreen() {
        var screen = Screen(size: Size(columns: 4, rows: 2))
        screen.write("overflowing", column: 2, row: 0, limit: 10)
        screen.write("x", column: 0, row: 5, limit: 1)
        #expect(screen.text == "|  ov|\n|    |")
    }

    @Test func controlCharacters_neverReachTheGrid() {
        var screen = Screen(size: Size(columns: 20, rows: 1))
        screen.write("a\u{1B}]0;title\u{07}b\u{1B}[2Jc\u{9B}1m", column: 0, row: 0, limit: 20)
        #expect(screen.cells.allSatisfy { cell in cell.character.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F..<0xA0).contains($0.value) } })
        #expect(screen.text.hasPrefix("|a\u{FFFD}b\u{FFFD}c\u{FFFD}"))
    }

    @Test(arguments: [20, 21])
    func japaneseWrap_fitsTheWidthWithoutSplittingGraphemes(width: Int) {
        let text = "日本語のテキストを折り返すテストです。コンピュータ"
        let lines = ReaderLayout.wrapText(text, width: width)
        #expect(lines.joined() == text)
        #expect(lines.allSatisfy { $0.terminalWidth <= width })
        #expect(lines.dropLast().allSatisfy { $0.terminalWidth >= width - 1 })
    }

    @Test func wrapping_breaksAtSpacesAndSplitsOnlyOverlongWords() {
        #expect(ReaderLayout.wrapText("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(ReaderLayout.wrapText("abcdefghijkl xy", width: 5) == ["abcde", "fghij", "kl xy"])
        #expect(ReaderLayout.wrapText("👍🏽👍🏽👍🏽", width: 5) == ["👍🏽👍🏽", "👍🏽"])
    }

    @Test func keyNotation_parsesTheSharedForms() {
        #expect(Key.sequence("/ brown <Enter>") == [.character("/"), .character("b"), .character("r"), .character("o"), .character("w"), .character("n"), .enter])
        #expect(Key(notation: "<C-o>") == .control("o"))
        #expect(Key(notation: "<S-Tab>") == .backTab)
        #expect(Key(notation: "<Nope>") == nil)
    }

    @Test func noColor_mentionsStillStandOutByAttributes() throws {
        let app = try TestApp(size: Size(columns: 100, rows: 30))
        let screen = app.screen
        // "Mike Pompeo" in the first paragraph (below the bold title) is bold: the attribute carries the meaning without colour.
        let row = try #require((0..<screen.size.rows).last { row in
            (0..<screen.size.columns).map { String(screen[$0, row].character) }.joined().contains("│Secretary of State Mike Pompeo will")
        })
        let text = (0..<screen.size.columns).map { String(screen[$0, row].character) }.joined()
        let column = try #require(text.range(of: "Mike Pompeo")).lowerBound.utf16Offset(in: text)
        #expect(screen[column, row].style.bold)
        #expect(!screen[column - 2, row].style.bold)
    }
}
