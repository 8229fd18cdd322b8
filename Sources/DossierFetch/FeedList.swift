import DossierFormats
import DossierPlatform
import DossierText
import Foundation

/// The feeds a user follows, from a file in newsboat's `urls` format: one URL a line,
/// optionally followed by tags (`"quoted tags"` or words), `#` comments, blank lines.
public struct FeedList: Sendable, Equatable {
    public struct Feed: Sendable, Equatable {
        public let url: String
        public let tags: [String]
    }

    public let feeds: [Feed]
    /// Lines that name no feed Dossier can fetch, each with its line number.
    public let problems: [String]

    /// `$XDG_CONFIG_HOME/dossier/urls`, else `~/.config/dossier/urls`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        UserFolder.config.dossierFolder(environment: environment) + "/urls"
    }

    public init(reading path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DossierError.unreadable(path, reason: "there is no feed list here: write one feed URL a line into it, or name another with --urls")
        }
        try self.init(text: String(decoding: FileReader.bytes(of: path), as: UTF8.self))
    }

    public init(text: String) throws {
        var feeds: [Feed] = []
        var problems: [String] = []
        var seen = Set<String>()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = FeedList.words(of: String(line))
            guard let written = words.first else { continue }
            // newsboat's query feeds select among the other feeds' items, which a saved filter does here.
            if written.hasPrefix("query:") {
                problems.append("line \(number + 1): query feeds are not supported: a saved filter does the same in the reader ([filters] in config.toml: unread = \"unread\", then F @unread), skipped")
                continue
            }
            guard let url = FeedAddress.normalized(written), URL(string: url)?.host != nil else {
                problems.append("line \(number + 1): \(DossierError.shortened(written)) is not an http or https URL, skipped")
                continue
            }
            guard seen.insert(url).inserted else { continue }
            feeds.append(Feed(url: url, tags: Array(words.dropFirst())))
        }
        self.feeds = feeds
        self.problems = problems
    }

    /// A line's words: runs of non-space characters, or quoted strings; a `#` outside quotes starts a comment.
    private static func words(of line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if quoted {
                if character == "\"" { quoted = false; words.append(current); current = "" } else { current.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "#" && current.isEmpty {
                break
            } else if character.isWhitespace {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
