import DossierTestSupport
@testable import DossierLinking
import Testing

/// The endings of a found person's name that a longer name may be known by, kept as people are found
/// instead of asked of every person for every name.
struct NameEndingsTests {
    @Test func theEndingsKept_areExactlyThoseEndsWithNameHoldsFor() {
        #expect(EntityLinker.nameEndings(of: "joel eriksson ek") == ["eriksson ek"])
        #expect(EntityLinker.nameEndings(of: "kim") == [] && EntityLinker.nameEndings(of: "kim jong un") == ["jong un"])
        var generator = SeededGenerator(seed: 11)
        let words = ["a", "b", "ab", "ba", "é", "e\u{301}", "kim", "jong"]
        func name() -> String { (0..<Int.random(in: 1...4, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") }
        for _ in 0..<2_000 {
            let full = name()
            let part = name()
            #expect(EntityLinker.nameEndings(of: full).contains(part) == EntityLinker.endsWithName(full, part), "\(full) / \(part)")
        }
    }
}
