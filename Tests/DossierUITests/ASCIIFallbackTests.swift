import Testing
@testable import DossierUI

/// ASCII stand-ins for a terminal without a UTF-8 locale: as wide as what they stand for, and never blank.
struct ASCIIFallbackTests {
    @Test func standIns_keepTheReadersPunctuationAndDrawing() {
        let expected: [Character: String] = [
            "’": "'", "“": "\"", "”": "\"", "…": ".", "—": "-", "▶": ">", "│": "|", "┃": "|", "◆": "*", "•": "*", "·": ".",
            "é": "e", "Ö": "O", "ñ": "n", "a": "a", " ": " ",
        ]
        for (character, standIn) in expected {
            #expect(ASCIIFallback.standIn(for: character) == standIn, "\(character)")
        }
    }

    @Test(arguments: ["東", "コ", "👍🏽", "🇬🇧", "Zoë", "ж", "\u{FFFD}", "é"])
    func standIn_isASCII_andAsWideAsTheCharacter(text: String) {
        for character in text {
            let standIn = ASCIIFallback.standIn(for: character)
            #expect(standIn.allSatisfy(\.isASCII) && !standIn.isEmpty, "\(character)")
            #expect(standIn.count == max(1, character.terminalWidth), "\(character)")
            #expect(standIn.allSatisfy { $0 != " " } || character == " ", "never blank: \(character)")
        }
    }
}
