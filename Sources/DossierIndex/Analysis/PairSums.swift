/// Sums the sentences that pairs of entities share across articles, by merging each article's
/// sorted list of pairs as it stands.
///
/// A dictionary of every pair took as much memory again as the pairs themselves: 50 MB for an
/// article of random names with three million pairs. The merge needs only a heap of one cursor
/// per list.
package enum PairSums {
    /// A pair of entities in corpus-wide numbers, `first < second`, and how many sentences they share.
    package typealias Pair = ArticleAnalysis.EntityPair

    /// Calls `body` once for every pair in any of `lists` (each sorted by `first`, then `second`,
    /// and holding a pair at most once), in that order, with its sentences summed over the lists.
    package static func forEach(in lists: [[Pair]], _ body: (_ first: Int, _ second: Int, _ sentences: Int) -> Void) {
        var heap = CursorHeap(lists: lists)
        guard var current = heap.next() else { return }
        var sum = Int(current.sentences)
        while let pair = heap.next() {
            if pair.first == current.first, pair.second == current.second {
                sum += Int(pair.sentences)
                continue
            }
            body(Int(current.first), Int(current.second), sum)
            current = pair
            sum = Int(pair.sentences)
        }
        body(Int(current.first), Int(current.second), sum)
    }

    /// A binary min-heap of each list's next pair, smallest pair on top.
    private struct CursorHeap {
        private struct Cursor {
            let key: UInt64
            let list: Int
            let position: Int
        }

        private let lists: [[Pair]]
        private var cursors: [Cursor] = []

        init(lists: [[Pair]]) {
            self.lists = lists
            for (index, list) in lists.enumerated() where !list.isEmpty { push(Cursor(key: Self.key(list[0]), list: index, position: 0)) }
        }

        private static func key(_ pair: Pair) -> UInt64 { UInt64(UInt32(pair.first)) << 32 | UInt64(UInt32(pair.second)) }

        /// The smallest pair left, its list's cursor moved on.
        mutating func next() -> Pair? {
            guard let top = cursors.first else { return nil }
            let list = lists[top.list]
            let following = top.position + 1
            if following < list.count {
                cursors[0] = Cursor(key: Self.key(list[following]), list: top.list, position: following)
            } else {
                cursors[0] = cursors[cursors.count - 1]
                cursors.removeLast()
            }
            siftDown(from: 0)
            return list[top.position]
        }

        private mutating func push(_ cursor: Cursor) {
            cursors.append(cursor)
            var child = cursors.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard cursors[child].key < cursors[parent].key else { break }
                cursors.swapAt(child, parent)
                child = parent
            }
        }

        private mutating func siftDown(from start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1
                guard left < cursors.count else { return }
                let right = left + 1
                let smaller = right < cursors.count && cursors[right].key < cursors[left].key ? right : left
                guard cursors[smaller].key < cursors[parent].key else { return }
                cursors.swapAt(smaller, parent)
                parent = smaller
            }
        }
    }
}
