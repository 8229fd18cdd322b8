import DossierCore
import DossierFuzzChecks
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
        FuzzChecks.check([UInt8](try Data(contentsOf: input)), as: format)
    }

    @Test func keptCrashes_exist() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func fuzzFinding_nowPassesEveryCheck(input: URL) throws {
        FuzzChecks.check([UInt8](try Data(contentsOf: input)))
    }
}
