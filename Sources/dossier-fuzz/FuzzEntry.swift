import CFuzzMain
import DossierFuzzChecks
import DossierCore
import Foundation

/// Which parser is fuzzed: one target a format, named by DOSSIER_FUZZ_FORMAT (text, html, feed, jsonl, csv).
let fuzzedFormat = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_FORMAT"].flatMap(DocumentFormat.init(rawValue:)) ?? .text

#if FUZZING
/// Called by libFuzzer for every input; CFuzzMain starts libFuzzer. Built by scripts/fuzz.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzChecks.check(Array(UnsafeBufferPointer(start: data, count: size)), as: fuzzedFormat)
    return 0
}
#else
/// Without the fuzzer: replays the files given as arguments, as libFuzzer would.
@main
enum ReplayInputs {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            FuzzChecks.check([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), as: fuzzedFormat)
            print("ok: \(path)")
        }
    }
}
#endif
