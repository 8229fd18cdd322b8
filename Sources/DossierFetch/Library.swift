import DossierFormats
import DossierPlatform
import DossierText
import Foundation

/// The user's own library of fetched news: `$XDG_DATA_HOME/dossier/library`, else
/// `~/.local/share/dossier/library`.
///
/// Each fetch of a feed that brings new items writes them to one new JSON Lines file in the
/// feed's folder, which the corpus reads like any dataset. A file is written under a hidden
/// temporary name, flushed to disk, and renamed into place, so a fetch killed at any moment
/// leaves either the whole file or none (a stale temporary is hidden, never read, and
/// removed by the next fetch). Which items are stored is read back from the stored files
/// themselves (each record keeps its feed's id for the item), so no second record can
/// disagree with them; the feeds' ETag and Last-Modified, which only save downloads, are
/// kept beside them in `feeds.json`.
public struct Library: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public static func userDefault(environment: [String: String] = ProcessInfo.processInfo.environment) -> Library {
        Library(folder: UserFolder.data.dossierFolder(environment: environment) + "/library")
    }

    /// Whether the library holds any stored items: then it, not the bundled articles, is what
    /// commands read when given no path.
    public var holdsArticles: Bool {
        guard let feeds = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
        return feeds.contains { feed in
            guard !feed.hasPrefix(".") else { return false }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + feed)) ?? []
            return files.contains { !$0.hasPrefix(".") && $0.hasSuffix(".jsonl") }
        }
    }

    /// The folder a feed's items are stored in: its host and path, readable, and a hash of its whole URL.
    /// The readable part is cut at `readableBytes` bytes, never inside a character, so that the name
    /// stays within the 255 bytes a file system allows whatever the address holds.
    func feedFolder(for url: String) -> String {
        let readable = url.lowercased().replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
            .map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        var cut = ""
        for character in readable {
            guard cut.utf8.count + character.utf8.count <= Self.readableBytes else { break }
            cut.append(character)
        }
        let hash = String(Checksum.of(url), radix: 16)
        return folder + "/" + cut + "-" + String(hash.prefix(8))
    }

    /// Bytes of a feed folder's name that tell a person which feed it is; the hash after them tells Dossier.
    static let readableBytes = 60

    /// The identities (feed id, else link) of every item stored for `url`.
    func storedIdentities(for url: String) -> Set<String> {
        let feedFolder = feedFolder(for: url)
        var identities = Set<String>()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: feedFolder)) ?? []
        for file in files where !file.hasPrefix(".") && file.hasSuffix(".jsonl") {
            guard let bytes = try? FileReader.bytes(of: feedFolder + "/" + file) else { continue }
            for line in bytes.split(separator: 0x0A) {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                      let identity = object["guid"] as? String else { continue }
                identities.insert(identity)
            }
        }
        return identities
    }

    /// One item as the library keeps it: a record of a JSON Lines dataset, which every command reads.
    private struct StoredItem: Encodable {
        let guid: String
        let title: String
        let text: String
        let date: String
        let source: String
        let author: String
        let url: String
        let summary: Bool
        let feed: String
    }

    /// Stores those of `items` from the feed at `url` that the library does not hold yet, and says how
    /// many. One writer at a time: the identities are read and the new items written under the
    /// library's lock, so two fetches at once never store an item twice.
    func storeNew(_ items: [FeedItem], feedTitle: String?, from url: String, at date: Date = Date()) throws -> Int {
        try withLock {
            var seen = storedIdentities(for: url)
            let new = items.filter { seen.insert(Library.identity(of: $0)).inserted }
            try store(new, feedTitle: feedTitle, from: url, at: date)
            return new.count
        }
    }

    /// Runs `body` holding the library's lock (`.lock` in its folder), which every writer of it takes.
    func withLock<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            try AtomicFile.makeFolder(folder)
            return try FileLock.withExclusiveLock(on: folder + "/.lock", body)
        } catch let failure as AtomicFile.Failure {
            throw DossierError.unwritable(failure.path, reason: failure.reason)
        }
    }

    /// Stores `items` (already known to be new) from the feed at `url`, whole or not at all.
    func store(_ items: [FeedItem], feedTitle: String?, from url: String, at date: Date = Date()) throws {
        guard !items.isEmpty else { return }
        let feedFolder = feedFolder(for: url)
        do {
            try AtomicFile.makeFolder(feedFolder)
        } catch {
            throw DossierError.unwritable(error.path, reason: error.reason)
        }
        var lines: [UInt8] = []
        var writer = JSONWriter(compact: true) { lines += $0 }
        for item in items {
            try writer.value(StoredItem(
                guid: Library.identity(of: item), title: item.title ?? "", text: item.paragraphs.joined(separator: "\n\n"),
                date: item.date ?? "", source: feedTitle ?? "", author: item.author ?? "", url: item.link ?? "",
                summary: item.isSummary, feed: url))
            lines.append(0x0A)
        }
        let stamp = Library.fileStamp(date)
        var name = stamp + ".jsonl"
        var suffix = 2
        while FileManager.default.fileExists(atPath: feedFolder + "/" + name) {
            name = "\(stamp)-\(suffix).jsonl"
            suffix += 1
        }
        try Library.writeWhole(Data(lines), to: feedFolder + "/" + name)
    }

    /// An item's identity: the feed's own id for it, else its link, else (for an item with neither,
    /// or only empty ones) what it says: its title, date and text, so that it is stored once too.
    static func identity(of item: FeedItem) -> String {
        if let guid = item.guid, guid.contains(where: { !$0.isWhitespace }) { return guid }
        if let link = item.link, link.contains(where: { !$0.isWhitespace }) { return link }
        let content = [item.title ?? "", item.date ?? "", item.paragraphs.joined(separator: "\n\n")].joined(separator: "\u{0}")
        return "content:" + String(Checksum.of(content), radix: 16)
    }

    /// "2026-12-02T18-53-00Z": a file name that sorts in time order.
    static func fileStamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date).replacingOccurrences(of: ":", with: "-")
    }

    /// Replaces `path` with `data` whole (`AtomicFile`), or says in a line why it could not.
    private static func writeWhole(_ data: Data, to path: String) throws {
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            throw DossierError.unwritable(error.path, reason: error.reason)
        }
    }

    /// Removes temporaries that a fetch killed midway left behind; a fetch still writing keeps its own.
    func removeAbandonedTemporaries() {
        AtomicFile.removeAbandonedTemporaries(below: folder)
    }

    // MARK: - What saves a download

    public struct Validators: Codable, Sendable, Equatable {
        public var etag: String?
        public var lastModified: String?
    }

    var validatorsPath: String { folder + "/feeds.json" }

    func validators() -> [String: Validators] {
        guard let data = FileManager.default.contents(atPath: validatorsPath),
              let decoded = try? JSONDecoder().decode([String: Validators].self, from: data) else { return [:] }
        return decoded
    }

    /// Saves the validators of the feeds in `changes` (nil: forget a feed's), keeping those another
    /// fetch saved meanwhile for other feeds: read, changed and written under the library's lock.
    func saveValidators(_ changes: [String: Validators?]) throws {
        try withLock {
            var validators = self.validators()
            for (url, change) in changes { validators[url] = change }
            try Library.writeWhole(Data(try JSONWriter.encode(validators)), to: validatorsPath)
        }
    }
}
