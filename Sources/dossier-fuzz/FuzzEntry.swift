import CFuzzMain
import DossierFormats
import DossierFuzzChecks
import Foundation

/// What is fuzzed, named by DOSSIER_FUZZ_FORMAT: a document format (text, html, feed, jsonl, csv),
/// `settings`, the filter language and the config file, or `index`, a saved index file.
let fuzzedTarget = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_FORMAT"] ?? "text"
let fuzzedFormat = DocumentFormat(rawValue: fuzzedTarget) ?? .text

/// Checks one input; a broken promise stops the run, so that libFuzzer keeps the input that broke it.
func checkOneInput(_ bytes: [UInt8]) {
    let broken = switch fuzzedTarget {
    case "settings": FuzzChecks.checkSettings(bytes)
    case "index": FuzzChecks.checkIndexFile(bytes)
    default: FuzzChecks.check(bytes, as: fuzzedFormat)
    }
    if !broken.isEmpty { fatalError("broken: " + broken.joined(separator: "; ")) }
}

#if FUZZING
/// Called by libFuzzer for every input; CFuzzMain starts libFuzzer. Built by scripts/fuzz.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    checkOneInput(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
/// Without the fuzzer: replays the files given as arguments, as libFuzzer would.
@main
enum ReplayInputs {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            checkOneInput([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            print("ok: \(path)")
        }
    }
}
#endif
