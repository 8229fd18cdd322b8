import DossierText
import Foundation

/// The kinds of file Dossier reads articles from.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// One article as plain text (`.txt`, `.md`, and any file named directly that is none of the others).
    case text
    /// A web page (`.html`, `.htm`, gzipped too): its article is extracted.
    case html
    /// An RSS 2.0, RSS 1.0 or Atom feed (`.xml`, `.rss`, `.atom`, or a root element that says so): an article an item.
    case feed
    /// JSON Lines (`.jsonl`, `.ndjson`, gzipped too): an article a record.
    case jsonLines = "jsonl"
    /// Comma-separated values with a header row (`.csv`, gzipped too): an article a row.
    case csv

    /// Whether one file holds many articles, each with its record number.
    public var holdsRecords: Bool { self == .feed || self == .jsonLines || self == .csv }

    /// The format a file's name says, or nil when it names none Dossier reads.
    public init?(path: String) {
        var name = PathName.lastComponent(of: path).lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        switch PathName.pathExtension(of: name) {
        case "txt", "md": self = .text
        case "html", "htm", "xhtml": self = .html
        case "xml", "rss", "atom": self = .feed
        case "jsonl", "ndjson": self = .jsonLines
        case "csv": self = .csv
        default: return nil
        }
    }

    /// Whether a folder entry of this name is read: its name says a format, and it is not one of
    /// the files that describe a folder rather than report news (README, LICENSE, CHANGELOG…).
    /// A file named directly is read whatever its name.
    static func isWalked(_ name: String) -> Bool {
        // On the name's bytes, without a lower-cased copy: a folder of 100,000 files asks 100,000 times.
        var name = name
        return name.withUTF8 { bytes in
            var end = bytes.count
            if end >= 3, bytes[end - 3] == UInt8(ascii: "."), asciiLowercased(bytes[end - 2]) == UInt8(ascii: "g"),
               asciiLowercased(bytes[end - 1]) == UInt8(ascii: "z") {
                end -= 3
            }
            guard let dot = bytes[..<end].lastIndex(of: UInt8(ascii: ".")), dot > 0,
                  walkedExtensions.contains(where: { equalsIgnoringASCIICase(bytes[(dot + 1)..<end], $0) }) else { return false }
            let stemEnd = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
            return !folderNoteNameBytes.contains { equalsIgnoringASCIICase(bytes[..<stemEnd], $0) }
        }
    }

    /// The extensions `init(path:)` knows, as bytes.
    private static let walkedExtensions = ["txt", "md", "html", "htm", "xhtml", "xml", "rss", "atom", "jsonl", "ndjson", "csv"].map { Array($0.utf8) }
    private static let folderNoteNameBytes = folderNoteNames.map { Array($0.utf8) }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func equalsIgnoringASCIICase(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ lowercase: [UInt8]) -> Bool {
        bytes.count == lowercase.count && zip(bytes, lowercase).allSatisfy { asciiLowercased($0) == $1 }
    }

    /// The names, in any case and with any extension, of a folder's notes about itself.
    static let folderNoteNames: Set<String> = [
        "readme", "license", "licence", "copying", "changelog", "contributing", "authors", "notice", "code_of_conduct",
    ]

    static func isFolderNote(_ name: String) -> Bool {
        let stem = name.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return folderNoteNames.contains(stem)
    }

    /// The format of a file from its name and, for a text file or one whose name says nothing, its
    /// first bytes: a feed is told by its root element, a page by its doctype or `<html>`.
    package static func of(path: String, head: some Collection<UInt8>) -> DocumentFormat {
        let named = DocumentFormat(path: path)
        if let named, named != .text { return named }
        switch Markup.rootName(in: head) {
        case "rss", "feed", "rdf:rdf": return .feed
        case "html", "!doctype": return named == nil ? .html : .text
        default: return .text
        }
    }

    /// The largest a gzipped file may unpack to.
    static let largestUnpacked = 2_000_000_000

    /// The most a web page, a feed or a dataset's record may be, unpacked: each is read whole, and a
    /// small file that unpacks to gigabytes (a "zip bomb") is refused at this size, before it is held.
    /// 64 MB unless `DOSSIER_LARGEST_DOCUMENT_MB` says otherwise (`largestDocument(in:)`).
    package static let largestDocument: Int = {
        guard let configured = ProcessInfo.processInfo.environment[largestDocumentVariable] else { return 64_000_000 }
        return (try? largestDocument(in: configured)) ?? 64_000_000
    }()

    package static let largestDocumentVariable = "DOSSIER_LARGEST_DOCUMENT_MB"

    /// The limit a value of `DOSSIER_LARGEST_DOCUMENT_MB` sets, in bytes: a whole number of megabytes
    /// from 1 to 2,000. The command line checks the variable before anything is read, so that a wrong
    /// value is said, not passed over.
    package static func largestDocument(in value: String) throws(DossierError) -> Int {
        guard let megabytes = Int(value.trimmingCharacters(in: .whitespaces)), (1...2_000).contains(megabytes) else {
            throw DossierError.invalidEnvironment(largestDocumentVariable,
                                                  reason: "a whole number of megabytes from 1 to 2000 is wanted, not \"\(DossierError.shortened(value))\"")
        }
        return megabytes * 1_000_000
    }

    /// A file's bytes, unpacked when they are gzip, at most `limit` of them.
    package static func unpackedBytes(of path: String, limit: Int = largestUnpacked) throws -> [UInt8] {
        let bytes = try FileReader.bytes(of: path, limit: limit)
        guard Gzip.isCompressed(bytes) else { return bytes }
        do {
            return try Gzip.decompress(bytes, limit: limit)
        } catch {
            throw error.contentProblem
        }
    }
}

/// The first element of a markup document, to tell a feed from a page.
enum Markup {
    /// The lower-cased name of the first tag that is not a declaration, comment or processing
    /// instruction ("rss", "feed", "rdf:rdf", "html"), "!doctype" for a doctype, or nil.
    static func rootName(in head: some Collection<UInt8>) -> String? {
        let bytes = Array(head.prefix(4_096))
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count {
            while index < bytes.count, bytes[index] <= 0x20 { index += 1 }
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "<") else { return nil }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "?") || bytes[index...].starts(with: Array("<!--".utf8)) {
                // A declaration or comment: skip to its end.
                guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                index = end + 1
                continue
            }
            var end = index + 1
            while end < bytes.count, bytes[end] > 0x20, bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "/") { end += 1 }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self).lowercased()
            return name == "!doctype" ? "!doctype" : name
        }
        return nil
    }
}
