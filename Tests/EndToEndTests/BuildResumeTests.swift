import DossierTestSupport
import Foundation
import Testing

/// A first build killed outright once it has saved a segment leaves whole segments and no index; the next
/// run goes on from them and prints what a build without any cache prints, then leaves only the index.
struct BuildResumeTests {
    @Test func aBuildKilledAfterItsFirstSegment_isFinishedByTheNextRun_asABuildWithoutCacheWouldBe() throws {
        // Several batches of files, so that the first segment is saved well before the build ends.
        let corpus = TemporaryFolder.url("resume-corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let people = ["Mike Pompeo", "Kim Jong Un", "Ri Yong Ho", "Moon Jae-in", "Donald Trump"]
        for number in 0..<6_000 {
            let person = people[number % people.count]
            let text = "Talks, day \(number)\n\n\(person) met envoys on day \(number) in Seoul. \(person) said the talks of day \(number) "
                + "went well, and that another round would follow.\n"
            try Data(text.utf8).write(to: corpus.appendingPathComponent("article-\(number).txt"))
        }
        let cacheHome = TemporaryFolder.url("resume-cache")
        let cacheFolder = cacheHome.appendingPathComponent("dossier")
        func names() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)) ?? [] }

        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["list", "--json", corpus.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": cacheHome.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var sawSegment = false
        while process.isRunning {
            if names().contains(where: { $0.contains("-segment-") && !$0.hasPrefix(".") }) {
                kill(process.processIdentifier, SIGKILL)
                sawSegment = true
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        try #require(sawSegment, "the build ended before it saved a segment")
        #expect(!names().contains { $0.hasSuffix(".index") }, "killed before it saved the index")

        let resumed = try CommandLineTests.run(arguments: ["list", "--json", corpus.path], cacheHome: cacheHome)
        let fresh = try CommandLineTests.run(arguments: ["list", "--json", "--no-cache", corpus.path], cacheHome: cacheHome)
        #expect(resumed.status == 0 && resumed.stderr.isEmpty, "\(resumed.stderr)")
        #expect(resumed.stdout == fresh.stdout)
        #expect((try resumed.json() as? [Any])?.count == 6_000)
        // The index holds it all now; the segments, and any temporary the kill left, are gone.
        #expect(names().filter { $0.hasSuffix(".index") }.count == 1)
        #expect(!names().contains { $0.contains("-segment-") })
    }
}
