import DossierFormats
import DossierText
import Foundation

/// Feed lists to and from OPML, as feed readers exchange subscriptions: a feed's tags are the folders it
/// sits in, and its `~Title` (newsboat's rename) its title.
extension FeedList.Feed {
    /// The name the list gives the feed with a `~` tag ("~Korea desk"), if any.
    public var title: String? {
        tags.first { $0.hasPrefix("~") && $0.count > 1 }.map { String($0.dropFirst()) }
    }

    /// The tags that file it, without its `~Title` or newsboat's `!` (hidden) marks.
    public var folders: [String] {
        tags.filter { !$0.hasPrefix("~") && !$0.hasPrefix("!") }
    }
}

extension FeedList {
    /// The list as an OPML 2.0 document: a folder a tag holding its feeds (a feed with two tags is in
    /// both), then the feeds with no tag.
    public func opml(title: String = "Dossier feeds") -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<opml version=\"2.0\">", "  <head>",
            "    <title>\(Self.escaped(title))</title>", "  </head>", "  <body>",
        ]
        func outline(_ feed: Feed, indent: String) -> String {
            let name = Self.escaped(feed.title ?? feed.url)
            return "\(indent)<outline type=\"rss\" text=\"\(name)\" title=\"\(name)\" xmlUrl=\"\(Self.escaped(feed.url))\"/>"
        }
        var folders: [String] = []
        for feed in feeds { for folder in feed.folders where !folders.contains(folder) { folders.append(folder) } }
        for folder in folders {
            lines.append("    <outline text=\"\(Self.escaped(folder))\" title=\"\(Self.escaped(folder))\">")
            for feed in feeds where feed.folders.contains(folder) { lines.append(outline(feed, indent: "      ")) }
            lines.append("    </outline>")
        }
        for feed in feeds where feed.folders.isEmpty { lines.append(outline(feed, indent: "    ")) }
        lines += ["  </body>", "</opml>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// What importing `imported` into the list written as `text` makes of it: a line for each feed it does
    /// not follow yet (its folders as tags, its title as `~Title`), a feed listed twice in `imported` (in
    /// two folders) once with every folder; the feeds it follows already are left as they are.
    package static func importing(_ imported: [OPMLFeed], into text: String) throws -> (text: String, added: [Feed], followed: Int, problems: [String]) {
        let existing = Set(try FeedList(text: text).feeds.map(\.url))
        var added: [(url: String, folders: [String], title: String?)] = []
        var followed: Set<String> = []
        var problems: [String] = []
        for feed in imported {
            // As the list reads its own lines.
            guard let url = FeedAddress.normalized(feed.url), URL(string: url)?.host != nil else {
                problems.append("\(DossierError.shortened(feed.url)) is not an http or https URL, skipped")
                continue
            }
            if existing.contains(url) {
                followed.insert(url)
            } else if let index = added.firstIndex(where: { $0.url == url }) {
                added[index].folders += feed.folders.filter { !added[index].folders.contains($0) }
                added[index].title = added[index].title ?? feed.title
            } else {
                added.append((url, feed.folders, feed.title))
            }
        }
        let feeds = added.map { Feed(url: $0.url, tags: $0.folders + ($0.title.map { ["~" + $0] } ?? [])) }
        var lines = text
        if !lines.isEmpty, !lines.hasSuffix("\n") { lines += "\n" }
        for feed in feeds {
            // The list's format has no way to write a quotation mark inside a tag.
            lines += ([feed.url] + feed.tags.map { "\"" + $0.replacingOccurrences(of: "\"", with: "'") + "\"" }).joined(separator: " ") + "\n"
        }
        return (lines, feeds, followed.count, problems)
    }

    /// Text as an XML attribute's value: its markup escaped, and the control characters XML 1.0 cannot hold left out.
    private static func escaped(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
