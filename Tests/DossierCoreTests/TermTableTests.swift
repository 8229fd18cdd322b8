import DossierTestSupport
@testable import DossierText
import Foundation
import Testing

/// The table that numbers terms by their bytes must number them exactly as a dictionary of strings
/// numbers them in order of first coming, whatever the terms and however far the table grows.
struct TermTableTests {
    @Test func numbersTerms_asADictionaryInOrderOfFirstComing_does() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz'éß北朝鮮0123456789")
        // Many short terms, so that most come again and the table grows many times; some long, some empty,
        // some prefixes of others.
        let terms = (0..<40_000).map { _ -> String in
            let length = Int.random(in: 0...(Bool.random(using: &generator) ? 3 : 30), using: &generator)
            return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
        } + ["korea", "korean", "kore", "", "korea"]
        var table = TermTable()
        var expected: [String: UInt32] = [:]
        var order: [String] = []
        for term in terms {
            let numbered = table.number(of: term)
            let known = expected[term]
            #expect(numbered.isNew == (known == nil), "\(term)")
            if known == nil {
                expected[term] = UInt32(order.count)
                order.append(term)
            }
            #expect(numbered.number == expected[term], "\(term)")
        }
        #expect(table.count == order.count && table.allTerms == order)
        #expect(order.count > 1_000, "the table grew several times")
    }

    @Test func termsThatDifferInOneByte_atAnyPlaceOfTheHashsWords_areApart() {
        // The hash takes eight bytes at a time, then the rest: differences in the first word, the last
        // whole one and the tail, and zero bytes that only a length tells apart.
        let base = Array("abcdefghijklmnopq".utf8)
        var terms: [[UInt8]] = [base, base + [0], base + [0, 0], Array(base.prefix(8)), Array(base.prefix(16))]
        for place in [0, 7, 8, 15, 16] {
            var changed = base
            changed[place] ^= 0x20
            terms.append(changed)
        }
        var table = TermTable()
        let numbers = terms.map { term in term.withUnsafeBufferPointer { table.number(of: $0) } }
        #expect(numbers.map(\.number) == (0..<UInt32(terms.count)).map { $0 } && numbers.allSatisfy(\.isNew))
        let again = terms.map { term in term.withUnsafeBufferPointer { table.number(of: $0) } }
        #expect(again.map(\.number) == numbers.map(\.number) && again.allSatisfy { !$0.isNew })
    }

    /// A saved index's terms are numbered by their places; a forged one may hold a term twice.
    @Test func termsAppendedInTheirOrder_keepTheirPlaces_evenATermWrittenTwice() {
        var table = TermTable()
        let terms = (0..<100).flatMap { ["term\($0)", "term\($0 / 2)"] }
        for term in terms { table.append(term) }
        #expect(table.allTerms == terms)
        #expect(table.number(of: "term7") == (UInt32(terms.firstIndex(of: "term7")!), false), "a look-up finds the first")
        #expect(table.number(of: "new") == (UInt32(terms.count), true))
    }
}
