/// A TOML text, read once: its tables and values, each with where it is, and a problem for each
/// line that could not be read, which is left out while the rest is kept.
///
///     let document = TOMLDocument(text: "[keys]\nfilter = \"f\"\n")
///     document.root["keys"]?.table?.entry("filter")?.keyPosition.line   // 2
public struct TOMLDocument: Sendable {
    /// The top-level table, every table and value under it.
    public var root: TOMLTable
    /// In the order of their lines; empty for a text that follows TOML 1.0 throughout.
    public var problems: [TOMLProblem]

    /// Reads a text; any text at all, since nothing in it can make reading fail or trap.
    public init(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Reads UTF-8 bytes; a string or comment that is not UTF-8 is a problem of its line.
    public init(bytes: [UInt8]) {
        (root, problems) = TOMLScanner.reading(bytes) { scanner in
            var parser = TOMLParser(scanner: scanner)
            parser.parse()
            return (parser.root.frozen(), parser.problems)
        }
    }
}
