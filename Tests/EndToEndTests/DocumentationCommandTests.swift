import DossierTestSupport
import Foundation
import Testing

/// Every command README.md and docs/ show prints what they show.
struct DocumentationCommandTests {
    @Test func theDocumentsShowCommands() throws {
        #expect(try DocumentationExamples.commands().count >= 4)
    }

    @Test(arguments: try DocumentationExamples.commands())
    func command_printsWhatTheDocumentShows(example: DocumentationExamples.Command) throws {
        let products = CommandLineTests.executable.deletingLastPathComponent().path
        let path = products + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let run = try CommandLineTests.launch(URL(fileURLWithPath: "/bin/bash"), arguments: ["-c", example.command],
                                              // A config folder of each example's own: what one corrects, no other sees.
                                              environment: ["PATH": path, "XDG_CACHE_HOME": CommandLineTests.cacheHome.path,
                                                            "XDG_CONFIG_HOME": TemporaryFolder.url("documentation-config").path],
                                              directory: DocumentationExamples.repository)
        let stdout = String(decoding: run.stdout, as: UTF8.self)
        var lines = stdout.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        #expect(DocumentationExamples.matches(shown: example.output, actual: lines),
                "\(example) printed:\n\(lines.prefix(40).joined(separator: "\n"))")
    }
}
