import DossierTestSupport
import Foundation
import Testing

/// The command line given what it did not expect: overlapping paths, files edited behind its
/// back, names that fit several articles, paths that are not there, and arguments of 100 KB.
struct MisuseCommandLineTests {
    /// The bundled articles, copied: these tests change files.
    static func seedCopy() throws -> URL {
        let folder = TemporaryFolder.url("seeds")
        try FileManager.default.copyItem(at: CommandLineTests.seedFolder, to: folder)
        return folder
    }

    @Test func aFolderAndAFileInsideIt_countTheFileOnce_andLeaveTheCacheSound() throws {
        let folder = try Self.seedCopy()
        let home = TemporaryFolder.url("cli-cache")
        let file = folder.appendingPathComponent("000_6fb30d2b1fa199a6.txt").path
        for _ in 0..<2 {
            let run = try CommandLineTests.run(arguments: ["search", "pompeo", folder.path, file], cacheHome: home)
            #expect(run.status == 0)
            #expect(String(decoding: run.stdout, as: UTF8.self).hasPrefix("8 matches in 2 articles\n"))
            #expect(run.stderr.isEmpty, "no warning that the cache holds one file twice")
        }
    }

    @Test func aSameSizeEdit_withItsModificationTimePutBack_isSearchedAsItIsNow() throws {
        let folder = try Self.seedCopy()
        let home = TemporaryFolder.url("cli-cache")
        let path = folder.appendingPathComponent("004_aa78b19fab688198.txt").path
        #expect(String(decoding: try CommandLineTests.run("search", "gangster", folder.path, cacheHome: home).stdout, as: UTF8.self)
            .hasPrefix("1 match"))
        var before = stat()
        try #require(stat(path, &before) == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "gangster", with: "mobster!").utf8).write(to: URL(fileURLWithPath: path))
        var times = [before.st_atim, before.st_mtim]
        try #require(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let after = try CommandLineTests.run("search", "mobster", folder.path, cacheHome: home)
        #expect(String(decoding: after.stdout, as: UTF8.self).hasPrefix("1 match in 1 article"))
    }

    @Test func aFileMadeUnreadableAfterIndexing_isLeftOutOfCountsAndHits_andNamed() throws {
        let folder = try Self.seedCopy()
        let home = TemporaryFolder.url("cli-cache")
        let before = try CommandLineTests.run("search", "pompeo", "--json", folder.path, cacheHome: home)
        #expect((try before.json() as? [String: Any])?["total"] as? Int == 8)
        let file = folder.appendingPathComponent("004_aa78b19fab688198.txt")
        try HostileCorpus.makeUnreadable(file)
        let after = try CommandLineTests.run("search", "pompeo", "--json", folder.path, cacheHome: home)
        let report = try #require(try after.json() as? [String: Any])
        let hits = try #require(report["hits"] as? [[String: Any]])
        #expect(report["total"] as? Int == hits.count && hits.count == 7)
        #expect(report["articles"] as? Int == 1)
        #expect(after.stderr.contains(file.path))
        let shown = try CommandLineTests.run("show", "004_aa78b19fab688198", folder.path, cacheHome: home)
        #expect(shown.status == 1 && shown.stdout.isEmpty, "nothing is shown of it")
    }

    @Test func wordsOfSeveralTitles_listTheArticlesByTitle() throws {
        let run = try CommandLineTests.run("show", "korea")
        #expect(run.status == 1)
        #expect(run.stderr == "dossier: error: 'korea' matches 2 articles: 34fe7d (Secretary of State Mike Pompeo will travel to North Korea this weekend where he…), 92bab1 (North, South Korea set to meet again in September)\n")
        #expect(try CommandLineTests.run("show", "92b").status == 0, "a start only one id has still opens it")
        #expect(try CommandLineTests.run("show", "004_aa78b19fab688198").status == 0, "so does the name of its file")
    }

    /// The size limit is the user's to set: a page over a lower one is refused naming it, and a value
    /// that is not a number of megabytes is said before anything is read.
    @Test func theLargestDocument_isSetByItsVariable_andAWrongValueIsSaid() throws {
        let folder = TemporaryFolder.url("limit")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = "<html><body><article><p>" + String(repeating: "Envoys met in Hanoi and spoke at length. ", count: 60_000) + "</p></article></body></html>"
        try Data(page.utf8).write(to: folder.appendingPathComponent("long.html"))
        let lowered = try CommandLineTests.launch(CommandLineTests.executable, arguments: ["list", folder.path],
                                                  environment: ["DOSSIER_LARGEST_DOCUMENT_MB": "1"])
        #expect(lowered.status == 1)
        #expect(lowered.stderr.contains("long.html: it is too large: larger than 1 MB, the most Dossier reads of one"), "\(lowered.stderr)")
        let standard = try CommandLineTests.launch(CommandLineTests.executable, arguments: ["list", folder.path])
        #expect(standard.status == 0 && standard.stderr.isEmpty, "\(standard.stderr)")
        let wrong = try CommandLineTests.launch(CommandLineTests.executable, arguments: ["list", folder.path],
                                                environment: ["DOSSIER_LARGEST_DOCUMENT_MB": "lots"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr == "dossier: error: DOSSIER_LARGEST_DOCUMENT_MB: a whole number of megabytes from 1 to 2000 is wanted, not \"lots\"\n")
    }

    @Test func cachePathAndClear_ofAPathThatIsNotThere_fail() throws {
        for command in [["cache", "path"], ["cache", "clear"]] {
            let run = try CommandLineTests.run(arguments: command + ["/no/such/corpus"])
            #expect(run.status == 1, "\(command)")
            #expect(run.stderr == "dossier: error: no such file or directory: /no/such/corpus\n")
        }
    }

    @Test func aHugeArgument_isShortenedInTheErrorLine() throws {
        let huge = String(repeating: "x", count: 100_000)
        for command in [["mentions", huge], ["show", huge], ["list", huge]] {
            let run = try CommandLineTests.run(arguments: command)
            #expect(run.status == 1)
            #expect(run.stderr.count < 300, "\(command[0]): \(run.stderr.count) characters")
            #expect(run.stderr.contains("xxx…xxx"))
        }
    }

    @Test func pathsThatAreNotRegularFiles_areNamedInTheError() throws {
        let folder = try HostileCorpus.make()
        for (name, reason) in HostileCorpus.specialFiles {
            let path = folder.appendingPathComponent(name).path
            let run = try CommandLineTests.run("list", path)
            #expect(run.status == 1)
            #expect(run.stderr == "dossier: error: cannot read \(path): \(reason)\n")
        }
        let folderRun = try CommandLineTests.run("list", "--json", folder.path)
        #expect(folderRun.status == 0)
        for (name, reason) in HostileCorpus.specialFiles {
            #expect(folderRun.stderr.contains("dossier: warning: skipped \(folder.path)/\(name): \(reason)\n"), "\(name)")
        }
    }
}
