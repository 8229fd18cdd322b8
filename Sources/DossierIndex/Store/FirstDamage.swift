import DossierPlatform

/// Why a saved index was first found damaged, kept by whichever thread found it: what every later
/// query, and every later look at the index, reports.
final class FirstDamage: Sendable {
    /// Why a number read from the index does not hold where it is used.
    static let doesNotAddUp = "is damaged (its index does not add up)"

    private let first = Locked<String?>(nil)

    /// Keeps `reason` unless one was kept before.
    func note(_ reason: String) {
        first.withLock { first in
            if first == nil { first = reason }
        }
    }

    var reason: String? { first.read { $0 } }
}
