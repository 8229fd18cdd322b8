import Foundation
import Testing

/// Compares text with `Snapshots/<name>.txt`. A missing file is written and the
/// test fails ("recorded; review it"); RECORD_SNAPSHOTS=1 rewrites every file.
func expectSnapshot(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name + ".txt")
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record(Comment(rawValue: "snapshot \(name) recorded; review it"), sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for index in 0..<max(expectedLines.count, actualLines.count) {
        let old = index < expectedLines.count ? String(expectedLines[index]) : "∅"
        let new = index < actualLines.count ? String(actualLines[index]) : "∅"
        if old != new { diff.append("line \(index + 1):\n- \(old)\n+ \(new)") }
    }
    let shown: String = diff.prefix(10).joined(separator: "\n")
    Issue.record(Comment(rawValue: "snapshot \(name) differs:\n\(shown)"), sourceLocation: sourceLocation)
}
