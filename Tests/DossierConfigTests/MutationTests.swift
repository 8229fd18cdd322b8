import Testing
@testable import DossierConfig

/// Thousands of random damages to a realistic config file: none may crash or trap, and every
/// problem, key and value must name a line the file has.
struct MutationTests {
    static let config = #"""
        # Dossier's config: keys, colours, saved filters and my own people.
        [keys]
        filter = "f"
        dossier = ["<C-p>", "P"]   # two keys for one action
        'forward' = [
          "<C-n>",
          "<Tab>",
        ]

        [colors]
        person = ["magenta", "green"]
        place = "white"
        organisation = 'blue'

        [filters]
        ris = "mentions:ri-son-gwon or mentions:ri-yong-ho"
        korea.north = """
        mentions:kim-jong-un \
          since:2018"""
        recent = { since = 2018-09-01, until = 1979-05-27T07:32:00Z, weight = -1.5e3, hex = 0xff_ff }

        [[people]]
        id = "lee-sang-min"
        name = "Lee Sang Min"
        aliases = ["Lee Sang-min", "이상민"]
        titles = ['Ambassador']
        description = "South Korean envoy to the talks\u00A0\U0001F1F0\U0001F1F7"

        [[people]]
        name = "Choe Son Hui"
        "gender" = "female"
        extra.nested.deep = [1, 2.0, true, 07:32:00, [nan, +inf]]
        """#

    /// A small, fixed pseudo-random generator (SplitMix64), so that a failure can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    /// Bytes TOML gives meaning to, and a few it forbids, most likely to reach a parser's corners.
    static let interestingBytes: [UInt8] = Array("[]{}\"'=,.#\\\n\r\t 0123456789-_:+eExobTZuU".utf8)
        + [0x00, 0x1B, 0x7F, 0xC3, 0xA9, 0xFF, 0xE2, 0x80]

    static func mutated(_ original: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = original
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where !bytes.isEmpty:
                bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...24, using: &generator)))
            case 1:
                bytes.insert(interestingBytes.randomElement(using: &generator) ?? 0, at: at)
            case 2 where !bytes.isEmpty:
                bytes[at] = UInt8.random(in: 0...255, using: &generator)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int.random(in: 1...80, using: &generator))
                bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0...bytes.count, using: &generator))
            case 4:
                bytes = Array(bytes.prefix(at))
            default:
                bytes.insert(contentsOf: Array(String(repeating: "[", count: Int.random(in: 1...300, using: &generator)).utf8), at: at)
            }
        }
        return bytes
    }

    /// 1 for an empty text; a last line without a line feed counts.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        let feeds = bytes.filter { $0 == UInt8(ascii: "\n") }.count
        return max(1, feeds + (bytes.last == UInt8(ascii: "\n") ? 0 : 1))
    }

    static func positions(in table: TOMLTable) -> [TOMLPosition] {
        table.entries.flatMap { [$0.keyPosition] + positions(in: $0.value) }
    }

    static func positions(in value: TOMLValue) -> [TOMLPosition] {
        switch value.kind {
        case .array(let items): [value.position] + items.flatMap(positions(in:))
        case .table(let table): [value.position] + positions(in: table)
        default: [value.position]
        }
    }

    @Test func theConfig_asWritten_hasNoProblems() {
        let document = TOMLDocument(text: Self.config)
        #expect(document.problems.isEmpty, "\(document.descriptions)")
        #expect(document.value(at: "filters.korea.north")?.string == "mentions:kim-jong-un since:2018")
        #expect(document.root["people"]?.array?.count == 2)
    }

    @Test func randomDamage_neverCrashes_andEveryLineNamedIsInTheFile() {
        var generator = SeededGenerator(state: 20_240_601)
        let original = Array(Self.config.utf8)
        for round in 0..<3_000 {
            let bytes = Self.mutated(original, using: &generator)
            let lines = Self.lineCount(bytes)
            for document in [TOMLDocument(bytes: bytes), TOMLDocument(text: String(decoding: bytes, as: UTF8.self))] {
                let problemLines = document.problems.map(\.line)
                #expect(problemLines.allSatisfy { (1...lines).contains($0) }, "round \(round): \(document.descriptions)")
                #expect(problemLines == problemLines.sorted(), "round \(round): problems out of order")
                #expect(document.problems.allSatisfy { $0.position.column >= 1 }, "round \(round)")
                let placed = Self.positions(in: document.root)
                #expect(placed.allSatisfy { (1...lines).contains($0.line) && $0.column >= 1 }, "round \(round)")
            }
        }
    }
}
