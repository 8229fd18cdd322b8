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
}
