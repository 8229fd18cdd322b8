@testable import DossierFormats
import DossierTestSupport
import Testing

/// A file's head is judged in one pass where it lies; the verdict is the one the general path, which
/// decodes the head and counts its bad sequences, gives the same bytes.
struct TextSnifferTests {
    /// Heads of every kind the verdict tells apart, and those on its edges.
    static let heads: [[UInt8]] = {
        var heads: [[UInt8]] = [
            [], Array("   \n\t\r ".utf8), Array("Plain ASCII text, with a comma.\n".utf8),
            Array("Curly quotes \u{2019}and\u{201D} a caf\u{00E9}, and \u{D55C}\u{AD6D}\u{C5B4}.".utf8),
            Array("a\u{0}b".utf8), [0x1B] + Array("[1mbold".utf8), [0x7F, 0x7F, 0x41],
            Array("caf".utf8) + [0xE9] + Array(" au lait".utf8),
            Array("ends inside a character: ".utf8) + [0xE2, 0x80],
            Array(String(repeating: "\u{FFFD}", count: 12).utf8), Array(("text \u{FFFD} once, in a long enough line").utf8),
            Array(repeating: 0x01, count: 20) + Array("mostly text after a few controls, and then some more of it".utf8),
        ]
        // Random bytes, and random bytes mostly ASCII, and heads past 64 KiB whose tail differs.
        var generator = SeededGenerator(seed: 7)
        for length in [3, 40, 900, 70_000] {
            heads.append((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            heads.append((0..<length).map { _ in
                UInt8.random(in: 0..<10, using: &generator) == 0 ? UInt8.random(in: 0x80...0xFF, using: &generator)
                    : UInt8.random(in: 0x20...0x7E, using: &generator)
            })
        }
        heads.append(Array(repeating: UInt8(ascii: "a"), count: 65_536) + [0])
        heads.append(Array(repeating: UInt8(ascii: " "), count: 65_536) + Array("late text".utf8))
        return heads
    }()

    @Test func theOnePassVerdict_isTheGeneralOne() {
        for head in Self.heads {
            // A slice is not an array: it takes the general path.
            #expect(TextSniffer.verdict(for: head) == TextSniffer.verdict(for: head[...]), "\(head.prefix(40))")
        }
        #expect(TextSniffer.verdict(for: Self.heads[0]) == .empty && TextSniffer.verdict(for: Self.heads[2]) == .text)
        #expect(TextSniffer.verdict(for: Self.heads[4]) == .binary("it holds NUL bytes"))
        #expect(TextSniffer.verdict(for: Self.heads[9]) == .binary("it is not UTF-8 text"), "U+FFFD itself counts as a bad sequence")
    }
}
