@testable import DossierCore
@testable import DossierFetch
@testable import DossierIndex
@testable import DossierPlatform
import DossierTestSupport
import Foundation
import Testing

struct UserFolderTests {
    /// The specification says a relative value is ignored: every file of a kind then comes from the
    /// default folder, so the feed list and the config file never come from two different places.
    @Test func relativeVariables_areIgnoredByEveryFolder_alike() {
        let environment = ["HOME": "/home/reader", "XDG_CONFIG_HOME": "relative/config", "XDG_DATA_HOME": "data",
                           "XDG_CACHE_HOME": "cache", "XDG_STATE_HOME": ""]
        #expect(FeedList.defaultPath(environment: environment) == "/home/reader/.config/dossier/urls")
        #expect(Library.userDefault(environment: environment).folder == "/home/reader/.local/share/dossier/library")
        #expect(IndexCache.userDefault(environment: environment).directory == "/home/reader/.cache/dossier")
        #expect(StateStore.userDefault(environment: environment).directory == "/home/reader/.local/state/dossier")
    }

    @Test func absoluteVariables_nameTheFolders() {
        let environment = ["HOME": "/home/reader", "XDG_CONFIG_HOME": "/etc/reader", "XDG_DATA_HOME": "/srv/data"]
        #expect(FeedList.defaultPath(environment: environment) == "/etc/reader/dossier/urls")
        #expect(Library.userDefault(environment: environment).folder == "/srv/data/dossier/library")
        #expect(UserFolder.allCases.map { $0.dossierFolder(environment: environment) }
            == ["/etc/reader/dossier", "/srv/data/dossier", "/home/reader/.cache/dossier", "/home/reader/.local/state/dossier"])
    }
}

struct AtomicFileTests {
    private func folder() throws -> URL {
        try ArticleFolder.make([:])
    }

    @Test func write_replacesTheFileWhole_andLeavesNoTemporary() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("feeds.json").path
        try AtomicFile.write(Data("old".utf8), to: path)
        try AtomicFile.write(Data("new".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["feeds.json"])
    }

    @Test func aFailedWrite_namesTheFile_andLeavesTheOldOne() throws {
        let path = "/nonexistent-folder-\(UUID().uuidString)/feeds.json"
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Data("x".utf8), to: path) }
        do {
            try AtomicFile.write(Data("x".utf8), to: path)
        } catch {
            #expect(error.path.hasSuffix(".tmp-\(getpid())") && error.reason == "no such file or directory")
        }
    }

    /// A second fetch used to remove the first one's temporary while it was still being written.
    @Test func removingAbandonedTemporaries_leavesOneStillBeingWritten() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("feed")
        try FileManager.default.createDirectory(at: feed, withIntermediateDirectories: true)
        let beingWritten = try AtomicFile(replacing: feed.appendingPathComponent("items.jsonl").path)
        let killed = try AtomicFile(replacing: feed.appendingPathComponent("other.jsonl").path)
        killed.closeAsIfKilled()
        Library(folder: folder.path).removeAbandonedTemporaries()
        #expect(FileManager.default.fileExists(atPath: beingWritten.temporaryPath))
        #expect(!FileManager.default.fileExists(atPath: killed.temporaryPath))
        try beingWritten.commit()
        #expect(FileManager.default.fileExists(atPath: feed.appendingPathComponent("items.jsonl").path))
    }
}

struct JSONWriterTests {
    private struct Record: Encodable {
        struct Inner: Encodable {
            let count: Int
            let ratio: Double
        }

        let name: String
        let tags: [String]
        let empty: [Int]
        let nested: Inner
        let counts: [String: Int]
        let missing: String?
        let flag: Bool
    }

    private let record = Record(name: "Kim \"Jong\" Un\n/", tags: ["a", "b"], empty: [], nested: .init(count: 3, ratio: 0.25),
                                counts: ["zeta": 1, "alpha": 2], missing: nil, flag: true)

    /// Every command's JSON kept the layout of Foundation's encoder when it moved to one writer of its own.
    @Test func value_isLaidOutAsJSONEncoderLaysItOut() throws {
        var bytes: [UInt8] = []
        var writer = JSONWriter { bytes += $0 }
        try writer.value(record)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: try encoder.encode(record), as: UTF8.self))
    }

    @Test func piecesWrittenOneAtATime_formTheSameDocument() throws {
        var bytes: [UInt8] = []
        var writer = JSONWriter { bytes += $0 }
        writer.beginObject()
        writer.key("hits")
        writer.beginArray()
        for count in [1, 2] {
            try writer.value(Record.Inner(count: count, ratio: 1))
        }
        writer.end()
        writer.key("none")
        writer.beginArray()
        writer.end()
        writer.key("query")
        writer.string("kim")
        writer.end()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let whole = ["hits": [Record.Inner(count: 1, ratio: 1), Record.Inner(count: 2, ratio: 1)], "none": []]
        let expected = String(decoding: try encoder.encode(whole), as: UTF8.self)
            .replacingOccurrences(of: "\n  ]\n}", with: "\n  ],\n  \"query\" : \"kim\"\n}")
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    /// Characters that act on a terminal are escaped in every string, keys too.
    @Test func terminalControls_areEscaped() throws {
        var bytes: [UInt8] = []
        var writer = JSONWriter { bytes += $0 }
        try writer.value(["\u{9B}31m": "\u{1B}[2J\u{202E}"])
        #expect(String(decoding: bytes, as: UTF8.self) == "{\n  \"\\u009b31m\" : \"\\u001b[2J\\u202e\"\n}")
    }
}

struct CompactJSONTests {
    /// JSON Lines and the state files keep a value on one line, its keys sorted.
    @Test func compact_writesAValueOnOneLine() throws {
        struct Item: Encodable {
            let title: String
            let tags: [String]
            let none: [Int]
            let summary: Bool
        }
        let bytes = try JSONWriter.encode(Item(title: "Talks\nresume", tags: ["a", "b"], none: [], summary: false), compact: true)
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"none":[],"summary":false,"tags":["a","b"],"title":"Talks\nresume"}"#)
    }
}
