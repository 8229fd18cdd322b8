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
