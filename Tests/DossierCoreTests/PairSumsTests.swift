@testable import DossierIndex
import Testing

/// Pairs are summed across articles by merging sorted lists, not in a table of every pair.
@Suite struct PairSumsTests {
    private typealias Pair = ArticleAnalysis.EntityPair

    private func sums(_ lists: [[Pair]]) -> [String] {
        var result: [String] = []
        PairSums.forEach(in: lists) { result.append("\($0)-\($1):\($2)") }
        return result
    }

    @Test func sumsEachPairOnce_inOrder() {
        let lists: [[Pair]] = [
            [Pair(first: 1, second: 2, sentences: 3), Pair(first: 1, second: 5, sentences: 1), Pair(first: 4, second: 9, sentences: 2)],
            [],
            [Pair(first: 0, second: 7, sentences: 1), Pair(first: 1, second: 2, sentences: 4)],
            [Pair(first: 4, second: 9, sentences: 1), Pair(first: 70_000, second: 2_000_000_000, sentences: 6)],
        ]
        #expect(sums(lists) == ["0-7:1", "1-2:7", "1-5:1", "4-9:3", "70000-2000000000:6"])
        #expect(sums([]).isEmpty && sums([[], []]).isEmpty)
    }

    @Test func agreesWithADictionary_onRandomLists() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var expected: [String: Int] = [:]
            var lists: [[Pair]] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                var unique: [Int64: Int32] = [:]
                for _ in 0..<Int.random(in: 0...40, using: &generator) {
                    let first = Int32.random(in: 0..<30, using: &generator)
                    let second = Int32.random(in: (first + 1)...31, using: &generator)
                    unique[Int64(first) << 32 | Int64(second)] = Int32.random(in: 1...5, using: &generator)
                }
                let list = unique.map { Pair(first: Int32($0.key >> 32), second: Int32($0.key & 0xFFFF_FFFF), sentences: $0.value) }
                    .sorted { ($0.first, $0.second) < ($1.first, $1.second) }
                for pair in list { expected["\(pair.first)-\(pair.second)", default: 0] += Int(pair.sentences) }
                lists.append(list)
            }
            let summed = sums(lists)
            #expect(Set(summed) == Set(expected.map { "\($0.key):\($0.value)" }) && summed.count == expected.count)
        }
    }
}
