import Foundation

/// The examples README.md and docs/ show, so that tests hold each to what the program prints today.
///
/// In a fenced `text` block, a line `$ dossier …` is a command (run by bash, with `dossier` the built
/// binary, on the bundled articles) and the lines after it, up to the next `$` or the block's end,
/// its standard output. A block right after a comment `<!-- picture 110x24: KEYS -->` is the reader's
/// screen at that size after those keys, typed in the key notation tests use (`:entity ri-son-gwon <Enter> ]`);
/// `<!-- picture 100x30 docs/examples: D -->` opens those paths (relative to the repository) instead.
/// In what is shown, `…` stands for any text, and a line of `…` alone for any lines.
public enum DocumentationExamples {
    public struct Command: CustomStringConvertible, Sendable {
        public let file: String
        public let line: Int
        public let command: String
        public let output: [String]
        public var description: String { "\(file):\(line): $ \(command)" }
    }

    public struct Picture: CustomStringConvertible, Sendable {
        public let file: String
        public let line: Int
        public let columns: Int
        public let rows: Int
        public let keys: String
        /// Paths the reader opens, relative to the repository; none for the bundled articles.
        public let paths: [String]
        public let screen: [String]
        public var description: String { "\(file):\(line): \(columns)x\(rows)\(paths.map { " " + $0 }.joined()) after \(keys)" }
    }

    /// The repository's root, from this file's place in it.
    public static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// README.md and every Markdown file in docs/.
    public static func documents() -> [URL] {
        let docs = repository.appendingPathComponent("docs")
        let pages = (try? FileManager.default.contentsOfDirectory(at: docs, includingPropertiesForKeys: nil)) ?? []
        return [repository.appendingPathComponent("README.md")] + pages.filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
    }

    public static func commands() throws -> [Command] {
        try documents().flatMap { url in
            var found: [Command] = []
            for block in try blocks(in: url) {
                var current: (line: Int, command: String, output: [String])?
                for (offset, text) in block.lines.enumerated() {
                    if text.hasPrefix("$ dossier") {
                        if let current { found.append(Command(file: block.file, line: current.line, command: current.command, output: current.output)) }
                        current = (block.firstLine + offset, String(text.dropFirst(2)), [])
                    } else {
                        current?.output.append(text)
                    }
                }
                if let current { found.append(Command(file: block.file, line: current.line, command: current.command, output: current.output)) }
            }
            return found
        }
    }

    public static func pictures() throws -> [Picture] {
        try documents().flatMap { url in
            try blocks(in: url).compactMap { block -> Picture? in
                guard let marker = block.marker,
                      let match = marker.firstMatch(of: /picture (\d+)x(\d+)([^:]*): (.*)/) else { return nil }
                return Picture(file: block.file, line: block.firstLine, columns: Int(match.1)!, rows: Int(match.2)!,
                               keys: String(match.4).trimmingCharacters(in: .whitespaces),
                               paths: match.3.split(separator: " ").map { repository.appendingPathComponent(String($0)).path },
                               screen: block.lines)
            }
        }
    }

    /// Whether `actual` is what `shown` shows: line by line, `…` standing for any text within a
    /// line, and a line of `…` alone for any number of lines. Trailing spaces do not count.
    public static func matches(shown: [String], actual: [String]) -> Bool {
        func trimmed(_ line: String) -> String {
            var line = line
            while line.last == " " { line.removeLast() }
            return line
        }
        func lineMatches(_ pattern: String, _ line: String) -> Bool {
            let parts = trimmed(pattern).components(separatedBy: "…")
            var rest = Substring(trimmed(line))
            guard rest.hasPrefix(parts[0]) else { return false }
            rest = rest.dropFirst(parts[0].count)
            if parts.count == 1 { return rest.isEmpty }
            for part in parts.dropFirst().dropLast() {
                guard let found = rest.range(of: part) else { return false }
                rest = rest[found.upperBound...]
            }
            return rest.hasSuffix(parts.last!)
        }
        func match(_ shown: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
            guard let first = shown.first else { return actual.isEmpty }
            if trimmed(first) == "…" {
                return (actual.startIndex...actual.endIndex).contains { match(shown.dropFirst(), actual[$0...]) }
            }
            guard let line = actual.first, lineMatches(first, line) else { return false }
            return match(shown.dropFirst(), actual.dropFirst())
        }
        return match(shown[...], actual[...])
    }

    private struct Block {
        let file: String
        /// The 1-based line of the block's first line inside the fence.
        let firstLine: Int
        let lines: [String]
        /// The HTML comment on the line before the fence, if any.
        let marker: String?
    }

    private static func blocks(in url: URL) throws -> [Block] {
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let name = url.path.replacingOccurrences(of: repository.path + "/", with: "")
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            guard lines[index] == "```text" else { index += 1; continue }
            let previous = index > 0 ? lines[index - 1] : ""
            let marker = previous.hasPrefix("<!--") ? String(previous.dropFirst(4).dropLast(3)).trimmingCharacters(in: .whitespaces) : nil
            var end = index + 1
            while end < lines.count, lines[end] != "```" { end += 1 }
            blocks.append(Block(file: name, firstLine: index + 2, lines: Array(lines[(index + 1)..<min(end, lines.count)]), marker: marker))
            index = end + 1
        }
        return blocks
    }
}
