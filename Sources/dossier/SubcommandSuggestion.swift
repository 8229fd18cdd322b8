import ArgumentParser
import Foundation

/// A first argument that is neither a subcommand nor a path, but is close to a subcommand's name
/// ("serach"), is a mistyped subcommand: said so, with the name meant, rather than reported as a
/// missing file, which is what the reader (the default subcommand) would make of it.
enum SubcommandSuggestion {
    static let names = Dossier.configuration.subcommands.map { $0._commandName } + ["help"]

    /// The error line for a mistyped subcommand, or nil when the arguments are not one.
    static func mistyped(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !names.contains(first), access(first, F_OK) != 0
        else { return nil }
        let nearest = names.map { (name: $0, distance: editDistance(first.lowercased(), $0)) }.min { $0.distance < $1.distance }
        guard let nearest, nearest.distance <= max(1, min(2, nearest.name.count / 3)) else { return nil }
        return "'\(first)' is neither a subcommand nor a file or folder; did you mean '\(nearest.name)'? (see dossier --help)"
    }

    /// Levenshtein distance, with a swap of two neighbours counting one ("serach" is one from "search").
    static func editDistance(_ left: String, _ right: String) -> Int {
        let a = Array(left)
        let b = Array(right)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
