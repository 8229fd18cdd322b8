import DossierFuzzChecks
import Foundation
import Testing

/// Replays every input the fuzzer (scripts/fuzz.sh) ever crashed on, through the same checks.
struct FuzzRegressionTests {
    static var inputs: [URL] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions")
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func keptCrashes_exist() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func fuzzFinding_nowPassesEveryCheck(input: URL) throws {
        FuzzChecks.check([UInt8](try Data(contentsOf: input)))
    }
}
