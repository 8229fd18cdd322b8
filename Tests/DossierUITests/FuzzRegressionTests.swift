import DossierFormats
@testable import DossierFuzzChecks
import Foundation
import Testing

/// Replays every input the fuzzer (scripts/fuzz.sh) ever crashed on, through the same checks:
/// plain text from FuzzRegressions/, and each other format's from the folder named after it.
struct FuzzRegressionTests {
    static func inputs(_ format: DocumentFormat) -> [URL] {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions")
        if format != .text { folder.appendPathComponent(format.rawValue) }
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isRegularFileKey])) ?? [])
            .filter { !$0.lastPathComponent.hasPrefix(".") && (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static var inputs: [URL] { inputs(.text) }

    static var otherFormatInputs: [(DocumentFormat, URL)] {
        DocumentFormat.allCases.filter { $0 != .text }.flatMap { format in inputs(format).map { (format, $0) } }
    }

    @Test(arguments: otherFormatInputs)
    func fuzzFindingInAFormat_nowPassesEveryCheck(format: DocumentFormat, input: URL) throws {
        #expect(FuzzChecks.check([UInt8](try Data(contentsOf: input)), as: format) == [], "\(input.lastPathComponent)")
    }

    static var settingsInputs: [URL] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions/settings")
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test(arguments: settingsInputs)
    func fuzzFindingInSettings_nowPassesEveryCheck(input: URL) throws {
        #expect(FuzzChecks.checkSettings([UInt8](try Data(contentsOf: input))) == [], "\(input.lastPathComponent)")
    }

    static var indexInputs: [URL] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions/index")
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test(arguments: indexInputs)
    func fuzzFindingInAnIndexFile_nowPassesEveryCheck(input: URL) throws {
        #expect(FuzzChecks.checkIndexFile([UInt8](try Data(contentsOf: input))) == [], "\(input.lastPathComponent)")
    }

    /// What the index target starts from, and edits that reach each kind of damage, checked here too, so
    /// that the check runs in `swift test`: a sound file, a header byte, directory bytes, a term's start
    /// and an article's with their checksums made to match, and a file made up whole.
    static let indexFileSeeds: [[UInt8]] = {
        let manyEdits: [UInt8] = (0..<200).flatMap { (step: Int) -> [UInt8] in [0, 0, UInt8(step / 256), UInt8(step * 37 % 256), 0x41] }
        let madeUp: [UInt8] = [3] + Array("DOSSIDX\n".utf8) + [6, 0, 0, 0, 0, 0, 0, 0]
        return [[0], [0, 0, 0, 0, 8, 1], [1, 0, 0, 0, 40, 0x80], [1, 0, 0, 0, 100, 0xFF, 0, 0, 1, 0, 0x10], [1] + manyEdits,
                madeUp, [2], [3] + [UInt8](repeating: 0xFF, count: 300)]
    }()

    @Test(arguments: indexFileSeeds)
    func indexFileCheck_refusesOrAnswersNothing_neverCrashes(input: [UInt8]) {
        #expect(FuzzChecks.checkIndexFile(input) == [])
    }

    /// What the settings target starts from, checked here too, so that the check itself runs in `swift test`.
    @Test(arguments: [
        "(mentions:\"Ri Yong Ho\" or mentions:pompeo) not source:CNN\n[keys]\nfilter = \"f\"\n[[people]]\nname = \"Choe Son Hui\"\n",
        "not (read or\n[keys\nteleport = 42\n[[people]]\nheight = 3\n",
        String(repeating: "((((", count: 2_000) + "\n" + String(repeating: "[[a]]\n", count: 2_000),
        "x = " + String(repeating: "[", count: 20_000) + "\ny = " + String(repeating: "{a=", count: 5_000),
        "[filters]\na = \"\"\"\nnever closed\n[[people]]\nname = \".\"\nid = '''\n",
        "\u{FEFF}[keys]\r\nfilter = [\"f\",\r\n[colors]\r\nplace = \"red\"\r",
        String(repeating: "a.", count: 5_000) + "b = 1\n[" + String(repeating: "[a]", count: 3_000) + "\n",
    ])
    func settingsCheck_acceptsOrRefusesWithReasons(text: String) {
        #expect(FuzzChecks.checkSettings(Array(text.utf8)) == [])
    }

    /// A broken promise fails the test of its input alone; it used to stop the whole run.
    @Test func aBrokenPromise_isReported_notAborted() {
        // A configuration problem that names no line of the file breaks the settings check's promise;
        // a line that is there keeps it.
        #expect(FuzzChecks.check(Array("Kim met Pompeo.".utf8)) == [])
        #expect(FuzzChecks.problemsWithoutALine(["line 3: x", "line 1: y"], lines: 2) == ["a problem without a line of the file: line 3: x"])
    }

    @Test func keptCrashes_exist() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func fuzzFinding_nowPassesEveryCheck(input: URL) throws {
        #expect(FuzzChecks.check([UInt8](try Data(contentsOf: input))) == [], "\(input.lastPathComponent)")
    }
}
