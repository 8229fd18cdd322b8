@testable import DossierText
import Testing

struct SourceTextTests {
    @Test func location_countsScalarsNotBytes() {
        let text = SourceText(decoding: Array("£5 “Kim”\nsecond line Trump".utf8))
        let kim = Array(text.bytes).firstRange(of: Array("Kim".utf8))!.lowerBound
        #expect(text.location(of: kim) == SourceLocation(line: 1, column: 5))
        let trump = Array(text.bytes).firstRange(of: Array("Trump".utf8))!.lowerBound
        #expect(text.location(of: trump) == SourceLocation(line: 2, column: 13))
    }

    @Test func lineEndings_CRLFAndCR_countAsOneBreak() {
        let text = SourceText(decoding: Array("a\r\nb\rc\nd".utf8))
        #expect(text.location(of: 3) == SourceLocation(line: 2, column: 1))
        #expect(text.location(of: 5) == SourceLocation(line: 3, column: 1))
        #expect(text.location(of: 7) == SourceLocation(line: 4, column: 1))
    }

    @Test func invalidUTF8_becomesReplacementCharacters() {
        let text = SourceText(decoding: [0x41, 0xFF, 0x42, 0xC3])
        #expect(text.string(0..<text.bytes.count) == "A\u{FFFD}B\u{FFFD}")
        #expect(text.location(of: 4) == SourceLocation(line: 1, column: 3))
    }

    @Test func byteOrderMark_isDropped() {
        let text = SourceText(decoding: [0xEF, 0xBB, 0xBF] + Array("Hi".utf8))
        #expect(text.string(0..<text.bytes.count) == "Hi")
    }
}

struct TokenizerTests {
    private func terms(_ text: String) -> [String] {
        Tokenizer.tokens(in: Array(text.utf8), range: 0..<text.utf8.count).map(\.term)
    }

    @Test func possessives_andApostrophes() {
        #expect(terms("Korea’s isn’t leaders' O'Brien") == ["korea", "isn't", "leaders", "o'brien"])
    }

    @Test func hyphensAndDashes_separateWords() {
        #expect(terms("Kim Jong-un—Trump–Kim US-DPRK") == ["kim", "jong", "un", "trump", "kim", "us", "dprk"])
    }

    @Test func diacriticsAndWidth_areFolded() {
        #expect(terms("Zoë Zoe\u{0308} Café ＡＢＣ") == ["zoe", "zoe", "cafe", "abc"])
    }

    @Test func possessive_isOutsideTheTokenRange() {
        let text = "Pompeo’s trip"
        let token = Tokenizer.tokens(in: Array(text.utf8), range: 0..<text.utf8.count)[0]
        #expect(token.range == 0..<6)
        #expect(token.shape == .capitalized)
    }
}

struct DisplaySanitizerTests {
    @Test func escapeSequences_becomeOnePlaceholder() {
        #expect(DisplaySanitizer.sanitized("a\u{1B}[31mred\u{1B}[0m") == "a\u{FFFD}red\u{FFFD}")
        #expect(DisplaySanitizer.sanitized("t\u{1B}]0;evil title\u{07}x") == "t\u{FFFD}x")
        #expect(DisplaySanitizer.sanitized("\u{1B}P1$qm\u{1B}\\ok") == "\u{FFFD}ok")
        #expect(DisplaySanitizer.sanitized("c1\u{9B}2Jz") == "c1\u{FFFD}z")
    }

    @Test func controls_becomeVisible_bidiVanishes() {
        #expect(DisplaySanitizer.sanitized("bell\u{07} del\u{7F}") == "bell\u{2407} del\u{2421}")
        #expect(DisplaySanitizer.sanitized("a\u{202E}b\u{2066}c") == "abc")
        #expect(DisplaySanitizer.sanitized("tab\tnew\nline") == "tab new line")
        #expect(DisplaySanitizer.sanitized("plain “text” — ok") == "plain “text” — ok")
    }

    @Test func location_onALongLineOfManyScripts_countsEveryScalarBeforeTheOffset() {
        // 3,000 pieces of 1-, 2-, 3- and 4-byte characters on one line, after a short first line: the
        // column is counted across many of the blocks whose counts are kept, and across their edges.
        let piece = "ab é 東京 👍🏽 "
        let line = String(repeating: piece, count: 3_000)
        let text = SourceText(decoding: Array(("Headline\n" + line + "\nlast").utf8))
        let lineStart = "Headline\n".utf8.count
        var scalars = 0
        var offset = lineStart
        for scalar in line.unicodeScalars {
            if offset % 997 == 0 || offset % SourceText.blockBytes == 0 || offset % SourceText.blockBytes == 1 {
                #expect(text.location(of: offset) == SourceLocation(line: 2, column: scalars + 1), "at \(offset)")
            }
            scalars += 1
            offset += String(scalar).utf8.count
        }
        #expect(text.location(of: offset) == SourceLocation(line: 2, column: scalars + 1), "the line's end")
        #expect(text.location(of: text.bytes.count) == SourceLocation(line: 3, column: 5), "the text's end")
    }
}
