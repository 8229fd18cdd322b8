import DossierIndex
import Foundation

/// How `placeHits` takes the hits, in their order: each article's as a range of them, in windows placed on
/// every core, but for an article of many hits, placed alone a piece at a time.
enum HitPlacementStep: Equatable {
    case window([Range<Int>])
    case alone(Range<Int>)

    /// The steps for `hits`, an article of more than `piece` of them alone.
    static func steps(for hits: [Hit], piece: Int = HitPlacer.hitsAtOnce) -> [HitPlacementStep] {
        let windowSize = 64 * ProcessInfo.processInfo.activeProcessorCount
        var steps: [HitPlacementStep] = []
        var window: [Range<Int>] = []
        var start = 0
        while start < hits.count {
            var end = start + 1
            while end < hits.count, hits[end].article == hits[start].article { end += 1 }
            if end - start > piece {
                if !window.isEmpty { steps.append(.window(window)) }
                window = []
                steps.append(.alone(start..<end))
            } else {
                window.append(start..<end)
                if window.count == windowSize {
                    steps.append(.window(window))
                    window = []
                }
            }
            start = end
        }
        if !window.isEmpty { steps.append(.window(window)) }
        return steps
    }
}
