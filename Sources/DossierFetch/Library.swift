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

    /// One item as the library holds it: in which file, and a digest of what it says.
    struct StoredPlace: Equatable {
        let file: String
        let digest: String
    }

    /// Every item stored for `url`, by identity (feed id, else link), each with the files it is
    /// stored in, oldest first: more than one only when a fetch stopped between storing an update
    /// and removing the version it replaced.
    func storedItems(for url: String) -> [String: [StoredPlace]] {
        let feedFolder = feedFolder(for: url)
        var stored: [String: [StoredPlace]] = [:]
        for file in storedFiles(in: feedFolder) {
            for record in Library.records(at: feedFolder + "/" + file) {
                guard let identity = record["guid"] as? String else { continue }
                let digest = Library.digest(title: record["title"] as? String ?? "", text: record["text"] as? String ?? "")
                stored[identity, default: []].append(StoredPlace(file: file, digest: digest))
            }
        }
        return stored
    }

    /// The records of a stored file; a line that is not a JSON object is left out (the corpus says so
    /// when it reads the file); a file that cannot be read holds none.
    private static func records(at path: String) -> [[String: Any]] {
        guard let bytes = try? FileReader.bytes(of: path) else { return [] }
        return bytes.split(separator: 0x0A).compactMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
    }

    /// The identities (feed id, else link) of every item stored for `url`.
    func storedIdentities(for url: String) -> Set<String> {
        Set(storedItems(for: url).keys)
    }

    /// The stored files of a feed's folder, oldest first: by the time in their names, then by the
    /// number a second file of the same second has ("…Z-2.jsonl" after "…Z.jsonl").
    private func storedFiles(in feedFolder: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: feedFolder)) ?? []
        func order(_ name: String) -> (String, Int) {
            let stem = name.dropLast(".jsonl".count)
            guard let end = stem.firstIndex(of: "Z") else { return (String(stem), 1) }
            return (String(stem[...end]), Int(stem[stem.index(after: end)...].dropFirst()) ?? 1)
        }
        return files.filter { !$0.hasPrefix(".") && $0.hasSuffix(".jsonl") }.sorted { order($0) < order($1) }
    }

    /// What an item says, as far as a reader would see it change: its title and text.
    static func digest(title: String, text: String) -> String {
        String(Checksum.of(title + "\u{0}" + text), radix: 16)
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
        /// When this version replaced an earlier one the feed gave under the same identity.
        let updated: String?
    }

    /// What one fetch of a feed stored: items the library did not hold, and items it held that the
    /// feed now gives changed under the same identity.
    public struct Stored: Sendable, Equatable {
        public var new = 0
        public var updated = 0

        public init(new: Int = 0, updated: Int = 0) {
            self.new = new
            self.updated = updated
        }

        public var total: Int { new + updated }
    }

    /// Stores those of `items` from the feed at `url` that the library does not hold yet, and those
    /// it holds that changed (replacing the version before, as a feed reader shows an edited story
    /// again), and says how many of each. One writer at a time: the items are read and written under
    /// the library's lock, so two fetches at once never store an item twice.
    ///
    /// The new versions are written first, whole, and only then are the old ones taken out of their
    /// files, each file replaced whole: a fetch stopped between the two leaves both versions, and the
    /// next fetch removes the older.
    func storeNew(_ items: [FeedItem], feedTitle: String?, from url: String, at date: Date = Date()) throws -> Stored {
        try withLock {
            let stored = storedItems(for: url)
            var seen = Set<String>()
            var changed: [FeedItem] = []
            var updates = Set<String>()
            var count = Stored()
            for item in items {
                let identity = Library.identity(of: item)
                guard seen.insert(identity).inserted else { continue }
                guard let places = stored[identity] else {
                    changed.append(item)
                    count.new += 1
                    continue
                }
                let digest = Library.digest(title: item.title ?? "", text: item.paragraphs.joined(separator: "\n\n"))
                guard places.last?.digest != digest else { continue }
                changed.append(item)
                updates.insert(identity)
                count.updated += 1
            }
            let written = try store(changed, feedTitle: feedTitle, from: url, at: date, updates: updates)
            // Every identity keeps its newest version only: the one written now, else the one in the newest file.
            var replaced: [String: Set<String>] = [:]
            for (identity, places) in stored {
                let kept = updates.contains(identity) ? written : places.last?.file
                for place in places where place.file != kept { replaced[place.file, default: []].insert(identity) }
            }
            try remove(replaced, from: feedFolder(for: url))
            return count
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

    /// Stores `items` (already known to be new, or, those in `updates`, changed) from the feed at `url`,
    /// whole or not at all, and returns the name of the file they are in (nil for no items).
    @discardableResult
    func store(_ items: [FeedItem], feedTitle: String?, from url: String, at date: Date = Date(),
               updates: Set<String> = []) throws -> String? {
        guard !items.isEmpty else { return nil }
        let feedFolder = feedFolder(for: url)
        do {
            try AtomicFile.makeFolder(feedFolder)
        } catch {
            throw DossierError.unwritable(error.path, reason: error.reason)
        }
        let stamp = LibraryStamp.of(date)
        var lines: [UInt8] = []
        var writer = JSONWriter(compact: true) { lines += $0 }
        for item in items {
            let identity = Library.identity(of: item)
            try writer.value(StoredItem(
                guid: identity, title: item.title ?? "", text: item.paragraphs.joined(separator: "\n\n"),
                date: item.date ?? "", source: feedTitle ?? "", author: item.author ?? "", url: item.link ?? "",
                summary: item.isSummary, feed: url, updated: updates.contains(identity) ? stamp : nil))
            lines.append(0x0A)
        }
        var name = stamp + ".jsonl"
        var suffix = 2
        while FileManager.default.fileExists(atPath: feedFolder + "/" + name) {
            name = "\(stamp)-\(suffix).jsonl"
            suffix += 1
        }
        try Library.writeWhole(Data(lines), to: feedFolder + "/" + name)
        return name
    }

    /// Takes the items `identities[file]` out of each file of `feedFolder`, replacing the file whole,
    /// or removing it when nothing else is left in it.
    private func remove(_ identities: [String: Set<String>], from feedFolder: String) throws {
        for (file, gone) in identities {
            let path = feedFolder + "/" + file
            guard let bytes = try? FileReader.bytes(of: path) else { continue }
            // Every line but the removed items', those that are not records too: they are the user's to see.
            let kept = bytes.split(separator: 0x0A).filter { line in
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                      let identity = object["guid"] as? String else { return true }
                return !gone.contains(identity)
            }
            if kept.isEmpty {
                do { try FileManager.default.removeItem(atPath: path) } catch {
                    throw DossierError.unwritable(path, reason: "the version of an updated item it holds cannot be removed")
                }
            } else {
                try Library.writeWhole(Data(kept.flatMap { Array($0) + [0x0A] }), to: path)
            }
        }
    }

    /// An item's identity: the feed's own id for it, else its link, else (for an item with neither,
    /// or only empty ones) what it says: its title, date and text, so that it is stored once too.
    static func identity(of item: FeedItem) -> String {
        if let identity = item.identity { return identity }
        let content = [item.title ?? "", item.date ?? "", item.paragraphs.joined(separator: "\n\n")].joined(separator: "\u{0}")
        return "content:" + String(Checksum.of(content), radix: 16)
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

    // MARK: - How each feed's last fetch went

    /// A feed's last fetch: when, and what came of it, as `dossier fetch` said it.
    public struct FeedStatus: Codable, Sendable, Equatable {
        /// "2026-12-02T18-53-00Z" (`LibraryStamp`).
        public var fetched: String
        public var outcome: String
        public var failed: Bool

        public init(fetched: String, outcome: String, failed: Bool) {
            self.fetched = fetched
            self.outcome = outcome
            self.failed = failed
        }
    }

    var statusPath: String { folder + "/status.json" }

    /// Each feed's last fetch, by address; empty before the first.
    public func statuses() -> [String: FeedStatus] {
        guard let data = FileManager.default.contents(atPath: statusPath),
              let decoded = try? JSONDecoder().decode([String: FeedStatus].self, from: data) else { return [:] }
        return decoded
    }

    /// Saves how the feeds in `changes` fared, keeping what another fetch saved for other feeds.
    func saveStatuses(_ changes: [String: FeedStatus]) throws {
        try withLock {
            var statuses = self.statuses()
            for (url, status) in changes { statuses[url] = status }
            try Library.writeWhole(Data(try JSONWriter.encode(statuses)), to: statusPath)
        }
    }

    /// How many items the library holds of each feed, by address.
    public func storedCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        guard let folders = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return counts }
        for name in folders where !name.hasPrefix(".") {
            let feedFolder = folder + "/" + name
            for file in storedFiles(in: feedFolder) {
                for record in Library.records(at: feedFolder + "/" + file) {
                    if let feed = record["feed"] as? String { counts[feed, default: 0] += 1 }
                }
            }
        }
        return counts
    }

    // MARK: - Keeping the library to a size

    /// What pruning did, or would do, to one feed's items.
    public struct Pruned: Sendable, Equatable {
        public let feed: String
        public let kept: Int
        public let removed: Int
    }

    /// Removes, from each feed, the items beyond its newest `keepItems` and those stored more than
    /// `keepDays` days before `now` (nil: no limit of that kind), each file replaced whole under the
    /// library's lock; with `dryRun`, only counts them. An item's age is when it was stored (its
    /// file's name), the order within a file the feed's.
    public func prune(keepItems: Int?, keepDays: Int?, now: Date = Date(), dryRun: Bool = false) throws -> [Pruned] {
        try withLock {
            let cutoff = keepDays.map { now.addingTimeInterval(-Double($0) * 86_400) }
            var pruned: [Pruned] = []
            let folders = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            for name in folders {
                let feedFolder = folder + "/" + name
                // Newest first: the newest file's items, in the feed's order, then the file before.
                var items: [(file: String, identity: String, stored: Date?)] = []
                var feed = name
                for file in storedFiles(in: feedFolder).reversed() {
                    let stored = LibraryStamp.date(file)
                    for record in Library.records(at: feedFolder + "/" + file) {
                        guard let identity = record["guid"] as? String else { continue }
                        if let address = record["feed"] as? String { feed = address }
                        items.append((file, identity, stored))
                    }
                }
                guard !items.isEmpty else { continue }
                var gone: [String: Set<String>] = [:]
                for (rank, item) in items.enumerated() {
                    let tooMany = keepItems.map { rank >= $0 } ?? false
                    let tooOld = cutoff.map { cutoff in item.stored.map { $0 < cutoff } ?? false } ?? false
                    if tooMany || tooOld { gone[item.file, default: []].insert(item.identity) }
                }
                let removed = gone.values.reduce(0) { $0 + $1.count }
                if !dryRun, removed > 0 { try remove(gone, from: feedFolder) }
                pruned.append(Pruned(feed: feed, kept: items.count - removed, removed: removed))
            }
            return pruned
        }
    }
}
