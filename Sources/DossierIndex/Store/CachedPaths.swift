/// The paths a saved index files its articles under: each file's path with the spelling of the root it was
/// found under (`c100k`, `./c100k/`, a link to it) replaced by that root's real path, so that one folder
/// opened by any spelling finds its files in the index it shares.
package struct CachedPaths: Sendable {
    /// Each root as typed and as it really is, longest spelling first, so that a root inside another is matched before it.
    private let roots: [(typed: String, real: String)]

    package init(typed: [String], real: [String]) {
        roots = zip(typed, real).map { ($0, $1) }.sorted { $0.typed.utf8.count > $1.typed.utf8.count }
    }

    /// Whether the roots as typed sort in the order of their real paths, so that articles read in the order
    /// of their real paths are in the order of their paths as typed too.
    package var keepsTheOrderOfTheRoots: Bool {
        let byTyped = roots.sorted { $0.typed < $1.typed }.map(\.real)
        return byTyped == byTyped.sorted()
    }

    /// The path under which the index files `path`, a path as found under one of the typed roots.
    package func saved(_ path: String) -> String {
        for root in roots where root.typed != root.real {
            if path == root.typed { return root.real }
            if root.typed.hasSuffix("/"), path.hasPrefix(root.typed) {
                return root.real + "/" + path.dropFirst(root.typed.utf8.count)
            }
            if path.hasPrefix(root.typed + "/") { return root.real + path.dropFirst(root.typed.utf8.count) }
        }
        return path
    }

    /// Whether every saved path has one spelling under the roots as typed: no root lies in another.
    package var spellsEachPathOnce: Bool {
        roots.allSatisfy { root in
            roots.filter { $0.real == root.real || $0.real.hasPrefix(root.real + "/") }.count == 1
        }
    }

    /// The path as found under a root as typed of a file the index files under `savedPath`: `saved` undone,
    /// when `spellsEachPathOnce`.
    package func typed(_ savedPath: String) -> String {
        for root in roots where root.typed != root.real {
            if savedPath == root.real { return root.typed }
            if savedPath.hasPrefix(root.real + "/") {
                let below = savedPath.dropFirst(root.real.utf8.count + 1)
                return root.typed.hasSuffix("/") ? root.typed + below : root.typed + "/" + below
            }
        }
        return savedPath
    }
}
